// The bundle is parsed, indexed and queried in a Web Worker when the page allows one, so the
// page's own thread never compiles WebAssembly; when it does not, the main thread takes over.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, settled, waitForWidget } from './harness.mjs';

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

// Counts WebAssembly compilations started by the page's own (main) thread.
function countMainThreadWasm() {
  window.__encartWasmCompiles = 0;
  for (const name of ['instantiate', 'instantiateStreaming', 'compile', 'compileStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      window.__encartWasmCompiles += 1;
      return original.apply(this, args);
    };
  }
}

test('the demo widget runs its engine in a worker: no WebAssembly on the page thread', async () => {
  const page = await h.page();
  await page.addInitScript(countMainThreadWasm);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const scripts = [];
  page.context().on('request', (r) => scripts.push(new URL(r.url()).pathname));
  await page.goto(`${h.base}/`);
  await waitForWidget(page);
  await page.locator('encart-sidebar input[type="search"]').fill('maroc');
  await settled(page);
  assert.equal(await page.evaluate(() => window.__encartWasmCompiles), 0);
  assert.equal(workers.length, 1);
  assert.match(workers[0], /encart\.js#encart-worker$/);
  // The bundle reader's glue, loaded on demand by the worker (importScripts), not by the page
  // (the context sees the worker's requests; the page does not).
  assert.equal(await page.evaluate(() => document.querySelector('script[src*="encart-full"]')), null);
  assert.ok(scripts.some((s) => s.endsWith('/encart-full.js')), scripts.join('\n'));
  await page.context().close();
});

test('where workers are forbidden, the widget still works on the main thread', async () => {
  const page = await h.page();
  await page.addInitScript(countMainThreadWasm);
  await page.goto(`${h.base}/fixtures/pages/no-worker.html`);
  await waitForWidget(page);
  await page.locator('encart-sidebar input[type="search"]').fill('sécu');
  await settled(page);
  const count = await page.evaluate(() => document.querySelector('encart-sidebar').shadowRoot.querySelectorAll('[data-list="latest"] .item').length);
  assert.ok(count > 0);
  assert.ok((await page.evaluate(() => window.__encartWasmCompiles)) >= 1, 'the page compiled the module itself');
  // encart-full.js was loaded by a script element, which is gone, and it left no global behind.
  assert.deepEqual(await page.evaluate(() => [document.querySelectorAll('script').length, typeof window.EncartFullGlue]), [1, 'undefined']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
