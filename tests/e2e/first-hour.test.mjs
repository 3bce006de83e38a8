// A publisher's first hour with a saved WordPress response (issue 14, tests/fixtures/first-hour):
// posts on their local day, warnings that name the post, and a pre-render that matches the live
// widget when both have the views.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch, settled, waitForWidget } from './harness.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = ['build/native-debug/tools/cli/encart', 'build/native-release/tools/cli/encart']
  .map((p) => root + p)
  .find((p) => existsSync(p));
const posts = '/fixtures/first-hour/posts.json';
const views = '/fixtures/first-hour/views.json';

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

// A page with `body` at /first-hour.html, served by the test.
async function pageWith(body) {
  const page = await h.page();
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script>
  window.__shifts = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e.value); })
    .observe({ type: 'layout-shift', buffered: true });
</script></head><body><main style="width: 320px">${body}</main></body></html>`;
  await page.route(`${h.base}/first-hour.html`, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
  return page;
}

const live = (article) =>
  `<encart-sidebar bundle="${posts}" views="${views}" article="${article}" lang="fr"></encart-sidebar>
<script src="/dist/encart.js" async></script>`;

const items = (page) =>
  page.evaluate(() =>
    [...document.querySelector('encart-sidebar').shadowRoot.querySelectorAll('[data-list] .item')].map((li) => ({
      list: li.closest('[data-list]').dataset.list,
      title: li.querySelector('.title').textContent,
      date: li.querySelector('time').textContent,
    })),
  );

test('a WordPress post published at 00:30 in Casablanca shows its local day, not the evening before', async () => {
  const page = await pageWith(live('104'));
  await page.goto(`${h.base}/first-hour.html`);
  await waitForWidget(page);
  await settled(page);
  const midnight = (await items(page)).filter((i) => i.title.startsWith('Minuit'));
  assert.ok(midnight.length > 0, 'post 105 is listed');
  for (const item of midnight) assert.equal(item.date, '30 novembre 2026');
  await page.context().close();
});

test('a skipped draft is named by its id and link, and its view count is not blamed on the views file', async () => {
  const page = await pageWith(live('104'));
  await page.goto(`${h.base}/first-hour.html`);
  await waitForWidget(page);
  await settled(page);
  // Chromium reports console.warn's arguments after its format string.
  const skip = page.messages.find((m) => m.includes('skipped; first'));
  assert.ok(skip, page.messages.join('\n'));
  assert.ok(skip.includes(' 1 [4].date_gmt: missing '), skip);
  assert.ok(skip.includes('(id "106", https://www.lequotidien.example/2026/11/30/brouillon/)'), skip);
  assert.ok(!page.messages.some((m) => m.includes('match no article')), page.messages.join('\n'));
  await page.context().close();
});

test('on the skipped post’s own page the console says why it is not in the lists', async () => {
  const page = await pageWith(live('106'));
  await page.goto(`${h.base}/first-hour.html`);
  await waitForWidget(page);
  await settled(page);
  assert.ok(
    page.messages.some((m) => /is not in the bundle%s 106 : it was skipped \(\[4\]\.date_gmt: missing\)/.test(m)),
    page.messages.join('\n'),
  );
  await page.context().close();
});

test('rendered with the views the page loads, the sidebar is adopted without a layout shift; its controls wait for the script', async () => {
  assert.ok(cli, 'the encart command line is built');
  const html = execFileSync(cli, [
    'render', `${root}tests/fixtures/first-hour/posts.json`, '--views', `${root}tests/fixtures/first-hour/views.json`,
    '--article', '104', '--lang', 'fr', '--now', new Date().toISOString(), '--bundle-url', posts, '--views-url', views,
  ]).toString();
  const page = await pageWith(`${html}<script src="/dist/encart.js" async></script>`);
  let releaseScript;
  const scriptHeld = new Promise((resolve) => (releaseScript = resolve));
  await page.route(`${h.base}/dist/encart.js`, async (route) => {
    await scriptHeld;
    await route.continue();
  });
  await page.goto(`${h.base}/first-hour.html`, { waitUntil: 'domcontentloaded' });
  const controls = () =>
    page.evaluate(() =>
      [...document.querySelector('encart-sidebar').shadowRoot.querySelectorAll('input, select, [data-part="more"]:not([hidden])')].map(
        (c) => c.disabled,
      ),
    );
  const before = await items(page);
  assert.ok(before.some((i) => i.list === 'mostRead'), 'the pre-render has "Les plus lus" from the views');
  const disabledBefore = await controls();
  assert.ok(disabledBefore.length >= 4 && disabledBefore.every(Boolean), `inert before the script: ${disabledBefore}`);
  const height = () => page.evaluate(() => document.querySelector('encart-sidebar').getBoundingClientRect().height);
  const boxBefore = await height();
  releaseScript();
  await page.waitForFunction(() => document.querySelector('encart-sidebar').dataset.state === 'ready');
  await settled(page);
  assert.deepEqual(await items(page), before, 'the live widget shows what was rendered');
  assert.equal(await height(), boxBefore);
  assert.equal(await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0)), 0);
  assert.ok((await controls()).every((d) => !d), 'the script enabled the controls');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
