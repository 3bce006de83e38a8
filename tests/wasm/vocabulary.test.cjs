'use strict';
// One table per vocabulary (src/common/vocabulary.json): every layer follows it. The C++ side
// is generated from it (tests/unit/vocabulary_test.cpp); here the JS API, encart.d.ts and
// docs/api.md are checked against it, and a WebAssembly trap becomes EncartError "internal".

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Encart, article, bundle, engineWith, expectEncartError, NOW, webModule } = require('./helpers.cjs');
const { generate } = require('../fixtures/generate-bundle.cjs');

const root = path.join(__dirname, '..', '..');
const vocabulary = JSON.parse(fs.readFileSync(path.join(root, 'src', 'common', 'vocabulary.json'), 'utf8'));
const types = fs.readFileSync(path.join(root, 'dist', 'encart.d.ts'), 'utf8');
const apiDoc = fs.readFileSync(path.join(root, 'docs', 'api.md'), 'utf8');

// The string literals of a union type alias in encart.d.ts: `export type Name = 'a' | 'b';`.
function unionOf(name) {
  const match = types.match(new RegExp(`export type ${name} =([^;]+);`));
  assert.ok(match, `encart.d.ts declares ${name}`);
  return [...match[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

test('encart.d.ts and docs/api.md name exactly the error codes of the table', () => {
  const codes = vocabulary.errors.map((e) => e.code);
  assert.deepEqual([...unionOf('ErrorCode')].sort(), [...codes].sort());
  const section = apiDoc.slice(apiDoc.indexOf('| `code` | thrown by |'));
  const documented = new Set([...section.slice(0, section.indexOf('\n\n')).matchAll(/`([a-z_]+)`/g)].map((m) => m[1]));
  assert.deepEqual(codes.filter((c) => !documented.has(c)), []);
});

test('encart.d.ts declares the views windows of the table, and the engine takes each', async () => {
  const windows = vocabulary.windows.map((w) => w.name);
  assert.deepEqual(unionOf('ViewWindow'), windows);
  // Each window reads its own bundle field: the article with the most views of that window
  // comes first.
  const fields = vocabulary.windows.map((w) => w.field);
  const engine = await engineWith(
    fields.map((field, i) => article(`a${i}`, Object.fromEntries(fields.map((f) => [f, f === field ? 100 : 1])))),
  );
  windows.forEach((window, i) => assert.equal(engine.mostRead({ window, limit: 1 })[0].id, `a${i}`, window));
  expectEncartError(() => engine.mostRead({ window: '1y' }), 'bad_option', new RegExp(windows.join(', ')));
});

test('every related setting of the table reads from a bundle and shows in relatedSettings()', async () => {
  for (const setting of vocabulary.related_settings) {
    const value = setting.kind === 'flag' ? !setting.default : setting.kind === 'count' ? setting.max - 1 : setting.max / 2;
    const related = setting.group ? { [setting.group]: { [setting.name]: value } } : { [setting.name]: value };
    const engine = await engineWith([article('a')], {}, { related });
    const shown = engine.relatedSettings();
    const js = setting.js || setting.name;
    assert.equal(setting.group ? shown[setting.group][js] : shown[js], value, setting.name);
    // Out of range: clamped, with a warning naming the bundle's field.
    if (setting.kind !== 'flag') {
      const high = setting.group ? { [setting.group]: { [setting.name]: setting.max + 1 } } : { [setting.name]: setting.max + 1 };
      const clamped = Encart.createEngine().then((e) => e.load(bundle([article('a')], { related: high }), { now: NOW }));
      const report = await clamped;
      const where = `related.${setting.group ? `${setting.group}.` : ''}${setting.name}`;
      assert.ok(report.warnings.some((w) => w.startsWith(`${where}: `) && w.includes('is above')), where);
    }
  }
});

test('a per-call setting of the wrong type is bad_option naming it, for every setting of the table', async () => {
  const engine = await engineWith([article('a'), article('b')]);
  for (const setting of vocabulary.related_settings) {
    const js = setting.js || setting.name;
    const settings = setting.group ? { [setting.group]: { [js]: 'x' } } : { [js]: 'x' };
    const where = setting.group ? `${setting.group}.${js}` : js;
    expectEncartError(() => engine.related('a', { settings }), 'bad_option', new RegExp(`related\\.settings\\.${where}`));
  }
});


test('a trap in a native call is EncartError internal: the module is discarded, the object refuses later calls', () => {
  const { guardNative, EncartError } = webModule('errors.js');
  let discarded = 0;
  let calls = 0;
  const native = {
    ok: () => ++calls,
    trap: () => {
      calls++;
      throw new WebAssembly.RuntimeError('unreachable executed');
    },
    fail: () => {
      throw new TypeError('not a trap');
    },
    delete: () => calls++,
    size: 3,
  };
  const guarded = guardNative(native, () => discarded++);
  assert.equal(guarded.ok(), 1);
  assert.equal(guarded.size, 3);
  assert.throws(() => guarded.fail(), TypeError); // other errors pass as they are
  assert.equal(discarded, 0);
  assert.throws(
    () => guarded.trap(),
    (e) => e instanceof EncartError && e.code === 'internal' && /unreachable executed/.test(e.message),
  );
  assert.equal(discarded, 1);
  assert.throws(() => guarded.ok(), (e) => e.code === 'internal');
  assert.equal(calls, 2); // the broken instance is not called again
  assert.equal(guarded.delete(), undefined); // dispose() after a trap is quiet
});

test('the WebAssembly module running out of memory: internal, and the next engine starts clean', async () => {
  // Every engine of a page shares one WebAssembly memory of at most 2 GB. Engines that keep
  // large archives loaded, never disposed, run out of it at some point: whatever the cause, a
  // trap must not leave a broken module cached. (A feed-level value copied into every item did
  // it with one feed until issue 12 bounded that loader.)
  const big = generate(20000);
  const kept = [];
  let error;
  for (let i = 0; i < 200 && !error; i++) {
    const engine = await Encart.createEngine();
    try {
      engine.load(big, { now: NOW });
      kept.push(engine);
    } catch (e) {
      error = e;
      kept.push(engine);
    }
  }
  assert.ok(error instanceof Encart.EncartError, `out of memory after ${kept.length} engines: ${error}`);
  assert.equal(error.code, 'internal');
  const broken = kept.pop();
  expectEncartError(() => broken.latest(), 'internal');
  broken.dispose();
  const fresh = await engineWith([article('a')]);
  assert.deepEqual(
    fresh.latest().map((a) => a.id),
    ['a'],
  );
});

