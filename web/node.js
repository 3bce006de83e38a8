// The Node entry, built twice: dist/encart.cjs (require) and dist/encart.node.mjs (import).
// The Emscripten glue is built for the web only (no Node code of its own, so it bundles cleanly
// everywhere); in Node the bytes of encart.wasm are read here, beside the entry, and handed over.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENCART_VERSION, createEngine } from './engine.js';
import { EncartError } from './errors.js';
import { setWasmSource } from './module.js';
import { fetchBytes, openPack as openPackFrom } from './pack.js';
import { trustedHtml } from './trusted-html.js';

// CommonJS output has __dirname; ES module output has import.meta.url.
const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
setWasmSource((file) => ({ wasmBinary: readFileSync(join(here, file)) }));

/**
 * openPack for Node: a pack on disk opens from a file: URL (pathToFileURL('packs/manifest.json')).
 * @type {typeof openPackFrom}
 */
function openPack(url, options = {}) {
  const local = async (/** @type {string} */ file) =>
    file.startsWith('file:') ? new Uint8Array(readFileSync(fileURLToPath(file))) : fetchBytes(file);
  return openPackFrom(url, { fetchBytes: local, ...options });
}

export const version = ENCART_VERSION;
export { createEngine, EncartError, openPack, trustedHtml };
export default { version, createEngine, EncartError, openPack, trustedHtml };
