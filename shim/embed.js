// Registration and the script-tag embed. Safe to run more than once: a page may carry several
// <script src=".../encart.js" data-bundle=...> tags, each evaluating this file.

import { RELATED_ATTRIBUTES } from '../web/vocabulary.js';
import { EncartSidebarElement } from './sidebar-element.js';

export function defineElements() {
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('encart-sidebar')) customElements.define('encart-sidebar', EncartSidebarElement);
}

// data-* on the script tag, as element attributes: data-sync-url is sync-url.
const SCRIPT_SETTINGS = [
  'bundle', 'format', 'views', 'article', 'lang', 'limit', 'syncUrl', 'history', 'layout', 'mostReadWindow',
  ...RELATED_ATTRIBUTES.map(camel),
];

function camel(attribute) {
  return attribute.replace(/-([a-z])/g, (_, c) => c.toUpperCase()); // related-min-score -> relatedMinScore
}

// <script data-bundle="/articles.json" data-article="ID" data-lang="fr" [data-target="#id"]>:
// an <encart-sidebar> where the script stands, or inside the element data-target names.
function mountScript(script) {
  if (!script || !script.dataset || !script.dataset.bundle || 'encartMounted' in script.dataset) return;
  const selector = script.dataset.target;
  if (selector && document.readyState === 'loading' && !safeQuery(selector)) {
    // The target may come later in the page: mount once it is parsed.
    document.addEventListener('DOMContentLoaded', () => mountScript(script), { once: true });
    return;
  }
  script.dataset.encartMounted = '';
  const element = document.createElement('encart-sidebar');
  for (const name of SCRIPT_SETTINGS) {
    const attribute = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`); // syncUrl -> sync-url
    if (script.dataset[name] !== undefined) element.setAttribute(attribute, script.dataset[name]);
  }
  if (selector) {
    const target = safeQuery(selector);
    if (!target) {
      console.error(`[encart] data-target "${selector}" matches no element; the sidebar is placed after the script`);
    } else {
      target.append(element);
      return;
    }
  }
  if (script.parentNode === document.head) {
    // Nothing renders in <head>: the end of <body> is the least surprising place.
    console.warn('[encart] the script is in <head> without data-target; the sidebar goes at the end of <body>');
    const append = () => document.body.append(element);
    if (document.body) append();
    else document.addEventListener('DOMContentLoaded', append, { once: true });
    return;
  }
  script.after(element);
}

// An invalid selector is reported like a missing element.
function safeQuery(selector) {
  try {
    return document.querySelector(selector);
  } catch (error) {
    return null;
  }
}

export function mountScripts() {
  if (typeof document === 'undefined') return;
  if (document.currentScript) mountScript(document.currentScript);
  // Scripts that ran before the DOM was ready, or were inserted without currentScript.
  for (const script of /** @type {NodeListOf<HTMLScriptElement>} */ (document.querySelectorAll('script[data-bundle]'))) {
    if (/encart(\.min)?\.js(\?|#|$)/.test(script.src)) mountScript(script);
  }
}
