'use strict';
// JSONTestSuite (tests/fixtures/JSONTestSuite/test_parsing): every file either loads or throws an
// EncartError; never another exception, a crash or a hang. n_ files (invalid JSON) always throw.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Encart, NOW, article, bundle, ids } = require('./helpers.cjs');

const DIR = path.join(__dirname, '..', 'fixtures', 'JSONTestSuite', 'test_parsing');
const FILES = fs.readdirSync(DIR).filter((name) => name.endsWith('.json')).sort();

test('the suite holds 318 files', () => {
  assert.equal(FILES.length, 318);
  assert.equal(FILES.filter((f) => /^[yni]_/.test(f)).length, 318);
});

test('every file loads or throws an EncartError; every n_ file throws one with a message', { timeout: 120000 }, async () => {
  const engine = await Encart.createEngine();
  engine.load(bundle([article('sentinel')]), { now: NOW });
  const problems = [];
  const codes = {};
  for (const name of FILES) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(DIR, name)));
    const started = Date.now();
    let outcome;
    try {
      engine.load(bytes, { now: NOW });
      outcome = 'loaded';
    } catch (error) {
      if (!(error instanceof Encart.EncartError)) {
        problems.push(`${name}: threw ${error && error.constructor && error.constructor.name}: ${error && error.message}`);
        continue;
      }
      outcome = error.code;
      if (typeof error.message !== 'string' || error.message.length === 0) problems.push(`${name}: empty message`);
      if (error.code === 'bad_json' && !(error.line >= 1 && error.column >= 1)) problems.push(`${name}: bad_json without line/column`);
    }
    if (Date.now() - started > 2000) problems.push(`${name}: took ${Date.now() - started} ms`);
    if (name.startsWith('n_') && outcome === 'loaded') problems.push(`${name}: invalid JSON was loaded`);
    codes[outcome] = (codes[outcome] || 0) + 1;
    // None of these files is a bundle with articles; a failed load keeps the sentinel.
    if (outcome !== 'loaded') assert.deepEqual(ids(engine.latest()), ['sentinel'], name);
    else engine.load(bundle([article('sentinel')]), { now: NOW });
  }
  assert.deepEqual(problems, []);
  // unsupported_format: a file starting with "<" is taken for RSS/Atom, which Node cannot parse.
  const known = ['loaded', 'bad_json', 'bad_bundle', 'unsupported_version', 'too_large', 'unsupported_format'];
  for (const code of Object.keys(codes)) assert.ok(known.includes(code), `unexpected code ${code}`);
  // The engine still works after all of them.
  assert.deepEqual(ids(engine.latest()), ['sentinel']);
});

test('y_ files wrapped as an article field value load as a bundle', async () => {
  // Valid JSON values of every kind, read past as an unknown article field.
  const engine = await Encart.createEngine();
  const problems = [];
  for (const name of FILES.filter((f) => f.startsWith('y_'))) {
    const value = fs.readFileSync(path.join(DIR, name));
    const text = Buffer.concat([
      Buffer.from('{"articles": [{"id": "a", "url": "https://news.example/a", "title": "t", "published": "2024-12-01T00:00:00Z", "extra": '),
      value,
      Buffer.from('}]}'),
    ]);
    try {
      const report = engine.load(new Uint8Array(text), { now: NOW });
      if (report.articles !== 1) problems.push(`${name}: ${JSON.stringify(report)}`);
    } catch (error) {
      problems.push(`${name}: ${error.code || error.constructor.name}: ${error.message}`);
    }
  }
  assert.deepEqual(problems, []);
});
