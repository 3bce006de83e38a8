// The ES module entry for browsers and bundlers (dist/encart.mjs): the headless API only. The
// widget is the script a publisher pastes (dist/encart.js); this entry is for developers who
// import encart into their own code. encart.wasm is fetched beside this module unless
// createEngine({wasmUrl}) or {wasmBinary} says otherwise (a bundler that moves the module moves
// that URL with it).

import { ENCART_VERSION, createEngine } from './engine.js';
import { EncartError } from './errors.js';
import { setWasmSource } from './module.js';
import { openPack } from './pack.js';
import { trustedHtml } from './trusted-html.js';

setWasmSource((file) => ({ wasmUrl: new URL(file, import.meta.url).href }));

export const version = ENCART_VERSION;
export { createEngine, EncartError, openPack, trustedHtml };
export default { version, createEngine, EncartError, openPack, trustedHtml };
