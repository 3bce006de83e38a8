// A pack in Chromium, embedded exactly as a bundle is (data-bundle=".../manifest.json"), under
// the demo's strict CSP: the same lists as the bundle it came from, before and after a search;
// only encart-pack.wasm is downloaded; only the files a question needs are fetched; a file
// that cannot be fetched leaves the widget working and says so.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, settled, waitForWidget } from './harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.ENCART_CLI || join(root, 'build', 'native-debug', 'tools', 'cli', 'encart');
const { generate } = createRequire(import.meta.url)('../fixtures/generate-bundle.cjs');

let h;
let dir;
const page = (bundle) => `<!doctype html><html lang="fr"><meta charset="utf-8"><title>pack</title>
<script src="/dist/encart.js" data-bundle="${bundle}" data-article="a3" data-lang="fr" async></script>`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'encart-e2e-pack-'));
  writeFileSync(join(dir, 'bundle.json'), generate(1500));
  execFileSync(cli, ['pack', join(dir, 'bundle.json'), '-o', join(dir, 'pack')], { stdio: 'pipe' });
  writeFileSync(join(dir, 'pack.html'), page('/packs/pack/manifest.json'));
  writeFileSync(join(dir, 'bundle.html'), page('/packs/bundle.json'));
  h = await launch({ mounts: [['/packs/', dir]] });
});

after(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

// The lists as shown, once no render and no archive fetch is in flight.
async function lists(p) {
  await settled(p);
  await p.waitForFunction(() => !document.querySelector('encart-sidebar').hasAttribute('data-searching'));
  return p.evaluate(() => {
    const root = document.querySelector('encart-sidebar').shadowRoot;
    const out = {};
    for (const section of root.querySelectorAll('[data-list]')) {
      out[section.dataset.list] = section.hidden ? '' : section.querySelector('[data-part="items"]').innerHTML;
    }
    out.category = root.querySelector('[data-part="category"]').innerHTML;
    return out;
  });
}

async function open(path) {
  const p = await h.page();
  p.requests = [];
  // The context's requests: the worker's too (importScripts, its fetches), which the page's miss.
  p.context().on('request', (r) => p.requests.push(new URL(r.url()).pathname));
  await p.goto(`${h.base}${path}`);
  await waitForWidget(p);
  return p;
}

test('a pack shows the lists its bundle shows, before and after a search', async () => {
  const fromBundle = await open('/packs/bundle.html');
  const fromPack = await open('/packs/pack.html');
  const first = await lists(fromPack);
  assert.deepEqual(first, await lists(fromBundle));
  assert.ok(first.related.length > 0 && first.mostRead.length > 0);
  for (const p of [fromBundle, fromPack]) {
    await p.locator('encart-sidebar input[type="search"]').fill('hammouchi');
  }
  const searched = await lists(fromPack);
  assert.deepEqual(searched, await lists(fromBundle));
  assert.notDeepEqual(searched.latest, first.latest);
  assert.deepEqual(fromPack.errors, []);
  for (const p of [fromBundle, fromPack]) await p.context().close();
});

test('a pack page downloads encart-pack.wasm, never encart.wasm or encart-full.js, and only some of the archive', async () => {
  const p = await open('/packs/pack.html');
  await lists(p);
  assert.ok(p.requests.some((r) => r.endsWith('/encart-pack.wasm')));
  assert.ok(!p.requests.some((r) => r.endsWith('/encart.wasm') || r.endsWith('/encart-full.js')), p.requests.join('\n'));
  const firstFiles = p.requests.filter((r) => r.startsWith('/packs/pack/'));
  assert.equal(firstFiles[0], '/packs/pack/manifest.json');
  assert.ok(firstFiles.length <= 8, firstFiles.join('\n'));
  await p.locator('encart-sidebar input[type="search"]').fill('maroc');
  await lists(p);
  const all = p.requests.filter((r) => r.startsWith('/packs/pack/'));
  assert.ok(all.length < 60, `${all.length} files for one search`);
  await p.context().close();
});

test('an archive file that cannot be fetched leaves the sidebar working and says so', async () => {
  const p = await h.page();
  await p.route(/\/packs\/pack\/t-[0-9a-f]+\.bin$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await p.goto(`${h.base}/packs/pack.html`);
  await waitForWidget(p);
  await p.locator('encart-sidebar input[type="search"]').fill('maroc');
  await lists(p);
  const message = await p.evaluate(() => {
    const m = document.querySelector('encart-sidebar').shadowRoot.querySelector('[data-part="message"]');
    return m.hidden ? '' : m.textContent;
  });
  assert.match(message, /Une partie des archives est indisponible/);
  assert.ok(p.messages.some((m) => /t-[0-9a-f]{16}\.bin: HTTP 404 \(the archive is partly unavailable\)/.test(m)), p.messages.join('\n'));
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test('a pack offers the periods its bundle has and ranks "Les plus lus" for 7 days as the bundle does', async () => {
  const fromBundle = await open('/packs/bundle.html');
  const fromPack = await open('/packs/pack.html');
  const periods = (p) =>
    p.evaluate(() =>
      [...document.querySelector('encart-sidebar').shadowRoot.querySelectorAll('[data-window]:not([hidden])')].map(
        (b) => `${b.dataset.window}${b.getAttribute('aria-pressed') === 'true' ? '*' : ''}`,
      ),
    );
  // The generated bundle has views and views_7d only.
  assert.deepEqual(await periods(fromPack), ['7d', 'all*']);
  assert.deepEqual(await periods(fromBundle), ['7d', 'all*']);
  const allTime = (await lists(fromPack)).mostRead;
  for (const p of [fromBundle, fromPack]) await p.locator('encart-sidebar [data-window="7d"]').click();
  const week = await lists(fromPack);
  assert.deepEqual(week, await lists(fromBundle));
  assert.notEqual(week.mostRead, allTime);
  assert.deepEqual(await periods(fromPack), ['7d*', 'all']);
  assert.deepEqual(fromPack.errors, []);
  for (const p of [fromBundle, fromPack]) await p.context().close();
});
