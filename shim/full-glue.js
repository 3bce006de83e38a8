// The entry of dist/encart-full.js: the full module's Emscripten glue (encart.wasm: bundles and
// feeds), kept out of encart.js so that a page reading a pack never downloads it. encart.js
// loads it on demand (shim/full-glue-loader.js), which finds the factory under this name.
import createEncartModule from 'encart:glue';

/** @type {any} */ (globalThis).EncartFullGlue = createEncartModule;
