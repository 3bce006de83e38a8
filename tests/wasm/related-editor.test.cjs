'use strict';
// What editors already say about related articles, through the Node API of the WASM module
// (issue 13): an article's "related" ids come first in their order, WordPress's
// jetpack-related-posts likewise, and a link in a body to another article of the bundle makes
// the two related.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { article, engineWith, ids, NOW } = require('./helpers.cjs');
const Encart = require('../../dist/encart.cjs');

const thread = (fields = {}) => [
  article('visite', { title: 'Abdellatif Hammouchi reçu à Bruxelles par la police fédérale belge', ...fields }),
  article('rencontre', { title: 'Rabat : Abdellatif Hammouchi reçoit le patron de la police fédérale belge' }),
  article('tomates', { title: 'Tomates : le kilo à douze dirhams au marché de gros' }),
  article('barrages', { title: 'Les barrages du Sebou remplis aux deux tiers après les pluies' }),
];

test('an article\'s related ids come first, in their order, then the computed ones', async () => {
  const engine = await engineWith(thread({ related: ['barrages', 'tomates'] }));
  const related = engine.related('visite', { limit: 3 });
  assert.deepEqual(ids(related), ['barrages', 'tomates', 'rencontre']);
  engine.dispose();
});

test('an unknown related id is dropped with a warning naming the article and its index', async () => {
  const engine = await Encart.createEngine();
  const report = engine.load(JSON.stringify({ version: 1, articles: thread({ related: ['disparu', 'tomates'] }) }), {
    now: NOW,
  });
  assert.ok(
    report.warnings.includes('article "visite": related[0]: "disparu" is not an article of the bundle, ignored'),
    report.warnings.join('\n'),
  );
  assert.equal(engine.related('visite')[0].id, 'tomates');
  engine.dispose();
});

test('WordPress posts: jetpack-related-posts come first, and a link in the content relates two posts', async () => {
  const post = (id, title, extra = {}) => ({
    id,
    link: `https://site.example/${id}/`,
    date_gmt: '2024-12-0' + id + 'T10:00:00',
    title: { rendered: title },
    ...extra,
  });
  const posts = [
    post(1, 'Abdellatif Hammouchi reçu à Bruxelles', { 'jetpack-related-posts': [{ id: 3 }] }),
    post(2, 'Abdellatif Hammouchi reçoit son homologue belge à Rabat'),
    post(3, 'Tomates : les prix baissent'),
    post(4, 'Ce que cache la flambée', {
      content: { rendered: '<p>Lire <a href="https://www.site.example/3">notre enquête</a></p>' },
    }),
  ];
  const engine = await Encart.createEngine();
  engine.load(JSON.stringify(posts), { now: NOW });
  assert.deepEqual(ids(engine.related(1, { limit: 2 })), ['3', '2']);
  const linked = engine.related(4, { limit: 1 })[0];
  assert.equal(linked.id, '3');
  assert.equal(linked.source, 'score');
  assert.equal(engine.related(3, { limit: 1 })[0].id, '4');
  engine.dispose();
});
