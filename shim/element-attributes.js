// What <encart-sidebar> reads from its attributes beyond the plain strings: numbers, the related
// settings, the layout and the most-read period. A wrong value is reported (through `warn`, once
// per value) and ignored.
import { RELATED_GROUPS, RELATED_SETTINGS, WINDOWS } from '../web/vocabulary.js';

// Related settings a publisher can set on the element (or as data-* on the script tag), on top
// of the bundle's "related" object. The engine clamps each to its range (docs/bundle.md).
export function numberAttribute(element, name) {
  const raw = element.getAttribute(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (Number.isFinite(value)) return value;
  console.warn('[encart] %s="%s" is not a number; ignored', name, raw);
  return undefined;
}

// A group's attribute holds name:value pairs: related-weights="names:2 tags:0.5" (spaces, commas
// or semicolons between pairs). The settings and their attributes: vocabulary.json.
function groupAttribute(element, group) {
  const raw = element.getAttribute(group.attribute);
  if (!raw) return undefined;
  const names = RELATED_SETTINGS.filter((s) => s.group === group.name).map((s) => s.js);
  const out = {};
  for (const pair of raw.split(/[\s,;]+/).filter(Boolean)) {
    const [name, value] = pair.split(':');
    const number = Number(value);
    if (names.includes(name) && value !== undefined && value.trim() !== '' && Number.isFinite(number)) {
      out[name] = number;
    } else {
      console.warn('[encart] %s: "%s" ignored (expected name:number, name one of %s)', group.attribute, pair, names.join(', '));
    }
  }
  return out;
}

export function relatedAttributes(element) {
  const out = {};
  for (const group of RELATED_GROUPS) {
    const values = groupAttribute(element, group);
    if (values) out[group.name] = values;
  }
  for (const setting of RELATED_SETTINGS) {
    // related-limit is the list's page size (#resetLimits), not the setting underneath it.
    if (setting.group || setting.name === 'limit') continue;
    if (setting.kind === 'flag') {
      if (element.hasAttribute(setting.attribute)) out[setting.js] = element.getAttribute(setting.attribute) !== 'false';
      continue;
    }
    const value = numberAttribute(element, setting.attribute);
    if (value !== undefined) out[setting.js] = value;
  }
  return out;
}

/**
 * "tabs" or '' (stacked, the default); another value is reported and ignored.
 * @param {Element} element
 * @param {(key: string, ...message: unknown[]) => void} warn
 */
export function layoutAttribute(element, warn) {
  const value = element.getAttribute('layout');
  if (value === null || value === '' || value === 'stacked') return '';
  if (value === 'tabs') return 'tabs';
  warn(`layout=${value}`, '[encart] layout="%s" is not "tabs" or "stacked"; using stacked', value);
  return '';
}

/**
 * The page's most-read-window, or "all" when it is missing or not a window.
 * @param {Element} element
 * @param {(key: string, ...message: unknown[]) => void} warn
 */
export function windowAttribute(element, warn) {
  const value = element.getAttribute('most-read-window');
  if (value === null || value === '') return 'all';
  if (WINDOWS.includes(value)) return value;
  warn(`window=${value}`, '[encart] most-read-window="%s" is not one of %s; using all', value, WINDOWS.join(', '));
  return 'all';
}
