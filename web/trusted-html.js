// Markup handed to the DOM comes only from the core's escaping renderer (and, for RSS/Atom, the
// feed text given to DOMParser, which runs no script and loads nothing). Under a Trusted Types
// policy (require-trusted-types-for 'script'), "encart" is the one policy to allow:
// trusted-types encart.

/** @type {{createHTML(input: string): any} | null | false} */
let htmlPolicy = null;

/**
 * The string as TrustedHTML where the page enforces Trusted Types, as itself elsewhere.
 * @param {string} html
 * @returns {any}
 */
export function trustedHtml(html) {
  if (htmlPolicy === null) {
    htmlPolicy = false;
    const tt = /** @type {any} */ (globalThis).trustedTypes;
    if (tt && tt.createPolicy) {
      try {
        htmlPolicy = tt.createPolicy('encart', { createHTML: (/** @type {string} */ s) => s });
      } catch (error) {
        console.error(`[encart] the page's Trusted Types policy does not allow "encart": ${/** @type {Error} */ (error).message}`);
      }
    }
  }
  return htmlPolicy ? htmlPolicy.createHTML(html) : html;
}
