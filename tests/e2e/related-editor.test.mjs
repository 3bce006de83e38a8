// What editors say about related articles, in Chromium (issue 13): an article's "related" ids
// come first in the widget's "À lire aussi", and a link in a body makes the linked article related.
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

function relatedHrefs(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    return [...root.querySelectorAll('[data-list="related"] .item a')].map((a) => a.getAttribute('href'));
  }, selector);
}

test('the editor\'s related article shows first, then the computed one; a linked article shows as related', async () => {
  const page = await h.page('/fixtures/pages/editor-related.html');
  await waitForWidget(page, '#visite encart-sidebar');
  await waitForWidget(page, '#analyse encart-sidebar');
  const visite = await relatedHrefs(page, '#visite encart-sidebar');
  assert.equal(visite.length, 2);
  assert.match(visite[0], /\/2025\/01\/barrages$/);
  assert.match(visite[1], /\/2025\/01\/(rencontre|saisie)$/);
  const analyse = await relatedHrefs(page, '#analyse encart-sidebar');
  assert.deepEqual(analyse.map((href) => href.replace(/^.*\/2025\/01\//, '')), ['tomates']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
