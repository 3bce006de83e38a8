// The benchmark itself, run inside one Chromium page per bundle size: fetch the bundle bytes once,
// then for each contender in turn (encart, MiniSearch, plain scan): load, memory, match counts for
// sample queries, and the typing trace replayed for several rounds, one timing per keystroke.
// Contenders run one after another (not interleaved) so that each one's memory can be measured on
// its own and no contender's garbage is collected during another's keystrokes.
import { loadMiniSearch, loadScan } from './contenders.js';

const NOW = Date.parse('2024-12-11T00:00:00Z'); // the generator's "now" (tools/generate/generate.h)
const LIMITS = { latest: 10, mostRead: 10, related: 0 };
export const SAMPLE_QUERIES = ['sécurité maroc', 'économie rabat', 'securite', 'maroc '];

// A reader types "sécurité maroc", erases it all, then types "économie rabat": 42 keystrokes,
// including the empty query (no text filter: every article matches) and a trailing space.
function typingTrace() {
  const trace = [];
  const type = (text) => {
    for (let i = 1; i <= text.length; i++) trace.push(text.slice(0, i));
  };
  type('sécurité maroc');
  for (let i = 'sécurité maroc'.length - 1; i >= 0; i--) trace.push('sécurité maroc'.slice(0, i));
  type('économie rabat');
  return trace;
}
export const TRACE = typingTrace();

const now = () => performance.now();

function stats(samples) {
  const sorted = Float64Array.from(samples).sort();
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
  return { p50: at(0.5), p95: at(0.95), mean, max: sorted[sorted.length - 1], n: sorted.length };
}

// Smallest step performance.now() takes: ~0.005 ms when cross-origin isolated, 0.1 ms otherwise.
function timerResolution() {
  let best = Infinity;
  for (let i = 0; i < 200; i++) {
    const a = now();
    let b = now();
    while (b === a) b = now();
    best = Math.min(best, b - a);
  }
  return best;
}

// Memory after a full GC (gc() exists when Chromium runs with --js-flags=--expose-gc).
// measureUserAgentSpecificMemory needs cross-origin isolation; run.mjs starts Chromium with
// ForceEagerMeasureMemory so it answers at once instead of waiting for a natural GC.
async function memory() {
  // gc() exists when Chromium runs with --js-flags=--expose-gc (run.mjs).
  const gc = /** @type {any} */ (globalThis).gc;
  if (typeof gc === 'function') {
    gc();
    gc();
  }
  const out = {
    jsHeap: performance.memory ? performance.memory.usedJSHeapSize : null,
    wasm: self.wasmProbe.bytes(),
    ua: null,
  };
  if (self.crossOriginIsolated && performance.measureUserAgentSpecificMemory) {
    out.ua = (await performance.measureUserAgentSpecificMemory()).bytes;
  }
  return out;
}

// Which parts of a JS contender's view differ from encart's for the same query (empty: none).
const countsKey = (list) => list.filter((f) => f.count > 0).map((f) => `${f.value.toLowerCase()}=${f.count}`).sort().join('|');
function disagreement(reference, view) {
  const parts = [];
  if (reference.latest.join() !== view.latest.join()) parts.push('latest');
  if (reference.mostRead.join() !== view.mostRead.join()) parts.push('mostRead');
  if (countsKey(reference.category) !== countsKey(view.category)) parts.push('category counts');
  if (countsKey(reference.author) !== countsKey(view.author)) parts.push('author counts');
  return parts;
}

const delta = (after, before, key) => (after[key] === null || before[key] === null ? null : after[key] - before[key]);

// One unrecorded round first (JIT warm-up, first-use allocations), then `rounds` recorded rounds.
function replay(rounds, work) {
  let sink = 0;
  for (const q of TRACE) sink += work(q) ? 1 : 0;
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of TRACE) {
      const start = now();
      const view = work(q);
      samples.push(now() - start);
      sink += view ? 1 : 0;
    }
  }
  if (sink < 0) console.log(sink); // keeps the results observably used
  return samples;
}

async function measure(name, load, keystrokes) {
  const before = await memory();
  const start = now();
  const contender = await load();
  const loadMs = now() - start;
  const after = await memory();
  return {
    name,
    loadMs,
    memory: {
      uaDelta: delta(after, before, 'ua'),
      jsHeapDelta: delta(after, before, 'jsHeap'),
      wasmBefore: before.wasm,
      wasmAfter: after.wasm,
    },
    ...keystrokes(contender),
  };
}

export async function run({ size, rounds = 5 }) {
  const response = await fetch(`/bundles/${size}.json`);
  if (!response.ok) throw new Error(`bundle ${size}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const out = {
    size,
    bytes: bytes.length,
    rounds,
    keystrokesPerRound: TRACE.length,
    trace: TRACE,
    crossOriginIsolated: self.crossOriginIsolated,
    timerResolutionMs: timerResolution(),
    userAgent: navigator.userAgent,
    matches: Object.fromEntries(SAMPLE_QUERIES.map((q) => [q, {}])),
    contenders: {},
  };

  // encart: createEngine() compiles the WebAssembly once per page; timed apart from load().
  const start = now();
  const engine = await Encart.createEngine();
  const initMs = now() - start;
  let subject = '';
  const reference = {}; // encart's lists and counts for the sample queries
  out.contenders.encart = await measure('encart', () => engine.load(bytes, { now: NOW }), (loaded) => {
    // The article on screen: the 50th newest, left out of every list by all three contenders.
    subject = engine.latest({ limit: 50 }).at(-1).id;
    const sidebar = (q) => engine.sidebar({ article: subject, lang: 'fr', filter: { q }, limits: LIMITS });
    const exclude = [subject];
    for (const q of SAMPLE_QUERIES) {
      out.matches[q].encart = sidebar(q).matching;
      const filter = { q };
      const facets = engine.facets(filter);
      // Compared without the article on screen: facets() counts it, the sidebar's menus do not.
      reference[q] = {
        latest: engine.latest({ limit: 10, filter }).map((a) => a.id),
        mostRead: engine.mostRead({ limit: 10, filter }).map((a) => a.id),
        category: facets.category,
        author: facets.author,
      };
    }
    const sidebarSamples = replay(rounds, sidebar);
    // The pure data API a custom front end would call instead: the same lists and counts.
    const dataApi = replay(rounds, (q) => {
      const filter = { q };
      const latest = engine.latest({ limit: 10, exclude, filter });
      const mostRead = engine.mostRead({ limit: 10, exclude, filter });
      return [latest, mostRead, engine.facets(filter)];
    });
    return {
      initMs,
      articles: loaded.articles,
      keystroke: stats(sidebarSamples),
      dataApi: stats(dataApi),
      samples: sidebarSamples,
      dataApiSamples: dataApi,
    };
  });
  engine.dispose(); // its WebAssembly memory stays (it never shrinks); JS contenders are measured by JS deltas

  for (const [name, loader] of [['minisearch', loadMiniSearch], ['scan', loadScan]]) {
    // The contender itself is dropped when measure() returns, before the next one loads.
    out.contenders[name] = await measure(name, () => loader(bytes), (c) => {
      const exclude = c.data.docs.findIndex((a) => a.id === subject);
      const view = (q) => c.view(q, exclude);
      for (const q of SAMPLE_QUERIES) {
        out.matches[q][name] = view(q).matching;
        out.matches[q][`${name}Differs`] = disagreement(reference[q], c.view(q, -1));
      }
      const samples = replay(rounds, view);
      return { articles: c.data.n, loadPhases: c.data.phases, keystroke: stats(samples), samples };
    });
  }
  return out;
}

self.encartBench = { run, TRACE, SAMPLE_QUERIES };
self.encartBenchReady = true;

// By hand: page.html?size=1000&rounds=5 runs once and prints the JSON.
const params = new URLSearchParams(location.search);
if (params.has('size')) {
  const target = document.getElementById('out');
  target.textContent = 'running…';
  run({ size: Number(params.get('size')), rounds: Number(params.get('rounds') || 5) }).then(
    (result) => (target.textContent = JSON.stringify({ ...result, contenders: Object.fromEntries(
      Object.entries(result.contenders).map(([k, v]) => [k, { ...v, samples: undefined, dataApiSamples: undefined }])) }, null, 2)),
    (error) => (target.textContent = String(error && error.stack ? error.stack : error)),
  );
}
