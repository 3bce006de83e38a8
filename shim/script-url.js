// The URL of the running encart.js, read while the script is evaluated (document.currentScript
// is only set then): encart.wasm, encart-pack.wasm and encart-full.js are fetched beside it and
// the worker is started from it.
export const scriptUrl =
  typeof document !== 'undefined' && document.currentScript && 'src' in document.currentScript
    ? document.currentScript.src
    : '';

/**
 * The URL of `file`, one of encart's own files, beside encart.js; in a worker or when
 * currentScript is unknown, the context's own URL is the base.
 * @param {string} file
 */
export function besideScript(file) {
  const base = scriptUrl || (typeof document !== 'undefined' ? document.baseURI : self.location.href);
  return new URL(file, base).href;
}
