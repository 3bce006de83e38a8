'use strict';
// Every error the API throws is an EncartError with a stable .code and a message that says what
// and where.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { Encart, NOW, article, bundle, engineWith, expectEncartError } = require('./helpers.cjs');

async function loadedEngine() {
  return engineWith([article('a', { tags: ['x'] }), article('b', { tags: ['x'] })]);
}

test('EncartError is an Error subclass carrying code and details', () => {
  const error = new Encart.EncartError('bad_json', 'line 1', { line: 1, column: 2 });
  assert.ok(error instanceof Error);
  assert.equal(error.name, 'EncartError');
  assert.equal(error.code, 'bad_json');
  assert.equal(error.message, 'line 1');
  assert.equal(error.line, 1);
  assert.equal(error.column, 2);
});

test('invalid JSON: bad_json with line, column and byte offset (multi-line input)', async () => {
  const engine = await Encart.createEngine();
  const text = '{\n  "version": 1,\n  "articles": [\n    {"id": "a",, "title": "x"}\n  ]\n}';
  const error = expectEncartError(() => engine.load(text, { now: NOW }), 'bad_json');
  assert.equal(error.line, 4);
  assert.equal(error.column, 16); // the second comma
  assert.equal(error.offset, text.indexOf(',,') + 1);
  assert.equal(text[error.offset], ',');
  assert.match(error.message, /line 4/);
  assert.match(error.message, /column 16/);
});

test('invalid JSON: the column counts characters, not bytes', async () => {
  const engine = await Encart.createEngine();
  const text = '{"articles": [],\n "site": {"name": "Été à 東京" x}}';
  const error = expectEncartError(() => engine.load(text), 'bad_json');
  const line2 = text.split('\n')[1];
  assert.equal(error.line, 2);
  assert.equal(error.column, [...line2.slice(0, line2.indexOf('x'))].length + 1);
  assert.equal(error.offset, Buffer.byteLength(text.slice(0, text.indexOf('x'))));
});

test('invalid JSON: CRLF line ends count as one line break', async () => {
  const engine = await Encart.createEngine();
  const text = '{\r\n  "articles": [],\r\n  "x": }\r\n}';
  const error = expectEncartError(() => engine.load(text), 'bad_json');
  assert.equal(error.line, 3);
  assert.equal(error.column, 8);
  assert.equal(error.offset, text.indexOf('}'));
});

test('invalid JSON: truncated input, empty input, trailing garbage, invalid UTF-8', async () => {
  const engine = await Encart.createEngine();
  const truncated = expectEncartError(() => engine.load('{"articles": ['), 'bad_json', /line 1/);
  assert.equal(truncated.line, 1);
  assert.equal(truncated.column, 15);
  expectEncartError(() => engine.load(''), 'bad_json');
  expectEncartError(() => engine.load('   \n  '), 'bad_json');
  expectEncartError(() => engine.load('{"articles": []} x'), 'bad_json');
  expectEncartError(() => engine.load('{"articles": []}{}'), 'bad_json');
  expectEncartError(() => engine.load("{'articles': []}"), 'bad_json');
  expectEncartError(() => engine.load('{"articles": [], }'), 'bad_json');
  const badUtf8 = new Uint8Array([...Buffer.from('{"articles": [], "x": "'), 0xff, 0xfe, ...Buffer.from('"}')]);
  const error = expectEncartError(() => engine.load(badUtf8), 'bad_json');
  // The message never carries the hostile bytes themselves.
  assert.match(error.message, /^[\x20-\x7e]*$/);
});

test('a top-level array or scalar is bad_bundle (an array, once format says bundle)', async () => {
  const engine = await Encart.createEngine();
  // Without a format, a JSON array is WordPress posts (see feeds.test.cjs).
  expectEncartError(() => engine.load('[]', { format: 'bundle' }), 'bad_bundle', /object/);
  expectEncartError(() => engine.load(JSON.stringify([article('a')]), { format: 'bundle' }), 'bad_bundle');
  expectEncartError(() => engine.load('"articles"'), 'bad_bundle');
  expectEncartError(() => engine.load('42'), 'bad_bundle');
  expectEncartError(() => engine.load('null'), 'bad_bundle');
});

test('no articles array, or articles of the wrong type, is bad_bundle naming "articles"', async () => {
  const engine = await Encart.createEngine();
  expectEncartError(() => engine.load('{}'), 'bad_bundle', /articles/);
  expectEncartError(() => engine.load('{"version": 1, "site": {"name": "x"}}'), 'bad_bundle', /articles/);
  expectEncartError(() => engine.load('{"articles": {}}'), 'bad_bundle', /articles/);
  expectEncartError(() => engine.load('{"articles": null}'), 'bad_bundle', /articles/);
  expectEncartError(() => engine.load('{"articles": "none"}'), 'bad_bundle', /articles/);
  expectEncartError(() => engine.load('{"articles": [], "articles": []}'), 'bad_bundle', /articles/);
  expectEncartError(() => engine.load('{"site": {"articles": []}}'), 'bad_bundle', /articles/);
});

test('a version other than 1 is unsupported_version', async () => {
  const engine = await Encart.createEngine();
  expectEncartError(() => engine.load(bundle([], { version: 2 })), 'unsupported_version', /version/);
  expectEncartError(() => engine.load(bundle([], { version: 0 })), 'unsupported_version', /2|0/);
  expectEncartError(() => engine.load(bundle([], { version: '1' })), 'unsupported_version');
  expectEncartError(() => engine.load(bundle([], { version: null })), 'unsupported_version');
  // The version is checked whether it comes before or after the articles.
  expectEncartError(() => engine.load('{"articles": [], "version": 3}'), 'unsupported_version', /3/);
});

test('an absurd version value gives a short message', async () => {
  const engine = await Encart.createEngine();
  const error = expectEncartError(
    () => engine.load(`{"version": "${'x'.repeat(100000)}", "articles": []}`),
    'unsupported_version',
  );
  assert.ok(error.message.length < 1000, `message is ${error.message.length} characters long`);
});

test('a deeply nested version value is an EncartError, not a crash', async () => {
  const engine = await engineWith([article('kept')]);
  const depth = 20000;
  expectEncartError(
    () => engine.load(`{"version": ${'['.repeat(depth)}${']'.repeat(depth)}, "articles": []}`, { now: NOW }),
    'unsupported_version',
  );
  assert.equal(engine.latest()[0].id, 'kept');
});

test('deeply nested values elsewhere are read past or skipped, never a crash', async () => {
  const engine = await Encart.createEngine();
  const deep = `${'['.repeat(100000)}${']'.repeat(100000)}`;
  const report = engine.load(`{"site": ${deep}, "extra": ${deep}, "articles": [${deep}, ${JSON.stringify(article('ok'))}]}`, { now: NOW });
  assert.equal(report.articles, 1);
  assert.equal(report.skipped[0].index, 0);
  expectEncartError(() => engine.load(deep), 'bad_bundle');
  expectEncartError(() => engine.load(`{"articles": [${'['.repeat(100000)}]}`), 'bad_json');
});

test('a filter with an unknown field is bad_filter naming the field', async () => {
  const engine = await loadedEngine();
  expectEncartError(() => engine.latest({ filter: { categroy: 'Sport' } }), 'bad_filter', /categroy/);
  expectEncartError(() => engine.mostRead({ filter: { query: 'x' } }), 'bad_filter', /query/);
  expectEncartError(() => engine.related('a', { filter: { tags: 'x' } }), 'bad_filter', /tags/);
  expectEncartError(() => engine.facets({ from: '2024-01-01' }), 'bad_filter', /from/);
  expectEncartError(() => engine.sidebar({ filter: { authors: 'x' } }), 'bad_filter', /authors/);
});

test('filter values of the wrong type are bad_filter naming the field', async () => {
  const engine = await loadedEngine();
  expectEncartError(() => engine.latest({ filter: 'sport' }), 'bad_filter');
  expectEncartError(() => engine.latest({ filter: { q: 42 } }), 'bad_filter', /q/);
  expectEncartError(() => engine.latest({ filter: { category: 5 } }), 'bad_filter', /category/);
  expectEncartError(() => engine.latest({ filter: { author: ['ok', null] } }), 'bad_filter', /author\[1\]/);
  expectEncartError(() => engine.latest({ filter: { tag: { x: 1 } } }), 'bad_filter', /tag/);
  expectEncartError(() => engine.latest({ filter: { since: {} } }), 'bad_filter', /since/);
  expectEncartError(() => engine.latest({ filter: { until: NaN } }), 'bad_filter', /until/);
  expectEncartError(() => engine.latest({ filter: { since: new Date('nope') } }), 'bad_filter', /since/);
});

test('epoch milliseconds outside the Date range are bad_filter, not another exception', async () => {
  const engine = await loadedEngine();
  // Finite numbers that no Date can hold (|ms| > 8.64e15).
  expectEncartError(() => engine.latest({ filter: { until: 1e16 } }), 'bad_filter', /until/);
  expectEncartError(() => engine.facets({ since: -Number.MAX_SAFE_INTEGER }), 'bad_filter', /since/);
  expectEncartError(() => engine.sidebar({ filter: { since: Number.MAX_VALUE } }), 'bad_filter', /since/);
});

test('filter.since "yesterday" (or any unreadable date) is bad_filter naming the field and value', async () => {
  const engine = await loadedEngine();
  expectEncartError(() => engine.latest({ filter: { since: 'yesterday' } }), 'bad_filter', /since.*yesterday/);
  expectEncartError(() => engine.mostRead({ filter: { until: '2024-13-01' } }), 'bad_filter', /until/);
  expectEncartError(() => engine.facets({ since: '09/12/2024' }), 'bad_filter', /since/);
  expectEncartError(() => engine.sidebar({ filter: { until: 'demain' } }), 'bad_filter', /until/);
});

test('related to an unknown id is unknown_article naming the id', async () => {
  const engine = await loadedEngine();
  expectEncartError(() => engine.related('nope'), 'unknown_article', /nope/);
  expectEncartError(() => engine.related(''), 'unknown_article');
  expectEncartError(() => engine.related(42), 'unknown_article', /"42"/); // a number is an id
});

test('every query before a successful load is not_loaded', async () => {
  const engine = await Encart.createEngine();
  const queries = {
    latest: () => engine.latest(),
    mostRead: () => engine.mostRead(),
    related: () => engine.related('a'),
    facets: () => engine.facets(),
    sidebar: () => engine.sidebar({ article: 'a' }),
  };
  for (const query of Object.values(queries)) expectEncartError(query, 'not_loaded', /load/);
  // A failed first load leaves the engine unloaded.
  expectEncartError(() => engine.load('{'), 'bad_json');
  for (const query of Object.values(queries)) expectEncartError(query, 'not_loaded');
});

test('a bad limit is bad_option naming the option', async () => {
  const engine = await loadedEngine();
  expectEncartError(() => engine.latest({ limit: -1 }), 'bad_option', /limit/);
  expectEncartError(() => engine.latest({ limit: 1.5 }), 'bad_option', /limit/);
  expectEncartError(() => engine.mostRead({ limit: '3' }), 'bad_option', /limit/);
  expectEncartError(() => engine.related('a', { limit: NaN }), 'bad_option', /limit/);
  expectEncartError(() => engine.latest({ limit: Infinity }), 'bad_option', /limit/);
  expectEncartError(() => engine.sidebar({ limits: { latest: -2 } }), 'bad_option', /latest/);
  expectEncartError(() => engine.sidebar({ limits: { related: 0.5 } }), 'bad_option', /related/);
});

test('a bad window or exclude is bad_option', async () => {
  const engine = await loadedEngine();
  expectEncartError(() => engine.mostRead({ window: 'week' }), 'bad_option', /window/);
  expectEncartError(() => engine.mostRead({ window: '24H' }), 'bad_option', /window/);
  expectEncartError(() => engine.sidebar({ window: 'month' }), 'bad_option', /window/);
  expectEncartError(() => engine.latest({ exclude: ['a', 1.5] }), 'bad_option', /exclude\[1\]/);
  expectEncartError(() => engine.latest({ exclude: [-1] }), 'bad_option', /exclude/);
  expectEncartError(() => engine.related(true), 'bad_option', /related: expected an article id/);
  expectEncartError(() => engine.sidebar({ article: { id: 'a' } }), 'bad_option', /article/);
  expectEncartError(() => engine.related('a', { exclude: { id: 'b' } }), 'bad_option', /exclude/);
});

test('a whole number is an article id, as WordPress gives them: 101 is the article "101"', async () => {
  const engine = await engineWith([
    article('101', { title: 'Sécurité : Abdellatif Hammouchi reçoit son homologue français', published: '2024-12-09T10:00:00+01:00' }),
    article('102', { title: 'Abdellatif Hammouchi reçu à Bruxelles par son homologue belge', published: '2024-12-08T10:00:00+01:00' }),
    article('103', { title: 'Tomates : les prix baissent', published: '2024-12-07T10:00:00+01:00' }),
  ]);
  assert.deepEqual(
    engine.related(101).map((a) => a.id),
    engine.related('101').map((a) => a.id),
  );
  assert.equal(engine.related(101)[0].id, '102');
  assert.deepEqual(
    engine.latest({ exclude: [101, '102'] }).map((a) => a.id),
    ['103'],
  );
  const view = engine.sidebar({ article: 101 });
  assert.equal(view.articleFound, true);
  expectEncartError(() => engine.related(999), 'unknown_article', /999/);
});

test('load of something that is not text or bytes is bad_input', async () => {
  const engine = await Encart.createEngine();
  expectEncartError(() => engine.load(42), 'bad_input');
  expectEncartError(() => engine.load(null), 'bad_input');
  expectEncartError(() => engine.load(undefined), 'bad_input');
  expectEncartError(() => engine.load({ articles: [] }), 'bad_input');
  expectEncartError(() => engine.load([article('a')]), 'bad_input');
});

test('a bad now is bad_option naming now', async () => {
  const engine = await Encart.createEngine();
  expectEncartError(() => engine.load(bundle([]), { now: 'yesterday' }), 'bad_option', /now/);
  expectEncartError(() => engine.load(bundle([]), { now: NaN }), 'bad_option', /now/);
  expectEncartError(() => engine.load(bundle([]), { now: new Date('x') }), 'bad_option', /now/);
  expectEncartError(() => engine.load(bundle([]), { now: {} }), 'bad_option', /now/);
});

test('every use after dispose() is disposed; dispose() twice is harmless', async () => {
  const engine = await loadedEngine();
  engine.dispose();
  engine.dispose();
  expectEncartError(() => engine.load(bundle([article('a')])), 'disposed');
  expectEncartError(() => engine.latest(), 'disposed');
  expectEncartError(() => engine.mostRead(), 'disposed');
  expectEncartError(() => engine.related('a'), 'disposed');
  expectEncartError(() => engine.facets(), 'disposed');
  expectEncartError(() => engine.sidebar(), 'disposed');
});

test('dispose() of an unloaded engine, then use, is disposed', async () => {
  const engine = await Encart.createEngine();
  engine.dispose();
  expectEncartError(() => engine.latest(), 'disposed');
});

test('errors leave the engine usable', async () => {
  const engine = await loadedEngine();
  for (const bad of [
    () => engine.latest({ limit: -1 }),
    () => engine.latest({ filter: { since: 'yesterday' } }),
    () => engine.related('nope'),
    () => engine.load('{"articles": [}'),
  ]) {
    assert.throws(bad, Encart.EncartError);
    assert.equal(engine.latest().length, 2);
  }
});
