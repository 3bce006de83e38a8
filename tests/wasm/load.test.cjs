'use strict';
// engine.load(): the report, each skip reason, the input forms, baseUrl, `now`, and keeping the
// previous data when a load fails.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { Encart, NOW, article, bundle, engineWith, ids, expectEncartError } = require('./helpers.cjs');

async function load(articles, options = {}, extra = {}) {
  const engine = await Encart.createEngine();
  const report = engine.load(bundle(articles, extra), { now: NOW, ...options });
  return { engine, report };
}

// Loads [good, bad, good] and returns the one skip, after checking the report around it.
async function skipOf(bad) {
  const { engine, report } = await load([article('ok1'), bad, article('ok2')]);
  assert.equal(report.articles, 2, JSON.stringify(report));
  assert.equal(report.skipped.length, 1, JSON.stringify(report));
  assert.equal(report.skippedTotal, 1);
  assert.deepEqual(ids(engine.latest()).sort(), ['ok1', 'ok2']);
  const skip = report.skipped[0];
  assert.equal(skip.index, 1);
  assert.match(skip.reason, /articles\[1\]/, 'the reason names the index');
  return skip;
}

test('load returns {articles, skipped, skippedTotal, warnings} and nothing else', async () => {
  const { report } = await load([article('a'), article('b')]);
  assert.deepEqual(report, { articles: 2, skipped: [], skippedTotal: 0, warnings: [] });
});

test('an empty articles array loads and gives empty lists', async () => {
  const { engine, report } = await load([]);
  assert.deepEqual(report, { articles: 0, skipped: [], skippedTotal: 0, warnings: [] });
  assert.deepEqual(engine.latest(), []);
  assert.deepEqual(engine.mostRead(), []);
  assert.deepEqual(engine.facets(), { category: [], author: [], tag: [] });
});

test('version may be omitted, site is optional', async () => {
  const engine = await Encart.createEngine();
  const report = engine.load(JSON.stringify({ articles: [article('a')] }), { now: NOW });
  assert.equal(report.articles, 1);
  const withSite = engine.load(
    JSON.stringify({ version: 1, site: { name: 'Le Quotidien', url: 'https://news.example/', lang: 'fr' }, articles: [article('a')] }),
    { now: NOW },
  );
  assert.equal(withSite.articles, 1);
});

test('skip: missing id names the index and the id field', async () => {
  const skip = await skipOf(article(undefined));
  assert.equal(skip.id, '');
  assert.match(skip.reason, /articles\[1\]\.id/);
  assert.match(skip.reason, /missing/);
});

test('skip: empty id, missing title, missing url each name their field', async () => {
  assert.match((await skipOf(article('   '))).reason, /articles\[1\]\.id/);
  const noTitle = await skipOf(article('t', { title: undefined }));
  assert.equal(noTitle.id, 't');
  assert.match(noTitle.reason, /articles\[1\]\.title/);
  const noUrl = await skipOf(article('u', { url: undefined }));
  assert.equal(noUrl.id, 'u');
  assert.match(noUrl.reason, /articles\[1\]\.url/);
  assert.match((await skipOf(article('p', { published: undefined }))).reason, /articles\[1\]\.published/);
});

test('skip: an unreadable date names the field and quotes the value', async () => {
  const skip = await skipOf(article('d', { published: 'hier soir' }));
  assert.equal(skip.id, 'd');
  assert.match(skip.reason, /articles\[1\]\.published/);
  assert.match(skip.reason, /hier soir/);
  // Dates need an offset, a real calendar day and a real time.
  assert.match((await skipOf(article('d', { published: '2024-12-09T10:00:00' }))).reason, /\.published/);
  assert.match((await skipOf(article('d', { published: '2024-12-09' }))).reason, /\.published/);
  assert.match((await skipOf(article('d', { published: '2024-02-30T10:00:00Z' }))).reason, /\.published/);
  assert.match((await skipOf(article('d', { published: '2024-12-09T25:00:00Z' }))).reason, /\.published/);
  assert.match((await skipOf(article('d', { updated: 'demain' }))).reason, /articles\[1\]\.updated/);
});

test('skip: a duplicate id is skipped and the first one wins', async () => {
  const { engine, report } = await load([
    article('dup', { title: 'Premier' }),
    article('other'),
    article('dup', { title: 'Second', published: '2024-12-09T10:00:00+01:00' }),
  ]);
  assert.equal(report.articles, 2);
  assert.equal(report.skippedTotal, 1);
  assert.equal(report.skipped[0].index, 2);
  assert.equal(report.skipped[0].id, 'dup');
  assert.match(report.skipped[0].reason, /articles\[2\]\.id/);
  const dup = engine.latest().find((a) => a.id === 'dup');
  assert.equal(dup.title, 'Premier');
});

test('skip: javascript: and other non-http(s) urls', async () => {
  for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', '  javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://news.example/a', 'mailto:a@b.c']) {
    const skip = await skipOf(article('j', { url }));
    assert.equal(skip.id, 'j');
    assert.match(skip.reason, /articles\[1\]\.url/, url);
  }
});

test('skip: an image url that is not http(s) names image.url', async () => {
  for (const url of ['javascript:alert(1)', 'data:image/png;base64,AAAA']) {
    const skip = await skipOf(article('i', { image: { url, width: 10, height: 10 } }));
    assert.equal(skip.id, 'i');
    assert.match(skip.reason, /articles\[1\]\.image\.url/);
  }
  assert.match((await skipOf(article('i', { image: { alt: 'no url' } }))).reason, /articles\[1\]\.image\.url/);
  assert.match((await skipOf(article('i', { image: 'https://news.example/x.jpg' }))).reason, /articles\[1\]\.image/);
});

test('skip: values of the wrong type name the field', async () => {
  const cases = [
    [{ title: 42 }, /articles\[1\]\.title/],
    [{ url: ['https://news.example/x'] }, /articles\[1\]\.url/],
    [{ id: 7 }, /articles\[1\]\.id/],
    [{ published: 1733735700000 }, /articles\[1\]\.published/],
    [{ summary: { text: 'x' } }, /articles\[1\]\.summary/],
    [{ category: ['Sport'] }, /articles\[1\]\.category/],
    [{ tags: 'sport' }, /articles\[1\]\.tags/],
    [{ tags: ['ok', 3] }, /articles\[1\]\.tags\[1\]/],
    [{ author: 12 }, /articles\[1\]\.author/],
    [{ authors: 'Claire' }, /articles\[1\]\.authors/],
    [{ views: '100' }, /articles\[1\]\.views/],
    [{ views: -1 }, /articles\[1\]\.views/],
    [{ views: 1.5 }, /articles\[1\]\.views/],
    [{ views_24h: true }, /articles\[1\]\.views_24h/],
    [{ views_7d: -3 }, /articles\[1\]\.views_7d/],
    [{ views_30d: 'many' }, /articles\[1\]\.views_30d/],
    [{ image: { url: 'https://news.example/x.jpg', width: '640' } }, /articles\[1\]\.image\.width/],
  ];
  for (const [fields, pattern] of cases) {
    const skip = await skipOf(article('w', fields));
    assert.match(skip.reason, pattern, JSON.stringify(fields));
  }
  const notObject = await skipOf('just a string');
  assert.match(notObject.reason, /articles\[1\]/);
});

test('several skips are listed in index order with their total', async () => {
  const { report } = await load([
    article('a', { url: 'javascript:x' }),
    article('b'),
    article(undefined),
    article('c', { published: 'nope' }),
  ]);
  assert.equal(report.articles, 1);
  assert.equal(report.skippedTotal, 3);
  assert.deepEqual(report.skipped.map((s) => s.index), [0, 2, 3]);
  assert.deepEqual(report.skipped.map((s) => s.id), ['a', '', 'c']);
  for (const s of report.skipped) {
    assert.deepEqual(Object.keys(s).sort(), ['id', 'index', 'message', 'path', 'post', 'reason', 'url']);
    assert.equal(s.reason, `${s.path}: ${s.message}`);
  }
  // The post, for finding it in a CMS: its id and link, as far as they could be read. A bad
  // link is in the message, not repeated as the post's.
  assert.deepEqual(report.skipped.map((s) => s.post), ['id "a"', 'https://news.example/undefined', 'id "c", https://news.example/c']);
  assert.deepEqual(report.skipped.map((s) => s.path), ['articles[0].url', 'articles[2].id', 'articles[3].published']);
});

test('the first 1000 skips are listed; skippedTotal counts them all', async () => {
  const articles = [article('kept')];
  for (let i = 0; i < 1500; i++) articles.push(article(`bad${i}`, { url: 'javascript:void 0' }));
  const { engine, report } = await load(articles);
  assert.equal(report.articles, 1);
  assert.equal(report.skipped.length, 1000);
  assert.equal(report.skippedTotal, 1500);
  assert.equal(report.skipped[0].index, 1);
  assert.equal(report.skipped[999].index, 1000);
  assert.deepEqual(ids(engine.latest()), ['kept']);
});

test('string, Uint8Array, ArrayBuffer and Buffer inputs give the same result', async () => {
  const text = bundle([
    article('é1', { title: 'Été à Montréal — 東京', published: '2024-12-09T10:00:00+01:00' }),
    article('bad', { url: 'javascript:x' }),
    article('b'),
  ]);
  const bytes = new TextEncoder().encode(text);
  const inputs = {
    string: text,
    Uint8Array: bytes,
    ArrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    Buffer: Buffer.from(text, 'utf8'),
    // A view into the middle of a larger buffer.
    offsetView: (() => {
      const big = new Uint8Array(bytes.length + 20);
      big.set(bytes, 10);
      return big.subarray(10, 10 + bytes.length);
    })(),
  };
  let reference;
  for (const [name, input] of Object.entries(inputs)) {
    const engine = await Encart.createEngine();
    const result = { report: engine.load(input, { now: NOW }), latest: engine.latest() };
    assert.equal(result.report.articles, 2, name);
    if (reference) assert.deepEqual(result, reference, name);
    else reference = result;
  }
  assert.equal(reference.latest[0].title, 'Été à Montréal — 東京');
});

test('baseUrl resolves relative article and image urls', async () => {
  const { engine, report } = await load(
    [
      article('abs', { url: 'https://other.example/abs' }),
      article('root', { url: '/2024/12/root.html', image: { url: '/img/root.jpg' } }),
      article('rel', { url: 'rel.html', image: { url: 'img/rel.jpg' } }),
      article('proto', { url: '//cdn.example/proto.html' }),
    ],
    { baseUrl: 'https://news.example/data/articles.json' },
  );
  assert.equal(report.articles, 4, JSON.stringify(report));
  const byId = Object.fromEntries(engine.latest().map((a) => [a.id, a]));
  assert.equal(byId.abs.url, 'https://other.example/abs');
  assert.equal(byId.root.url, 'https://news.example/2024/12/root.html');
  assert.equal(byId.root.image.url, 'https://news.example/img/root.jpg');
  assert.equal(byId.rel.url, 'https://news.example/data/rel.html');
  assert.equal(byId.rel.image.url, 'https://news.example/data/img/rel.jpg');
  assert.equal(byId.proto.url, 'https://cdn.example/proto.html');
});

test('without baseUrl, site.url resolves relative urls; with neither they are skipped', async () => {
  const withSite = await load([article('r', { url: '/r.html' })], {}, { site: { name: 'N', url: 'https://site.example/' } });
  assert.equal(withSite.report.articles, 1);
  assert.equal(withSite.engine.latest()[0].url, 'https://site.example/r.html');

  const both = await load([article('r', { url: '/r.html' })], { baseUrl: 'https://cdn.example/bundle.json' }, { site: { url: 'https://site.example/' } });
  assert.equal(both.engine.latest()[0].url, 'https://cdn.example/r.html', 'baseUrl wins over site.url');

  const neither = await load([article('r', { url: '/r.html' }), article('ok')]);
  assert.equal(neither.report.articles, 1);
  assert.equal(neither.report.skipped[0].id, 'r');
  assert.match(neither.report.skipped[0].reason, /articles\[0\]\.url/);
});

test('now hides articles published after it, in every list and in the facets', async () => {
  const articles = [
    article('past', { published: '2024-12-09T10:00:00+01:00', views: 1, category: 'A', tags: ['x'] }),
    article('exact', { published: '2024-12-10T12:00:00Z', views: 2, category: 'A', tags: ['x'] }),
    article('future', { published: '2024-12-10T13:00:01+01:00', views: 3, category: 'B', tags: ['x'] }),
  ];
  const engine = await engineWith(articles);
  assert.deepEqual(ids(engine.latest()), ['exact', 'past'], 'an article published exactly at now is shown');
  assert.deepEqual(ids(engine.mostRead()), ['exact', 'past']);
  assert.deepEqual(ids(engine.related('past')), ['exact']);
  assert.deepEqual(engine.facets().category, [{ value: 'A', count: 2 }]);
  // A later now reveals it.
  engine.load(bundle(articles), { now: Date.parse('2024-12-11T00:00:00Z') });
  assert.deepEqual(ids(engine.latest()), ['future', 'exact', 'past']);
});

test('now accepts a Date, epoch milliseconds and an ISO 8601 string alike', async () => {
  const articles = [article('old', { published: '2024-12-01T00:00:00Z' }), article('new', { published: '2024-12-20T00:00:00Z' })];
  const text = bundle(articles);
  const forms = [new Date('2024-12-10T12:00:00Z'), Date.parse('2024-12-10T12:00:00Z'), '2024-12-10T12:00:00Z', '2024-12-10T13:00:00+01:00'];
  for (const now of forms) {
    const engine = await Encart.createEngine();
    engine.load(text, { now });
    assert.deepEqual(ids(engine.latest()), ['old'], String(now));
  }
});

test('now defaults to the current time', async () => {
  const engine = await Encart.createEngine();
  engine.load(bundle([article('past', { published: '2000-01-01T00:00:00Z' }), article('far', { published: '2999-01-01T00:00:00Z' })]));
  assert.deepEqual(ids(engine.latest()), ['past']);
});

test('a now outside the range of a Date is refused as bad_option, naming now', async () => {
  // 1e19 and Number.MAX_VALUE are finite but no instant: refusing beats silently wrapping.
  const engine = await Encart.createEngine();
  for (const now of [1e19, -1e19, Number.MAX_VALUE, 8.64e15 + 1]) {
    assert.throws(
      () => engine.load(bundle([article('a', { published: '2024-12-01T00:00:00Z' })]), { now }),
      (e) => e instanceof Encart.EncartError && e.code === 'bad_option' && /^now:/.test(e.message),
    );
  }
  engine.load(bundle([article('a', { published: '2024-12-01T00:00:00Z' })]), { now: 8.64e15 });
  assert.deepEqual(ids(engine.latest()), ['a']);
});

test('a failed load keeps the previous data', async () => {
  const engine = await engineWith([article('kept', { category: 'A' })]);
  const failures = [
    () => engine.load('{"articles": [', { now: NOW }),
    () => engine.load('[]', { now: NOW, format: 'bundle' }),
    () => engine.load('{"version": 2, "articles": []}', { now: NOW }),
    () => engine.load('{"site": {}}', { now: NOW }),
    () => engine.load(42, { now: NOW }),
    () => engine.load(bundle([article('x')]), { now: 'not a date' }),
  ];
  for (const fail of failures) {
    assert.throws(fail, Encart.EncartError);
    assert.deepEqual(ids(engine.latest()), ['kept']);
    assert.deepEqual(engine.facets().category, [{ value: 'A', count: 1 }]);
  }
});

test('a bundle over 256 MiB is refused as too_large before it is copied, keeping the previous data', async () => {
  const engine = await engineWith([article('kept')]);
  const error = expectEncartError(
    () => engine.load(new Uint8Array(256 * 1024 * 1024 + 1), { now: NOW }),
    'too_large',
    /268435457 bytes, over the limit of 268435456/,
  );
  assert.ok(error instanceof Encart.EncartError);
  assert.deepEqual(ids(engine.latest()), ['kept']);
});

test('a successful load replaces the previous bundle entirely', async () => {
  const engine = await engineWith([article('one'), article('two')]);
  const report = engine.load(bundle([article('three')]), { now: NOW });
  assert.equal(report.articles, 1);
  assert.deepEqual(ids(engine.latest()), ['three']);
  expectEncartError(() => engine.related('one'), 'unknown_article');
});

test('values are trimmed, unknown fields are ignored, null optional fields count as absent', async () => {
  const { engine, report } = await load([
    { ...article('t', { title: '  Titre espacé  ', summary: null, category: null, tags: null }), extra: { nested: [1, 2] }, lang: 'fr' },
  ]);
  assert.equal(report.articles, 1, JSON.stringify(report));
  const [a] = engine.latest();
  assert.equal(a.title, 'Titre espacé');
  assert.equal(a.summary, '');
  assert.equal(a.category, '');
  assert.deepEqual(a.tags, []);
});
