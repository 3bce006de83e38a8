'use strict';
// latest(), mostRead(), related(): order, ties, limit, exclude, and the shape of the results.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { article, engineWith, ids, expectEncartError, NEWS_LATEST, newsEngine } = require('./helpers.cjs');

const RESULT_KEYS = ['author', 'authors', 'category', 'expires', 'id', 'image', 'isAccessibleForFree', 'published', 'summary', 'tags', 'title', 'url', 'views'];

test('latest: newest published first, articles after now hidden', async () => {
  const engine = await newsEngine();
  assert.deepEqual(ids(engine.latest()), NEWS_LATEST);
});

test('latest: ties on the same instant are ordered by id', async () => {
  const engine = await engineWith([
    article('c', { published: '2024-12-09T10:00:00+01:00' }),
    article('a', { published: '2024-12-09T09:00:00Z' }), // the same instant, another offset
    article('newest', { published: '2024-12-09T10:00:01+01:00' }),
    article('b', { published: '2024-12-09T10:00:00+01:00' }),
    article('old', { published: '2024-12-01T10:00:00+01:00' }),
  ]);
  assert.deepEqual(ids(engine.latest()), ['newest', 'a', 'b', 'c', 'old']);
});

test('latest: offsets are honoured (a later local time can be an earlier instant)', async () => {
  const engine = await engineWith([
    article('paris', { published: '2024-12-09T10:00:00+01:00' }), // 09:00Z
    article('newyork', { published: '2024-12-09T05:00:00-05:00' }), // 10:00Z
    article('tokyo', { published: '2024-12-09T17:30:00+09:00' }), // 08:30Z
  ]);
  assert.deepEqual(ids(engine.latest()), ['newyork', 'paris', 'tokyo']);
});

test('limit: default 10, 0 gives nothing, larger than the bundle gives everything', async () => {
  const many = Array.from({ length: 15 }, (_, i) =>
    article(`a${String(i).padStart(2, '0')}`, { published: `2024-11-${String(10 + i).padStart(2, '0')}T10:00:00Z`, views: i, tags: ['t'] }),
  );
  const engine = await engineWith(many);
  assert.equal(engine.latest().length, 10);
  assert.equal(engine.mostRead().length, 10);
  assert.equal(engine.related('a00').length, 10);
  assert.deepEqual(engine.latest({ limit: 0 }), []);
  assert.deepEqual(engine.mostRead({ limit: 0 }), []);
  assert.deepEqual(engine.related('a00', { limit: 0 }), []);
  assert.deepEqual(ids(engine.latest({ limit: 3 })), ['a14', 'a13', 'a12']);
  assert.equal(engine.latest({ limit: 100 }).length, 15);
  assert.equal(engine.latest({ limit: 100000 }).length, 15);
});

test('exclude: one id or several; unknown ids are ignored; exclusion does not shorten the list', async () => {
  const engine = await newsEngine();
  assert.deepEqual(ids(engine.latest({ exclude: 'politique-budget', limit: 2 })), ['securite-routiere', 'ete-canicule']);
  assert.deepEqual(ids(engine.latest({ exclude: ['securite-routiere', 'ete-canicule', 'unknown'], limit: 3 })), [
    'politique-budget',
    'cyber-securite',
    'sport-rugby',
  ]);
  assert.deepEqual(ids(engine.mostRead({ exclude: ['sport-rugby'], limit: 1 })), ['politique-budget']);
  assert.ok(!ids(engine.related('securite-routiere', { exclude: ['cyber-securite'] })).includes('cyber-securite'));
  assert.deepEqual(ids(engine.latest({ exclude: [] })), NEWS_LATEST);
});

test('mostRead: by all-time views by default and with window "all"; ties by the newer', async () => {
  const engine = await newsEngine();
  // securite-routiere and ete-canicule both have 800 views: the newer comes first.
  const expected = ['sport-rugby', 'politique-budget', 'securite-routiere', 'ete-canicule', 'cyber-securite', 'culture-expo'];
  assert.deepEqual(ids(engine.mostRead()), expected);
  assert.deepEqual(ids(engine.mostRead({ window: 'all' })), expected);
});

test('mostRead: windows 24h, 7d and 30d use views_24h, views_7d and views_30d', async () => {
  const engine = await newsEngine();
  assert.deepEqual(ids(engine.mostRead({ window: '24h' })), [
    'securite-routiere',
    'politique-budget',
    'ete-canicule',
    'culture-expo',
    'sport-rugby',
    'cyber-securite',
  ]);
  assert.deepEqual(ids(engine.mostRead({ window: '7d' })), [
    'politique-budget',
    'ete-canicule',
    'securite-routiere',
    'cyber-securite',
    'sport-rugby',
    'culture-expo',
  ]);
  assert.deepEqual(ids(engine.mostRead({ window: '30d' })), [
    'cyber-securite',
    'politique-budget',
    'ete-canicule',
    'securite-routiere',
    'sport-rugby',
    'culture-expo',
  ]);
});

test('mostRead: ties by the newer, then by id', async () => {
  const engine = await engineWith([
    article('old', { published: '2024-12-01T10:00:00Z', views: 10, views_7d: 5 }),
    article('new', { published: '2024-12-08T10:00:00Z', views: 10, views_7d: 5 }),
    article('b', { published: '2024-12-05T10:00:00Z', views: 10, views_7d: 5 }),
    article('a', { published: '2024-12-05T10:00:00Z', views: 10, views_7d: 5 }),
    article('top', { published: '2024-11-01T10:00:00Z', views: 11, views_7d: 6 }),
  ]);
  assert.deepEqual(ids(engine.mostRead()), ['top', 'new', 'a', 'b', 'old']);
  assert.deepEqual(ids(engine.mostRead({ window: '7d' })), ['top', 'new', 'a', 'b', 'old']);
});

test('mostRead: limit and filter apply', async () => {
  const engine = await newsEngine();
  assert.deepEqual(ids(engine.mostRead({ limit: 2 })), ['sport-rugby', 'politique-budget']);
  assert.deepEqual(ids(engine.mostRead({ filter: { category: 'Société' } })), ['securite-routiere', 'ete-canicule']);
  assert.deepEqual(ids(engine.mostRead({ window: '30d', filter: { tag: 'sécurité' } })), ['cyber-securite', 'securite-routiere']);
});

test('related: never the article itself; scored items first, then the fallback, each saying which', async () => {
  const engine = await newsEngine();
  // Tags weigh as much as the text here (the default is 0.1: docs/bundle.md).
  const related = engine.related('securite-routiere', { settings: { weights: { tags: 1 } } });
  assert.ok(!ids(related).includes('securite-routiere'));
  // cyber-securite shares the tag "sécurité" and the author.
  assert.equal(related[0].id, 'cyber-securite');
  assert.equal(related[0].source, 'score');
  assert.ok(related[0].score > 0 && related[0].score <= 1);
  assert.deepEqual(related[0].reasons.tags, ['sécurité']);
  // Never an empty box: the rest comes from the same category, then the newest.
  assert.equal(related.length, 5); // every other visible article
  const sources = related.map((r) => r.source);
  assert.deepEqual(sources.slice().sort(), sources.slice().sort()); // a defined value for each
  for (const item of related.slice(1)) {
    assert.ok(['score', 'category', 'latest'].includes(item.source), item.source);
    if (item.source !== 'score') assert.equal(item.score, 0);
  }
  const category = related.find((r) => r.source === 'category');
  assert.equal(category.id, 'ete-canicule'); // the other Société article
  assert.equal(category.reasons.sameCategory, true);
});

test('related: settings change the order; bad settings are bad_option naming the field', async () => {
  const engine = await engineWith([
    article('subject', { title: 'Inondations dans le Nord', category: 'Régions', tags: ['Météo'], published: '2024-12-01T10:00:00Z' }),
    article('tag', { title: 'Alerte orange', category: 'Société', tags: ['Météo'], published: '2024-12-02T10:00:00Z' }),
    article('word', { title: 'Les inondations continuent', category: 'Société', published: '2024-12-02T10:00:00Z' }),
  ]);
  const first = (settings) => engine.related('subject', { settings })[0].id;
  assert.equal(first({ weights: { tags: 5, names: 0, category: 0 } }), 'tag');
  assert.equal(first({ weights: { tags: 0.1, names: 0, category: 0 } }), 'word');
  const onlyTags = engine.related('subject', { settings: { weights: { text: 0, names: 0, tags: 1, category: 0, author: 0 } } });
  assert.deepEqual(onlyTags.filter((r) => r.source === 'score').map((r) => r.id), ['tag']);
  expectEncartError(() => engine.related('subject', { settings: { minScore: 'high' } }), 'bad_option', /related\.settings\.minScore/);
  expectEncartError(() => engine.related('subject', { settings: { weights: { color: 1 } } }), 'bad_option', /weights\.color/);
  expectEncartError(() => engine.related('subject', { settings: { repeats: 'yes' } }), 'bad_option', /repeats/);
});

test('related: the bundle sets the defaults, clamped with a warning naming the field', async () => {
  const { Encart, bundle, NOW } = require('./helpers.cjs');
  const engine = await Encart.createEngine();
  const text = bundle([article('a'), article('b')]).replace(
    '{',
    '{"related": {"limit": 50, "weights": {"names": 2}, "half_life_days": "long", "repeats": true},',
  );
  const report = engine.load(text, { now: NOW });
  assert.ok(report.warnings.some((w) => w === 'related.limit: 50 is above 20, using 20'), report.warnings.join('; '));
  assert.ok(report.warnings.some((w) => w.startsWith('related.half_life_days: expected a number')));
  const settings = engine.relatedSettings();
  assert.equal(settings.limit, 20);
  assert.equal(settings.weights.names, 2);
  assert.equal(settings.repeats, true);
  assert.equal(settings.halfLifeDays, 365);
});

test('related: equal scores by the newer, then id; words match with accents and case folded', async () => {
  const engine = await engineWith([
    article('subject', { title: 'Les élections régionales en Bretagne', published: '2024-12-01T10:00:00Z' }),
    article('b', { title: 'Bretagne : ELECTIONS régionales', published: '2024-11-01T10:00:00Z' }),
    article('a', { title: 'Bretagne : ELECTIONS régionales', published: '2024-11-01T10:00:00Z' }),
    article('newer', { title: 'Bretagne : ELECTIONS régionales', published: '2024-11-02T10:00:00Z' }),
    article('other', { title: 'Les avis sont partagés', published: '2024-12-09T10:00:00Z' }),
  ]);
  const scored = engine.related('subject', { settings: { halfLifeDays: 0 } }).filter((r) => r.source === 'score');
  assert.deepEqual(ids(scored), ['newer', 'a', 'b']);
  assert.ok(scored[0].reasons.words.includes('Bretagne') || scored[0].reasons.names.includes('Bretagne'));
});

test('related: the filter applies to scored and fallback items; a hidden (future) article is not listed', async () => {
  const engine = await newsEngine();
  // "programme" shares the tag sécurité but is published after now.
  assert.ok(!ids(engine.related('cyber-securite')).includes('programme'));
  assert.deepEqual(ids(engine.related('securite-routiere', { filter: { category: 'Économie' } })), ['cyber-securite']);
  assert.deepEqual(ids(engine.related('securite-routiere', { filter: { q: 'zzz' } })), []);
});

test('related: an unknown id is unknown_article', async () => {
  const engine = await newsEngine();
  expectEncartError(() => engine.related('nope'), 'unknown_article', /nope/);
});

test('results have exactly the documented fields, published as written in the bundle', async () => {
  const engine = await engineWith([
    article('full', {
      url: 'https://news.example/full',
      title: 'Un titre',
      summary: 'Un résumé.',
      category: 'Monde',
      tags: ['diplomatie', 'ONU'],
      authors: ['Ana Lopez', 'Marc Roy'],
      published: '2024-12-09T10:15+0100', // compact offset and no seconds: returned unchanged
      views: 1234,
      image: { url: 'https://news.example/img.jpg', width: 800, height: 450, alt: 'Une image' },
      updated: '2024-12-09T12:00:00+01:00',
      lang: 'fr',
    }),
    article('bare', { published: '2024-12-08T10:15:00.123Z' }),
  ]);
  const [full, bare] = engine.latest();
  for (const item of [full, bare]) assert.deepEqual(Object.keys(item).sort(), RESULT_KEYS);
  assert.deepEqual(full, {
    id: 'full',
    url: 'https://news.example/full',
    title: 'Un titre',
    summary: 'Un résumé.',
    category: 'Monde',
    tags: ['diplomatie', 'ONU'],
    author: 'Ana Lopez',
    authors: ['Ana Lopez', 'Marc Roy'],
    published: '2024-12-09T10:15+0100',
    views: 1234,
    isAccessibleForFree: true,
    expires: null,
    image: { url: 'https://news.example/img.jpg', width: 800, height: 450, alt: 'Une image' },
  });
  assert.equal(bare.published, '2024-12-08T10:15:00.123Z');
  assert.equal(bare.summary, '');
  assert.equal(bare.category, '');
  assert.deepEqual(bare.tags, []);
  assert.equal(bare.author, '');
  assert.deepEqual(bare.authors, []);
  assert.equal(bare.image, null);
});

test('author and authors are merged without duplicates, author first', async () => {
  const engine = await engineWith([article('a', { author: 'Ana', authors: ['Marc', 'Ana', 'Zoé'] })]);
  const [a] = engine.latest();
  assert.equal(a.author, 'Ana');
  assert.deepEqual(a.authors, ['Ana', 'Marc', 'Zoé']);
});

test('the three lists return the same objects for the same article', async () => {
  const engine = await newsEngine();
  const fromLatest = engine.latest().find((a) => a.id === 'cyber-securite');
  const fromMostRead = engine.mostRead().find((a) => a.id === 'cyber-securite');
  const { score, source, reasons, ...fromRelated } = engine.related('securite-routiere').find((a) => a.id === 'cyber-securite');
  assert.deepEqual(fromMostRead, fromLatest);
  assert.deepEqual(fromRelated, fromLatest); // related adds score, source and reasons
  assert.equal(typeof score, 'number');
  assert.equal(typeof source, 'string');
  assert.equal(typeof reasons, 'object');
  // Results are fresh copies: changing one does not change the engine.
  fromLatest.title = 'changed';
  fromLatest.tags.push('x');
  assert.notEqual(engine.latest().find((a) => a.id === 'cyber-securite').title, 'changed');
});

test('the same input and now give the same lists (deterministic)', async () => {
  const a = await newsEngine();
  const b = await newsEngine();
  assert.deepEqual(a.latest(), b.latest());
  assert.deepEqual(a.mostRead({ window: '7d' }), b.mostRead({ window: '7d' }));
  assert.deepEqual(a.related('securite-routiere'), b.related('securite-routiere'));
  assert.deepEqual(a.facets(), b.facets());
});
