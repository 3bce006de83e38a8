// Markdown report of a browser benchmark run (the JSON that run.mjs writes), so the figures can
// be pasted into the README or an issue as they are.
//   node bench/browser/report.mjs [/tmp/encart-browser-bench.json]   re-prints a saved run
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ms = (x) => (x === null || x === undefined ? '–' : x < 1 ? `${x.toFixed(3)}` : x < 100 ? `${x.toFixed(2)}` : `${x.toFixed(0)}`);
const mb = (bytes) => (bytes === null || bytes === undefined ? '–' : `${(bytes / 1e6).toFixed(1)}`);
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(3)}` : '–');
const sizeName = (n) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

// The keystroke whose median over the rounds is highest: where a contender's p95 comes from.
function slowest(samples, trace) {
  if (!samples || !trace) return '–';
  let worst = null;
  trace.forEach((q, k) => {
    const times = samples.filter((_, i) => i % trace.length === k).sort((a, b) => a - b);
    const median = times[Math.floor((times.length - 1) / 2)];
    if (!worst || median > worst.median) worst = { q, median };
  });
  return `"${worst.q}" ${ms(worst.median)}`;
}

function table(head, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i < 2 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

export function report(run) {
  const out = [];
  const first = run.results[0] || {};
  out.push(`## encart browser benchmark`);
  out.push('');
  out.push(`encart.wasm sha256 ${run.wasmSha256 || '?'}…; Chromium ${run.chromium} (headless), ${run.date}; ${run.rounds} rounds × ${first.keystrokesPerRound} keystrokes ` +
    `per contender and size (after one warm-up round); cross-origin isolated: ${run.results.every((r) => r.crossOriginIsolated)}, ` +
    `timer step ${run.results.map((r) => `${(r.timerResolutionMs * 1000).toFixed(0)} µs`).join(' / ')}; whole run ${run.wallSeconds.toFixed(0)} s; ` +
    `machine load average ${run.loadAverage.start.toFixed(2)} at start, ${run.loadAverage.end.toFixed(2)} at end on ${run.cpus} CPUs ` +
    `(other processes competing for the CPUs make the figures noisier).`);
  out.push('');
  out.push(`Per keystroke, the widget's work: text filter + 10 newest + 10 most read + category and author counts. ` +
    `encart: one \`engine.sidebar()\` (HTML out); "encart data API": \`latest\` + \`mostRead\` + \`facets\`. ` +
    `Load: from the fetched bytes to ready to query (encart: \`engine.load\`; JS contenders: decode + JSON.parse + index/precompute). ` +
    `Memory, after a forced GC: MiniSearch and scan, the \`measureUserAgentSpecificMemory\` delta over their load ` +
    `(\`usedJSHeapSize\` delta in brackets); encart, its WebAssembly linear memory after load (read from the instance's ` +
    `exported Memory; it includes the initial heap and never shrinks; \`measureUserAgentSpecificMemory\` does not count it) ` +
    `plus its JS delta. "× bundle" divides by the bundle's bytes.`);
  out.push('');
  const rows = [];
  for (const r of run.results) {
    const { encart, minisearch, scan } = r.contenders;
    const trace = r.trace;
    const row = (label, k, samples, load, memory) =>
      [sizeName(r.size), label, ms(k.p50), ms(k.p95), ms(k.max), slowest(samples, trace), load, memory];
    // JS contenders: what their load left on the JS heap. encart: its WebAssembly linear memory
    // (which measureUserAgentSpecificMemory does not count) plus what it left on the JS heap.
    const jsMem = (c) => `${mb(c.memory.uaDelta)} = ${ratio(c.memory.uaDelta, r.bytes)}× (heap ${mb(c.memory.jsHeapDelta)})`;
    const engineBytes = encart.memory.wasmAfter + (encart.memory.uaDelta || 0);
    rows.push(row('encart sidebar()', encart.keystroke, encart.samples, `${ms(encart.loadMs)} (+${ms(encart.initMs)} init)`,
      `${mb(engineBytes)} = ${ratio(engineBytes, r.bytes)}× (wasm ${mb(encart.memory.wasmBefore)}→${mb(encart.memory.wasmAfter)}, JS ${mb(encart.memory.uaDelta)})`));
    rows.push(row('encart data API', encart.dataApi, encart.dataApiSamples, '', ''));
    rows.push(row('MiniSearch 7.2.0', minisearch.keystroke, minisearch.samples, ms(minisearch.loadMs), jsMem(minisearch)));
    rows.push(row('JS scan', scan.keystroke, scan.samples, ms(scan.loadMs), jsMem(scan)));
  }
  out.push(table(['articles', 'contender', 'p50 ms', 'p95 ms', 'max ms', 'slowest keystroke (median ms)', 'load ms', 'memory MB = × bundle'], rows));
  out.push('');
  out.push('Ratios (below 1: encart is faster):');
  out.push('');
  out.push(table(
    ['articles', 'bundle MB', 'p95 encart/MiniSearch', 'p95 encart/scan', 'p95 data API/MiniSearch', 'p95 data API/scan', 'load encart/MiniSearch', 'load encart/scan'],
    run.results.map((r) => {
      const { encart, minisearch, scan } = r.contenders;
      return [sizeName(r.size), mb(r.bytes),
        ratio(encart.keystroke.p95, minisearch.keystroke.p95), ratio(encart.keystroke.p95, scan.keystroke.p95),
        ratio(encart.dataApi.p95, minisearch.keystroke.p95), ratio(encart.dataApi.p95, scan.keystroke.p95),
        ratio(encart.loadMs, minisearch.loadMs), ratio(encart.loadMs, scan.loadMs)];
    }),
  ));
  out.push('');
  out.push('Matching articles for sample queries (tokenisation differs, so counts need only be of the same order), ' +
    'and whether each JS contender\'s 10 newest, 10 most read and category/author counts equal encart\'s:');
  out.push('');
  const queries = Object.keys(first.matches || {});
  const same = (parts) => (!parts ? '–' : parts.length ? `differs: ${parts.join(', ')}` : 'same');
  out.push(table(['articles', 'query', 'encart', 'MiniSearch', 'JS scan', 'MiniSearch view', 'scan view'],
    run.results.flatMap((r) => queries.map((q) => {
      const m = r.matches[q];
      return [sizeName(r.size), `"${q}"`, m.encart, m.minisearch, m.scan, same(m.minisearchDiffers), same(m.scanDiffers)];
    }))));
  return out.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(report(JSON.parse(readFileSync(process.argv[2] || '/tmp/encart-browser-bench.json', 'utf8'))));
}
