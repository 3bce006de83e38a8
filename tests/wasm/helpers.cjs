'use strict';
// Shared helpers for the Node tests of the built WASM module (dist/encart.cjs + dist/encart.wasm).
// Everything goes through the public API: Encart.createEngine(), engine.*, Encart.EncartError.

const assert = require('node:assert/strict');
const Encart = require('../../dist/encart.cjs');

// The reader's "now" used by every test unless it says otherwise: 10 December 2024, 12:00 UTC.
const NOW = Date.parse('2024-12-10T12:00:00Z');

/** A valid article; `fields` overrides or adds fields (set a field to undefined to drop it). */
function article(id, fields = {}) {
  const out = {
    id,
    url: `https://news.example/${id}`,
    title: `Titre ${id}`,
    published: '2024-12-01T10:00:00+01:00',
    ...fields,
  };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

/** Bundle v1 text; `extra` adds top-level fields (site, version...). */
function bundle(articles, extra = {}) {
  return JSON.stringify({ version: 1, ...extra, articles });
}

/** A new engine with `articles` loaded at NOW (or `loadOptions.now`). */
async function engineWith(articles, loadOptions = {}, extra = {}) {
  const engine = await Encart.createEngine();
  engine.load(bundle(articles, extra), { now: NOW, ...loadOptions });
  return engine;
}

function ids(list) {
  return list.map((item) => item.id);
}

/**
 * Runs `fn`, asserts it throws an EncartError with `code` (and a message matching `pattern` when
 * given), and returns the error.
 */
function expectEncartError(fn, code, pattern) {
  let caught;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught !== undefined, `expected an EncartError with code ${code}, nothing was thrown`);
  assert.ok(
    caught instanceof Encart.EncartError,
    `expected an EncartError with code ${code}, got ${caught && caught.constructor && caught.constructor.name}: ${
      caught && caught.message
    }`,
  );
  assert.ok(caught instanceof Error);
  assert.equal(caught.name, 'EncartError');
  assert.equal(caught.code, code, `code ${caught.code} (message: ${caught.message})`);
  assert.equal(typeof caught.message, 'string');
  assert.ok(caught.message.length > 0, 'the message is empty');
  if (pattern) assert.match(caught.message, pattern);
  return caught;
}

// A small realistic news bundle shared by the lists, filters and sidebar tests. NOW is
// 2024-12-10T12:00Z; "programme" is published after it and stays hidden.
//
// latest order (visible): politique-budget, securite-routiere, ete-canicule, cyber-securite,
// sport-rugby, culture-expo.
const NEWS = [
  article('politique-budget', {
    title: 'Le budget 2025 adopté au Sénat',
    summary: 'Les sénateurs ont voté le projet de loi de finances.',
    category: 'Politique',
    tags: ['budget', 'Sénat'],
    author: 'Claire Martin',
    published: '2024-12-09T18:30:00+01:00',
    views: 1200,
    views_24h: 300,
    views_7d: 900,
    views_30d: 1100,
    image: { url: 'https://news.example/img/senat.jpg', width: 640, height: 360, alt: 'Le Sénat' },
  }),
  article('securite-routiere', {
    title: 'Sécurité routière : nouveau plan',
    summary: 'Le gouvernement présente ses mesures.',
    category: 'Société',
    tags: ['sécurité', 'transports'],
    author: 'Paul Durand',
    published: '2024-12-09T10:15:00+01:00',
    views: 800,
    views_24h: 500,
    views_7d: 600,
    views_30d: 800,
  }),
  article('ete-canicule', {
    title: 'Un été caniculaire attendu',
    summary: 'Les prévisions saisonnières inquiètent les agriculteurs.',
    category: 'Société',
    tags: ['climat'],
    author: 'Amina Benali',
    published: '2024-12-08T09:00:00+01:00',
    views: 800,
    views_24h: 20,
    views_7d: 700,
    views_30d: 900,
  }),
  article('cyber-securite', {
    title: 'Cybersécurité : les hôpitaux visés',
    summary: 'Une vague d’attaques informatiques.',
    category: 'Économie',
    tags: ['sécurité', 'santé'],
    authors: ['Paul Durand', 'Claire Martin'],
    published: '2024-12-05T12:00:00+01:00',
    views: 300,
    views_24h: 0,
    views_7d: 50,
    views_30d: 1500,
  }),
  article('sport-rugby', {
    title: 'Rugby : victoire du XV de France',
    summary: 'Les Bleus s’imposent à Marseille.',
    category: 'Sport',
    tags: ['rugby'],
    author: 'Luc Petit',
    published: '2024-11-20T20:00:00+01:00',
    views: 2000,
    views_24h: 1,
    views_7d: 5,
    views_30d: 100,
  }),
  article('culture-expo', {
    title: 'Monet au musée d’Orsay',
    summary: 'Une exposition événement.',
    category: 'Culture',
    tags: ['peinture'],
    author: 'Amina Benali',
    published: '2024-10-01T09:00:00+02:00',
    views: 50,
    views_24h: 2,
    views_7d: 3,
    views_30d: 4,
  }),
  article('programme', {
    title: 'Article programmé sur la sécurité',
    category: 'Politique',
    tags: ['sécurité'],
    author: 'Claire Martin',
    published: '2024-12-11T08:00:00+01:00',
    views: 99999,
    views_24h: 99999,
    views_7d: 99999,
    views_30d: 99999,
  }),
];

const NEWS_LATEST = ['politique-budget', 'securite-routiere', 'ete-canicule', 'cyber-securite', 'sport-rugby', 'culture-expo'];

async function newsEngine() {
  return engineWith(NEWS);
}

// A module of web/ on its own, bundled by esbuild as the dist entries bundle it (the web/
// sources are ES modules; the tests are CommonJS).
function webModule(file) {
  const esbuild = require('esbuild');
  const built = esbuild.buildSync({
    entryPoints: [require('node:path').join(__dirname, '..', '..', 'web', file)],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}

module.exports = { Encart, NOW, article, bundle, engineWith, ids, expectEncartError, NEWS, NEWS_LATEST, newsEngine, webModule };
