'use strict';
// Related articles in WebAssembly (issue 4: ≤ 1 ms per article at 100k): loads a generated bundle
// into dist/ in Node and times engine.related() for many different articles (each call ranks a
// new subject: the per-article cache never helps).
//   node bench/related_wasm.cjs BUNDLE.json [CALLS]
// Generate the bundle with ./build/native-release/bench/encart_gen_bundle 100000 > b.json
const fs = require('node:fs');
const path = require('node:path');
// The engine's WebAssembly memory, caught as the module is instantiated: its size after the load
// is the high-water mark of the load (WebAssembly memory never shrinks).
const memories = [];
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = function (...args) {
  return instantiate.apply(this, args).then((result) => {
    const instance = result.instance || result;
    for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) memories.push(value);
    return result;
  });
};
const Encart = require(path.join(__dirname, '..', 'dist', 'encart.cjs'));

async function main() {
  const [file, callsArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: node bench/related_wasm.cjs BUNDLE.json [CALLS]');
  const calls = Number(callsArg || 500);
  const engine = await Encart.createEngine({ wasmBinary: fs.readFileSync(path.join(__dirname, '..', 'dist', 'encart.wasm')) });
  const bytes = fs.readFileSync(file);
  let t = performance.now();
  const report = engine.load(bytes, { now: '2024-12-11T00:00:00Z', baseUrl: 'https://bench.example/' });
  const loadMs = performance.now() - t;
  const ids = engine.latest({ limit: 1000 }).map((a) => a.id);
  const times = [];
  for (let i = 0; i < calls; i++) {
    const id = ids[(i * 7919) % ids.length];
    t = performance.now();
    engine.related(id, { limit: 5 });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(3);
  const memoryMb = memories.length ? (memories[0].buffer.byteLength / 1e6).toFixed(1) : '?';
  console.log(`${report.articles} articles (${(bytes.length / 1e6).toFixed(1)} MB), load ${loadMs.toFixed(0)} ms, WASM memory after load ${memoryMb} MB; related(id, {limit: 5}) over ${calls} different articles: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
