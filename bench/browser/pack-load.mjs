#!/usr/bin/env node
// One page view, bundle against pack (issue 9), in Chromium. For each size, the same generated
// archive is served as a bundle (articles.json) and as a pack (encart pack), and the real widget
// (widget.html: <encart-sidebar> + encart.js) is opened on each in a fresh browser context:
//   first sidebar  ms from navigation to the first items on screen (widget-probe.js)
//   data / code    bytes sent before the first sidebar, gzip: the bundle, JS and WASM as `gzip -6`
//                  compresses them (what a server's precompression does), pack files as stored
//                  (already gzip); each file counted once (the worker's encart.js comes from cache)
//   memory         the renderer's peak resident memory (VmHWM, its worker included) minus the same
//                  page's without the widget
//   query          one typed search ("maroc"): ms until the lists are complete, files and bytes fetched
//                  for it, and whether the pack's lists are the bundle's (compared as HTML)
//   node bench/browser/pack-load.mjs [--sizes 1000,10000,100000] [--runs 2] [--cli PATH] [--out FILE]
// Sizes over 100,000 are run as packs only: a bundle that large does not load in a page.
// Needs Chromium, playwright-core, encart_gen_bundle and the encart CLI (native-release preset,
// built when missing).
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startBenchServer } from './server.mjs';
import { CHROMIUM_ARGS, generateBundles, snapshotDist } from './run.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const QUERY = 'maroc';

function parseArgs(argv) {
  const options = {
    sizes: [1000, 10000, 100000],
    runs: 2,
    cli: join(root, 'build', 'native-release', 'tools', 'cli', 'encart'),
    out: '/tmp/encart-pack-load.json',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--sizes') options.sizes = value().split(',').map(Number);
    else if (flag === '--runs') options.runs = Number(value());
    else if (flag === '--cli') options.cli = resolve(value());
    else if (flag === '--out') options.out = resolve(value());
    else throw new Error(`unknown argument ${argv[i]} (expected --sizes, --runs, --cli, --out)`);
  }
  return options;
}

// GNU gzip, as a server's precompression runs it (Node's own zlib compresses WebAssembly 7% worse).
const gzipSizes = new Map();
function gz(file) {
  if (!gzipSizes.has(file)) gzipSizes.set(file, execFileSync('gzip', ['-6c', file], { maxBuffer: 1 << 30 }).length);
  return gzipSizes.get(file);
}

// Bytes on the wire for one response path, gzip: pack files are stored compressed.
function wireBytes(path, dirs) {
  const [mount, ...rest] = path.split('/').filter(Boolean);
  const file = join(mount === 'dist' ? dirs.dist : dirs.bundles, ...rest);
  if (!existsSync(file)) return 0;
  return file.endsWith('.bin') ? statSync(file).size : gz(file);
}

// The largest peak among the live renderers: the page's own (the previous page's context is closed;
// a spare renderer Chromium keeps ready is small).
async function rendererPeakKb(page) {
  const session = await page.context().browser().newBrowserCDPSession();
  const { processInfo } = await session.send('SystemInfo.getProcessInfo');
  await session.detach();
  let peak = 0;
  for (const p of processInfo.filter((x) => x.type === 'renderer')) {
    try {
      const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)[1]));
    } catch {
      // a renderer that has gone
    }
  }
  return peak;
}

async function shownLists(page) {
  await page.waitForFunction(() => {
    const el = document.querySelector('encart-sidebar');
    return el && !el.hasAttribute('data-pending') && !el.hasAttribute('data-searching');
  }, null, { timeout: 120000 });
  return page.evaluate(() => {
    const root = document.querySelector('encart-sidebar').shadowRoot;
    return [...root.querySelectorAll('[data-list]')].map((s) => (s.hidden ? '' : s.querySelector('[data-part="items"]').innerHTML));
  });
}

async function view(browser, base, url, dirs) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(5 * 60 * 1000);
  const requests = [];
  // The context's requests, the worker's too (importScripts of encart-full.js, its fetches), as
  // they start: the context reports a finished one after the page may already show its items.
  context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${base}${url}`, { waitUntil: 'domcontentloaded' });
  const probe = await page.evaluate(() => self.widgetProbe.result());
  const before = [...requests];
  const lists = await shownLists(page);
  const memoryKb = await rendererPeakKb(page);
  const settledFiles = requests.length;
  const typed = Date.now();
  await page.locator('encart-sidebar input[type="search"]').fill(QUERY);
  await page.waitForTimeout(50);
  const searched = await shownLists(page);
  const queryMs = Date.now() - typed;
  const queryFiles = requests.slice(settledFiles);
  await context.close();
  const data = [...new Set(before.filter((p) => p.startsWith('/bundles/') && !p.endsWith('.html')))];
  const code = [...new Set(before.filter((p) => p.startsWith('/dist/')))];
  return {
    firstSidebarMs: probe.itemsMs,
    error: probe.error,
    dataFiles: data.length,
    dataBytes: data.reduce((s, p) => s + wireBytes(p, dirs), 0),
    codeBytes: code.reduce((s, p) => s + wireBytes(p, dirs), 0),
    code: code.map((p) => p.split('/').pop()),
    memoryKb,
    queryMs,
    queryFiles: queryFiles.length,
    queryBytes: queryFiles.reduce((s, p) => s + wireBytes(p, dirs), 0),
    lists,
    searched,
  };
}

const kb = (n) => (n / 1024).toFixed(1);
const kindsFor = (size) => (size > 100000 ? ['pack'] : ['bundle', 'pack']);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(options.cli)) {
    execFileSync('cmake', ['--preset', 'native-release'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('cmake', ['--build', '--preset', 'native-release', '--target', 'encart'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const bundlesDir = mkdtempSync(join(tmpdir(), 'encart-pack-bench-'));
  const loadStart = loadavg()[0];
  let server;
  let browser;
  try {
    generateBundles(options.sizes, bundlesDir);
    const distDir = await snapshotDist(join(root, 'dist'), readFileSync(join(bundlesDir, `${options.sizes[0]}.json`)));
    for (const name of ['encart-pack.wasm']) writeFileSync(join(distDir, name), readFileSync(join(root, 'dist', name)));
    const template = readFileSync(join(here, 'widget.html'), 'utf8');
    const packs = {};
    for (const size of options.sizes) {
      const started = Date.now();
      execFileSync(options.cli, ['pack', join(bundlesDir, `${size}.json`), '-o', join(bundlesDir, `pack-${size}`)], { stdio: 'pipe' });
      const files = readdirSync(join(bundlesDir, `pack-${size}`));
      packs[size] = { seconds: (Date.now() - started) / 1000, files: files.length, bytes: files.reduce((s, f) => s + statSync(join(bundlesDir, `pack-${size}`, f)).size, 0) };
      // The article on screen: the 50th of the bundle (generated newest first), as widget-load.mjs;
      // read from the file's start (a 1M bundle is too large for one string).
      const start = Buffer.alloc(1 << 20);
      const fd = openSync(join(bundlesDir, `${size}.json`), 'r');
      const read = readSync(fd, start, 0, start.length, 0);
      closeSync(fd);
      const ids = [...start.subarray(0, read).toString('utf8').matchAll(/"id":"([^"]+)"/g)].map((m) => m[1]);
      const shown = ids[Math.min(49, ids.length - 1)];
      for (const [kind, bundle] of [['bundle', `/bundles/${size}.json`], ['pack', `/bundles/pack-${size}/manifest.json`]]) {
        if (kind === 'bundle' && size > 100000) continue;
        writeFileSync(join(bundlesDir, `${kind}-${size}.html`), template.replace('{{BUNDLE}}', bundle).replace('{{ARTICLE}}', shown));
      }
    }
    writeFileSync(join(bundlesDir, 'empty.html'), '<!doctype html><html lang="fr"><meta charset="utf-8"><title>no widget</title><main><h1>Un article</h1></main>');
    server = await startBenchServer({ distDir, bundlesDir });
    const base = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--blink-settings=imagesEnabled=false'] });
    const dirs = { dist: distDir, bundles: bundlesDir };
    // The page without the widget: what the renderer takes anyway.
    const baseline = [];
    for (let run = 0; run < options.runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/bundles/empty.html`);
      await page.waitForTimeout(300);
      baseline.push(await rendererPeakKb(page));
      await context.close();
    }
    const baselineKb = median(baseline);
    const results = [];
    for (const size of options.sizes) {
      for (let run = 1; run <= options.runs; run++) {
        for (const kind of kindsFor(size)) {
          process.stderr.write(`${size} ${kind} run ${run}… `);
          const r = await view(browser, base, `/bundles/${kind}-${size}.html`, dirs);
          process.stderr.write(`first sidebar ${r.firstSidebarMs?.toFixed(0)} ms\n`);
          results.push({ size, kind, run, ...r });
        }
      }
    }
    const rows = [];
    for (const size of options.sizes) {
      for (const kind of kindsFor(size)) {
        const g = results.filter((r) => r.size === size && r.kind === kind);
        const other = results.filter((r) => r.size === size && r.kind !== kind);
        const same = other.length === 0 ? 'no bundle to compare' : g.every((r, i) => JSON.stringify(r.lists) === JSON.stringify(other[i].lists) && JSON.stringify(r.searched) === JSON.stringify(other[i].searched)) ? 'yes' : 'NO';
        rows.push(`| ${size.toLocaleString('en')} | ${kind} | ${median(g.map((r) => r.firstSidebarMs)).toFixed(0)} | ${kb(median(g.map((r) => r.dataBytes)))} (${g[0].dataFiles} files) | ${kb(median(g.map((r) => r.codeBytes)))} (${g[0].code.join(', ')}) | ${((median(g.map((r) => r.memoryKb)) - baselineKb) / 1024).toFixed(1)} | ${median(g.map((r) => r.queryMs))} | ${g[0].queryFiles} / ${kb(median(g.map((r) => r.queryBytes)))} | ${same} |`);
      }
    }
    const report = [
      `Chromium ${browser.version()}, ${new Date().toISOString()}, ${options.runs} run(s) each (medians), ${cpus().length} CPUs, load ${loadStart.toFixed(2)} → ${loadavg()[0].toFixed(2)}; renderer baseline ${(baselineKb / 1024).toFixed(1)} MB.`,
      '',
      '| articles | served as | first sidebar ms | data before it, KiB gzip | code before it, KiB gzip | page memory added MB | query "maroc" ms | query files / KiB | same lists as the bundle |',
      '|---:|---|---:|---:|---:|---:|---:|---:|---|',
      ...rows,
      '',
      `Packing (encart pack, ${options.cli}): ${options.sizes.map((s) => `${s.toLocaleString('en')}: ${packs[s].seconds.toFixed(1)} s, ${packs[s].files} files, ${(packs[s].bytes / 1e6).toFixed(1)} MB`).join('; ')}.`,
    ].join('\n');
    writeFileSync(options.out, `${JSON.stringify({ options, baselineKb, packs, results }, null, 1)}\n`);
    console.log(report);
  } finally {
    if (browser) await browser.close();
    if (server) await new Promise((r) => server.close(r));
    rmSync(bundlesDir, { recursive: true, force: true });
  }
}

await main();
