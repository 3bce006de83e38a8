#!/usr/bin/env node
// Widget load benchmark (issue 3, item 5: "large loads never freeze the page"). Opens a page that
// embeds the real widget — <encart-sidebar bundle article lang="fr"> + <script src=encart.js async> —
// over generated bundles, and records from navigation until the widget shows its first items (the
// frame that renders them):
// main-thread long tasks, how late a 16 ms main-thread ticker runs (a reader's input would wait as
// long), time to first items, and whether the "latest" list starts with the bundle's newest article.
// Two modes per size, each run in a fresh browser context (a first visit: no HTTP or code cache):
//   worker  the page as served normally: the widget loads and queries the bundle in a Web Worker;
//   main    the same page served with `Content-Security-Policy: worker-src 'none'`: no worker may
//           start, so the widget falls back to loading on the main thread.
//   node bench/browser/widget-load.mjs [--sizes 1000,10000,100000] [--runs 3] [--out FILE] [--dist DIR] [--trace]
// --trace also records a Chromium trace of each load and adds, per run, the main thread's tasks
// over 50 ms with their CPU time: a task's wall time includes the time the OS gave the CPU to other
// threads and processes, which on a busy 2-CPU machine can be most of it. (Tracing costs time too.)
//   node bench/browser/widget-load.mjs --report FILE      re-prints a saved run's tables
// Same requirements as run.mjs (Chromium, playwright-core, encart_gen_bundle).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startBenchServer } from './server.mjs';
import { CHROMIUM_ARGS, generateBundles, snapshotDist } from './run.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const MODES = ['worker', 'main'];
const NO_WORKER_CSP = "worker-src 'none'";
const SHOWN_ARTICLE_RANK = 50; // the article on screen: the 50th newest, as in page.js
const LONG_TASK_MS = 50;
const TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'blink.user_timing'];

function parseArgs(argv) {
  const options = { sizes: [1000, 10000, 100000], runs: 3, out: '/tmp/encart-widget-load.json', dist: join(root, 'dist'), report: null, trace: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--sizes') options.sizes = value().split(',').map(Number);
    else if (flag === '--runs') options.runs = Number(value());
    else if (flag === '--out') options.out = resolve(value());
    else if (flag === '--dist') options.dist = resolve(value());
    else if (flag === '--report') options.report = resolve(value());
    else if (flag === '--trace') options.trace = true;
    else throw new Error(`unknown argument ${argv[i]} (expected --sizes, --runs, --out, --dist, --report, --trace)`);
  }
  if (!options.sizes.every((n) => Number.isInteger(n) && n > SHOWN_ARTICLE_RANK && n <= 1e6)) throw new Error(`--sizes: whole numbers ${SHOWN_ARTICLE_RANK + 1}..1000000`);
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs: a whole number ≥ 1');
  return options;
}

const escapeAttribute = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

// The bundle's articles newest first, as the widget's "latest" list orders them: `published`
// descending, then id ascending; articles published after `now` are hidden by the widget.
function newestFirst(bundleBytes, now) {
  const { articles } = JSON.parse(bundleBytes);
  return articles
    .map((a) => ({ id: a.id, title: a.title, published: a.published, t: Date.parse(a.published) }))
    .filter((a) => a.t <= now)
    .sort((a, b) => b.t - a.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// widget.html with the bundle and the article on screen filled in, written beside the bundle.
function writePage(size, bundlesDir) {
  const bytes = readFileSync(join(bundlesDir, `${size}.json`));
  const ordered = newestFirst(bytes, Date.now());
  const article = ordered[SHOWN_ARTICLE_RANK - 1];
  const expected = ordered.filter((a) => a.id !== article.id).slice(0, 50); // the widget never lists the article on screen
  const html = readFileSync(join(here, 'widget.html'), 'utf8')
    .replace('{{BUNDLE}}', escapeAttribute(`/bundles/${size}.json`))
    .replace('{{ARTICLE}}', escapeAttribute(article.id));
  writeFileSync(join(bundlesDir, `widget-${size}.html`), html);
  return { bytes: bytes.length, article: article.id, expected };
}

// Console lines: the widget's own errors ("[encart] …") and page errors are fatal; in the main-thread
// mode, Chromium's report of the refused worker is the expected consequence of the CSP.
function classify(message, mode) {
  if (message.kind === 'pageerror') return 'fatal';
  if (message.type !== 'error') return 'info';
  if (mode === 'main' && /Content Security Policy/i.test(message.text) && /worker/i.test(message.text)) return 'expected';
  return 'fatal';
}

// From a Chromium trace of one load: the page's main-thread tasks (RunTask) in the window, with wall
// and CPU time, and the CPU time of its dedicated worker. Times in ms from navigation start, as in
// the page (the trace's navigationStart mark for this URL is the page's time origin).
function tracedTasks(buffer, url, endMs) {
  const parsed = JSON.parse(buffer.toString('utf8'));
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url);
  // Seen once in a few dozen loads: the mark missing from the trace. The run keeps its other figures.
  if (!nav) return { error: `no navigationStart mark for ${url} among ${events.length} trace events` };
  const threads = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === nav.pid).map((e) => [e.tid, e.args.name]));
  const tasks = (name) => events
    .filter((e) => e.pid === nav.pid && threads.get(e.tid) === name && e.name === 'RunTask' && e.ph === 'X')
    .map((e) => ({ start: (e.ts - nav.ts) / 1000, wall: e.dur / 1000, cpu: (e.tdur ?? 0) / 1000 }))
    .filter((t) => t.start >= 0 && t.start < endMs);
  const main = tasks('CrRendererMain');
  const worker = tasks('DedicatedWorker thread');
  const sum = (list, key) => list.reduce((s, t) => s + t[key], 0);
  return {
    over50: main.filter((t) => t.wall > LONG_TASK_MS),
    mainWallMs: sum(main, 'wall'),
    mainCpuMs: sum(main, 'cpu'),
    longestCpuMs: main.length ? Math.max(...main.map((t) => t.cpu)) : null,
    workerCpuMs: sum(worker, 'cpu'),
  };
}

async function loadOnce(browser, base, size, mode, expected, trace) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(5 * 60 * 1000);
  const consoleLines = [];
  let workers = 0;
  page.on('console', (m) => consoleLines.push({ kind: 'console', type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => consoleLines.push({ kind: 'pageerror', type: 'error', text: String(e) }));
  page.on('worker', () => (workers += 1));
  const url = `${base}/bundles/widget-${size}.html${mode === 'main' ? '?worker=none' : ''}`;
  const started = Date.now();
  if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const probe = await page.evaluate(() => self.widgetProbe.result());
  const traced = trace ? tracedTasks(await browser.stopTracing(), url, probe.frameMs ?? probe.itemsMs ?? Infinity) : undefined;
  const wallMs = Date.now() - started;
  await context.close();

  const durations = probe.longTasks.map((t) => t.duration);
  const titles = probe.titles;
  const messages = consoleLines.map((m) => ({ ...m, class: classify(m, mode) }));
  return {
    size,
    mode,
    url: url.replace(base, ''),
    engineRanIn: probe.wasmOnMainThread > 0 ? 'main thread' : 'worker',
    workersStarted: workers,
    error: probe.error,
    readyMs: probe.readyMs,
    firstItemsMs: probe.itemsMs,
    nextFrameMs: probe.frameMs,
    longTasksOver50: durations.filter((d) => d > LONG_TASK_MS).length,
    longestTaskMs: durations.length ? Math.max(...durations) : null, // null: none reported, i.e. none over 50 ms
    longTaskMsTotal: durations.reduce((s, d) => s + d, 0),
    longTasks: probe.longTasks,
    longTasksAfterFrame: probe.longTasksAfter,
    longFrames: probe.longFrames,
    ticker: {
      intervalMs: probe.ticks.intervalMs,
      ticks: probe.ticks.count,
      maxGapMs: probe.ticks.maxGap,
      maxGapEndMs: probe.ticks.maxGapEnd,
      worstDelayMs: probe.ticks.maxGap === null ? null : Math.max(0, probe.ticks.maxGap - probe.ticks.intervalMs),
      gapsOver50: probe.ticks.gaps.filter((g) => g > LONG_TASK_MS).length,
    },
    itemsShown: probe.items,
    firstTitle: titles[0] ?? null,
    newestTitle: expected[0].title,
    newestFirst: titles[0] === expected[0].title,
    latestMatchesNewest: titles.length > 0 && titles.every((t, i) => expected[i] && t === expected[i].title),
    crossOriginIsolated: probe.crossOriginIsolated,
    navigation: probe.navigation,
    wasmBytesOnMainThread: probe.wasmBytes,
    supported: probe.supported,
    console: messages,
    fatal: messages.filter((m) => m.class === 'fatal').map((m) => m.text),
    traced,
    wallMs,
  };
}

// ---- report ----

const ms = (x) => (x === null || x === undefined ? '–' : x < 100 ? x.toFixed(1) : x.toFixed(0));
const sizeName = (n) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2 : null;
};
const max = (xs) => (xs.length ? Math.max(...xs) : null);
function table(head, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i < 2 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}
const modeName = (mode) => (mode === 'worker' ? 'worker (default)' : `main thread (CSP ${NO_WORKER_CSP})`);

// The scripts that ran in the longest long animation frame: where a long task's time went.
function attribution(r) {
  const frame = r.longFrames.reduce((a, f) => (!a || f.duration > a.duration ? f : a), null);
  if (!frame) return '';
  const scripts = [...frame.scripts].sort((a, b) => b.duration - a.duration).slice(0, 2);
  const parts = scripts.map((s) => `${s.invokerType} ${s.source || s.invoker} ${ms(s.duration)} ms`);
  if (frame.render >= 1) parts.push(`rendering ${ms(frame.render)} ms (style+layout ${ms(frame.styleLayout)})`);
  return `${ms(frame.start)}+${ms(frame.duration)}: ${parts.join('; ') || 'no script, no rendering attributed'}`;
}

export function widgetReport(run) {
  const out = [];
  out.push('## encart widget load (issue 3, item 5)');
  out.push('');
  out.push(`encart.wasm sha256 ${run.wasmSha256}…; Chromium ${run.chromium} (headless), ${run.date}; ${run.runs} run(s) per size and mode, ` +
    `each in a fresh browser context; whole run ${run.wallSeconds.toFixed(0)} s; machine load average ${run.loadAverage.start.toFixed(2)} at start, ` +
    `${run.loadAverage.end.toFixed(2)} at end on ${run.cpus} CPUs (other processes competing for the CPUs make the figures noisier).`);
  out.push('');
  out.push('From navigation to the first items in the widget\'s shadow root (`data-state="ready"` and `.item`s in the "latest" list), ' +
    'and on to the next animation frame, the one that renders them: the window measured. ' +
    `Long tasks: the main thread's \`longtask\` entries (over ${LONG_TASK_MS} ms by definition) that started in that window; "–": none. ` +
    'Ticker: a main-thread callback every 16 ms from the head of the page; its worst delay is how long a reader\'s keystroke or click would ' +
    'have waited during the load. "Newest first": the first item is the newest article of the bundle by `published` (the article on screen left out); ' +
    '"latest list": every item shown is the next newest, in order. Several runs: median first items, and the worst run for the other columns.');
  out.push('');
  const groups = [];
  for (const size of run.sizes) for (const mode of MODES) groups.push(run.results.filter((r) => r.size === size && r.mode === mode));
  out.push(table(
    ['articles', 'mode', 'engine ran in', 'bundle MB', 'first items ms (median; min–max)', 'next frame ms (median)', `long tasks > ${LONG_TASK_MS} ms (per run)`, 'longest task ms', 'worst tick delay ms', 'newest first', 'latest list', 'console'],
    groups.filter((g) => g.length).map((g) => {
      const r0 = g[0];
      const first = g.map((r) => r.firstItemsMs).filter((x) => x !== null);
      const fatal = g.flatMap((r) => r.fatal);
      const expected = g.reduce((n, r) => n + r.console.filter((m) => m.class === 'expected').length, 0);
      return [
        sizeName(r0.size), modeName(r0.mode), [...new Set(g.map((r) => r.engineRanIn))].join(' / '), (run.bundles[r0.size].bytes / 1e6).toFixed(1),
        first.length === g.length ? `${ms(median(first))} (${ms(Math.min(...first))}–${ms(Math.max(...first))})` : `failed in ${g.length - first.length} run(s)`,
        ms(median(g.map((r) => r.nextFrameMs).filter((x) => x !== null))),
        g.map((r) => r.longTasksOver50).join(' / '),
        ms(max(g.map((r) => r.longestTaskMs).filter((x) => x !== null))),
        ms(max(g.map((r) => r.ticker.worstDelayMs).filter((x) => x !== null))),
        g.every((r) => r.newestFirst) ? 'yes' : `no (${g.filter((r) => !r.newestFirst).length} run(s))`,
        g.every((r) => r.latestMatchesNewest) ? `yes (${r0.itemsShown} items)` : 'no',
        fatal.length ? `${fatal.length} error(s): ${[...new Set(fatal)].join(' · ').slice(0, 160)}` : expected ? `no error from encart (${expected}× the CSP's refused worker, expected)` : 'clean',
      ];
    }),
  ));
  out.push('');
  out.push('Each run (ms from navigation; "ready": `data-state="ready"`; "frame": the next animation frame after the items appeared; ' +
    'long tasks as start+duration; "max gap": the ticker\'s longest wait, and when it ended; "longest frame": the longest ' +
    'long animation frame as start+duration, with the scripts and the rendering the Long Animation Frames API attributes it to):');
  out.push('');
  out.push(table(
    ['articles', 'mode', 'run', 'ready', 'first items', 'frame', 'long tasks (start+duration)', 'ticks', 'max gap (ended at)', 'longest frame'],
    run.results.map((r) => [
      sizeName(r.size), r.mode, r.run, ms(r.readyMs), ms(r.firstItemsMs), ms(r.nextFrameMs),
      r.longTasks.length ? r.longTasks.map((t) => `${ms(t.start)}+${ms(t.duration)}`).join(', ') : '–',
      r.ticker.ticks, `${ms(r.ticker.maxGapMs)} (${ms(r.ticker.maxGapEndMs)})`, attribution(r) || '–',
    ]),
  ));
  if (run.trace) {
    out.push('');
    out.push('From the Chromium trace of each load (`--trace`), same window: the main thread\'s tasks over 50 ms as start: wall/CPU ms ' +
      '(wall time counts the time the OS ran other threads and processes instead), all main-thread tasks\' wall and CPU time, ' +
      'and the worker thread\'s CPU time:');
    out.push('');
    out.push(table(
      ['articles', 'mode', 'run', 'main-thread tasks > 50 ms (start: wall/CPU)', 'longest task CPU ms', 'main thread busy ms (wall/CPU)', 'worker CPU ms'],
      run.results.map((r) => (!r.traced || r.traced.error ? [sizeName(r.size), r.mode, r.run, 'trace incomplete (see JSON)', '', '', ''] : [
        sizeName(r.size), r.mode, r.run,
        r.traced.over50.length ? r.traced.over50.map((t) => `${ms(t.start)}: ${ms(t.wall)}/${ms(t.cpu)}`).join(', ') : '–',
        ms(r.traced.longestCpuMs), `${ms(r.traced.mainWallMs)}/${ms(r.traced.mainCpuMs)}`, ms(r.traced.workerCpuMs),
      ])),
    ));
  }
  out.push('');
  out.push(`Newest article per bundle (what the first item must be): ${run.sizes.map((s) => `${sizeName(s)} "${run.bundles[s].newestTitle}"`).join('; ')}.`);
  return out.join('\n');
}

// ---- main ----

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.report) {
    console.log(widgetReport(JSON.parse(readFileSync(options.report, 'utf8'))));
    return;
  }
  const started = Date.now();
  const loadStart = loadavg()[0];
  const bundlesDir = mkdtempSync(join(tmpdir(), 'encart-widget-bundles-'));
  let distDir = null;
  let server = null;
  let browser = null;
  try {
    generateBundles([...new Set([...options.sizes, 1000])], bundlesDir);
    distDir = await snapshotDist(options.dist, readFileSync(join(bundlesDir, '1000.json')));
    const pages = Object.fromEntries(options.sizes.map((size) => [size, writePage(size, bundlesDir)]));
    server = await startBenchServer({
      distDir,
      bundlesDir,
      // The main-thread mode: the same page, but its CSP lets no worker start.
      headers: (url) => (url.pathname.endsWith('.html') && url.searchParams.get('worker') === 'none' ? { 'content-security-policy': NO_WORKER_CSP } : {}),
    });
    const base = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      // Thumbnails point to a made-up CDN host: not fetched, they would only add network errors.
      args: [...CHROMIUM_ARGS, '--blink-settings=imagesEnabled=false'],
      timeout: 120000,
    });
    const results = [];
    for (const size of options.sizes) {
      for (let run = 1; run <= options.runs; run++) {
        for (const mode of MODES) { // alternated, so a busy moment on the machine hits both modes
          process.stderr.write(`${size} articles, ${mode}, run ${run}… `);
          const result = await loadOnce(browser, base, size, mode, pages[size].expected, options.trace);
          process.stderr.write(`first items at ${ms(result.firstItemsMs)} ms, ${result.longTasksOver50} long task(s)${result.fatal.length ? `, ERRORS: ${result.fatal.join('; ')}` : ''}\n`);
          results.push({ run, ...result });
        }
      }
    }
    const record = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      node: process.version,
      dist: options.dist,
      wasmSha256: createHash('sha256').update(readFileSync(join(distDir, 'encart.wasm'))).digest('hex').slice(0, 16),
      encartJsSha256: createHash('sha256').update(readFileSync(join(distDir, 'encart.js'))).digest('hex').slice(0, 16),
      sizes: options.sizes,
      runs: options.runs,
      trace: options.trace,
      noWorkerCsp: NO_WORKER_CSP,
      bundles: Object.fromEntries(options.sizes.map((s) => [s, { bytes: pages[s].bytes, article: pages[s].article, newestTitle: pages[s].expected[0].title, newest: pages[s].expected.slice(0, 10) }])),
      wallSeconds: (Date.now() - started) / 1000,
      cpus: cpus().length,
      loadAverage: { start: loadStart, end: loadavg()[0] },
      results,
    };
    writeFileSync(options.out, `${JSON.stringify(record, null, 1)}\n`);
    console.log(widgetReport(record));
    console.log(`\nJSON: ${options.out}`);
    const failed = results.filter((r) => r.firstItemsMs === null || r.fatal.length);
    if (failed.length) {
      console.error(`${failed.length} load(s) failed or logged errors: see "fatal" in the JSON`);
      process.exitCode = 1;
    }
  } finally {
    if (browser) await browser.close();
    if (server) await new Promise((r) => server.close(r));
    rmSync(bundlesDir, { recursive: true, force: true });
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exitCode = 1;
});
