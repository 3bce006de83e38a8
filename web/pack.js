// A pack (docs/pack.md) read as the sidebar needs it: manifest.json, then the head, then only the
// files a question needs. The core (encart-pack.wasm) decides which files; this file fetches
// them, checks each against its name (length, gzip, SHA-256 where the page is a secure context),
// and hands them over. Every fetched file is kept for the page's lifetime.

import { sidebarRequest } from './engine.js';
import { EncartError, check, guardNative } from './errors.js';
import { discardPackModule, loadPackModule } from './pack-module.js';
import { readCapped, responseBytes } from './read-capped.js';
import { markCoreHtml, markSidebarHtml } from './trusted-html.js';
import { CODES, RELATED_GROUPS, RELATED_SETTINGS } from './vocabulary.js';

/** The pack format this encart reads (manifest "encart_pack"). */
export const PACK_FORMAT = 2;

// A pack file is a few kilobytes to a few hundred; anything far larger is not ours.
const MAX_FILE_BYTES = 64 * 1024 * 1024;
// Rounds of fetches one answer may take: directory, shards and postings, pages, records.
const MAX_ROUNDS = 8;

/**
 * Whether `url`, or the first bytes at it, are a pack's manifest.
 * @param {string} url
 * @param {Uint8Array} [head] the first bytes of the response, when already fetched
 */
export function looksLikePack(url, head) {
  if (/(^|\/)manifest\.json([?#]|$)/.test(url)) return true;
  if (!head) return false;
  return new TextDecoder().decode(head.subarray(0, 256)).includes('"encart_pack"');
}

/**
 * The manifest's fields, checked: a clear error naming the field, or the versions.
 * @param {any} m
 * @param {string} url
 */
function readManifest(m, url) {
  const bad = (/** @type {string} */ why) => new EncartError(CODES.bad_pack, `${url}: ${why}`);
  if (!m || typeof m !== 'object') throw bad('not a pack manifest (expected a JSON object)');
  if (!Number.isInteger(m.encart_pack)) throw bad('encart_pack: expected the pack format number');
  if (m.encart_pack > PACK_FORMAT) {
    throw new EncartError(
      CODES.unsupported_version,
      `${url}: pack format ${m.encart_pack} (written by ${m.generator || 'a newer encart'}); this encart reads format ${PACK_FORMAT}: update encart.js`,
    );
  }
  // Format 1 files lack what format 2 pages read (expiring articles, addresses): pack again.
  if (m.encart_pack < PACK_FORMAT) {
    throw new EncartError(
      CODES.unsupported_version,
      `${url}: pack format ${m.encart_pack} (written by ${m.generator || 'an older encart'}); this encart reads format ${PACK_FORMAT}: run encart pack again`,
    );
  }
  const name = (/** @type {unknown} */ v, /** @type {string} */ field) => {
    if (typeof v !== 'string' || !/^[a-z]-[0-9a-f]{16}\.bin$/.test(v)) throw bad(`${field}: expected a pack file name`);
    return v;
  };
  if (!Number.isInteger(m.articles) || m.articles < 0) throw bad('articles: expected a count');
  const related = m.related || {};
  if (!Number.isInteger(related.buckets) || related.buckets < 0) throw bad('related.buckets: expected a count');
  if (!Array.isArray(related.pages)) throw bad('related.pages: expected a list of file names');
  return {
    format: m.encart_pack,
    articles: m.articles,
    head: name(m.head, 'head'),
    directory: name(m.directory, 'directory'),
    relatedBuckets: related.buckets,
    relatedPages: related.pages.map((/** @type {unknown} */ p, /** @type {number} */ i) => name(p, `related.pages[${i}]`)),
    related: packSettings(related.settings || {}),
  };
}

/**
 * A manifest's related settings (as in a bundle: "min_score") in the API's names ("minScore").
 * @param {any} settings
 */
function packSettings(settings) {
  /** @type {any} */
  const out = {};
  for (const group of RELATED_GROUPS) out[group.name] = {};
  for (const s of RELATED_SETTINGS) {
    const from = s.group ? settings[s.group] || {} : settings;
    (s.group ? out[s.group] : out)[s.js] = from[s.name];
  }
  return out;
}

/**
 * The bytes of a gzip stream, at most MAX_FILE_BYTES of them.
 * @param {Uint8Array<ArrayBuffer>} bytes
 */
function gunzip(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return readCapped(stream, MAX_FILE_BYTES, 'once decompressed');
}

/**
 * Checks that `bytes` are what `name` says: its hash is the first 8 bytes of their SHA-256.
 * Only where the platform offers SHA-256 (secure contexts): elsewhere the core's own checks of
 * every offset and length stand alone.
 * @param {string} name
 * @param {Uint8Array<ArrayBuffer>} bytes
 */
async function verify(name, bytes) {
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  if (!subtle) return;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  const hex = [...digest.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (!name.includes(`-${hex}.`)) throw new Error(`its content does not match its name (SHA-256 ${hex}…)`);
}

/**
 * Fetches a pack file's bytes: `fetchBytes(url)` by default with the browser's fetch.
 * @param {string} url
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
export async function fetchBytes(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return responseBytes(response, MAX_FILE_BYTES, 'a pack file');
}

/**
 * @typedef {object} PackOptions
 * @property {(url: string) => Promise<Uint8Array<ArrayBuffer>>} [fetchBytes] how to get a file (tests, Node)
 * @property {(message: string) => void} [warn] where failures of single files are reported
 */

/** A pack being read. One per manifest URL; every widget showing it shares it. */
export class Pack {
  #native;
  #base;
  #fetchBytes;
  #warn;
  /** @type {Map<string, Promise<boolean>>} */
  #files = new Map();

  /**
   * @param {any} native the embind WebPack
   * @param {string} base the manifest's URL: file names are relative to it
   * @param {PackOptions} options
   */
  constructor(native, base, options) {
    this.#native = native;
    this.#base = base;
    this.#fetchBytes = options.fetchBytes || fetchBytes;
    this.#warn = options.warn || ((message) => console.warn('[encart] %s', message));
  }

  /**
   * Fetches the files named (each once per page) and adds them to the reader.
   * @param {string[]} names
   * @returns {Promise<boolean>} whether every one of them could be read
   */
  async fetchFiles(names) {
    const read = await Promise.all(names.map((name) => this.#file(name)));
    return read.every(Boolean);
  }

  #file(/** @type {string} */ name) {
    let pending = this.#files.get(name);
    if (!pending) {
      const url = new URL(name, this.#base).href;
      pending = (async () => {
        try {
          let bytes = await this.#fetchBytes(url);
          // Our files are gzip; a server that adds its own Content-Encoding has already undone it.
          if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = await gunzip(bytes);
          await verify(name, bytes);
          check(this.#native.inputBuffer(bytes.length)).view.set(bytes);
          check(this.#native.addFile(name));
          return true;
        } catch (error) {
          // The answer goes on without this part; the sidebar says the archive is partly unavailable.
          this.#warn(`${url}: ${error.message} (the archive is partly unavailable)`);
          this.#native.markUnavailable(name);
          return false;
        }
      })();
      this.#files.set(name, pending);
    }
    return pending;
  }

  /**
   * The sidebar for `request` over the whole archive, as Engine.sidebar gives it for a bundle.
   * `onPartial` receives what shows at once (the newest matches) while the files a full answer
   * needs are fetched. `now` (default: now) and `utcOffset` (default: the platform's) as for
   * Engine.load.
   * @param {import('./encart.js').SidebarRequest} [request]
   * @param {{now?: number, utcOffset?: number, onPartial?: (view: any) => void}} [options]
   */
  async sidebar(request, options = {}) {
    const native = sidebarRequest(request);
    const now = options.now === undefined ? Date.now() : options.now;
    const utcOffset = options.utcOffset === undefined ? -new Date(now).getTimezoneOffset() : options.utcOffset;
    let view;
    for (let round = 1; ; round++) {
      view = check(this.#live().sidebar(native, now, utcOffset));
      if (view.complete || view.missing.length === 0 || round >= MAX_ROUNDS) break;
      if (options.onPartial) options.onPartial(finish(view, true));
      await this.fetchFiles(view.missing);
    }
    return finish(view, false);
  }

  #live() {
    if (!this.#native) throw new EncartError(CODES.disposed, 'this pack was disposed');
    return this.#native;
  }

  /** @param {((message: string) => void) | undefined} warn */
  setWarn(warn) {
    this.#warn = warn || ((message) => console.warn('[encart] %s', message));
  }

  dispose() {
    if (this.#native) this.#native.delete();
    this.#native = null;
  }
}

/** The view as the widget takes it: `partial` while files are on their way. */
function finish(/** @type {any} */ view, /** @type {boolean} */ partial) {
  const { ok, missing, complete, ...rest } = view;
  return markSidebarHtml({ ...rest, partial, degraded: view.degraded === true });
}

/**
 * Interface text from the pack module, so that a page showing a pack never downloads the full one.
 * @param {string} [lang]
 * @param {string} [layout] "tabs" or the default, stacked
 */
export async function packInterface(lang, layout) {
  const module = await loadPackModule();
  return { shell: markCoreHtml(module.renderShell(lang || 'fr', layout || '')), messages: module.uiMessages(lang || 'fr') };
}

/**
 * Opens the pack whose manifest is at `url`: fetches the manifest and the head.
 * @param {string} url
 * @param {PackOptions & {manifest?: Uint8Array}} [options] `manifest`: its bytes, when fetched already
 * @returns {Promise<{pack: Pack, articles: number, skipped: number}>}
 */
export async function openPack(url, options = {}) {
  const bytes = options.manifest || (await (options.fetchBytes || fetchBytes)(url));
  let json;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new EncartError(CODES.bad_pack, `${url}: not JSON (${error.message})`);
  }
  const manifest = readManifest(json, url);
  const module = await loadPackModule();
  // The head is the first sidebar: without it there is nothing to show.
  const warnings = [];
  const pack = new Pack(guardNative(new module.WebPack(manifest), discardPackModule), url, { ...options, warn: (message) => warnings.push(message) });
  if (!(await pack.fetchFiles([manifest.head]))) {
    pack.dispose();
    throw new EncartError(CODES.fetch_failed, warnings.join('; '));
  }
  pack.setWarn(options.warn);
  return { pack, articles: manifest.articles, skipped: Number.isInteger(json.skipped) ? json.skipped : 0 };
}
