#!/usr/bin/env node
// Browser benchmark (issue 3, item 6): encart vs MiniSearch vs a plain JS scan, in the same
// Chromium page, over generated bundles, replaying a typing trace.
//   node bench/browser/run.mjs [--sizes 1000,10000,100000] [--rounds 5] [--out FILE] [--dist DIR]
// Needs Debian's /usr/bin/chromium (or CHROMIUM_PATH), `npm install` (playwright-core, minisearch)
// and the native bundle generator, built here if missing (native-release preset; never the wasm build).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startBenchServer } from './server.mjs';
import { report } from './report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const generator = join(root, 'build', 'native-release', 'bench', 'encart_gen_bundle');

function parseArgs(argv) {
  const options = { sizes: [1000, 10000, 100000], rounds: 5, out: '/tmp/encart-browser-bench.json', dist: join(root, 'dist') };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--sizes') options.sizes = value().split(',').map(Number);
    else if (flag === '--rounds') options.rounds = Number(value());
    else if (flag === '--out') options.out = resolve(value());
    else if (flag === '--dist') options.dist = resolve(value());
    else throw new Error(`unknown argument ${argv[i]} (expected --sizes, --rounds, --out, --dist)`);
  }
  if (!options.sizes.every((n) => Number.isInteger(n) && n > 0 && n <= 1e6)) throw new Error('--sizes: whole numbers 1..1000000');
  if (!Number.isInteger(options.rounds) || options.rounds < 1) throw new Error('--rounds: a whole number ≥ 1');
  return options;
}

// Same flags as tests/e2e/harness.mjs, plus what the measurements need: gc() for memory figures
// taken after a full collection, precise (unquantised) performance.memory, and an eager
// measureUserAgentSpecificMemory (otherwise it waits for the next natural GC, up to ~20 s).
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
  '--js-flags=--expose-gc', '--enable-precise-memory-info', '--enable-blink-features=ForceEagerMeasureMemory',
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// dist/ is rebuilt by other people while we run: take a snapshot, and only one that loads a
// bundle in Node (encart.cjs, built with the same core), retrying while a rebuild is under way.
export async function snapshotDist(dist, bundle) {
  for (let attempt = 1; ; attempt++) {
    const copy = mkdtempSync(join(tmpdir(), 'encart-bench-dist-'));
    try {
      for (const name of ['encart.js', 'encart-full.js', 'encart.cjs', 'encart.wasm']) {
        if (!statSync(join(dist, name)).size) throw new Error(`${name} is empty`);
        cpSync(join(dist, name), join(copy, name));
      }
      const Encart = createRequire(import.meta.url)(join(copy, 'encart.cjs'));
      const engine = await Encart.createEngine();
      const { articles } = engine.load(bundle, { now: Date.parse('2024-12-11T00:00:00Z') });
      engine.dispose();
      if (!articles) throw new Error('loaded no article');
      return copy;
    } catch (error) {
      rmSync(copy, { recursive: true, force: true });
      if (attempt >= 40) throw new Error(`dist/ is not usable: ${error.message}`, { cause: error });
      console.error(`dist/ not usable yet (${error.message}); retrying in 15 s`);
      await sleep(15000);
    }
  }
}

export function generateBundles(sizes, dir) {
  if (!existsSync(generator)) {
    console.error('building encart_gen_bundle (native-release)…');
    execFileSync('cmake', ['--preset', 'native-release'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('cmake', ['--build', '--preset', 'native-release', '--target', 'encart_gen_bundle'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  for (const size of sizes) {
    writeFileSync(join(dir, `${size}.json`), execFileSync(generator, [String(size)], { maxBuffer: 1 << 30 }));
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const loadStart = loadavg()[0];
  const bundlesDir = mkdtempSync(join(tmpdir(), 'encart-bench-bundles-'));
  let distDir = null;
  let server = null;
  let browser = null;
  try {
    generateBundles([...new Set([...options.sizes, 1000])], bundlesDir);
    distDir = await snapshotDist(options.dist, readFileSync(join(bundlesDir, '1000.json')));
    server = await startBenchServer({ distDir, bundlesDir });
    const base = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      timeout: 120000,
    });
    const results = [];
    for (const size of options.sizes) {
      // A fresh page per size: each size starts from an empty heap and a fresh WebAssembly memory.
      const context = await browser.newContext();
      const page = await context.newPage();
      // 100k: one evaluate() holds every contender's load and all rounds (MiniSearch indexes for seconds).
      page.setDefaultTimeout(30 * 60 * 1000);
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${base}/bench/page.html`);
      await page.waitForFunction(() => self.encartBenchReady === true);
      if (!(await page.evaluate(() => self.crossOriginIsolated))) throw new Error('page is not cross-origin isolated: timers would be coarsened to 0.1 ms');
      const t0 = Date.now();
      process.stderr.write(`${size} articles… `);
      const result = await page.evaluate((args) => self.encartBench.run(args), { size, rounds: options.rounds });
      process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
      if (errors.length) throw new Error(`page errors at ${size}: ${errors.join('; ')}`);
      results.push(result);
      await context.close();
    }
    const run = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      node: process.version,
      dist: options.dist,
      // Which build was measured: dist/ changes under concurrent rebuilds.
      wasmSha256: createHash('sha256').update(readFileSync(join(distDir, 'encart.wasm'))).digest('hex').slice(0, 16),
      rounds: options.rounds,
      wallSeconds: (Date.now() - started) / 1000,
      cpus: cpus().length,
      loadAverage: { start: loadStart, end: loadavg()[0] }, // 1-minute load: was the machine busy?
      results,
    };
    writeFileSync(options.out, `${JSON.stringify(run, null, 1)}\n`);
    console.log(report(run));
    console.log(`\nJSON: ${options.out}`);
  } finally {
    if (browser) await browser.close();
    if (server) await new Promise((r) => server.close(r));
    rmSync(bundlesDir, { recursive: true, force: true });
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  }
}

// widget-load.mjs imports the helpers above; only running this file starts the benchmark.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error && error.stack ? error.stack : error);
    process.exitCode = 1;
  });
}
