// The WebAssembly module: one download and one instance per page (or Node process), shared by
// every engine. Where encart.wasm comes from depends on the entry point (shim/main.js beside the
// script, web/node.js from the file system, web/index.js beside the ES module): each entry sets
// the default with setWasmSource().

// Resolved by tools/build-dist.mjs to the Emscripten glue of the build (a CommonJS factory).
import createEncartModule from 'encart:glue';
import { EncartError } from './errors.js';

/**
 * Where to find encart.wasm: its bytes, or its URL.
 * @typedef {{wasmBinary?: Uint8Array | ArrayBuffer, wasmUrl?: string}} WasmSource
 */

/** @type {() => WasmSource} */
let defaultSource = () => ({});

/** @type {Promise<any> | null} */
let modulePromise = null;

/** @param {() => WasmSource} source called on the first load only, when no option says otherwise */
export function setWasmSource(source) {
  defaultSource = source;
}

/**
 * The shared instance, instantiated on the first call; later calls ignore `options`.
 * @param {WasmSource} [options]
 * @returns {Promise<any>} the Emscripten module (embind classes and functions)
 */
export function loadModule(options) {
  if (modulePromise) return modulePromise;
  // The glue's own console lines get the same prefix as ours.
  /** @type {Record<string, unknown>} */
  const moduleOptions = {
    printErr: (/** @type {string} */ text) => console.warn(`[encart] ${text}`),
    print: (/** @type {string} */ text) => console.log(`[encart] ${text}`),
  };
  const source = options && (options.wasmBinary || options.wasmUrl) ? options : defaultSource();
  if (source.wasmBinary) {
    moduleOptions.wasmBinary = source.wasmBinary;
  } else if (source.wasmUrl) {
    const wasmUrl = source.wasmUrl;
    moduleOptions.locateFile = () => wasmUrl;
  }
  const pending = createEncartModule(moduleOptions).catch((/** @type {any} */ error) => {
    if (modulePromise === pending) modulePromise = null; // a later call may retry (e.g. after a network failure)
    throw new EncartError('wasm_failed', `encart.wasm could not be loaded: ${error && error.message ? error.message : error}`);
  });
  modulePromise = pending;
  return pending;
}

/**
 * Forgets the instance (after a WebAssembly trap its memory cannot be trusted): the next call
 * to loadModule() instantiates a fresh one.
 */
export function discardModule() {
  modulePromise = null;
}
