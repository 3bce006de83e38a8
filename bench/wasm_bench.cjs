#!/usr/bin/env node
// The same workloads as encart_bench, through the public JS API on the built WebAssembly
// (dist/), in Node: what the widget pays on top of the native figures.
//   node bench/wasm_bench.cjs [path/to/encart.js]
// Needs encart_gen_bundle (cmake --build --preset native-release --target encart_gen_bundle).
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const Encart = require(path.resolve(process.argv[2] || path.join(root, 'dist', 'encart.cjs')));
const generator = path.join(root, 'build', 'native-release', 'bench', 'encart_gen_bundle');
const NOW = Date.parse('2024-12-11T00:00:00Z');
const TYPED = 'sécurité maroc';
const trace = [...TYPED].map((_, i) => [...TYPED].slice(0, i + 1).join(''));

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

function time(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6; // ms
}

async function run(size) {
  const bytes = execFileSync(generator, [String(size)], { maxBuffer: 1 << 30 });
  const engine = await Encart.createEngine();
  const loads = [];
  for (let i = 0; i < 5; i++) loads.push(time(() => engine.load(bytes, { now: NOW })));
  const subject = engine.latest({ limit: Math.floor(size / 4) + 1 }).at(-1).id;

  const keystrokes = [];
  for (let round = 0; round < 10; round++) {
    for (const q of trace) {
      keystrokes.push(time(() => engine.sidebar({ article: subject, lang: 'fr', filter: { q } })));
    }
  }
  const latest = [];
  for (let i = 0; i < 200; i++) latest.push(time(() => engine.latest({ limit: 10, filter: { q: trace[i % trace.length] } })));
  const related = [];
  const ids = engine.latest({ limit: 20 }).map((a) => a.id);
  for (const id of ids) related.push(time(() => engine.related(id, { limit: 5 })));
  engine.dispose();

  const load = stats(loads);
  return {
    size,
    mb: bytes.length / 1e6,
    load: load.median,
    loadMBps: bytes.length / 1e6 / (load.median / 1000),
    sidebar: stats(keystrokes),
    latest: stats(latest),
    related: stats(related),
  };
}

(async () => {
  const rows = [];
  for (const size of [1000, 10000]) rows.push(await run(size));
  const f = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
  console.log(`encart ${Encart.version}, WebAssembly in Node ${process.version}, "now" = 2024-12-11`);
  console.log('| articles | bundle | load (median of 5) | sidebar per keystroke, median / p95 | latest+q, median | related (first call), median |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.size} | ${r.mb.toFixed(1)} MB | ${f(r.load)} (${r.loadMBps.toFixed(1)} MB/s) | ${f(r.sidebar.median)} / ${f(r.sidebar.p95)} | ${f(r.latest.median)} | ${f(r.related.median)} |`);
  }
})();
