// Reader-facing filtering: the URL fragment round trip, the empty state and its reset, dates.
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

const widgetState = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('encart-sidebar').shadowRoot;
    return {
      q: root.querySelector('[data-part="q"]').value,
      category: root.querySelector('[data-part="category"]').value,
      date: root.querySelector('[data-part="date"]').value,
      categories: [...root.querySelectorAll('[data-list="latest"] .category')].map((c) => c.textContent),
      emptyShown: !root.querySelector('[data-part="empty"]').hidden,
    };
  });

test('with sync-url the filter state goes into the fragment and comes back on reload', async () => {
  const page = await h.page('/fixtures/pages/sync-url.html');
  await waitForWidget(page);
  await page.locator('encart-sidebar input[type="search"]').fill('sécu');
  await settled(page);
  await page.locator('encart-sidebar select[data-part="category"]').selectOption('Politique');
  await settled(page);
  const url = page.url();
  assert.match(url, /#encart=/);
  assert.deepEqual(Object.fromEntries(new URLSearchParams(decodeURIComponent(url.split('#encart=')[1]))), {
    q: 'sécu',
    category: 'Politique',
  });
  await page.reload();
  await waitForWidget(page);
  const state = await widgetState(page);
  assert.equal(state.q, 'sécu');
  assert.equal(state.category, 'Politique');
  assert.ok(state.categories.length > 0 && state.categories.every((c) => c === 'Politique'));
  await page.context().close();
});

test('a fragment that belongs to the host page is never overwritten', async () => {
  const page = await h.page('/fixtures/pages/sync-url.html#haut');
  await waitForWidget(page);
  await page.locator('encart-sidebar input[type="search"]').fill('maroc');
  await settled(page);
  await page.waitForTimeout(100);
  assert.ok(page.url().endsWith('#haut'), page.url());
  await page.context().close();
});

test('a filter that leaves nothing says so, and one click brings everything back', async () => {
  const page = await h.page('/');
  await waitForWidget(page);
  const search = page.locator('encart-sidebar input[type="search"]');
  await search.fill('xylophone zanzibar');
  await settled(page);
  let state = await widgetState(page);
  assert.equal(state.emptyShown, true);
  const text = await page.evaluate(() => document.querySelector('encart-sidebar').shadowRoot.querySelector('[data-part="empty"] p').textContent);
  assert.equal(text, 'Aucun article ne correspond à votre recherche.');
  await page.locator('encart-sidebar [data-part="reset"]').click();
  await settled(page);
  state = await widgetState(page);
  assert.equal(state.q, '');
  assert.equal(state.emptyShown, false);
  assert.equal(state.categories.length, 5);
  const focused = await page.evaluate(() => document.querySelector('encart-sidebar').shadowRoot.activeElement?.dataset.part);
  assert.equal(focused, 'q', 'focus returns to the search box');
  await page.context().close();
});

test('a typo still finds the article, and the date menu narrows by publication date', async () => {
  const page = await h.page('/');
  await waitForWidget(page);
  await page.locator('encart-sidebar input[type="search"]').fill('hammouchy');
  await settled(page);
  const titles = await page.evaluate(() =>
    [...document.querySelector('encart-sidebar').shadowRoot.querySelectorAll('[data-list="latest"] .title')].map((t) => t.textContent));
  assert.ok(titles.some((t) => t.includes('Hammouchi')), JSON.stringify(titles));
  await page.locator('encart-sidebar input[type="search"]').fill('');
  await settled(page);
  // The demo's articles end on 10 December 2024: seen from today, none is from the last 7 days.
  await page.locator('encart-sidebar select[data-part="date"]').selectOption('7d');
  await settled(page);
  assert.equal((await widgetState(page)).emptyShown, true);
  await page.context().close();
});

test('a hand-edited fragment with an unknown date preset or control characters is ignored', async () => {
  const page = await h.page('/fixtures/pages/sync-url.html#encart=date=yesterday&q=s%C3%A9cu%01');
  await waitForWidget(page);
  await settled(page);
  const state = await widgetState(page);
  assert.equal(state.date, '');
  assert.equal(state.q, 'sécu');
  assert.ok(state.categories.length > 0, 'the lists show');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
