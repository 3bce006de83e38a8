// Where a bundle is loaded and queried. In a Web Worker when the page allows one (same-origin
// encart.js): a 100k-article bundle then parses and indexes off the main thread, which never
// freezes; each keystroke is one message each way. Otherwise on the main thread, as the
// headless API does. Either way: one engine per bundle URL, shared by every widget showing it,
// freed when the last one goes.

import { createEngine, interfaceFor } from '../web/engine.js';
import { EncartError } from '../web/errors.js';
import { MAX_BUNDLE_BYTES, MAX_VIEWS_BYTES, responseBytes } from '../web/read-capped.js';
import { decodeXml, looksLikeXml, xmlTreeJson } from '../web/xml-tree.js';
import { looksLikePack, openPack, packInterface } from '../web/pack.js';
import { scriptUrl } from './script-url.js';
import { markCoreHtml, markSidebarHtml, trustedScriptUrl } from '../web/trusted-html.js';
import { CODES } from '../web/vocabulary.js';

export const WORKER_MARK = 'encart-worker'; // the fragment that tells encart.js it runs as our worker

let workerClient; // undefined: not tried yet; null: no worker on this page

function startWorker() {
  if (typeof Worker !== 'function' || !scriptUrl || typeof location === 'undefined') return null;
  const script = new URL(scriptUrl);
  if (script.origin !== location.origin) return null; // browsers only run same-origin workers
  let worker;
  try {
    // Through the "encart" Trusted Types policy, which accepts this URL and encart-full.js only.
    worker = new Worker(trustedScriptUrl(`${script.href.split('#')[0]}#${WORKER_MARK}`));
  } catch (error) {
    return null; // e.g. a Content-Security-Policy without worker-src for it
  }
  const pending = new Map();
  let nextId = 1;
  let broken = null;
  const failAll = (error) => {
    broken = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.onmessage = ({ data }) => {
    const call = pending.get(data.id);
    if (!call) return;
    // HTML in answers comes from the worker's core: registered for the "encart" Trusted Types
    // policy here, on this side, where the widget uses it.
    if (data.progress) {
      // A pack's partial answer while its files arrive: the final one follows.
      if (call.onProgress) call.onProgress(markSidebarHtml(data.progress));
      return;
    }
    pending.delete(data.id);
    if (data.error) call.reject(new EncartError(data.error.code, data.error.message, data.error.details));
    else call.resolve(markAnswer(call.method, data.result));
  };
  worker.onerror = (event) => {
    if (event.preventDefault) event.preventDefault();
    failAll(new EncartError(CODES.worker_failed, `the worker stopped: ${event.message || 'could not start'}`));
    worker.terminate();
    workerClient = null; // from now on, the main thread
    // Bundles the worker held are gone with it: widgets reload them (see sidebar-element.js).
    for (const [url, entry] of bundles) {
      if (entry.remote) bundles.delete(url);
    }
  };
  return {
    call(method, payload, onProgress) {
      if (broken) return Promise.reject(broken);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject, onProgress, method });
        worker.postMessage({ id, method, ...payload });
      });
    },
  };
}

/** The HTML in a worker's answer to `method`, registered as the core's. */
function markAnswer(method, result) {
  if (method === 'sidebar') return markSidebarHtml(result);
  if (method === 'interface' && result) markCoreHtml(result.shell);
  return result;
}

// Fetches a source: the bundle or feed, and the views file when there is one. A views file that
// cannot be fetched costs the counts, not the sidebar: it becomes a warning.
async function fetchSource({ url, views }) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new EncartError(CODES.fetch_failed, `${url}: HTTP ${response.status}`);
  const bytes = await responseBytes(response, MAX_BUNDLE_BYTES, url);
  const fetched = { bytes, baseUrl: response.url || url, views: '', warnings: [] };
  if (views) {
    try {
      const viewsResponse = await fetch(views, { credentials: 'same-origin' });
      if (!viewsResponse.ok) throw new Error(`HTTP ${viewsResponse.status}`);
      fetched.views = new TextDecoder().decode(await responseBytes(viewsResponse, MAX_VIEWS_BYTES, views));
    } catch (error) {
      fetched.warnings.push(`views ${views}: ${error.message} (no view counts merged)`);
    }
  }
  return fetched;
}

function loadFetched(engine, fetched, source, now) {
  const report = engine.load(fetched.bytes, { now, baseUrl: fetched.baseUrl, format: source.format, views: fetched.views });
  report.warnings = [...fetched.warnings, ...report.warnings];
  return report;
}

// A fetched source as an engine: a pack (its manifest) is read part by part; anything else is
// loaded whole. Either answers sidebar(request, onPartial).
async function openFetched(fetched, source, now) {
  if (looksLikePack(source.url, fetched.bytes)) {
    const { pack, articles, skipped } = await openPack(fetched.baseUrl, { manifest: fetched.bytes });
    const engine = {
      sidebar: (request, onPartial) => pack.sidebar(request, { now, onPartial }),
      dispose: () => pack.dispose(),
    };
    return { engine, report: { articles, skipped: [], skippedTotal: skipped, warnings: fetched.warnings } };
  }
  const engine = await createEngine();
  try {
    return { engine, report: loadFetched(engine, fetched, source, now) };
  } catch (error) {
    engine.dispose();
    throw error;
  }
}

// DOMParser runs on the main thread only (workers lack it): a feed is parsed once the page is
// idle, so that its own rendering and input come first, never in the task that fetched it.
function whenIdle() {
  return /** @type {Promise<void>} */ (
    new Promise((resolve) => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
      else setTimeout(resolve, 0);
    })
  );
}

// RSS and Atom need DOMParser: the page reads the XML into its element tree and hands the
// worker that, which the engine maps and detects (format "auto").
async function xmlSourceAsTree(source) {
  const fetched = await fetchSource(source);
  await whenIdle();
  return { ...fetched, bytes: new TextEncoder().encode(xmlTreeJson(decodeXml(fetched.bytes))) };
}

async function loadInWorker(client, source) {
  // The worker names each loaded engine by a handle, not by URL: two loads of one URL (a
  // widget switching bundles back and forth) never step on each other.
  let answer;
  try {
    answer = await client.call('load', { source, now: Date.now() });
  } catch (error) {
    if (error.code !== CODES.unsupported_format) throw error;
    const fetched = await xmlSourceAsTree(source);
    answer = await client.call('load', { source: { ...source, format: 'auto' }, fetched, now: Date.now() });
  }
  const { handle, report } = answer;
  return {
    report,
    remote: true,
    engine: {
      sidebar: (request, onPartial) => client.call('sidebar', { handle, request }, onPartial),
      dispose: () => client.call('release', { handle }).catch(() => {}),
    },
  };
}

async function loadOnMainThread(source) {
  const fetched = await fetchSource(source);
  if (looksLikeXml(fetched.bytes)) await whenIdle();
  return openFetched(fetched, source, Date.now());
}

function worker() {
  if (workerClient === undefined) workerClient = startWorker();
  return workerClient;
}

// The widget's skeleton and messages come from the core too: from the worker's instance when
// there is one, so that the page itself never downloads or compiles the WebAssembly; from the
// pack module when the source is a pack (by its name, manifest.json), so that a page showing a
// pack downloads only that module.
export async function interfaceText(lang, url, layout) {
  const pack = looksLikePack(url || '');
  const client = worker();
  if (client) {
    try {
      return await client.call('interface', { lang, pack, layout });
    } catch (error) {
      if (error.code !== CODES.worker_failed) throw error;
      workerClient = null;
    }
  }
  return pack ? packInterface(lang, layout) : interfaceFor(lang, layout);
}

async function loadBundle(source) {
  const { url } = source;
  worker();
  let loaded;
  if (workerClient) {
    try {
      loaded = await loadInWorker(workerClient, source);
    } catch (error) {
      if (error.code !== CODES.worker_failed) throw error;
      workerClient = null; // the worker cannot run here: the main thread takes over
    }
  }
  if (!loaded) loaded = await loadOnMainThread(source);
  const { report } = loaded;
  if (report.skippedTotal > 0) {
    const first = report.skipped[0];
    // Bundle text is an argument, never part of the format string (%c, %s in a title).
    const post = first && first.post ? ` (${first.post})` : '';
    console.warn('[encart] %s: %d article(s) skipped; first: %s%s', url, report.skippedTotal, first ? first.reason : '', post);
  }
  for (const warning of report.warnings || []) console.warn('[encart] %s: %s', url, warning);
  return loaded;
}

const bundles = new Map(); // source key -> {promise, users}

// A source: {url, format, views}; widgets with the same one share an engine.
const sourceKey = ({ url, format, views }) => `${url}\n${format || 'auto'}\n${views || ''}`;

export function acquireBundle(source) {
  const url = sourceKey(source);
  let entry = bundles.get(url);
  if (!entry) {
    entry = { users: 0, remote: false, promise: null };
    const current = entry;
    entry.promise = loadBundle(source).then((loaded) => {
      current.remote = loaded.remote === true;
      return loaded;
    });
    entry.promise.catch(() => {
      if (bundles.get(url) === current) bundles.delete(url); // a later widget may try again
    });
    bundles.set(url, entry);
  }
  entry.users += 1;
  return entry.promise;
}

export function releaseBundle(source) {
  const url = sourceKey(source);
  const entry = bundles.get(url);
  if (!entry || --entry.users > 0) return;
  bundles.delete(url);
  entry.promise.then(({ engine }) => engine.dispose(), () => {});
}

// The worker side: encart.js loaded as `new Worker('.../encart.js#encart-worker')`.
export function serveWorker() {
  const engines = new Map(); // handle -> engine
  let nextHandle = 1;
  const load = async ({ source, fetched, now }) => {
    const { engine, report } = await openFetched(fetched || (await fetchSource(source)), source, now);
    const handle = nextHandle++;
    engines.set(handle, engine);
    return { handle, report };
  };
  const handlers = {
    interface: ({ lang, pack, layout }) => (pack ? packInterface(lang, layout) : interfaceFor(lang, layout)),
    load,
    sidebar: ({ id, handle, request }) => {
      const engine = engines.get(handle);
      if (!engine) throw new EncartError(CODES.not_loaded, `bundle ${handle} is not loaded in the worker`);
      return engine.sidebar(request, (progress) => self.postMessage({ id, progress }));
    },
    release: ({ handle }) => {
      const engine = engines.get(handle);
      if (engine) engine.dispose();
      engines.delete(handle);
    },
  };
  self.onmessage = async ({ data }) => {
    try {
      // Own members only: "constructor" or "__proto__" must not reach Object.prototype's.
      const handler = Object.hasOwn(handlers, data.method) ? handlers[data.method] : undefined;
      if (!handler) throw new EncartError(CODES.bad_input, `unknown worker call ${data.method}`);
      self.postMessage({ id: data.id, result: await handler(data) });
    } catch (error) {
      const details = error.line ? { line: error.line, column: error.column, offset: error.offset } : undefined;
      self.postMessage({ id: data.id, error: { code: error.code || CODES.internal, message: error.message, details } });
    }
  };
}
