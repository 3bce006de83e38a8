// Loaded before dist/encart.js. The engine exposes no memory figure and its Emscripten module
// stays inside encart.js's closure, so we catch the instance as it is created and keep its exported
// WebAssembly.Memory: memory.buffer.byteLength is then the engine's exact linear-memory size
// (it only grows). This observes encart; it changes nothing in how encart runs.
'use strict';
(() => {
  const probe = { memories: [] };
  self.wasmProbe = probe;
  const keep = (result) => {
    const instance = result && (result.instance || result);
    const exports = instance && instance.exports;
    if (exports) {
      for (const value of Object.values(exports)) {
        if (value instanceof WebAssembly.Memory) probe.memories.push(value);
      }
    }
    return result;
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then(keep);
  };
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) {
    WebAssembly.instantiateStreaming = function (...args) {
      return streaming.apply(this, args).then(keep);
    };
  }
  // Total bytes of every WebAssembly memory seen so far (encart creates one instance per page).
  probe.bytes = () => probe.memories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0);
})();
