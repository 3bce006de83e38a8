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

test('through the API, RSS and Atom give the articles of the bundle; skips name the feed’s fields', async () => {
  const page = await h.page('/fixtures/pages/feeds.html');
  await waitForWidget(page, '#rss encart-sidebar');
  const got = await page.evaluate(async () => {
    const read = async (input, fields) => {
      const engine = await Encart.createEngine();
      const bytes = typeof input === 'string' && !input.startsWith('<') ? new Uint8Array(await (await fetch(`/fixtures/feeds/${input}`)).arrayBuffer()) : input;
      try {
        const report = engine.load(bytes, { now: '2024-12-10T12:00:00Z' });
        const items = engine.latest({ limit: 100 }).map((a) => fields.map((f) => (f === 'image' ? a.image && a.image.url : a[f])));
        return { report, items };
      } catch (error) {
        return { error: `${error.code}: ${error.message}` };
      } finally {
        engine.dispose();
      }
    };
    const all = ['id', 'url', 'title', 'summary', 'category', 'tags', 'authors', 'published', 'image'];
    const noImage = all.filter((f) => f !== 'image');
    const rssHead = '<rss version="2.0"><channel><title>Q</title><link>https://q.example/</link>';
    return {
      bundle: await read('bundle.json', all),
      bundleNoImage: await read('bundle.json', noImage),
      rss: await read('rss.xml', all),
      atom: await read('atom.xml', noImage),
      skips: await read(
        `${rssHead}<item><title>A</title><link>/a</link><pubDate>Mon, 09 Dec 2024 10:15:00 +0100</pubDate></item>` +
          '<item><title>B</title><link>/b</link><pubDate>hier</pubDate></item></channel></rss>',
        ['id'],
      ),
      entities: await read(`<!DOCTYPE rss [<!ENTITY a "x">]>${rssHead}</channel></rss>`, ['id']),
    };
  });
  // Dates: RSS keeps the offset it was written with, the bundle says Z; compare the instants.
  const instant = (items, at) => items.map((row) => [...row.slice(0, at), Date.parse(row[at]), ...row.slice(at + 1)]);
  assert.deepEqual(instant(got.rss.items, 7), instant(got.bundle.items, 7));
  assert.deepEqual(instant(got.atom.items, 7), instant(got.bundleNoImage.items, 7));
  assert.equal(got.skips.report.articles, 1);
  assert.deepEqual(
    got.skips.report.skipped.map((s) => [s.index, s.path]),
    [[1, 'item[1].pubDate']],
  );
  assert.match(got.skips.report.skipped[0].message, /"hier" is not an RFC 822 date/);
  assert.match(got.entities.error, /^bad_xml: the XML declares entities/);
  await page.context().close();
});
