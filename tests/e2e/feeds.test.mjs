// Feeds in the browser (issue 5): WordPress posts with a views file, JSON Feed, RSS and Atom (read
// with the page's DOMParser, the engine staying in its worker) give the sidebar of the equivalent
// bundle; malformed feeds show the widget's error state with a message naming the place.
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

function lists(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const read = (list) =>
      [...root.querySelectorAll(`[data-list="${list}"] .item`)].map((li) => ({
        title: li.querySelector('.title').textContent,
        href: li.querySelector('a').getAttribute('href'),
        category: li.querySelector('.category')?.textContent ?? '',
      }));
    return { latest: read('latest'), mostRead: read('mostRead') };
  }, selector);
}

test('every format shows the lists of the equivalent bundle', async () => {
  const page = await h.page('/fixtures/pages/feeds.html');
  for (const id of ['bundle', 'wordpress', 'jsonfeed', 'rss', 'atom']) await waitForWidget(page, `#${id} encart-sidebar`);
  const expected = await lists(page, '#bundle encart-sidebar');
  assert.equal(expected.latest.length, 6);
  assert.equal(expected.mostRead.length, 6);
  for (const id of ['wordpress', 'jsonfeed', 'rss', 'atom']) {
    const got = await lists(page, `#${id} encart-sidebar`);
    assert.deepEqual(got.latest, expected.latest, id);
    // Views: from views.json for WordPress, from _encart for the JSON Feed; RSS and Atom have none.
    if (id === 'wordpress' || id === 'jsonfeed') assert.deepEqual(got.mostRead, expected.mostRead, id);
  }
  await page.context().close();
});

test('an ISO-8859-1 RSS feed with GMT dates reads as written', async () => {
  const page = await h.page('/fixtures/pages/feeds.html');
  await waitForWidget(page, '#latin1 encart-sidebar');
  const { latest } = await lists(page, '#latin1 encart-sidebar');
  assert.deepEqual(latest.map((i) => i.title), ['Sécurité routière : un été sous haute surveillance à Tanger']);
  assert.equal(latest[0].category, 'Société');
  await page.context().close();
});

test('malformed RSS, Atom and WordPress output show an error naming line and column', async () => {
  const page = await h.page('/fixtures/pages/feeds.html');
  for (const id of ['bad-rss', 'bad-atom', 'bad-wordpress']) {
    await page.waitForFunction((sel) => document.querySelector(sel).dataset.state === 'error', `#${id} encart-sidebar`);
  }
  const errors = page.messages.filter((m) => m.startsWith('error: [encart]'));
  assert.ok(errors.some((m) => /bad-rss\.xml: not well-formed XML at line \d+, column \d+/.test(m)), errors.join('\n'));
  assert.ok(errors.some((m) => /bad-atom\.xml: not well-formed XML at line \d+, column \d+/.test(m)), errors.join('\n'));
  assert.ok(errors.some((m) => /bad-wordpress\.json: not valid JSON at line \d+, column \d+/.test(m)), errors.join('\n'));
  await page.context().close();
});
