'use strict';
// Filters ({q, category, author, tag, since, until}) on the three lists, and facet counts.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { article, engineWith, ids, NEWS_LATEST, newsEngine } = require('./helpers.cjs');

async function latestIds(filter) {
  const engine = await newsEngine();
  return ids(engine.latest({ filter }));
}

test('no filter, an empty filter and empty values keep everything', async () => {
  const engine = await newsEngine();
  for (const filter of [undefined, null, {}, { q: '' }, { q: '   ' }, { category: '' }, { category: [] }, { tag: [] }, { since: '' }, { until: null }]) {
    assert.deepEqual(ids(engine.latest({ filter })), NEWS_LATEST, JSON.stringify(filter));
  }
});

test('q: "securite" finds "Sécurité" (accents and case folded)', async () => {
  assert.deepEqual(await latestIds({ q: 'securite' }), ['securite-routiere', 'cyber-securite']);
  assert.deepEqual(await latestIds({ q: 'SÉCURITÉ' }), ['securite-routiere', 'cyber-securite']);
  assert.deepEqual(await latestIds({ q: 'Sécurité' }), ['securite-routiere', 'cyber-securite']);
});

test('q: "ÉTÉ" finds "été"', async () => {
  assert.deepEqual(await latestIds({ q: 'ÉTÉ' }), ['ete-canicule']);
  assert.deepEqual(await latestIds({ q: 'ete' }), ['ete-canicule']);
});

test('q: decomposed accents (NFD) match precomposed ones', async () => {
  assert.deepEqual(await latestIds({ q: 'se\u0301curite\u0301' }), ['securite-routiere', 'cyber-securite']);
  const engine = await engineWith([article('nfd', { title: 'E\u0301te\u0301 indien' })]);
  assert.deepEqual(ids(engine.latest({ filter: { q: 'été' } })), ['nfd']);
});

test('q: the last word is a prefix while typing ("sécu"), unless followed by a space', async () => {
  assert.deepEqual(await latestIds({ q: 'sécu' }), ['securite-routiere', 'cyber-securite']);
  assert.ok((await latestIds({ q: 's' })).includes('sport-rugby'), 'a one-letter prefix');
  assert.deepEqual(await latestIds({ q: 'sécu ' }), []);
  // Only the last word is a prefix.
  assert.deepEqual(await latestIds({ q: 'hôpi sécurité' }), []);
  assert.deepEqual(await latestIds({ q: 'hôpitaux sécu' }), ['cyber-securite']);
});

test('q: all words are required', async () => {
  assert.deepEqual(await latestIds({ q: 'sécurité hôpitaux' }), ['cyber-securite']);
  assert.deepEqual(await latestIds({ q: 'securite rugby' }), []);
  assert.deepEqual(await latestIds({ q: 'Rugby France' }), ['sport-rugby']);
});

test('q: searches title, summary, tags, author and category', async () => {
  assert.deepEqual(await latestIds({ q: 'caniculaire' }), ['ete-canicule'], 'title');
  assert.deepEqual(await latestIds({ q: 'agriculteurs' }), ['ete-canicule'], 'summary');
  assert.deepEqual(await latestIds({ q: 'peinture' }), ['culture-expo'], 'tag');
  assert.deepEqual(await latestIds({ q: 'benali' }), ['ete-canicule', 'culture-expo'], 'author');
  assert.deepEqual(await latestIds({ q: 'claire' }), ['politique-budget', 'cyber-securite'], 'second author');
  assert.deepEqual(await latestIds({ q: 'orsay' }), ['culture-expo'], 'after a typographic apostrophe');
  assert.deepEqual(await latestIds({ q: 'culture' }), ['culture-expo'], 'category');
  assert.deepEqual(await latestIds({ q: 'zzzz' }), []);
});

test('q: Arabic text matches with harakat ignored', async () => {
  const engine = await engineWith([
    article('ar1', { title: 'الأَمْن الغذائي في المغرب' }),
    article('ar2', { title: 'كرة القدم' }),
  ]);
  assert.deepEqual(ids(engine.latest({ filter: { q: 'الأمن' } })), ['ar1']);
  assert.deepEqual(ids(engine.latest({ filter: { q: 'المغرب' } })), ['ar1']);
});

test('category: one value, several values (any), case and accents folded, unknown gives nothing', async () => {
  assert.deepEqual(await latestIds({ category: 'Société' }), ['securite-routiere', 'ete-canicule']);
  assert.deepEqual(await latestIds({ category: ['Sport', 'Culture'] }), ['sport-rugby', 'culture-expo']);
  assert.deepEqual(await latestIds({ category: ['Sport'] }), ['sport-rugby']);
  assert.deepEqual(await latestIds({ category: 'société' }), ['securite-routiere', 'ete-canicule']);
  assert.deepEqual(await latestIds({ category: 'Inconnue' }), []);
  assert.deepEqual(await latestIds({ category: ['Inconnue', 'Sport'] }), ['sport-rugby']);
});

test('author: one value or several; an article with several authors matches each', async () => {
  assert.deepEqual(await latestIds({ author: 'Claire Martin' }), ['politique-budget', 'cyber-securite']);
  assert.deepEqual(await latestIds({ author: 'Paul Durand' }), ['securite-routiere', 'cyber-securite']);
  assert.deepEqual(await latestIds({ author: ['Luc Petit', 'Amina Benali'] }), ['ete-canicule', 'sport-rugby', 'culture-expo']);
  assert.deepEqual(await latestIds({ author: 'Claire' }), [], 'author is a whole value, not a search');
});

test('tag: one value or several', async () => {
  assert.deepEqual(await latestIds({ tag: 'sécurité' }), ['securite-routiere', 'cyber-securite']);
  assert.deepEqual(await latestIds({ tag: ['rugby', 'climat'] }), ['ete-canicule', 'sport-rugby']);
  assert.deepEqual(await latestIds({ tag: 'Sénat' }), ['politique-budget']);
});

test('since: ISO string, Date and epoch milliseconds alike', async () => {
  const expected = ['politique-budget', 'securite-routiere', 'ete-canicule'];
  assert.deepEqual(await latestIds({ since: '2024-12-08T00:00:00+01:00' }), expected);
  assert.deepEqual(await latestIds({ since: new Date('2024-12-07T23:00:00Z') }), expected);
  assert.deepEqual(await latestIds({ since: Date.parse('2024-12-07T23:00:00Z') }), expected);
  // Inclusive at the exact instant.
  assert.deepEqual(await latestIds({ since: '2024-12-08T09:00:00+01:00' }), expected);
  assert.deepEqual(await latestIds({ since: '2024-12-08T09:00:01+01:00' }), expected.slice(0, 2));
});

test('until: ISO string, Date and epoch milliseconds alike; a date alone includes its whole UTC day', async () => {
  const expected = ['cyber-securite', 'sport-rugby', 'culture-expo'];
  assert.deepEqual(await latestIds({ until: '2024-12-05T12:00:00+01:00' }), expected, 'inclusive');
  assert.deepEqual(await latestIds({ until: new Date('2024-12-05T11:00:00Z') }), expected);
  assert.deepEqual(await latestIds({ until: Date.parse('2024-12-05T11:00:00Z') }), expected);
  assert.deepEqual(await latestIds({ until: Date.parse('2024-12-05T10:59:59Z') }), expected.slice(1));
  assert.deepEqual(await latestIds({ until: '2024-12-05' }), expected);
  assert.deepEqual(await latestIds({ until: '2024-12-04' }), expected.slice(1));
  assert.deepEqual(await latestIds({ since: '2024-12-05' }), NEWS_LATEST.slice(0, 4));
});

test('since and until together make a range', async () => {
  assert.deepEqual(await latestIds({ since: '2024-12-01', until: '2024-12-08T23:59:59+01:00' }), ['ete-canicule', 'cyber-securite']);
  assert.deepEqual(await latestIds({ since: '2024-12-09', until: '2024-12-01' }), []);
});

test('filters combine: all fields must match', async () => {
  assert.deepEqual(await latestIds({ category: 'Société', q: 'securite' }), ['securite-routiere']);
  assert.deepEqual(await latestIds({ author: 'Paul Durand', tag: 'santé' }), ['cyber-securite']);
  assert.deepEqual(await latestIds({ q: 'sécu', since: '2024-12-06' }), ['securite-routiere']);
  assert.deepEqual(await latestIds({ category: 'Sport', author: 'Amina Benali' }), []);
});

test('the filter applies to latest, mostRead and related alike', async () => {
  const engine = await newsEngine();
  const filter = { q: 'sécu' };
  assert.deepEqual(ids(engine.latest({ filter })), ['securite-routiere', 'cyber-securite']);
  assert.deepEqual(ids(engine.mostRead({ filter })), ['securite-routiere', 'cyber-securite']);
  assert.deepEqual(ids(engine.mostRead({ filter, window: '30d' })), ['cyber-securite', 'securite-routiere']);
  assert.deepEqual(ids(engine.related('securite-routiere', { filter })), ['cyber-securite']);
});

test('the filter does not bring back hidden (future) articles', async () => {
  // "programme" is about sécurité, by Claire Martin, in Politique, but published after now.
  const engine = await newsEngine();
  assert.ok(!ids(engine.latest({ filter: { q: 'programmé' } })).includes('programme'));
  assert.deepEqual(ids(engine.latest({ filter: { category: 'Politique' } })), ['politique-budget']);
  assert.deepEqual(ids(engine.latest({ filter: { since: '2024-12-11' } })), []);
});

test('facets: counts per category, author and tag, by count then value', async () => {
  const engine = await newsEngine();
  assert.deepEqual(engine.facets(), {
    category: [
      { value: 'Société', count: 2 },
      { value: 'Culture', count: 1 },
      { value: 'Économie', count: 1 },
      { value: 'Politique', count: 1 },
      { value: 'Sport', count: 1 },
    ],
    author: [
      { value: 'Amina Benali', count: 2 },
      { value: 'Claire Martin', count: 2 },
      { value: 'Paul Durand', count: 2 },
      { value: 'Luc Petit', count: 1 },
    ],
    tag: [
      { value: 'sécurité', count: 2 },
      { value: 'budget', count: 1 },
      { value: 'climat', count: 1 },
      { value: 'peinture', count: 1 },
      { value: 'rugby', count: 1 },
      { value: 'santé', count: 1 },
      { value: 'Sénat', count: 1 },
      { value: 'transports', count: 1 },
    ],
  });
  assert.deepEqual(engine.facets(), engine.facets({}));
});

test('facets: counts follow the filter', async () => {
  const engine = await newsEngine();
  assert.deepEqual(engine.facets({ q: 'securite' }), {
    category: [
      { value: 'Économie', count: 1 },
      { value: 'Société', count: 1 },
    ],
    author: [
      { value: 'Paul Durand', count: 2 },
      { value: 'Claire Martin', count: 1 },
    ],
    tag: [
      { value: 'sécurité', count: 2 },
      { value: 'santé', count: 1 },
      { value: 'transports', count: 1 },
    ],
  });
  assert.deepEqual(engine.facets({ q: 'zzzz' }), { category: [], author: [], tag: [] });
  assert.deepEqual(engine.facets({ until: '2024-11-30' }).category, [
    { value: 'Culture', count: 1 },
    { value: 'Sport', count: 1 },
  ]);
});

test("facets: a facet's own choice is left out of its counts, the others apply", async () => {
  const engine = await newsEngine();
  const facets = engine.facets({ category: 'Société' });
  assert.deepEqual(facets.category, engine.facets().category);
  assert.deepEqual(facets.author, [
    { value: 'Amina Benali', count: 1 },
    { value: 'Paul Durand', count: 1 },
  ]);
  assert.deepEqual(facets.tag, [
    { value: 'climat', count: 1 },
    { value: 'sécurité', count: 1 },
    { value: 'transports', count: 1 },
  ]);
});

test('facets: values differing only by case or accents are counted together', async () => {
  const engine = await engineWith([
    article('a', { category: 'Économie', tags: ['Été'] }),
    article('b', { category: 'economie', tags: ['ete'] }),
  ]);
  const facets = engine.facets();
  assert.equal(facets.category.length, 1);
  assert.equal(facets.category[0].count, 2);
  assert.equal(facets.tag.length, 1);
  assert.equal(facets.tag[0].count, 2);
});
