// The headless engine (docs/api.md): one native WebEngine per Engine, every call checked and
// normalised on the way in, core error values turned into EncartError on the way out.

import { version } from '../package.json';
import { EncartError, check, guardNative, optionError } from './errors.js';
import { discardModule, loadModule } from './module.js';
import {
  FORMATS,
  listOptions,
  normalizeFilter,
  relatedSettings,
  toBytes,
  toEpochMs,
  toId,
  toIdList,
  toLimit,
  toUrlList,
  toWindow,
  viewsText,
} from './options.js';
import { decodeXml, looksLikeXml, xmlTreeJson } from './xml-tree.js';
import { markCoreHtml, markSidebarHtml } from './trusted-html.js';
import { CODES } from './vocabulary.js';

/** @typedef {import('./encart.js').Engine} EngineApi */
/** @typedef {import('./encart.js').LoadOptions} LoadOptions */
/** @typedef {import('./encart.js').LoadReport} LoadReport */
/** @typedef {import('./encart.js').ListOptions} ListOptions */
/** @typedef {import('./encart.js').ArticleItem} ArticleItem */
/** @typedef {import('./encart.js').RelatedItem} RelatedItem */
/** @typedef {import('./encart.js').RelatedSettings} RelatedSettings */
/** @typedef {import('./encart.js').RelatedSettingsInput} RelatedSettingsInput */
/** @typedef {import('./encart.js').ViewWindow} ViewWindow */
/** @typedef {import('./encart.js').Filter} Filter */
/** @typedef {import('./encart.js').Facets} Facets */
/** @typedef {import('./encart.js').SidebarRequest} SidebarRequest */
/** @typedef {import('./encart.js').SidebarView} SidebarView */
/** @typedef {import('./encart.js').CreateEngineOptions} CreateEngineOptions */

/** The package's version (package.json), defined once. */
export const ENCART_VERSION = version;

// Frees the C++ side of engines that were dropped without dispose().
const engineRegistry =
  typeof FinalizationRegistry === 'function' ? new FinalizationRegistry((native) => native.delete()) : null;

/**
 * A loaded bundle and its queries. The declared API (encart.d.ts) is checked against this class
 * by `tsc` (tools/lint).
 * @implements {EngineApi}
 */
export class Engine {
  #native;

  /** @param {any} native the embind WebEngine this object owns */
  constructor(native) {
    this.#native = native;
    if (engineRegistry) engineRegistry.register(this, native, this);
  }

  #engine() {
    if (!this.#native) throw new EncartError(CODES.disposed, 'this engine was disposed');
    return this.#native;
  }

  /**
   * Loads a bundle or feed; replaces the previous one only on success.
   * @param {string | Uint8Array | ArrayBuffer} input
   * @param {LoadOptions} [options]
   * @returns {LoadReport}
   */
  load(input, options) {
    options = options || {};
    const format = options.format === undefined ? 'auto' : options.format;
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
    /** @type {string} the engine's name: the API's, or "xml-tree" */
    let nativeFormat = format;
    if (format === 'rss' || format === 'atom' || (format === 'auto' && looksLikeXml(bytes))) {
      // The page parses the XML; the engine maps its element tree.
      bytes = new TextEncoder().encode(xmlTreeJson(decodeXml(bytes)));
      nativeFormat = 'xml-tree';
    }
    const engine = this.#engine();
    // Straight into WebAssembly memory (one copy); the view is used before anything else can
    // grow the memory and detach it.
    check(engine.inputBuffer(bytes.length)).view.set(bytes);
    const result = check(engine.load(baseUrl, now, utcOffset, nativeFormat, views));
    return {
      articles: result.articles,
      skipped: result.skipped,
      skippedTotal: result.skippedTotal,
      warnings: result.warnings,
    };
  }

  /**
   * Newest first (then id).
   * @param {ListOptions} [options]
   * @returns {ArticleItem[]}
   */
  latest(options) {
    return check(this.#engine().latest(listOptions(options, 'latest'))).items;
  }

  /**
   * Most viewed in `window` first (then newer, then id).
   * @param {ListOptions & {window?: ViewWindow}} [options]
   * @returns {ArticleItem[]}
   */
  mostRead(options) {
    const window = toWindow(options && options.window);
    return check(this.#engine().mostRead(window, listOptions(options, 'mostRead'))).items;
  }

  /**
   * Most related to article `id` first, then the fallback chain.
   * @param {string | number} id
   * @param {ListOptions & {settings?: RelatedSettingsInput}} [options]
   * @returns {RelatedItem[]}
   */
  related(id, options) {
    const native = listOptions(options, 'related');
    native.settings = relatedSettings(options && options.settings, 'related.settings');
    return check(this.#engine().related(toId(id, 'related'), native)).items;
  }

  /**
   * The bundle's related settings, defaults filled in and clamped (docs/bundle.md).
   * @returns {RelatedSettings}
   */
  relatedSettings() {
    return this.#engine().relatedSettings();
  }

  /**
   * Counts per category, author and tag under `filter`, each facet's own choice left out.
   * @param {Filter} [filter]
   * @returns {Facets}
   */
  facets(filter) {
    const result = check(this.#engine().facets(normalizeFilter(filter)));
    return { category: result.category, author: result.author, tag: result.tag };
  }

  /**
   * The widget's whole view in one call: escaped HTML for each list and menu (docs/api.md).
   * @param {SidebarRequest} [request]
   * @returns {SidebarView}
   */
  sidebar(request) {
    const { ok, ...view } = check(this.#engine().sidebar(sidebarRequest(request)));
    return markSidebarHtml(view); // the core's HTML: the "encart" Trusted Types policy lets it through
  }

  /** Frees the engine's memory now rather than when it is garbage-collected. */
  dispose() {
    if (!this.#native) return;
    if (engineRegistry) engineRegistry.unregister(this);
    this.#native.delete();
    this.#native = null;
  }
}

/**
 * A sidebar request checked and put in the shape both modules' bindings read.
 * @param {SidebarRequest} [request]
 */
export function sidebarRequest(request) {
  request = request || {};
  const limits = request.limits || {};
  return {
    article: request.article === undefined || request.article === null || request.article === '' ? '' : toId(request.article, 'article'),
    articleUrls: toUrlList(request.articleUrls, 'articleUrls'),
    read: toIdList(request.read, 'read'),
    lang: request.lang ? String(request.lang) : 'fr',
    window: toWindow(request.window),
    filter: normalizeFilter(request.filter),
    latestLimit: toLimit(limits.latest, 'limits.latest', 5),
    mostReadLimit: toLimit(limits.mostRead, 'limits.mostRead', 5),
    relatedLimit: limits.related === undefined ? -1 : toLimit(limits.related, 'limits.related', 5),
    related: relatedSettings(request.related, 'related'),
  };
}

/**
 * A new engine; every engine shares one WebAssembly instance, loaded on the first call.
 * @param {CreateEngineOptions} [options]
 * @returns {Promise<Engine>}
 */
export async function createEngine(options) {
  const module = await loadModule(options);
  return new Engine(guardNative(new module.WebEngine(), discardModule));
}

// Interface text the shim needs before any bundle is loaded (skeleton and messages).
/**
 * @param {string} [lang]
 * @param {string} [layout] "tabs" or the default, stacked
 * @returns {Promise<{shell: string, messages: Record<string, string>}>}
 */
export async function interfaceFor(lang, layout) {
  const module = await loadModule();
  return { shell: markCoreHtml(module.renderShell(lang || 'fr', layout || '')), messages: module.uiMessages(lang || 'fr') };
}
