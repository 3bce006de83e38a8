// Types of encart's JavaScript API (docs/api.md), shipped as dist/encart.d.ts for every entry:
// encart.mjs, encart.node.mjs, encart.cjs, and the `Encart` global of encart.js.
// tests/types/usage.ts compiles against this file; tests/wasm/types.test.cjs checks that the
// runtime exports what it declares.

/** Stable error codes (docs/api.md#errors). Decide on `code`, never on `message`. */
export type ErrorCode =
  | 'bad_json'
  | 'bad_bundle'
  | 'unsupported_version'
  | 'too_large'
  | 'bad_xml'
  | 'unsupported_format'
  | 'bad_input'
  | 'bad_filter'
  | 'bad_option'
  | 'unknown_article'
  | 'not_loaded'
  | 'disposed'
  | 'wasm_failed'
  | 'fetch_failed'
  | 'worker_failed'
  | 'bad_pack'
  | 'internal';

/** Every error the API throws. */
export class EncartError extends Error {
  constructor(code: ErrorCode | string, message: string, details?: { line?: number; column?: number; offset?: number });
  readonly name: 'EncartError';
  readonly code: ErrorCode;
  /** bad_json and bad_xml: 1-based line of the error. */
  readonly line?: number;
  /** bad_json and bad_xml: 1-based column, in code points. */
  readonly column?: number;
  /** bad_json: byte offset. */
  readonly offset?: number;
}

export interface CreateEngineOptions {
  /** Where encart.wasm is fetched from (default: beside the script or module). */
  wasmUrl?: string;
  /** The bytes of encart.wasm, instead of fetching it. */
  wasmBinary?: Uint8Array | ArrayBuffer;
}

export type DateInput = Date | number | string;

export interface Filter {
  /** Free text; every word must match, the last one as a prefix. */
  q?: string;
  category?: string | string[];
  author?: string | string[];
  tag?: string | string[];
  since?: DateInput;
  until?: DateInput;
  date?: '' | 'today' | '7d' | '30d';
}

export type ViewWindow = 'all' | '24h' | '7d' | '30d';
export type InputFormat = 'auto' | 'bundle' | 'jsonfeed' | 'wordpress' | 'rss' | 'atom';

export interface LoadOptions {
  now?: DateInput;
  baseUrl?: string;
  /** Minutes east of UTC, in [-1440, 1440]. */
  utcOffset?: number;
  format?: InputFormat;
  views?: string | Uint8Array | ArrayBuffer | Record<string, unknown>;
}

export interface SkippedArticle {
  index: number;
  id: string;
  /** `path: message`, e.g. `articles[12].published: …` */
  reason: string;
  /** Where, in the input's own terms: `articles[12].published`, `items[3].date_published`, `item[3].pubDate`, `entry[3].published`. */
  path: string;
  /** What is wrong there: `missing`, `"hier" is not an ISO 8601 date …`. */
  message: string;
  /** The article's link as written, when it could be read; `""` otherwise. */
  url: string;
  /** The post, for finding it in a CMS: `id "105", https://e.ma/105/` (either part may be absent; `""` when neither). */
  post: string;
}

export interface LoadReport {
  articles: number;
  skipped: SkippedArticle[];
  skippedTotal: number;
  warnings: string[];
}

export interface Image {
  url: string;
  alt: string;
  width: number;
  height: number;
}

export interface ArticleItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  category: string;
  tags: string[];
  author: string;
  authors: string[];
  /** As written in the bundle. */
  published: string;
  views: number | null;
  /** `false` for an article for subscribers only (schema.org `isAccessibleForFree`); `true` by default. */
  isAccessibleForFree: boolean;
  /** As written in the bundle; the article leaves every list once `now` reaches it. */
  expires: string | null;
  image: Image | null;
}

export interface RelatedReasons {
  names: string[];
  words: string[];
  tags: string[];
  authors: string[];
  sameCategory: boolean;
}

export interface RelatedItem extends ArticleItem {
  /** The computed relevance; 0 for fallback items, and for an editor's pick the ranking did not reach. */
  score: number;
  source: 'score' | 'category' | 'latest';
  reasons: RelatedReasons;
}

export interface RelatedWeights {
  text?: number;
  names?: number;
  tags?: number;
  category?: number;
  author?: number;
}

export interface RelatedSettingsInput {
  weights?: RelatedWeights;
  minScore?: number;
  halfLifeDays?: number;
  limit?: number;
  repeats?: boolean;
}

export interface RelatedSettings {
  weights: Required<RelatedWeights>;
  minScore: number;
  halfLifeDays: number;
  limit: number;
  repeats: boolean;
}

export interface ListOptions {
  /** Whole number, default 10, at most 1000. */
  limit?: number;
  /** Article ids; a whole number is the id of its decimal digits (WordPress: 101 is "101"). */
  exclude?: string | number | (string | number)[];
  filter?: Filter;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface Facets {
  category: FacetCount[];
  author: FacetCount[];
  tag: FacetCount[];
}

/**
 * The `layout` attribute of `<encart-sidebar>` (`data-layout` on the script tag): the lists one
 * under the other (default), or "latest" and "most read" as two tabs with "related" below.
 */
export type SidebarLayout = 'stacked' | 'tabs';

export interface SidebarRequest {
  article?: string | number;
  /** Without `article`: the page's addresses (canonical link, og:url, location), tried in order against the articles' URLs. */
  articleUrls?: string[];
  /** Ids the reader has opened (the widget's history): marked "already read", last in "related". */
  read?: (string | number)[];
  lang?: string;
  window?: ViewWindow;
  filter?: Filter;
  limits?: { latest?: number; mostRead?: number; related?: number };
  related?: RelatedSettingsInput;
}

export interface SidebarList {
  /** Escaped `<li>` items. */
  html: string;
  shown: number;
  hasMore: boolean;
}

export interface SidebarView {
  latest: SidebarList;
  mostRead: SidebarList;
  related: SidebarList;
  categoryOptions: string;
  authorOptions: string;
  status: string;
  matching: number;
  articleFound: boolean;
  /** The article on screen, given or found by address; `null` when none. */
  articleId: string | null;
  /** Which of `articleUrls` named it (its index); -1 when none did or `article` was given. */
  articleUrl: number;
  /** The windows the bundle (or pack) has view counts for, in the order of `ViewWindow`. */
  windows: ViewWindow[];
  /** The window "most read" ranks by: the request's when it has counts, else `'all'`. */
  window: ViewWindow;
}

export interface Engine {
  /** Loads a bundle or feed; replaces the previous one only on success. */
  load(input: string | Uint8Array | ArrayBuffer, options?: LoadOptions): LoadReport;
  latest(options?: ListOptions): ArticleItem[];
  mostRead(options?: ListOptions & { window?: ViewWindow }): ArticleItem[];
  related(id: string | number, options?: ListOptions & { settings?: RelatedSettingsInput }): RelatedItem[];
  relatedSettings(): RelatedSettings;
  facets(filter?: Filter): Facets;
  sidebar(request?: SidebarRequest): SidebarView;
  dispose(): void;
}

/** A pack's sidebar: an Engine's, plus whether files were still on their way or missing. */
export interface PackSidebarView extends SidebarView {
  /** Shown while the files of a full answer are fetched: the newest matches only. */
  partial: boolean;
  /** Some file of the pack could not be fetched or read: the answer is what the rest allows. */
  degraded: boolean;
}

export interface PackSidebarOptions {
  /** The reader's "now" (epoch ms); default: now. */
  now?: number;
  /** Minutes east of UTC; default: the platform's. */
  utcOffset?: number;
  /** Receives what shows at once while the archive's parts are fetched. */
  onPartial?: (view: PackSidebarView) => void;
}

/** A pack (encart pack) being read: only the files a question needs are fetched. */
export interface Pack {
  sidebar(request?: SidebarRequest, options?: PackSidebarOptions): Promise<PackSidebarView>;
  dispose(): void;
}

export interface OpenPackOptions {
  /** How to get a file's bytes (default: fetch; in Node, file: URLs are read from disk). */
  fetchBytes?: (url: string) => Promise<Uint8Array>;
  /** Where failures of single files are reported (default: console.warn). */
  warn?: (message: string) => void;
}

export const version: string;
export function createEngine(options?: CreateEngineOptions): Promise<Engine>;
/** Opens the pack whose manifest.json is at `url`: reads the manifest and the head. */
export function openPack(url: string, options?: OpenPackOptions): Promise<{ pack: Pack; articles: number; skipped: number }>;
/**
 * HTML the engine just returned (a list's `html`, `categoryOptions`, `authorOptions`) as
 * TrustedHTML from the "encart" policy, for pages that enforce Trusted Types; usable once. Any
 * other string comes back as it is, which such a page refuses (docs/api.md, Trusted Types).
 */
export function trustedHtml(html: string): unknown;

declare const Encart: {
  readonly version: string;
  createEngine: typeof createEngine;
  EncartError: typeof EncartError;
  openPack: typeof openPack;
  trustedHtml: typeof trustedHtml;
};
export default Encart;

declare global {
  /** The global that dist/encart.js defines in a page. */
  // eslint-disable-next-line no-var
  var Encart:
    | {
        readonly version: string;
        createEngine: typeof createEngine;
        EncartError: typeof EncartError;
        /** Mounts <script data-bundle> embeds not mounted yet. */
        mountScripts(): void;
      }
    | undefined;
}
