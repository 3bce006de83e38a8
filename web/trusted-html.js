// Markup handed to the DOM comes only from the core's escaping renderer. Under a Trusted Types
// policy (require-trusted-types-for 'script'), "encart" is the one policy to allow
// (trusted-types encart), and it holds to that: it turns into TrustedHTML only strings the core
// produced, registered here by the JS that received them from a native call (markCoreHtml,
// markSidebarHtml), each for one use. Anything else (feed text, a string from the page) is
// refused, so the policy cannot launder markup that did not come through the core's escaping.
// Script URLs likewise: only encart's own files (its worker, encart-full.js), registered by the
// script that computed them beside encart.js. docs/api.md, "Trusted Types".

/** @type {{createHTML(input: string): any, createScriptURL(input: string): any} | null | false} */
let htmlPolicy = null;

// The script URLs the policy accepts: encart's own files, by exact URL.
/** @type {Set<string>} */
const ownScripts = new Set();

// HTML from the core not yet used, with how many times it may be. Bounded: strings registered
// but never shown (a list the widget hides) are forgotten oldest first.
const MAX_PENDING = 256;
/** @type {Map<string, number>} */
const coreHtml = new Map();

// The one string parseInert is parsing, while it does.
/** @type {string | null} */
let inertInput = null;

/**
 * Registers `html`, just returned by a native call of the core, as usable once by trustedHtml.
 * @param {string} html
 * @returns {string} html itself
 */
export function markCoreHtml(html) {
  if (typeof html !== 'string') return html;
  coreHtml.set(html, (coreHtml.get(html) || 0) + 1);
  while (coreHtml.size > MAX_PENDING) coreHtml.delete(/** @type {string} */ (coreHtml.keys().next().value));
  return html;
}

/**
 * Registers the HTML of a sidebar view (each list's html, the menus' options).
 * @template {Record<string, any>} T
 * @param {T} view
 * @returns {T} view itself
 */
export function markSidebarHtml(view) {
  if (!view || typeof view !== 'object') return view;
  for (const list of ['latest', 'mostRead', 'related']) {
    if (view[list] && typeof view[list].html === 'string') markCoreHtml(view[list].html);
  }
  for (const options of ['categoryOptions', 'authorOptions']) {
    if (typeof view[options] === 'string') markCoreHtml(view[options]);
  }
  return view;
}

/** @param {string} html */
function takeCoreHtml(html) {
  const uses = coreHtml.get(html);
  if (!uses) return false;
  if (uses === 1) coreHtml.delete(html);
  else coreHtml.set(html, uses - 1);
  return true;
}

/** @param {string} html */
function refuse(html) {
  const shown = html.length > 40 ? `${html.slice(0, 40)}…` : html;
  return new TypeError(`[encart] refused HTML the encart core did not produce: ${JSON.stringify(shown)}`);
}

/** @param {string} url */
function acceptScriptUrl(url) {
  if (ownScripts.has(url)) return url;
  throw new TypeError(`[encart] refused a script URL that is not one of encart's own files: ${JSON.stringify(url.slice(0, 80))}`);
}

/** @param {string} html */
function accept(html) {
  if (html === inertInput || takeCoreHtml(html)) return html;
  throw refuse(html);
}

function policy() {
  if (htmlPolicy === null) {
    htmlPolicy = false;
    const tt = /** @type {any} */ (globalThis).trustedTypes;
    if (tt && tt.createPolicy) {
      try {
        htmlPolicy = tt.createPolicy('encart', { createHTML: accept, createScriptURL: acceptScriptUrl });
      } catch (error) {
        console.error('[encart] the page\'s Trusted Types policy does not allow "encart": %s', /** @type {Error} */ (error).message);
      }
    }
  }
  return htmlPolicy;
}

/**
 * `url`, one of encart's own scripts (computed beside encart.js), as TrustedScriptURL where the
 * browser has Trusted Types: for `new Worker()`, `importScripts()` and a script element's `src`.
 * Registers it, so that only URLs passed here are ever accepted by the policy.
 * @param {string} url
 * @returns {any}
 */
export function trustedScriptUrl(url) {
  ownScripts.add(url);
  const p = policy();
  return p ? p.createScriptURL(url) : url;
}

/**
 * `html`, registered by markCoreHtml, as TrustedHTML where the browser has Trusted Types (used
 * up: the next use of the same string needs the core to produce it again). Any other string
 * comes back as it is, never as TrustedHTML: a page that enforces Trusted Types refuses it
 * wherever it is assigned, and one that does not would take it anyway. Feed text goes to
 * parseInert, never here.
 * @param {string} html
 * @returns {any}
 */
export function trustedHtml(html) {
  const p = policy();
  // Unregistered, the plain string: a page enforcing Trusted Types refuses it at the sink.
  return p && coreHtml.has(html) ? p.createHTML(html) : html;
}

/**
 * `text` parsed by DOMParser as `type` ('text/html', 'application/xml'): an inert document, which
 * runs no script and loads nothing, so the policy lets this one string through for this one call.
 * For feed text (RSS, Atom, HTML in summaries), which must never reach trustedHtml.
 * @param {string} text
 * @param {DOMParserSupportedType} type
 * @returns {Document}
 */
export function parseInert(text, type) {
  const p = policy();
  inertInput = text;
  try {
    return new DOMParser().parseFromString(p ? p.createHTML(text) : text, type);
  } finally {
    inertInput = null;
  }
}
