// The URL of the running encart.js, read while the script is evaluated (document.currentScript
// is only set then): encart.wasm is fetched beside it and the worker is started from it.
export const scriptUrl =
  typeof document !== 'undefined' && document.currentScript && 'src' in document.currentScript
    ? document.currentScript.src
    : '';
