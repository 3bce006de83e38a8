// Checks and normalises what callers pass to the API: filters, limits, ids, dates, related
// settings. Each function throws an EncartError naming the option at fault.

import { EncartError, optionError } from './errors.js';
import { CODES, RELATED_GROUPS, RELATED_SETTINGS, WINDOWS } from './vocabulary.js';

export { WINDOWS };

export const FORMATS = ['auto', 'bundle', 'jsonfeed', 'wordpress', 'rss', 'atom'];

// View counts from elsewhere (docs/connect.md): the views.json text, its bytes, or the parsed
// object.
export function viewsText(views) {
  if (views === undefined || views === null) return '';
  if (typeof views === 'string') return views;
  if (views instanceof Uint8Array || views instanceof ArrayBuffer || ArrayBuffer.isView(views)) {
    return new TextDecoder().decode(toBytes(views));
  }
  if (typeof views === 'object') return JSON.stringify(views);
  throw optionError('views: expected the views.json text, its bytes or an object');
}

export function toBytes(input) {
  if (typeof input === 'string') return new TextEncoder().encode(input);
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new EncartError(CODES.bad_input, 'load: expected the bundle as a string, an ArrayBuffer or a Uint8Array');
}

// The range of a JS Date (±100,000,000 days around 1970); outside it no date is meaningful.
const MAX_DATE_MS = 8.64e15;

export function toEpochMs(value, name) {
  if (value instanceof Date) value = value.getTime();
  else if (typeof value === 'string') value = Date.parse(value);
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_DATE_MS) {
    throw optionError(`${name}: expected a Date, epoch milliseconds or an ISO 8601 string`);
  }
  return value;
}

function toIsoBound(value, name) {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'string') return value; // the core parses and reports it
  if (value instanceof Date || typeof value === 'number') {
    const ms = value instanceof Date ? value.getTime() : value;
    if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) {
      throw new EncartError(CODES.bad_filter, `filter.${name}: not a valid date`);
    }
    return new Date(ms).toISOString();
  }
  throw new EncartError(CODES.bad_filter, `filter.${name}: expected an ISO 8601 string, a Date or epoch milliseconds`);
}

function toStringList(value, name) {
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  list.forEach((item, i) => {
    if (typeof item !== 'string') {
      const where = Array.isArray(value) ? `filter.${name}[${i}]` : `filter.${name}`;
      throw new EncartError(CODES.bad_filter, `${where}: expected a string`);
    }
  });
  return list.filter((item) => item !== '');
}

const FILTER_FIELDS = ['q', 'category', 'author', 'tag', 'since', 'until', 'date'];
const DATE_PRESETS = ['today', '7d', '30d'];

export function normalizeFilter(filter) {
  if (filter === undefined || filter === null) return {};
  if (typeof filter !== 'object') throw new EncartError(CODES.bad_filter, 'filter: expected an object');
  for (const key of Object.keys(filter)) {
    if (!FILTER_FIELDS.includes(key)) {
      throw new EncartError(CODES.bad_filter, `filter.${key}: unknown field (expected one of ${FILTER_FIELDS.join(', ')})`);
    }
  }
  if (filter.q !== undefined && filter.q !== null && typeof filter.q !== 'string') {
    throw new EncartError(CODES.bad_filter, 'filter.q: expected a string');
  }
  if (filter.date !== undefined && filter.date !== null && filter.date !== '' && !DATE_PRESETS.includes(filter.date)) {
    throw new EncartError(CODES.bad_filter, `filter.date: expected one of ${DATE_PRESETS.join(', ')}`);
  }
  return {
    q: filter.q || '',
    category: toStringList(filter.category, 'category'),
    author: toStringList(filter.author, 'author'),
    tag: toStringList(filter.tag, 'tag'),
    since: toIsoBound(filter.since, 'since'),
    until: toIsoBound(filter.until, 'until'),
    date: filter.date || '',
  };
}

export function toLimit(value, name, fallback) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw optionError(`${name}: expected a whole number of 0 or more`);
  return Math.min(value, 1000);
}

/**
 * An article id: a string, or a whole number as WordPress gives them (101 is the id "101").
 * @param {unknown} value
 * @param {string} name
 * @returns {string}
 */
export function toId(value, name) {
  if (typeof value === 'string') return value;
  if (Number.isSafeInteger(value) && /** @type {number} */ (value) >= 0) return String(value);
  throw optionError(`${name}: expected an article id (a string, or a whole number of 0 or more)`);
}

export function toIdList(value, name) {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((id, i) => toId(id, Array.isArray(value) ? `${name}[${i}]` : name));
}

/**
 * The page's own addresses, for the article on screen (docs/api.md): strings, in the order to try.
 * @param {unknown} value
 * @param {string} name
 * @returns {string[]}
 */
export function toUrlList(value, name) {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((url) => typeof url !== 'string')) {
    throw optionError(`${name}: expected an array of URL strings`);
  }
  return value;
}

export function toWindow(value) {
  if (value === undefined) return 'all';
  if (!WINDOWS.includes(value)) throw optionError(`window: expected one of ${WINDOWS.join(', ')}`);
  return value;
}

export function listOptions(options, method) {
  options = options || {};
  return {
    limit: toLimit(options.limit, `${method}.limit`, 10),
    exclude: toIdList(options.exclude, `${method}.exclude`),
    filter: normalizeFilter(options.filter),
  };
}

// Related settings given by the page: types are checked here (a clear bad_option naming the
// field); ranges are clamped by the engine, as for the bundle's own settings (docs/bundle.md).
// Which settings exist, and their names, come from vocabulary.json.
export function relatedSettings(value, name) {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object') throw optionError(`${name}: expected an object`);
  const out = {};
  const read = (/** @type {any} */ from, /** @type {any} */ to, /** @type {string} */ key, /** @type {string} */ where, /** @type {string} */ kind) => {
    const v = from[key];
    if (v === undefined || v === null) return;
    if (kind === 'flag' ? typeof v !== 'boolean' : typeof v !== 'number' || !Number.isFinite(v)) {
      throw optionError(`${name}.${where}: expected ${kind === 'flag' ? 'true or false' : 'a number'}`);
    }
    to[key] = v;
  };
  for (const group of RELATED_GROUPS) {
    const given = value[group.name];
    if (given === undefined || given === null) continue;
    if (typeof given !== 'object') throw optionError(`${name}.${group.name}: expected an object`);
    const members = RELATED_SETTINGS.filter((s) => s.group === group.name).map((s) => s.js);
    const unknown = Object.keys(given).find((key) => !members.includes(key));
    if (unknown !== undefined) {
      throw optionError(`${name}.${group.name}.${unknown}: unknown ${group.name} entry (expected ${members.join(', ')})`);
    }
    out[group.name] = {};
    for (const key of members) read(given, out[group.name], key, `${group.name}.${key}`, 'number');
  }
  for (const setting of RELATED_SETTINGS.filter((s) => !s.group)) read(value, out, setting.js, setting.js, setting.kind);
  return out;
}
