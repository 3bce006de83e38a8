// The developer page: language and article switches drive the widget; the API panel answers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitForWidget } from './harness.mjs';

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

const heading = (page) =>
  page.evaluate(() => document.querySelector('#widget').shadowRoot.querySelector('[data-list="latest"] h2').textContent);

test('the language switch re-renders the widget in English and Arabic', async () => {
  const page = await h.page('/dev.html');
  await waitForWidget(page, '#widget');
  assert.equal(await heading(page), 'Derniers articles');
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.querySelector('#widget').shadowRoot.querySelector('[data-list="latest"] h2')?.textContent === 'Latest articles');
  await waitForWidget(page, '#widget');
  const time = await page.evaluate(() => document.querySelector('#widget').shadowRoot.querySelector('time').textContent);
  assert.match(time, /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/);
  await page.selectOption('#lang', 'ar');
  await page.waitForFunction(() => document.querySelector('#widget').shadowRoot.querySelector('.encart')?.getAttribute('dir') === 'rtl');
  assert.match(await page.textContent('#snippet'), /data-lang="ar"/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the article switch updates the snippet, the widget and the related call', async () => {
  const page = await h.page('/dev.html');
  await waitForWidget(page, '#widget');
  await page.waitForFunction(() => document.querySelector('#article').options.length > 50);
  await page.selectOption('#article', 'lions-atlas-centrafrique-oujda');
  assert.match(await page.textContent('#snippet'), /data-article="lions-atlas-centrafrique-oujda"/);
  assert.equal(await page.getAttribute('#widget', 'article'), 'lions-atlas-centrafrique-oujda');
  await page.selectOption('#api-list', 'related');
  await page.waitForFunction(() => document.querySelector('#call-preview').textContent.startsWith("related('lions-atlas-centrafrique-oujda'"));
  const output = JSON.parse(await page.textContent('#api-output'));
  assert.equal(output.length, 5);
  assert.ok(output.every((a) => a.id !== 'lions-atlas-centrafrique-oujda'));
  assert.ok(output.filter((a) => a.category === 'Sport').length >= 3, 'related football articles are mostly Sport');
  await page.context().close();
});

test('the API panel reports a bad filter as an EncartError', async () => {
  const page = await h.page('/dev.html');
  await page.waitForFunction(() => document.querySelector('#api-status').textContent.includes('loaded'));
  await page.fill('#api-limit', '-3');
  await page.waitForFunction(() => document.querySelector('#api-status').textContent.startsWith('EncartError bad_option'));
  await page.context().close();
});

test('the script tag of the page mounts a live English sidebar into its data-target', async () => {
  const page = await h.page('/dev.html');
  await waitForWidget(page, '#script-embed encart-sidebar');
  const info = await page.evaluate(() => {
    const el = document.querySelector('#script-embed encart-sidebar');
    return { article: el.getAttribute('article'), heading: el.shadowRoot.querySelector('h2').textContent };
  });
  assert.deepEqual(info, { article: 'hammouchi-renseignement-paris', heading: 'Latest articles' });
  await page.context().close();
});
