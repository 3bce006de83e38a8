// encart's headless JS API (docs/api.md). tools/build-dist.mjs places this file, with the
// Emscripten glue (createEncartModule) before it and the shim after it, inside one closure: the
// only global it leaves in a page is `Encart`.

const ENCART_VERSION = '0.1.0';

// The script's own URL, read while it runs: encart.wasm is looked up beside it.
const encartScriptUrl =
  typeof document !== 'undefined' && document.currentScript && document.currentScript.src
    ? document.currentScript.src
    : '';

// Node is told apart by its process object, not by `module`, which some pages define.
const isNode = typeof process === 'object' && !!process.versions && !!process.versions.node;

/** Every error the API throws. `code` is stable; `message` says what and where. */
class EncartError extends Error {
  constructor(code, message, details) {
    super(message);
    this.name = 'EncartError';
    this.code = code;
    if (details) Object.assign(this, details);
  }
}

// The one place where a core error value becomes an exception.
function check(result) {
  if (result && result.ok === false) {
    const details = result.line ? { line: result.line, column: result.column, offset: result.offset } : undefined;
    throw new EncartError(result.code, result.message, details);
  }
  return result;
}

function optionError(message) {
  return new EncartError('bad_option', message);
}

let modulePromise = null;

// One WebAssembly download and instance per page (or Node process), shared by every engine.
function loadModule(options) {
  if (modulePromise) return modulePromise;
  // The glue's own console lines get the same prefix as ours.
  const moduleOptions = { printErr: (text) => console.warn(`[encart] ${text}`), print: (text) => console.log(`[encart] ${text}`) };
  if (options && options.wasmBinary) {
    moduleOptions.wasmBinary = options.wasmBinary;
  } else if (isNode && typeof require === 'function') {
    // Node: the glue would try fetch() on a file path; hand it the bytes instead.
    moduleOptions.wasmBinary = require('fs').readFileSync(require('path').join(__dirname, 'encart.wasm'));
  } else {
    // Beside encart.js; in a worker or when currentScript is unknown, relative to the context.
    const base = encartScriptUrl || (typeof document !== 'undefined' ? document.baseURI : self.location.href);
    const wasmUrl = (options && options.wasmUrl) || new URL('encart.wasm', base).href;
    moduleOptions.locateFile = () => wasmUrl;
  }
  modulePromise = createEncartModule(moduleOptions).catch((error) => {
    modulePromise = null; // a later call may retry (e.g. after a network failure)
    throw new EncartError('wasm_failed', `encart.wasm could not be loaded: ${error && error.message ? error.message : error}`);
  });
  return modulePromise;
}

const FORMATS = ['auto', 'bundle', 'jsonfeed', 'wordpress', 'rss', 'atom'];

// View counts from elsewhere (docs/connect.md): the views.json text, its bytes, or the parsed
// object.
function viewsText(views) {
  if (views === undefined || views === null) return '';
  if (typeof views === 'string') return views;
  if (views instanceof Uint8Array || views instanceof ArrayBuffer || ArrayBuffer.isView(views)) {
    return new TextDecoder().decode(toBytes(views));
  }
  if (typeof views === 'object') return JSON.stringify(views);
  throw optionError('views: expected the views.json text, its bytes or an object');
}

function toBytes(input) {
  if (typeof input === 'string') return new TextEncoder().encode(input);
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new EncartError('bad_input', 'load: expected the bundle as a string, an ArrayBuffer or a Uint8Array');
}

// The range of a JS Date (±100,000,000 days around 1970); outside it no date is meaningful.
const MAX_DATE_MS = 8.64e15;

function toEpochMs(value, name) {
  if (value instanceof Date) value = value.getTime();
  else if (typeof value === 'string') value = Date.parse(value);
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_DATE_MS) {
    throw optionError(`${name}: expected a Date, epoch milliseconds or an ISO 8601 string`);
  }
  return value;
}

function toIsoBound(value, name) {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'string') return value; // the core parses and reports it
  if (value instanceof Date || typeof value === 'number') {
    const ms = value instanceof Date ? value.getTime() : value;
    if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) {
      throw new EncartError('bad_filter', `filter.${name}: not a valid date`);
    }
    return new Date(ms).toISOString();
  }
  throw new EncartError('bad_filter', `filter.${name}: expected an ISO 8601 string, a Date or epoch milliseconds`);
}

function toStringList(value, name) {
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  list.forEach((item, i) => {
    if (typeof item !== 'string') {
      const where = Array.isArray(value) ? `filter.${name}[${i}]` : `filter.${name}`;
      throw new EncartError('bad_filter', `${where}: expected a string`);
    }
  });
  return list.filter((item) => item !== '');
}

const FILTER_FIELDS = ['q', 'category', 'author', 'tag', 'since', 'until', 'date'];
const DATE_PRESETS = ['today', '7d', '30d'];

function normalizeFilter(filter) {
  if (filter === undefined || filter === null) return {};
  if (typeof filter !== 'object') throw new EncartError('bad_filter', 'filter: expected an object');
  for (const key of Object.keys(filter)) {
    if (!FILTER_FIELDS.includes(key)) {
      throw new EncartError('bad_filter', `filter.${key}: unknown field (expected one of ${FILTER_FIELDS.join(', ')})`);
    }
  }
  if (filter.q !== undefined && filter.q !== null && typeof filter.q !== 'string') {
    throw new EncartError('bad_filter', 'filter.q: expected a string');
  }
  if (filter.date !== undefined && filter.date !== null && filter.date !== '' && !DATE_PRESETS.includes(filter.date)) {
    throw new EncartError('bad_filter', `filter.date: expected one of ${DATE_PRESETS.join(', ')}`);
  }
  return {
    q: filter.q || '',
    category: toStringList(filter.category, 'category'),
    author: toStringList(filter.author, 'author'),
    tag: toStringList(filter.tag, 'tag'),
    since: toIsoBound(filter.since, 'since'),
    until: toIsoBound(filter.until, 'until'),
    date: filter.date || '',
  };
}

function toLimit(value, name, fallback) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw optionError(`${name}: expected a whole number of 0 or more`);
  return Math.min(value, 1000);
}

function toIdList(value, name) {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((id) => typeof id === 'string')) throw optionError(`${name}: expected article ids (strings)`);
  return list;
}

const WINDOWS = ['all', '24h', '7d', '30d'];

function toWindow(value) {
  if (value === undefined) return 'all';
  if (!WINDOWS.includes(value)) throw optionError(`window: expected one of ${WINDOWS.join(', ')}`);
  return value;
}

function listOptions(options, method) {
  options = options || {};
  return {
    limit: toLimit(options.limit, `${method}.limit`, 10),
    exclude: toIdList(options.exclude, `${method}.exclude`),
    filter: normalizeFilter(options.filter),
  };
}

const RELATED_WEIGHTS = ['text', 'names', 'tags', 'category', 'author'];

// Related settings given by the page: types are checked here (a clear bad_option naming the
// field); ranges are clamped by the engine, as for the bundle's own settings (docs/bundle.md).
function relatedSettings(value, name) {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object') throw optionError(`${name}: expected an object`);
  const number = (v, field) => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw optionError(`${name}.${field}: expected a number`);
    return v;
  };
  const out = {};
  if (value.weights !== undefined && value.weights !== null) {
    if (typeof value.weights !== 'object') throw optionError(`${name}.weights: expected an object`);
    out.weights = {};
    for (const key of Object.keys(value.weights)) {
      if (!RELATED_WEIGHTS.includes(key)) {
        throw optionError(`${name}.weights.${key}: unknown weight (expected ${RELATED_WEIGHTS.join(', ')})`);
      }
      out.weights[key] = number(value.weights[key], `weights.${key}`);
    }
  }
  for (const key of ['minScore', 'halfLifeDays', 'limit']) {
    const v = number(value[key], key);
    if (v !== undefined) out[key] = v;
  }
  if (value.repeats !== undefined && value.repeats !== null) {
    if (typeof value.repeats !== 'boolean') throw optionError(`${name}.repeats: expected true or false`);
    out.repeats = value.repeats;
  }
  return out;
}

// Frees the C++ side of engines that were dropped without dispose().
const engineRegistry =
  typeof FinalizationRegistry === 'function' ? new FinalizationRegistry((native) => native.delete()) : null;

class Engine {
  #native;

  constructor(native) {
    this.#native = native;
    if (engineRegistry) engineRegistry.register(this, native, this);
  }

  #engine() {
    if (!this.#native) throw new EncartError('disposed', 'this engine was disposed');
    return this.#native;
  }

  /** Loads a bundle or feed; replaces the previous one only on success. */
  load(input, options) {
    options = options || {};
    let format = options.format === undefined ? 'auto' : options.format;
    if (!FORMATS.includes(format)) throw optionError(`format: expected one of ${FORMATS.join(', ')}`);
    const views = viewsText(options.views);
    const now = toEpochMs(options.now === undefined ? Date.now() : options.now, 'now');
    const baseUrl = options.baseUrl === undefined ? '' : String(options.baseUrl);
    // The reader's offset from UTC at "now", for the "today" preset; minutes east of UTC.
    const utcOffset = options.utcOffset === undefined ? -new Date(now).getTimezoneOffset() : options.utcOffset;
    if (!Number.isInteger(utcOffset) || Math.abs(utcOffset) > 1440) {
      throw optionError('utcOffset: expected whole minutes between -1440 and 1440');
    }
    let bytes = toBytes(input);
    if (format === 'rss' || format === 'atom' || (format === 'auto' && looksLikeXml(bytes))) {
      bytes = new TextEncoder().encode(JSON.stringify(xmlToJsonFeed(decodeXml(bytes))));
      format = 'jsonfeed';
    }
    const engine = this.#engine();
    // Straight into WebAssembly memory (one copy); the view is used before anything else can
    // grow the memory and detach it.
    check(engine.inputBuffer(bytes.length)).view.set(bytes);
    const result = check(engine.load(baseUrl, now, utcOffset, format, views));
    return {
      articles: result.articles,
      skipped: result.skipped,
      skippedTotal: result.skippedTotal,
      warnings: result.warnings,
    };
  }

  latest(options) {
    return check(this.#engine().latest(listOptions(options, 'latest'))).items;
  }

  mostRead(options) {
    const window = toWindow(options && options.window);
    return check(this.#engine().mostRead(window, listOptions(options, 'mostRead'))).items;
  }

  related(id, options) {
    if (typeof id !== 'string') throw optionError('related: expected an article id (string)');
    const native = listOptions(options, 'related');
    native.settings = relatedSettings(options && options.settings, 'related.settings');
    return check(this.#engine().related(id, native)).items;
  }

  /** The bundle's related settings, defaults filled in and clamped (docs/bundle.md). */
  relatedSettings() {
    return this.#engine().relatedSettings();
  }

  facets(filter) {
    const result = check(this.#engine().facets(normalizeFilter(filter)));
    return { category: result.category, author: result.author, tag: result.tag };
  }

  /** The widget's whole view in one call: escaped HTML for each list and menu (docs/api.md). */
  sidebar(request) {
    request = request || {};
    const limits = request.limits || {};
    const { ok, ...view } = check(
      this.#engine().sidebar({
        article: request.article ? String(request.article) : '',
        lang: request.lang ? String(request.lang) : 'fr',
        window: toWindow(request.window),
        filter: normalizeFilter(request.filter),
        latestLimit: toLimit(limits.latest, 'limits.latest', 5),
        mostReadLimit: toLimit(limits.mostRead, 'limits.mostRead', 5),
        relatedLimit: limits.related === undefined ? -1 : toLimit(limits.related, 'limits.related', 5),
        related: relatedSettings(request.related, 'related'),
      }),
    );
    return view;
  }

  /** Frees the engine's memory now rather than when it is garbage-collected. */
  dispose() {
    if (!this.#native) return;
    if (engineRegistry) engineRegistry.unregister(this);
    this.#native.delete();
    this.#native = null;
  }
}

async function createEngine(options) {
  const module = await loadModule(options);
  return new Engine(new module.WebEngine());
}

// Interface text the shim needs before any bundle is loaded (skeleton and messages).
async function interfaceFor(lang) {
  const module = await loadModule();
  return { shell: module.renderShell(lang || 'fr'), messages: module.uiMessages(lang || 'fr') };
}

const Encart = { version: ENCART_VERSION, createEngine, EncartError };
