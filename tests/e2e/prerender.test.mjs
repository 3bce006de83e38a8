// `encart render` (issue 5): the sidebar pre-rendered as a declarative shadow root shows before
// (and without) JavaScript, and the widget adopts it without a layout shift.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch, settled, waitForWidget } from './harness.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
// tools/test builds the native tree (and the CLI) before the browser tests.
const cli = ['build/native-debug/tools/cli/encart', 'build/native-release/tools/cli/encart']
  .map((p) => root + p)
  .find((p) => existsSync(p));

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

function prerenderedPage(
  args = ['render', `${root}tests/fixtures/feeds/bundle.json`, '--article', '101', '--bundle-url', '/fixtures/feeds/bundle.json'],
) {
  const html = execFileSync(cli, [...args, '--lang', 'fr', '--now', new Date().toISOString()]).toString();
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script>
  window.__shifts = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e.value); })
    .observe({ type: 'layout-shift', buffered: true });
</script></head><body><main style="width: 320px">${html}</main>
<script src="/dist/encart.js" async></script></body></html>`;
}

const titles = (page) =>
  page.evaluate(() =>
    [...document.querySelector('encart-sidebar').shadowRoot.querySelectorAll('[data-list] .item .title')].map((t) => t.textContent),
  );

// Serves the page with encart.js held back until `release` is called.
async function holdScript(page, body) {
  let releaseScript;
  const scriptHeld = new Promise((resolve) => (releaseScript = resolve));
  await page.route(`${h.base}/prerendered.html`, (route) => route.fulfill({ body, contentType: 'text/html' }));
  await page.route(`${h.base}/dist/encart.js`, async (route) => {
    await scriptHeld;
    await route.continue();
  });
  return releaseScript;
}

test('the pre-rendered sidebar shows before JavaScript and is adopted without a layout shift', async () => {
  assert.ok(cli, 'the encart command line is built');
  const page = await h.page();
  // Hold encart.js back: what shows meanwhile is the HTML alone.
  const releaseScript = await holdScript(page, prerenderedPage());
  await page.goto(`${h.base}/prerendered.html`, { waitUntil: 'domcontentloaded' });
  const before = await titles(page);
  // Six articles, one on screen: "latest" and "most read" each rank the five others; "related"
  // leaves out what they show, which is everything.
  assert.equal(before.length, 10, `the lists are there without JavaScript: ${before.length} items`);
  const boxBefore = await page.evaluate(() => document.querySelector('encart-sidebar').getBoundingClientRect().height);
  releaseScript();
  await page.waitForFunction(() => document.querySelector('encart-sidebar').dataset.state === 'ready');
  await waitForWidget(page);
  await settled(page);
  assert.deepEqual(await titles(page), before, 'the engine shows the same lists');
  const boxAfter = await page.evaluate(() => document.querySelector('encart-sidebar').getBoundingClientRect().height);
  assert.equal(boxAfter, boxBefore);
  const shift = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
  assert.equal(shift, 0, `layout shift ${shift}`);
  // And it is the live widget now: filtering works.
  await page.locator('encart-sidebar input[type="search"]').fill('moudawana');
  await settled(page);
  assert.ok((await titles(page)).every((t) => /Moudawana/i.test(t)), (await titles(page)).join(' | '));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The tabs layout and the most-read period are drawn by the core in both: what the reader sees
// before JavaScript (the 7-day list, its button pressed) is what the widget then shows.
test('a pre-rendered tabs layout with a 7-day period is adopted as it is, without a layout shift', async () => {
  assert.ok(cli, 'the encart command line is built');
  const page = await h.page();
  const body = prerenderedPage([
    'render', `${root}demo/articles.json`, '--article', 'securite-maroc-france', '--bundle-url', '/articles.json',
    '--layout', 'tabs', '--most-read-window', '7d',
  ]);
  assert.match(body, /<encart-sidebar [^>]*layout="tabs" most-read-window="7d">/);
  const release = await holdScript(page, body);
  await page.goto(`${h.base}/prerendered.html`, { waitUntil: 'domcontentloaded' });
  const shape = () =>
    page.evaluate(() => {
      const root = document.querySelector('encart-sidebar').shadowRoot;
      return {
        // The demo bundle's site.url (port 8080) resolves its links for the CLI; the widget
        // resolves them against the test server's own port.
        html: root.querySelector('[data-part="tabbox"]').outerHTML.replace(/127\.0\.0\.1:\d+/g, 'HOST'),
        height: document.querySelector('encart-sidebar').getBoundingClientRect().height,
      };
    });
  const before = await shape();
  assert.match(before.html, /role="tablist"/);
  assert.match(before.html, /data-window="7d" aria-pressed="true"/);
  release();
  await page.waitForFunction(() => document.querySelector('encart-sidebar').dataset.state === 'ready');
  await settled(page);
  const afterAdoption = await shape();
  assert.equal(afterAdoption.height, before.height);
  // The pre-render's controls wait, disabled, for the script; adopted, they are the same controls.
  assert.match(before.html, /data-window="24h" aria-pressed="false" disabled="" data-inert=""/);
  assert.doesNotMatch(afterAdoption.html, /disabled|data-inert/);
  const enabled = before.html.replaceAll(' disabled="" data-inert=""', '');
  assert.equal(afterAdoption.html, enabled, 'the widget shows the same tabs, lists and period');
  const shift = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
  assert.equal(shift, 0, `layout shift ${shift}`);
  // Live now: the other tab and another period answer.
  await page.locator('encart-sidebar [role="tab"][data-tab="mostRead"]').click();
  await page.locator('encart-sidebar [data-window="all"]').click();
  await settled(page);
  const pressed = await page.evaluate(() =>
    [...document.querySelector('encart-sidebar').shadowRoot.querySelectorAll('[aria-pressed="true"]')].map((b) => b.dataset.window),
  );
  assert.deepEqual(pressed, ['all']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
