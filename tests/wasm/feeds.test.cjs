'use strict';
// Feeds through the public API in Node (issue 5): WordPress posts with views.json, JSON Feed with
// and without "_encart", the format option, and clear errors for malformed feeds. RSS and Atom
// need DOMParser: in Node they are a clear unsupported_format (the browser tests read them); the
// element tree the page hands over is mapped by the engine, which Node can check.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Encart, expectEncartError } = require('./helpers.cjs');

const DIR = path.join(__dirname, '..', 'fixtures', 'feeds');
const read = (name) => fs.readFileSync(path.join(DIR, name));
const NOW = '2024-12-10T12:00:00Z';

async function loaded(name, options = {}) {
  const engine = await Encart.createEngine();
  const report = engine.load(read(name), { now: NOW, ...options });
  return { engine, report };
}

const view = (engine) => ({
  latest: engine.latest().map((a) => [a.id, a.title, a.summary, a.category, a.authors[0], a.tags.join('|'), a.url]),
  mostRead: engine.mostRead().map((a) => a.id),
});

test('WordPress posts with views.json, and JSON Feed with _encart, give the lists of the bundle', async () => {
  const expected = view((await loaded('bundle.json')).engine);
  assert.equal(expected.latest.length, 6);
  const wordpress = await loaded('wordpress.json', { views: read('views.json') });
  assert.deepEqual(wordpress.report.skipped, []);
  assert.deepEqual(wordpress.report.warnings, []);
  assert.deepEqual(view(wordpress.engine), expected);
  const feed = await loaded('jsonfeed.json');
  assert.deepEqual(view(feed.engine), expected);
  assert.equal(feed.engine.relatedSettings().limit, 4); // the feed's _encart.related
});

test('a JSON Feed without _encart loads the same articles, without sections or most read', async () => {
  const { engine } = await loaded('jsonfeed-plain.json');
  const expected = (await loaded('bundle.json')).engine.latest().map((a) => a.id);
  assert.deepEqual(engine.latest().map((a) => a.id), expected);
  assert.deepEqual(engine.mostRead(), []);
  assert.deepEqual(engine.facets().category, []);
});

test('views may be an object; keys that match nothing are reported, not fatal', async () => {
  const { engine, report } = await loaded('wordpress.json', { views: { 106: 999999, nope: 3 } });
  assert.equal(engine.mostRead()[0].id, '106');
  assert.deepEqual(report.warnings, ['views: 1 key(s) match no article, first "nope"']);
  const broken = await loaded('wordpress.json', { views: '{"101": ' });
  assert.equal(broken.report.articles, 6);
  assert.match(broken.report.warnings[0], /^views: not valid JSON at line 1/);
});

test('the format option overrides detection and is checked', async () => {
  const engine = await Encart.createEngine();
  expectEncartError(() => engine.load(read('jsonfeed.json'), { format: 'wordpress' }), 'bad_bundle', /JSON array/);
  expectEncartError(() => engine.load(read('wordpress.json'), { format: 'jsonfeed' }), 'bad_bundle', /JSON object/);
  expectEncartError(() => engine.load(read('bundle.json'), { format: 'yaml' }), 'bad_option', /format/);
  assert.equal(engine.load(read('jsonfeed.json'), { format: 'jsonfeed', now: NOW }).articles, 6);
});

test('malformed feeds are clear errors and keep the previous data', async () => {
  const { engine } = await loaded('bundle.json');
  const wordpress = expectEncartError(() => engine.load(read('bad-wordpress.json')), 'bad_json');
  assert.ok(wordpress.line > 1 && wordpress.column >= 1, `${wordpress.line}:${wordpress.column}`);
  expectEncartError(() => engine.load(read('bad-jsonfeed.json')), 'bad_bundle', /"items"/);
  for (const xml of ['rss.xml', 'atom.xml', 'bad-rss.xml']) {
    expectEncartError(() => engine.load(read(xml)), 'unsupported_format', /DOMParser/);
  }
  assert.equal(engine.latest().length, 6);
});

// The JSON form of an element tree, as web/xml-tree.js writes it from DOMParser's document.
const el = (name, children = [], text = '', attributes = {}, ns = '') => [name, ns, attributes, text, children, ''];
const rssTree = (items) => JSON.stringify({
  encart_xml_tree: 1,
  root: el('rss', [el('channel', [el('title', [], 'Q'), el('link', [], 'https://q.example/'), ...items])]),
});

test('an RSS element tree is mapped by the engine; skips name the item and its own field', async () => {
  const engine = await Encart.createEngine();
  const report = engine.load(
    rssTree([
      el('item', [el('title', [], 'Un'), el('link', [], '/1'), el('pubDate', [], 'Mon, 09 Dec 2024 10:15:00 +0100'),
        el('description', [], '<p>L&#8217;été [&hellip;]</p>'), el('category', [], 'Politique'), el('category', [], 'France')]),
      el('item', [el('title', [], 'Deux'), el('link', [], '/2'), el('pubDate', [], 'hier')]),
    ]),
    { now: NOW },
  );
  assert.equal(report.articles, 1);
  assert.equal(report.skipped.length, 1);
  assert.equal(report.skipped[0].path, 'item[1].pubDate');
  assert.match(report.skipped[0].message, /"hier" is not an RFC 822 date/);
  assert.equal(report.skipped[0].reason, `${report.skipped[0].path}: ${report.skipped[0].message}`);
  const [a] = engine.latest();
  assert.deepEqual([a.url, a.published, a.summary, a.category, a.tags], ['https://q.example/1', '2024-12-09T10:15:00+01:00', 'L’été…', 'Politique', ['France']]);
  expectEncartError(() => engine.load('{"encart_xml_tree": 1, "root": 3}'), 'bad_bundle', /not an XML element tree/);
  expectEncartError(() => engine.load(JSON.stringify({ encart_xml_tree: 1, root: el('html') })), 'bad_bundle', /neither RSS/);
  assert.equal(engine.latest().length, 1);
});
