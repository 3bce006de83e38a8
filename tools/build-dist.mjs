#!/usr/bin/env node
// Assembles dist/: encart.js (Emscripten glue + web/api.js + shim, in one closure) and
// encart.wasm. Run by the CMake `dist` target of the WASM build.
import { readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { glue: { type: 'string' }, wasm: { type: 'string' }, out: { type: 'string' } } });
if (!values.glue || !values.wasm || !values.out) {
  console.error('usage: build-dist.mjs --glue encart.js --wasm encart.wasm --out dist/');
  process.exit(2);
}

const read = (path) => readFileSync(join(root, path), 'utf8');
const glue = readFileSync(values.glue, 'utf8');
for (const forbidden of ['eval(', 'new Function']) {
  // -sDYNAMIC_EXECUTION=0 should guarantee this; a strict Content-Security-Policy depends on it.
  if (glue.includes(forbidden)) throw new Error(`the Emscripten glue contains ${forbidden}`);
}
const pkg = JSON.parse(read('package.json'));

const script = `/*! encart ${pkg.version} | ${pkg.license} | embeddable reading sidebar */
(function (nodeModule) {
'use strict';
// A second copy of this script on the page only mounts its own tag: one WASM instance per page.
if (!nodeModule && typeof globalThis.Encart === 'object' && typeof globalThis.Encart.mountScripts === 'function') {
  globalThis.Encart.mountScripts();
  return;
}
// Hide the host page's module loaders from the glue, which would otherwise register itself.
var module = undefined, exports = undefined, define = undefined;
${glue}
const ENCART_CSS = ${JSON.stringify(read('shim/styles.css'))};
${read('web/api.js')}
${read('web/feeds.js')}
${read('shim/bundle-source.js')}
${read('shim/sidebar-element.js')}
${read('shim/embed.js')}
Encart.mountScripts = mountScripts;
if (nodeModule) {
  nodeModule.exports = Encart;
} else {
  Object.defineProperty(globalThis, 'Encart', { value: Object.freeze(Encart), configurable: true });
  if (typeof document !== 'undefined') {
    defineElements();
    mountScripts();
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountScripts, { once: true });
  } else if (typeof self !== 'undefined' && self.location && self.location.hash === '#' + WORKER_MARK) {
    serveWorker();  // started by the widget; any other worker gets the headless API only
  }
}
})(typeof process === 'object' && process.versions && process.versions.node &&
   typeof module === 'object' && module && typeof module.exports === 'object' ? module : undefined);
`;

mkdirSync(values.out, { recursive: true });
writeFileSync(join(values.out, 'encart.js'), script);
copyFileSync(values.wasm, join(values.out, 'encart.wasm'));
const wasm = readFileSync(values.wasm);
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
console.log(`dist: encart.js ${Buffer.byteLength(script)} bytes (${gz(script)} gzipped), ` +
  `encart.wasm ${wasm.length} bytes (${gz(wasm)} gzipped)`);
