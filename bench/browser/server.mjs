// Static server for the browser benchmark, on 127.0.0.1 only.
//   /bench/             -> bench/browser/        (page.html, page.js, contenders.js, wasm-probe.js)
//   /dist/              -> the dist folder under test (encart.js + encart.wasm)
//   /vendor/minisearch.js -> node_modules/minisearch (its ES module build)
//   /bundles/N.json     -> generated bundles in a temp folder (never in the repo: 100k is ~67 MB)
// Every response carries COOP/COEP (+ CORP) so the page is cross-origin isolated: only then does
// Chromium give performance.now() microsecond precision instead of 0.1 ms steps, and only then is
// performance.measureUserAgentSpecificMemory() available. tools/serve.mjs has no such headers.
// `headers(url)` (optional) adds response headers per request: widget-load.mjs uses it to serve
// its page with a Content-Security-Policy that forbids workers.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

const ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
};

function resolvePath(urlPath, { distDir, bundlesDir }) {
  if (urlPath === '/vendor/minisearch.js') return join(root, 'node_modules', 'minisearch', 'dist', 'es', 'index.js');
  const mounts = [['/bench/', here], ['/dist/', distDir], ['/bundles/', bundlesDir]];
  for (const [prefix, dir] of mounts) {
    if (!dir || !urlPath.startsWith(prefix)) continue;
    let relative;
    try {
      relative = decodeURIComponent(urlPath.slice(prefix.length)) || 'page.html';
    } catch {
      return null;
    }
    const file = normalize(join(dir, relative));
    if (!file.startsWith(dir + sep)) return null; // no escaping the mount
    return file;
  }
  return null;
}

export function startBenchServer({ distDir = join(root, 'dist'), bundlesDir, port = 0, headers = () => ({}) } = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const file = resolvePath(url.pathname, { distDir, bundlesDir });
    let size = -1;
    try {
      if (file) size = statSync(file).isFile() ? statSync(file).size : -1;
    } catch {
      size = -1;
    }
    if (size < 0) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...ISOLATION });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] || 'application/octet-stream',
      'content-length': String(size),
      'cache-control': 'no-store',
      ...ISOLATION,
      ...headers(url),
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePromise(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Manual use: node bench/browser/server.mjs /tmp/bundles  -> open /bench/page.html?size=1000
  const server = await startBenchServer({ bundlesDir: process.argv[2] && resolve(process.argv[2]), port: Number(process.env.PORT || 8090) });
  console.log(`http://127.0.0.1:${server.address().port}/bench/page.html?size=1000`);
}
