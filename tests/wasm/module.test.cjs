'use strict';
// The exported object, require() caching, and several engines sharing one WebAssembly module.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

// Count reads of encart.wasm before anything loads the module: engines must share one instance.
const wasmReads = [];
const realReadFileSync = fs.readFileSync;
fs.readFileSync = function readFileSyncSpy(file, ...rest) {
  if (String(file).endsWith('encart.wasm')) wasmReads.push(String(file));
  return realReadFileSync.call(this, file, ...rest);
};

const distPath = path.join(__dirname, '..', '..', 'dist', 'encart.cjs');
const Encart = require('../../dist/encart.cjs');
const { NOW, article, bundle, ids } = require('./helpers.cjs');

test('the export has version, createEngine and EncartError', () => {
  assert.equal(typeof Encart, 'object');
  assert.equal(typeof Encart.version, 'string');
  assert.match(Encart.version, /^\d+\.\d+\.\d+/);
  assert.equal(Encart.version, require('../../package.json').version);
  assert.equal(typeof Encart.createEngine, 'function');
  assert.equal(typeof Encart.EncartError, 'function');
  assert.ok(new Encart.EncartError('bad_json', 'm') instanceof Error);
});

test('require() of dist/encart.cjs twice returns the same object', () => {
  assert.equal(require('../../dist/encart.cjs'), Encart);
  assert.equal(require(distPath), Encart);
  assert.equal(require('./helpers.cjs').Encart, Encart);
});

test('requiring it adds no globals', () => {
  assert.equal(globalThis.Encart, undefined);
  assert.equal(globalThis.createEncartModule, undefined);
  assert.equal(globalThis.Module, undefined);
});

test('createEngine returns a promise of an engine with the documented methods', async () => {
  const pending = Encart.createEngine();
  assert.ok(pending instanceof Promise);
  const engine = await pending;
  for (const method of ['load', 'latest', 'mostRead', 'related', 'facets', 'sidebar', 'dispose']) {
    assert.equal(typeof engine[method], 'function', method);
  }
  engine.dispose();
});

test('two engines share the module and work independently with different bundles', async () => {
  const [one, two] = await Promise.all([Encart.createEngine(), Encart.createEngine()]);
  assert.notEqual(one, two);
  one.load(bundle([article('one-a', { category: 'Sport' }), article('one-b', { category: 'Sport' })]), { now: NOW });
  two.load(bundle([article('two-a', { category: 'Culture' })]), { now: NOW });
  assert.deepEqual(ids(one.latest()).sort(), ['one-a', 'one-b']);
  assert.deepEqual(ids(two.latest()), ['two-a']);
  assert.deepEqual(one.facets().category, [{ value: 'Sport', count: 2 }]);
  assert.deepEqual(two.facets().category, [{ value: 'Culture', count: 1 }]);
  assert.throws(() => one.related('two-a'), { code: 'unknown_article' });

  // A failed load in one does not touch the other; disposing one leaves the other working.
  assert.throws(() => two.load('{'), { code: 'bad_json' });
  assert.deepEqual(ids(two.latest()), ['two-a']);
  one.dispose();
  assert.throws(() => one.latest(), { code: 'disposed' });
  assert.deepEqual(ids(two.latest()), ['two-a']);
  two.dispose();

  // The WebAssembly binary was read once for every engine of this process.
  assert.equal(wasmReads.length, 1, `encart.wasm read ${wasmReads.length} times`);
});

test('an engine created later starts empty', async () => {
  const first = await Encart.createEngine();
  first.load(bundle([article('x')]), { now: NOW });
  const later = await Encart.createEngine();
  assert.throws(() => later.latest(), { code: 'not_loaded' });
  first.dispose();
  later.dispose();
});

test('many engines created and disposed in a row keep working', async () => {
  const text = bundle(Array.from({ length: 50 }, (_, i) => article(`a${i}`, { tags: ['t'], views: i })));
  for (let round = 0; round < 100; round++) {
    const engine = await Encart.createEngine();
    assert.equal(engine.load(text, { now: NOW }).articles, 50);
    assert.equal(engine.mostRead({ limit: 1 })[0].id, 'a49');
    engine.dispose();
  }
  const engines = await Promise.all(Array.from({ length: 20 }, () => Encart.createEngine()));
  engines.forEach((engine, i) => engine.load(bundle([article(`only-${i}`)]), { now: NOW }));
  engines.forEach((engine, i) => assert.deepEqual(ids(engine.latest()), [`only-${i}`]));
  engines.forEach((engine) => engine.dispose());
  assert.equal(wasmReads.length, 1, `encart.wasm read ${wasmReads.length} times`);
});
