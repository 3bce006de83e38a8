#!/usr/bin/env node
// Assembles dist/ from the ES modules in web/ and shim/ and the Emscripten build, with esbuild:
//   encart.js        the script a publisher pastes (IIFE, browsers; also the widget's worker),
//                    with the pack module's glue; the full module's is loaded on demand from
//   encart-full.js   the full module's glue (IIFE), for pages that read a bundle or feed
//   encart.mjs       ES module entry for browsers and bundlers (headless API)
//   encart.node.mjs  ES module entry for Node
//   encart.cjs       CommonJS entry for Node
//   encart.d.ts      the API's types (web/encart.d.ts)
//   encart.wasm      the engine: bundles and feeds
//   encart-pack.wasm the engine for packs (encart pack): what a page reading a pack downloads
// Run by the CMake `dist` target of the WASM build. Prints each entry's size, gzipped; writes
// esbuild's metafile (the import graph) to --meta for tests/wasm/layers.test.cjs.
import { build, transform } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    glue: { type: 'string' },
    wasm: { type: 'string' },
    'pack-glue': { type: 'string' },
    'pack-wasm': { type: 'string' },
    out: { type: 'string' },
    meta: { type: 'string' },
  },
});
if (!values.glue || !values.wasm || !values['pack-glue'] || !values['pack-wasm'] || !values.out) {
  console.error(
    'usage: build-dist.mjs --glue encart.js --wasm encart.wasm --pack-glue encart-pack.js --pack-wasm encart-pack.wasm --out dist/ [--meta meta.json]',
  );
  process.exit(2);
}
const glue = resolve(values.glue);
const packGlue = resolve(values['pack-glue']);
const out = resolve(values.out);

for (const file of [glue, packGlue]) {
  const glueText = readFileSync(file, 'utf8');
  for (const forbidden of ['eval(', 'new Function']) {
    // -sDYNAMIC_EXECUTION=0 should guarantee this; a strict Content-Security-Policy depends on it.
    if (glueText.includes(forbidden)) throw new Error(`the Emscripten glue ${file} contains ${forbidden}`);
  }
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// `import createEncartModule from 'encart:glue'` (web/module.js) is this build's glue, and
// 'encart:pack-glue' (web/pack-module.js) the pack module's.
// encart.js resolves 'encart:glue' to shim/full-glue-loader.js instead: a page reading a pack
// never downloads the full glue.
const gluePlugin = (fullGlue = glue) => ({
  name: 'encart-glue',
  setup(builder) {
    builder.onResolve({ filter: /^encart:glue$/ }, () => ({ path: fullGlue }));
    builder.onResolve({ filter: /^encart:pack-glue$/ }, () => ({ path: packGlue }));
    // src/common/vocabulary.json without what only people and the C++ core read (comments,
    // meanings, ranges, defaults): the page's script carries the names alone.
    builder.onLoad({ filter: /vocabulary\.json$/ }, (args) => {
      const keep = (/** @type {object} */ entry) =>
        Object.fromEntries(Object.entries(entry).filter(([key]) => !['doc', 'meaning', 'core', 'min', 'max', 'default'].includes(key)));
      const vocabulary = JSON.parse(readFileSync(args.path, 'utf8'));
      delete vocabulary.$comment;
      for (const key of Object.keys(vocabulary)) vocabulary[key] = vocabulary[key].map(keep);
      return { contents: JSON.stringify(vocabulary), loader: 'json' };
    });
    // The shadow root's stylesheet, minified: it ships as a string inside encart.js.
    builder.onLoad({ filter: /\.css$/ }, async (args) => {
      const css = await transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: css.code.trim(), loader: 'text' };
    });
  },
});

const common = {
  bundle: true,
  absWorkingDir: root,
  plugins: [gluePlugin()],
  target: ['es2022'],
  legalComments: 'inline',
  banner: { js: `/*! encart ${pkg.version} | ${pkg.license} | embeddable reading sidebar */` },
  metafile: true,
  write: false,
  logLevel: 'warning',
  // web/node.js reads import.meta.url only where __dirname is missing (ES module output).
  logOverride: { 'empty-import-meta': 'silent' },
};

const entries = [
  // The publisher's script: minified, every module in one closure, no module loader touched.
  {
    file: 'encart.js',
    entryPoints: ['shim/main.js'],
    format: 'iife',
    platform: 'browser',
    minify: true,
    plugins: [gluePlugin(join(root, 'shim', 'full-glue-loader.js'))],
  },
  { file: 'encart-full.js', entryPoints: ['shim/full-glue.js'], format: 'iife', platform: 'browser', minify: true },
  { file: 'encart.mjs', entryPoints: ['web/index.js'], format: 'esm', platform: 'browser' },
  { file: 'encart.node.mjs', entryPoints: ['web/node.js'], format: 'esm', platform: 'node' },
  { file: 'encart.cjs', entryPoints: ['web/node.js'], format: 'cjs', platform: 'node' },
];

mkdirSync(out, { recursive: true });
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const inputs = {};
const sizes = [];
for (const { file, ...options } of entries) {
  const result = await build({ ...common, ...options, outfile: join(out, file) });
  const text = result.outputFiles[0].contents;
  writeFileSync(join(out, file), text);
  Object.assign(inputs, result.metafile.inputs);
  sizes.push(`${file} ${text.length} bytes (${gz(text)} gzipped)`);
}
// One declaration file, twice: .d.ts is read as CommonJS (require), .d.mts as an ES module (import).
for (const types of ['encart.d.ts', 'encart.d.mts']) copyFileSync(join(root, 'web', 'encart.d.ts'), join(out, types));
for (const [from, name] of [[values.wasm, 'encart.wasm'], [values['pack-wasm'], 'encart-pack.wasm']]) {
  copyFileSync(from, join(out, name));
  const wasm = readFileSync(from);
  sizes.push(`${name} ${wasm.length} bytes (${gz(wasm)} gzipped)`);
}

if (values.meta) {
  // Paths relative to the repository; the glue is named by its role.
  const graph = {};
  for (const [path, input] of Object.entries(inputs)) {
    const name = (p) => {
      const path = resolve(root, p);
      if (path === glue) return 'encart:glue';
      return path === packGlue ? 'encart:pack-glue' : relative(root, path);
    };
    graph[name(path)] = input.imports.filter((i) => !i.external).map((i) => name(i.path));
  }
  writeFileSync(values.meta, JSON.stringify(graph, null, 2));
}
console.log(`dist: ${sizes.join(', ')}`);
