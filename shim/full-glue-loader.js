// What encart.js has in place of the full module's glue ('encart:glue', see
// tools/build-dist.mjs): a factory with the glue's signature that first loads
// dist/encart-full.js beside encart.js, the first time a page reads a bundle or feed. A page
// reading a pack loads only the pack module's glue, built into encart.js (issue 9: ≤ 100 KB of
// code before a pack's first sidebar).
import { trustedScriptUrl } from '../web/trusted-html.js';
import { besideScript } from './script-url.js';

export const FULL_GLUE_FILE = 'encart-full.js';

/** @type {Promise<(options: Record<string, unknown>) => Promise<any>> | null} */
let loading = null;

/** @param {string} url */
function loadScript(url) {
  if (typeof document === 'undefined') {
    // A classic worker (the widget's): importScripts runs the file before returning.
    /** @type {any} */ (self).importScripts(trustedScriptUrl(url));
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.onload = () => {
      script.remove();
      resolve(undefined);
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`${url} could not be loaded (a 404, or a Content-Security-Policy that does not allow it)`));
    };
    script.src = trustedScriptUrl(url);
    document.head.append(script);
  });
}

async function glue() {
  const url = besideScript(FULL_GLUE_FILE);
  await loadScript(url);
  const factory = /** @type {any} */ (globalThis).EncartFullGlue;
  delete (/** @type {any} */ (globalThis).EncartFullGlue); // held here: the page keeps one global, Encart
  if (typeof factory !== 'function') throw new Error(`${url} did not define the engine (is it encart's own encart-full.js?)`);
  return factory;
}

/**
 * @param {Record<string, unknown>} options as for the Emscripten glue
 * @returns {Promise<any>} the full module
 */
export default function createEncartModule(options) {
  if (!loading) {
    const attempt = glue();
    // A failed load (offline, 404) may be retried by a later call, as module.js retries the wasm.
    attempt.catch(() => {
      if (loading === attempt) loading = null;
    });
    loading = attempt;
  }
  return loading.then((factory) => factory(options));
}
