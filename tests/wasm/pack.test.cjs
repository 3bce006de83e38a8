'use strict';
// Packs through the public Node API: `encart pack` (the native CLI of the test build) writes a
// pack of a generated bundle; Encart.openPack reads it file by file through encart-pack.wasm and
// must answer every sidebar request as Encart.createEngine does on the whole bundle. Then the
// faults: a missing file, a tampered one, a manifest from a newer encart.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const Encart = require('../../dist/encart.cjs');

const root = path.join(__dirname, '..', '..');
const cli = process.env.ENCART_CLI || path.join(root, 'build', 'native-debug', 'tools', 'cli', 'encart');
const NOW = Date.parse('2024-12-11T00:00:00Z');

const { generate } = require('../fixtures/generate-bundle.cjs');

let dir;
let bundleText;
let engine;
const packDir = () => path.join(dir, 'pack');

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encart-pack-test-'));
  bundleText = generate(1500);
  fs.writeFileSync(path.join(dir, 'bundle.json'), bundleText);
  execFileSync(cli, ['pack', path.join(dir, 'bundle.json'), '-o', packDir()], { stdio: 'pipe' });
  engine = await Encart.createEngine();
  engine.load(bundleText, { now: NOW, utcOffset: 60 });
});

after(() => {
  if (engine) engine.dispose();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// Reads files from disk, counting what was fetched.
function counting(fetched, transform = (name, bytes) => bytes) {
  return async (url) => {
    const name = path.basename(new URL(url).pathname);
    fetched.push(name);
    return transform(name, new Uint8Array(fs.readFileSync(path.join(packDir(), name))));
  };
}

const manifestUrl = () => pathToFileURL(path.join(packDir(), 'manifest.json')).href;

test('a pack answers every random request as the whole bundle does', async () => {
  const fetched = [];
  const { pack, articles } = await Encart.openPack(manifestUrl(), { fetchBytes: counting(fetched) });
  assert.equal(articles, 1500);
  let state = 11;
  const rand = (n) => {
    state = (state * 48271) % 2147483647;
    return state % n;
  };
  const words = ['maroc', 'sécu', 'securite', 'police ', 'hammouchi', 'baccalaureat', 'tom', 'ré', 'festivl'];
  const sections = ['Politique', 'Économie', 'Sport', 'Culture'];
  let nonEmpty = 0;
  for (let i = 0; i < 80; i++) {
    const request = {
      article: rand(4) === 0 ? undefined : `a${rand(1500)}`,
      lang: ['fr', 'en', 'ar'][rand(3)],
      window: rand(3) === 0 ? '7d' : 'all',
      filter: {
        q: rand(3) === 0 ? '' : words[rand(words.length)],
        category: rand(3) === 0 ? sections[rand(sections.length)] : undefined,
        date: ['', '', '7d', '30d', 'today'][rand(5)],
      },
      limits: { latest: rand(8), mostRead: rand(8), related: rand(2) === 0 ? undefined : rand(8) },
    };
    const expected = engine.sidebar(request);
    const actual = await pack.sidebar(request, { now: NOW, utcOffset: 60 });
    const { partial, degraded, ...view } = actual;
    assert.equal(partial, false);
    assert.equal(degraded, false);
    assert.deepEqual(view, expected, `request ${i}: ${JSON.stringify(request)}`);
    if (expected.latest.shown > 0 && request.filter.q) nonEmpty++;
  }
  assert.ok(nonEmpty > 10, `only ${nonEmpty} requests with words found anything`);
  // Every file fetched once, however many requests needed it.
  assert.equal(new Set(fetched).size, fetched.length);
  pack.dispose();
});

test('the first sidebar needs the manifest, the head and the related files of the article only', async () => {
  const fetched = [];
  const { pack } = await Encart.openPack(manifestUrl(), { fetchBytes: counting(fetched) });
  const partials = [];
  const view = await pack.sidebar({ article: 'a3' }, { now: NOW, utcOffset: 60, onPartial: (v) => partials.push(v) });
  assert.deepEqual(view, { ...engine.sidebar({ article: 'a3' }), partial: false, degraded: false });
  const kinds = fetched.map((name) => name.split('-')[0].replace('.json', ''));
  assert.equal(kinds[0], 'manifest');
  assert.equal(kinds[1], 'h');
  for (const kind of kinds.slice(2)) assert.ok(['q', 'r', 'd', 'a'].includes(kind), `fetched a ${kind} file: ${fetched}`);
  assert.ok(fetched.length <= 8, `${fetched.length} files: ${fetched}`);
  // While the related files came, "latest" and "most read" were already on screen: both are
  // rankings of their own, read from the head (only "related" leaves out what they show).
  assert.ok(partials.length >= 1);
  assert.equal(partials[0].partial, true);
  assert.equal(partials[0].latest.html, view.latest.html);
  assert.ok(view.mostRead.shown > 0);
  assert.equal(partials[0].mostRead.html, view.mostRead.html);
  pack.dispose();
});

test('a search shows the newest matches at once, then those of the archive', async () => {
  const { pack } = await Encart.openPack(manifestUrl(), { fetchBytes: counting([]) });
  const partials = [];
  const request = { filter: { q: 'hammouchi' }, limits: { latest: 10 } };
  const view = await pack.sidebar(request, { now: NOW, utcOffset: 60, onPartial: (v) => partials.push(v) });
  assert.ok(partials.length >= 1);
  assert.equal(partials[0].status, 'Recherche dans les archives…');
  assert.ok(view.latest.html.startsWith(partials[0].latest.html));
  assert.equal(view.latest.shown, 10);
  pack.dispose();
});

test('a missing or tampered file leaves the rest working, says which file, and marks the answer', async () => {
  for (const fault of ['missing', 'tampered']) {
    const warnings = [];
    const { pack } = await Encart.openPack(manifestUrl(), {
      warn: (message) => warnings.push(message),
      fetchBytes: counting([], (name, bytes) => {
        if (!name.startsWith('t-')) return bytes;
        if (fault === 'missing') throw new Error('HTTP 404');
        const copy = new Uint8Array(bytes);
        copy[copy.length - 3] ^= 0x55; // a gzip stream with a broken checksum
        return copy;
      }),
    });
    const view = await pack.sidebar({ filter: { q: 'maroc' } }, { now: NOW, utcOffset: 60 });
    assert.equal(view.degraded, true, fault);
    assert.ok(warnings.length > 0, fault);
    assert.match(warnings[0], /\/t-[0-9a-f]{16}\.bin: .*the archive is partly unavailable/);
    // The unfiltered sidebar needs no shard: it is whole.
    const plain = await pack.sidebar({}, { now: NOW, utcOffset: 60 });
    assert.equal(plain.degraded, false);
    assert.equal(plain.latest.html, engine.sidebar({}).latest.html);
    pack.dispose();
  }
});

test('a manifest from a newer encart is refused naming both versions', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(packDir(), 'manifest.json'), 'utf8'));
  manifest.encart_pack = 3;
  manifest.generator = 'encart 9.0.0';
  await assert.rejects(
    Encart.openPack('https://example.test/manifest.json', { fetchBytes: async () => new TextEncoder().encode(JSON.stringify(manifest)) }),
    (error) => {
      assert.equal(error.code, 'unsupported_version');
      assert.match(error.message, /pack format 3 \(written by encart 9\.0\.0\); this encart reads format 2/);
      return true;
    },
  );
  await assert.rejects(
    Encart.openPack('https://example.test/manifest.json', { fetchBytes: async () => new TextEncoder().encode('{"encart_pack": 2, "head": 3}') }),
    { code: 'bad_pack' },
  );
});

test('a manifest of the previous pack format is refused, asking to pack again', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(packDir(), 'manifest.json'), 'utf8'));
  manifest.encart_pack = 1;
  await assert.rejects(
    Encart.openPack('https://example.test/manifest.json', { fetchBytes: async () => new TextEncoder().encode(JSON.stringify(manifest)) }),
    (error) => {
      assert.equal(error.code, 'unsupported_version');
      assert.match(error.message, /pack format 1 .*this encart reads format 2: run encart pack again/);
      return true;
    },
  );
});
