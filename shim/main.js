// The script a publisher pastes (dist/encart.js, an IIFE built by esbuild). In a page it defines
// the <encart-sidebar> element, mounts <script data-bundle> embeds and leaves one global,
// `Encart`; started as `new Worker('.../encart.js#encart-worker')` by the widget, it serves the
// engine to the page instead.

import { ENCART_VERSION, createEngine } from '../web/engine.js';
import { EncartError } from '../web/errors.js';
import { setWasmSource } from '../web/module.js';
import { WORKER_MARK, serveWorker } from './bundle-source.js';
import { defineElements, mountScripts } from './embed.js';
import { besideScript } from './script-url.js';

// encart.wasm and encart-pack.wasm sit beside encart.js.
setWasmSource((file) => ({ wasmUrl: besideScript(file) }));

const existing = /** @type {any} */ (globalThis).Encart;
if (typeof existing === 'object' && existing && typeof existing.mountScripts === 'function') {
  // A second copy of this script on the page only mounts its own tag: one WASM instance per page.
  existing.mountScripts();
} else {
  const Encart = Object.freeze({ version: ENCART_VERSION, createEngine, EncartError, mountScripts });
  Object.defineProperty(globalThis, 'Encart', { value: Encart, configurable: true });
  if (typeof document !== 'undefined') {
    defineElements();
    mountScripts();
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountScripts, { once: true });
  } else if (typeof self !== 'undefined' && self.location && self.location.hash === `#${WORKER_MARK}`) {
    serveWorker(); // started by the widget; any other worker gets the headless API only
  }
}
