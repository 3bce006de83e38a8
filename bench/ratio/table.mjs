// Reads the JSON lines of encart_ratio run natively and in WebAssembly, prints a markdown table
// of medians and WASM/native ratios. Exits 1 if the two runs did not measure the same bundles.
//   node bench/ratio/table.mjs native.jsonl wasm.jsonl [limit=1.5]
import { readFileSync } from 'node:fs';

const [nativePath, wasmPath, limitArg] = process.argv.slice(2);
if (!nativePath || !wasmPath) {
  console.error('usage: node table.mjs native.jsonl wasm.jsonl [limit]');
  process.exit(2);
}
const limit = Number(limitArg ?? 1.5);
const targets = new Set(['parse', 'filter']); // issue 3, item 6: ratio ≤ 1.5 on parse and filter

const read = (path) =>
  readFileSync(path, 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
// Several rounds (run.sh ROUNDS=n) give several lines per size and workload: keep the median
// of their medians, the best of their minima, the largest memory figure.
function merge(records) {
  const groups = new Map();
  for (const r of records) {
    const k = `${r.size}/${r.workload}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(r);
  }
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  return [...groups.values()].map((rs) => {
    const out = { ...rs[0], rounds: rs.length };
    if ('median_ms' in out) {
      out.median_ms = median(rs.map((r) => r.median_ms));
      out.min_ms = Math.min(...rs.map((r) => r.min_ms));
      out.reps = rs.reduce((n, r) => n + r.reps, 0);
    }
    if ('mb_per_s' in out) out.mb_per_s = median(rs.map((r) => r.mb_per_s));
    if ('peak_mb' in out) out.peak_mb = Math.max(...rs.map((r) => r.peak_mb));
    return out;
  });
}
// The index build is load minus parse: its best is the best load minus the best parse (the
// smallest of the paired differences is mostly noise).
function fixIndex(records) {
  for (const r of records.filter((x) => x.workload === 'index')) {
    const load = records.find((x) => x.size === r.size && x.workload === 'load');
    const parse = records.find((x) => x.size === r.size && x.workload === 'parse');
    if (load && parse) r.min_ms = load.min_ms - parse.min_ms;
  }
  return records;
}
const native = fixIndex(merge(read(nativePath)));
const wasm = fixIndex(merge(read(wasmPath)));
const key = (r) => `${r.size}/${r.workload}`;
const wasmBy = new Map(wasm.map((r) => [key(r), r]));

const order = ['parse', 'index', 'load', 'filter', 'sidebar', 'facets'];
const label = {
  parse: 'parse (`parse_bundle`)',
  index: 'index build (load − parse)',
  load: 'load (`Engine::load`)',
  filter: 'filter: `latest` 10 + q, 14 keystrokes',
  sidebar: 'sidebar 10/10/0 + q, 14 keystrokes',
  facets: 'facets, q = "maroc"',
};
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(4));

let mismatch = false;
const rows = [];
const sizes = [...new Set(native.filter((r) => r.size).map((r) => r.size))].sort((a, b) => a - b);
for (const size of sizes) {
  const nb = native.find((r) => r.size === size && r.workload === 'bundle');
  const wb = wasmBy.get(`${size}/bundle`);
  if (!wb || nb.fnv1a !== wb.fnv1a || nb.bytes !== wb.bytes) {
    console.error(`size ${size}: native and WASM bundles differ (or WASM missing): ${JSON.stringify([nb, wb])}`);
    mismatch = true;
  }
}
for (const workload of order) {
  for (const size of sizes) {
    const n = native.find((r) => r.size === size && r.workload === workload);
    const w = wasmBy.get(`${size}/${workload}`);
    if (!n || !w) continue;
    const ratio = w.median_ms / n.median_ms;
    const best = w.min_ms / n.min_ms;
    const over = ratio > limit;
    const target = targets.has(workload) ? ' (target)' : '';
    const flag = over ? `**over ${limit}**${target}` : `ok${target}`;
    rows.push(
      `| ${label[workload]} | ${size.toLocaleString('en')} | ${fmt(n.median_ms)} | ${fmt(w.median_ms)} | ` +
        `${ratio.toFixed(2)} | ${best.toFixed(2)} | ${flag} |`,
    );
  }
}

console.log(`| workload | articles | native ms | wasm ms | ratio | ratio of bests | ≤ ${limit} |`);
console.log('|---|---:|---:|---:|---:|---:|---|');
for (const row of rows) console.log(row);

// Context lines under the table: bundle sizes, parse speed, memory.
const notes = [];
for (const size of sizes) {
  const nb = native.find((r) => r.size === size && r.workload === 'bundle');
  const np = native.find((r) => r.size === size && r.workload === 'parse');
  const wp = wasmBy.get(`${size}/parse`);
  const nm = native.find((r) => r.size === size && r.workload === 'memory');
  const wm = wasmBy.get(`${size}/memory`);
  notes.push(
    `- ${size.toLocaleString('en')} articles: bundle ${(nb.bytes / 1e6).toFixed(1)} MB; parse ` +
      `${np?.mb_per_s.toFixed(0)} MB/s native, ${wp?.mb_per_s.toFixed(0)} MB/s WASM; ` +
      `peak RSS native ${nm?.peak_mb.toFixed(0)} MB, WASM heap ${wm?.peak_mb.toFixed(0)} MB`,
  );
}
console.log('');
const sample = native.find((r) => r.workload === 'parse');
const clocks = [...new Set([...native, ...wasm].filter((r) => r.workload === 'run').map((r) => r.clock ?? 'wall'))];
console.log(
  `ms are medians (${sample?.reps ?? '?'} samples per figure, ${sample?.rounds ?? '?'} round(s), ` +
    `${clocks.join('/')} clock); "ratio" is ` +
    'wasm/native of the medians (flagged above the limit), "ratio of bests" the same for the fastest samples, ' +
    'which background load on the machine disturbs least. Filter and sidebar are the whole 14-keystroke trace ' +
    '("s" … "sécurité maroc"): divide by 14 for one keystroke. Index build is load minus parse.',
);
for (const note of notes) console.log(note);
const over = rows.filter((r) => r.includes('**over')).length;
console.log('');
console.log(over ? `${over} figure(s) above ${limit}.` : `Every figure at or below ${limit}.`);
process.exit(mismatch ? 1 : 0);
