// --pre-js of the WASM build of encart_ratio. Node 20 has fetch(), so Emscripten 3.1.6's glue
// fetches encart_ratio.wasm by file path, which fails ("Failed to parse URL", TOOLCHAIN.md):
// hand it the bytes instead, read from next to the script.
if (!Module['wasmBinary']) {
  Module['wasmBinary'] = require('fs').readFileSync(require('path').join(__dirname, 'encart_ratio.wasm'));
}
