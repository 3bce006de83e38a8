'use strict';
// The shape of the JavaScript, read from esbuild's import graph of every dist/ entry
// (build/wasm/esbuild-meta.json, written by tools/build-dist.mjs): shim -> web -> WASM glue,
// nothing backwards; and the runtime exports match what dist/encart.d.ts declares.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const graph = JSON.parse(fs.readFileSync(path.join(root, 'build', 'wasm', 'esbuild-meta.json'), 'utf8'));
const layer = (file) => (file.startsWith('encart:') ? 'glue' : file.split('/')[0]);
const edges = Object.entries(graph).flatMap(([from, imports]) => imports.map((to) => [from, to]));

test('web/ never imports shim/, and the glues import nothing', () => {
  const backwards = edges.filter(([from, to]) => layer(from) === 'web' && layer(to) === 'shim');
  assert.deepEqual(backwards, []);
  assert.deepEqual(graph['encart:glue'], []);
  assert.deepEqual(graph['encart:pack-glue'], []);
});

// shim/full-glue.js is the entry of dist/encart-full.js, which encart.js loads on demand.
test('only web/module.js and encart-full.js import the full glue, only web/pack-module.js the pack glue', () => {
  const importers = (glue) => edges.filter(([, to]) => to === glue).map(([from]) => from).sort();
  assert.deepEqual(importers('encart:glue'), ['shim/full-glue.js', 'web/module.js']);
  assert.deepEqual(importers('encart:pack-glue'), ['web/pack-module.js']);
});

test('every JavaScript file of web/ and shim/ is part of some entry', () => {
  const sources = ['web', 'shim'].flatMap((dir) =>
    fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.js')).map((f) => `${dir}/${f}`),
  );
  const bundled = new Set(Object.keys(graph));
  assert.deepEqual(sources.filter((file) => !bundled.has(file)), []);
});

test('the import graph has no cycle', () => {
  const state = new Map(); // file -> 'open' | 'done'
  const cycles = [];
  const visit = (file, trail) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
      return;
    }
    state.set(file, 'open');
    for (const next of graph[file] || []) visit(next, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of Object.keys(graph)) visit(file, []);
  assert.deepEqual(cycles, []);
});

// The declared API, read from the shipped types: exported names and the Engine's methods.
const dts = fs.readFileSync(path.join(root, 'dist', 'encart.d.ts'), 'utf8');
const engineBlock = /export interface Engine \{([\s\S]*?)\n\}/.exec(dts)[1];
const declaredMethods = [...engineBlock.matchAll(/^\s+(\w+)\(/gm)].map((m) => m[1]).sort();
const declaredExports = [...dts.matchAll(/^export (?:declare )?(?:const|function|class) (\w+)/gm)].map((m) => m[1]);

test('dist/encart.cjs exports exactly what encart.d.ts declares', () => {
  const Encart = require('../../dist/encart.cjs');
  assert.deepEqual(Object.keys(Encart).filter((k) => k !== 'default').sort(), [...declaredExports].sort());
  assert.deepEqual(Object.keys(Encart.default).sort(), ['EncartError', 'createEngine', 'openPack', 'trustedHtml', 'version']);
});

test('an engine has exactly the methods encart.d.ts declares', async () => {
  const Encart = require('../../dist/encart.cjs');
  const engine = await Encart.createEngine();
  const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(engine)).filter((name) => name !== 'constructor');
  assert.deepEqual(methods.sort(), declaredMethods);
  engine.dispose();
});
