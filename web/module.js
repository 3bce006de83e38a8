// The WebAssembly modules: one download and one instance of each per page (or Node process),
// shared by every engine. The full module (encart.wasm) reads bundles and feeds; the pack module
// (encart-pack.wasm, web/pack-module.js) reads packs. Where a .wasm file comes from depends on
// the entry point (shim/main.js beside the script, web/node.js from the file system,
// web/index.js beside the ES module): each entry says so once with setWasmSource().

// Resolved by tools/build-dist.mjs to the Emscripten glue of the build (a CommonJS factory).
import createEncartModule from 'encart:glue';
import { EncartError } from './errors.js';
import { CODES } from './vocabulary.js';

/**
 * Where to find a .wasm file: its bytes, or its URL.
 * @typedef {{wasmBinary?: Uint8Array | ArrayBuffer, wasmUrl?: string}} WasmSource
 */

/** @type {(file: string) => WasmSource} */
let defaultSource = () => ({});

/** @param {(file: string) => WasmSource} source where `file` ("encart.wasm"...) is, by default */
export function setWasmSource(source) {
  defaultSource = source;
}

/**
 * A module loader: instantiates on the first call (later calls ignore `options`), forgets a
 * failed attempt so that a later call may retry (e.g. after a network failure).
 * @param {(options: Record<string, unknown>) => Promise<any>} factory the Emscripten glue
 * @param {string} file the .wasm file's name
 */
export function moduleLoader(factory, file) {
  /** @type {Promise<any> | null} */
  let pending = null;
  /** @param {WasmSource} [options] */
  const load = (options) => {
    if (pending) return pending;
    // The glue's own console lines get the same prefix as ours.
    /** @type {Record<string, unknown>} */
    const moduleOptions = {
      printErr: (/** @type {string} */ text) => console.warn('[encart] %s', text),
      print: (/** @type {string} */ text) => console.log('[encart] %s', text),
    };
    const source = options && (options.wasmBinary || options.wasmUrl) ? options : defaultSource(file);
    if (source.wasmBinary) {
      moduleOptions.wasmBinary = source.wasmBinary;
    } else if (source.wasmUrl) {
      const wasmUrl = source.wasmUrl;
      moduleOptions.locateFile = () => wasmUrl;
    }
    const attempt = factory(moduleOptions).catch((/** @type {any} */ error) => {
      if (pending === attempt) pending = null;
      throw new EncartError(CODES.wasm_failed, `${file} could not be loaded: ${error && error.message ? error.message : error}`);
    });
    pending = attempt;
    return attempt;
  };
  // After a WebAssembly trap the instance's memory cannot be trusted: the next call starts anew.
  const discard = () => {
    pending = null;
  };
  return { load, discard };
}

const full = moduleLoader(createEncartModule, 'encart.wasm');

/**
 * The full module's shared instance.
 * @param {WasmSource} [options]
 * @returns {Promise<any>} the Emscripten module (embind classes and functions)
 */
export const loadModule = full.load;
export const discardModule = full.discard;
