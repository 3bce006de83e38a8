#!/usr/bin/env node
// A small static server for the demo and the browser tests, on 127.0.0.1 only.
//   /            -> demo/            (the demo site)
//   /dist/       -> dist/            (what a publisher deploys)
//   /fixtures/   -> tests/fixtures/  (only with --fixtures: pages and bundles for browser tests)
// Pages are served under a strict Content-Security-Policy, the kind careful publishers use, so
// the demo and the tests prove encart needs no inline script and no eval.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
};

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

// [URL prefix, folder, which names it serves (all when omitted)]
function mounts(withFixtures, extra = []) {
  const list = [...extra, ['/dist/', join(root, 'dist')]];
  if (withFixtures) {
    // encart.js without its encart.wasm, or without encart-full.js: how a publisher's broken
    // deploy looks.
    list.push(['/fixtures/dist-without-wasm/', join(root, 'dist'), (name) => name === 'encart.js' || name === 'encart-full.js']);
    list.push(['/fixtures/dist-without-full/', join(root, 'dist'), (name) => name === 'encart.js' || name.endsWith('.wasm')]);
    list.push(['/fixtures/', join(root, 'tests', 'fixtures')]);
  }
  list.push(['/', join(root, 'demo')]);
  return list;
}

function resolvePath(urlPath, withFixtures, extra) {
  for (const [prefix, dir, serves] of mounts(withFixtures, extra)) {
    if (!urlPath.startsWith(prefix)) continue;
    let relative;
    try {
      relative = decodeURIComponent(urlPath.slice(prefix.length)) || 'index.html';
    } catch {
      return null; // malformed escapes: a 404, not a crash of the server
    }
    if (serves && !serves(relative)) return null;
    const file = normalize(join(dir, relative));
    if (file !== dir && !file.startsWith(dir + sep)) return null; // no escaping the mount
    return file;
  }
  return null;
}

// `mounts`: more [URL prefix, folder] pairs (a pack written by a test, the demo's pack).
export function startServer({ port = 8080, host = '127.0.0.1', fixtures = false, quiet = true, mounts: extra = [] } = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = resolvePath(url.pathname, fixtures, extra);
    try {
      if (file && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!file || !statSync(file).isFile()) throw new Error('not found');
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      if (!quiet) console.log(`404 ${url.pathname}`);
      return;
    }
    const headers = { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
    headers['content-length'] = String(statSync(file).size);
    // Test fixtures go without the CSP so that escaping is proven on its own, not by the policy.
    if (extname(file) === '.html' && !url.pathname.startsWith('/fixtures/')) headers['content-security-policy'] = CSP;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT || 8080);
  const server = await startServer({ port, fixtures: process.argv.includes('--fixtures'), quiet: false });
  console.log(`encart demo: http://127.0.0.1:${server.address().port}/  (developer page: /dev.html; Ctrl-C stops)`);
}
