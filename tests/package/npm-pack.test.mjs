// encart as a developer consumes it: `npm pack`, the tarball installed into a new project, then
// used from Node (require and import), type-checked from TypeScript (CommonJS and ES module
// files, against the shipped encart.d.ts), and bundled by esbuild into a page run in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const bundleText = readFileSync(join(root, 'demo', 'articles.json'), 'utf8');
const NOW = '2024-12-11T00:00:00Z';

let work; // the consumer project
let tarball;

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

before(() => {
  work = mkdtempSync(join(tmpdir(), 'encart-consumer-'));
  const packDir = join(work, 'pack');
  mkdirSync(packDir);
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', packDir], root));
  tarball = { path: join(packDir, packed[0].filename), files: packed[0].files.map((f) => f.path) };
  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  // A local tarball with no dependencies: nothing is fetched from a registry.
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball.path], app);
  writeFileSync(join(app, 'bundle.json'), bundleText);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const app = () => join(work, 'app');

test('the tarball holds the entries, the types and the wasm, and nothing else of the tree', () => {
  const expected = ['package.json', 'README.md', ...pkg.files].sort();
  assert.deepEqual([...tarball.files].sort(), expected);
});

test('require("encart") loads a bundle and answers from Node (CommonJS)', () => {
  writeFileSync(
    join(app(), 'use.cjs'),
    `const Encart = require('encart');
     const fs = require('node:fs');
     Encart.createEngine().then((engine) => {
       const report = engine.load(fs.readFileSync(__dirname + '/bundle.json'), { now: '${NOW}' });
       const latest = engine.latest({ limit: 3 });
       let code = '';
       try { engine.latest({ filter: { nope: 1 } }); } catch (e) { code = e instanceof Encart.EncartError ? e.code : 'wrong class'; }
       console.log(JSON.stringify({ version: Encart.version, articles: report.articles, latest: latest.map((a) => a.id), code }));
     });`,
  );
  const out = JSON.parse(run('node', ['use.cjs'], app()));
  assert.equal(out.version, pkg.version);
  assert.equal(out.articles, JSON.parse(bundleText).articles.length);
  assert.equal(out.latest.length, 3);
  assert.equal(out.code, 'bad_filter');
});

test('import from "encart" gives the same answers from Node (ES module)', () => {
  writeFileSync(
    join(app(), 'use.mjs'),
    `import Encart, { createEngine, EncartError, version } from 'encart';
     import { readFileSync } from 'node:fs';
     const engine = await createEngine();
     const report = engine.load(readFileSync(new URL('./bundle.json', import.meta.url)), { now: '${NOW}' });
     const latest = engine.latest({ limit: 3 });
     console.log(JSON.stringify({ same: Encart.createEngine === createEngine && Encart.EncartError === EncartError,
       version, articles: report.articles, latest: latest.map((a) => a.id) }));`,
  );
  const esm = JSON.parse(run('node', ['use.mjs'], app()));
  const cjs = JSON.parse(run('node', ['use.cjs'], app()));
  assert.equal(esm.same, true);
  assert.equal(esm.version, pkg.version);
  assert.equal(esm.articles, cjs.articles);
  assert.deepEqual(esm.latest, cjs.latest);
});

test('TypeScript compiles typed usage against the shipped types, and rejects wrong calls', () => {
  const usage = `
    const engine: Engine = await createEngine({ wasmUrl: '/encart.wasm' });
    const report: LoadReport = engine.load('{"articles": []}', { now: new Date(), format: 'bundle' });
    const n: number = report.skippedTotal;
    const items: ArticleItem[] = engine.latest({ limit: 5, filter: { q: 'sécu', category: ['Politique'], date: '7d' } });
    const related = engine.related('id', { settings: { weights: { names: 2 } } });
    const byNumber = engine.related(101, { exclude: [102, 'x'] }).length; // WordPress ids are numbers
    const source: 'score' | 'category' | 'latest' = related[0].source;
    const view = engine.sidebar({ article: 'id', lang: 'fr', limits: { latest: 5 } });
    const html: string = view.latest.html;
    try { engine.facets(); } catch (e) { if (e instanceof EncartError) { const code: ErrorCode = e.code; console.log(code, e.line); } }
    console.log(n, items, source, html, byNumber);`;
  const header = `import { createEngine, EncartError, type Engine, type LoadReport, type ArticleItem, type ErrorCode } from 'encart';`;
  writeFileSync(join(app(), 'usage.mts'), `${header}\n${usage}\nexport {};\n`);
  writeFileSync(join(app(), 'usage.cts'), `${header}\nasync function main() {${usage}\n}\nvoid main();\n`);
  // Wrong calls must fail to compile, or the check proves nothing.
  writeFileSync(
    join(app(), 'wrong.mts'),
    `import { createEngine } from 'encart';\nconst engine = await createEngine();\nengine.latest({ limit: '5' });\nengine.mostRead({ window: '1y' });\nexport {};\n`,
  );
  const tsc = join(root, 'node_modules', '.bin', 'tsc');
  const flags = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--lib', 'es2022,dom', '--types', ''];
  run(tsc, [...flags, 'usage.mts', 'usage.cts'], app());
  let failed = '';
  try {
    run(tsc, [...flags, 'wrong.mts'], app());
  } catch (error) {
    failed = String(error.stdout);
  }
  assert.match(failed, /wrong\.mts\(3,/, 'a string limit must not compile');
  assert.match(failed, /wrong\.mts\(4,/, 'an unknown window must not compile');
});

test('an esbuild-bundled page imports encart and shows the latest articles in Chromium', async () => {
  const site = join(work, 'site');
  mkdirSync(site);
  writeFileSync(
    join(app(), 'page.js'),
    `import { createEngine } from 'encart';
     const engine = await createEngine({ wasmUrl: '/encart.wasm' });
     const response = await fetch('/bundle.json');
     engine.load(new Uint8Array(await response.arrayBuffer()), { now: '${NOW}' });
     const list = document.querySelector('#latest');
     for (const item of engine.latest({ limit: 3 })) {
       const li = document.createElement('li');
       li.textContent = item.title;
       list.append(li);
     }
     document.body.dataset.ready = '';`,
  );
  await build({ absWorkingDir: app(), entryPoints: ['page.js'], bundle: true, format: 'esm', platform: 'browser', outfile: join(site, 'page.js'), logLevel: 'error' });
  copyFileSync(join(app(), 'node_modules', 'encart', 'dist', 'encart.wasm'), join(site, 'encart.wasm'));
  copyFileSync(join(app(), 'bundle.json'), join(site, 'bundle.json'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><ul id="latest"></ul><script type="module" src="/page.js"></script>');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const file = join(site, new URL(req.url, 'http://x').pathname.slice(1) || 'index.html');
    try {
      statSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector('body[data-ready]', { timeout: 15000 });
    const titles = await page.$$eval('#latest li', (items) => items.map((li) => li.textContent));
    const expected = JSON.parse(run('node', ['-e', `
      const E = require('encart');
      E.createEngine().then((e) => { e.load(require('fs').readFileSync('bundle.json'), { now: '${NOW}' });
        console.log(JSON.stringify(e.latest({ limit: 3 }).map((a) => a.title))); });`], app()));
    assert.deepEqual(titles, expected);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
});
