// <encart-sidebar bundle="/articles.json" article="ID" lang="fr" limit="5">: fetches the bundle,
// asks the engine for escaped HTML and puts it into a shadow root. No ranking, no HTML building
// here: everything shown comes from the C++ core. Registration lives in embed.js.

import { trustedHtml } from '../web/trusted-html.js';
import { acquireBundle, interfaceText, releaseBundle } from './bundle-source.js';
import { pageAddresses, reportFound } from './page-address.js';
import { clearHistory, readHistory, recordRead } from './reading-history.js';
import { layoutAttribute, numberAttribute, relatedAttributes, windowAttribute } from './element-attributes.js';
import { NO_FILTERS, readFragmentState, writeFragmentState } from './fragment-state.js';
import { styleShadowRoot } from './shadow-styles.js';
import { showPeriods, showTabs, tabKeyTarget } from './list-controls.js';
import { CODES, RELATED_ATTRIBUTES } from '../web/vocabulary.js';

const DEFAULT_LIMIT = 5;
const STATUS_DELAY_MS = 400; // announce result counts once typing pauses, not on every key

// When the WebAssembly itself cannot load, the core cannot provide the text: the one sentence
// the widget then needs, per interface language.
const WASM_FAILED_TEXT = {
  fr: 'Les articles n’ont pas pu être chargés.',
  en: 'The articles could not be loaded.',
  ar: 'تعذر تحميل المقالات.',
};

// Node has no HTMLElement: the class is still defined (and never registered) there.
/** @type {typeof HTMLElement} */
const BaseElement = typeof HTMLElement === 'function' ? HTMLElement : /** @type {any} */ (class {});

export class EncartSidebarElement extends BaseElement {
  static get observedAttributes() {
    return [
      'bundle', 'format', 'views', 'article', 'lang', 'limit', 'sync-url', 'history', 'layout', 'most-read-window',
      ...RELATED_ATTRIBUTES,
    ];
  }

  #root = null;
  #engine = null;
  #bundleUrl = null; // the source ({url, format, views}) this element holds a reference to
  #generation = 0; // ignores loads that finish after the attributes changed
  // tab and window: '' is the default (the first tab; most-read-window or "all").
  #state = { ...NO_FILTERS, tab: '', window: '' };
  #limits = null;
  #messages = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #statusTimer = undefined;
  #warnedArticle = null;
  #report = null; // the bundle's load report: why an article on screen was skipped
  #warned = new Set(); // attribute values already reported as wrong: once each, not per keystroke
  #renderTicket = 0;
  /** @type {string[] | null} the reading history's ids (history attribute), null without one */
  #history = null;
  #recorded = null; // the article on screen, once recorded in the history
  #addresses = null; // pageAddresses() of the last render without `article`
  #reportedAddress = null; // what the console was last told about the article found by address

  connectedCallback() {
    if (!this.#root) this.#attach();
    if (this.hasAttribute('sync-url')) {
      Object.assign(this.#state, readFragmentState(this.#fragmentKey()));
      window.addEventListener('hashchange', this.#onHashChange);
    }
    if (!this.#bundleUrl) this.#build();
  }

  #onHashChange = () => {
    // A link with other filters opened in the same page: take the state from the URL.
    const state = readFragmentState(this.#fragmentKey());
    if (!state || !this.#engine) return; // before the lists exist, #build reads #state anyway
    Object.assign(this.#state, NO_FILTERS, { tab: '', window: '' }, state);
    this.#syncControls();
    this.#resetLimits();
    this.#render({ announce: true, fromUrl: true });
  };

  #fragmentKey() {
    const value = this.getAttribute('sync-url');
    return value && value !== 'true' ? `encart-${value}` : 'encart';
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.#onHashChange);
    // Moving the element (disconnect then connect in one task) must not drop the engine.
    queueMicrotask(() => {
      if (!this.isConnected) this.#release();
    });
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#root || oldValue === newValue) return;
    if (name === 'bundle' || name === 'format' || name === 'views' || name === 'lang' || name === 'layout') this.#build();
    else if (name === 'history') {
      this.#startHistory();
      this.#render();
    } else {
      if (name === 'most-read-window') this.#state.window = '';
      this.#resetLimits();
      this.#render();
    }
  }

  #attach() {
    // `encart render` pre-renders the sidebar as a declarative shadow root (<template
    // shadowrootmode>): it is already on screen, styled; the widget adopts it (see #mountShell).
    if (this.shadowRoot && this.shadowRoot.querySelector('.encart[data-prerendered]')) {
      this.#root = this.shadowRoot;
      return;
    }
    this.#root = this.attachShadow({ mode: 'open' });
    styleShadowRoot(this.#root);
    // The publisher's fallback markup (children of the element) shows until the lists do.
    this.#root.append(document.createElement('slot'));
  }

  #lang() {
    return this.getAttribute('lang') || document.documentElement.lang || 'fr';
  }

  #release() {
    // Loads and renders still in flight belong to what is released: they must not land.
    this.#generation += 1;
    this.#renderTicket += 1;
    delete this.dataset.pending;
    if (this.#bundleUrl) releaseBundle(this.#bundleUrl);
    this.#bundleUrl = null;
    this.#engine = null;
  }

  async #build() {
    this.#release(); // also invalidates whatever the previous build still has in flight
    const generation = ++this.#generation;
    this.#resetLimits();
    delete this.dataset.state;
    const lang = this.#lang();
    const bundle = this.getAttribute('bundle');
    let ui;
    try {
      ui = await interfaceText(lang, bundle ? new URL(bundle, document.baseURI).href : '', this.#layout());
    } catch (error) {
      if (generation !== this.#generation) return;
      const text = WASM_FAILED_TEXT[lang.slice(0, 2).toLowerCase()] || WASM_FAILED_TEXT.fr;
      this.#fail(error.message, text);
      return;
    }
    if (generation !== this.#generation) return;
    this.#messages = ui.messages;
    this.#mountShell(ui.shell);
    if (!bundle) {
      this.#fail('no bundle: set the "bundle" attribute (or data-bundle on the script tag)');
      return;
    }
    const url = new URL(bundle, document.baseURI).href;
    const views = this.getAttribute('views');
    const source = {
      url,
      format: this.getAttribute('format') || 'auto',
      views: views ? new URL(views, document.baseURI).href : '',
    };
    this.#bundleUrl = source;
    try {
      const { engine, report } = await acquireBundle(source);
      if (generation !== this.#generation) return;
      this.#engine = engine;
      this.#report = report;
      if (report.articles === 0) {
        this.#showMessage(this.#messages.noArticles);
        return;
      }
      this.#part('filters').hidden = false;
      // A pre-rendered shell's controls were disabled until now, when they work.
      for (const control of this.#root.querySelectorAll('[data-inert]')) {
        control.removeAttribute('data-inert');
        control.disabled = false;
      }
      this.#root.querySelector('slot')?.remove(); // the lists replace the fallback markup
      this.dataset.state = 'ready';
      this.#render();
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#bundleUrl = null; // a failed load holds no reference
      // A failed fetch names its URL already ("…/articles.json: HTTP 404"): once is enough.
      const message = error.message.startsWith(`${url}: `) ? error.message : `${url}: ${error.message}`;
      this.#fail(`could not load ${message}`);
    }
  }

  #mountShell(html) {
    // A pre-rendered shell in the same language is kept as it is: the lists the reader already
    // sees stay in place until the engine's (identical) ones replace them, without a shift.
    const prerendered = this.#root.querySelector('.encart[data-prerendered]');
    const sameLayout = prerendered && (prerendered.dataset.layout || '') === this.#layout();
    if (prerendered && sameLayout && prerendered.getAttribute('lang') === this.#messages?.lang) {
      prerendered.removeAttribute('data-prerendered');
    } else {
      for (const old of this.#root.querySelectorAll('.encart')) old.remove();
      // Parsed inside the shadow root's own document fragment: fixed markup and interface text.
      const template = document.createElement('template');
      template.innerHTML = trustedHtml(html);
      this.#root.prepend(template.content);
    }
    const q = this.#part('q');
    q.addEventListener('input', () => {
      this.#state.q = q.value;
      this.#resetLimits();
      this.#render({ announce: true });
    });
    for (const facet of ['category', 'author', 'date']) {
      this.#part(facet).addEventListener('change', (event) => {
        this.#state[facet] = event.target.value;
        this.#resetLimits();
        this.#render({ announce: true });
      });
    }
    this.#part('filters').addEventListener('submit', (event) => event.preventDefault());
    this.#part('clear-history')?.addEventListener('click', () => this.#clearHistory());
    this.#startHistory();
    this.#part('reset').addEventListener('click', () => {
      Object.assign(this.#state, NO_FILTERS);
      this.#syncControls();
      this.#resetLimits();
      this.#render({ announce: true });
      this.#part('q').focus();
    });
    for (const button of this.#root.querySelectorAll('[data-window]')) {
      button.addEventListener('click', () => this.#chooseWindow(button.dataset.window));
    }
    for (const tab of this.#root.querySelectorAll('[role="tab"]')) {
      tab.addEventListener('click', () => this.#selectTab(tab.dataset.tab));
      tab.addEventListener('keydown', (event) => this.#onTabKey(event));
    }
    this.#syncControls();
    for (const section of this.#root.querySelectorAll('[data-list]')) {
      section.querySelector('[data-part="more"]').addEventListener('click', () => this.#showMore(section));
    }
  }

  // "tabs" or '' (stacked, the default); another value is reported once and ignored.
  #layout() {
    return layoutAttribute(this, this.#warnOnce);
  }

  // The period "most read" ranks by: the reader's choice, else the page's most-read-window, else
  // all. The core falls back to all for a window the bundle has no counts for (view.window).
  #window() {
    return this.#state.window || windowAttribute(this, this.#warnOnce);
  }

  #warnOnce = (key, ...message) => {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    console.warn(...message);
  };

  #chooseWindow(window) {
    // The page's default is kept out of the URL, like every other default.
    this.#state.window = window === windowAttribute(this, this.#warnOnce) ? '' : window;
    this.#limits.mostRead = this.#step();
    this.#render();
  }

  // The tab shown: the reader's choice unless that tab is hidden (no view counts at all).
  #selectedTab() {
    const tab = this.#state.tab || 'latest';
    const button = this.#root.querySelector(`[role="tab"][data-tab="${tab}"]`);
    return button && !button.hidden ? tab : 'latest';
  }

  #selectTab(tab, { focus = false } = {}) {
    this.#state.tab = tab === 'latest' ? '' : tab;
    this.#showTabs();
    if (focus) this.#root.querySelector(`[role="tab"][data-tab="${tab}"]`).focus();
    if (this.hasAttribute('sync-url')) writeFragmentState(this.#fragmentKey(), this.#state);
  }

  // WAI-ARIA tabs with automatic activation (tabs.js).
  #onTabKey(event) {
    const tabs = [...this.#root.querySelectorAll('[role="tab"]')].filter((t) => !t.hidden);
    const rtl = this.#root.querySelector('.encart').getAttribute('dir') === 'rtl';
    const next = tabKeyTarget(event.key, tabs.indexOf(event.currentTarget), tabs.length, rtl);
    if (next < 0) return;
    event.preventDefault();
    this.#selectTab(tabs[next].dataset.tab, { focus: true });
  }

  // Selection, roving tabindex and panels follow #state.tab.
  #showTabs() {
    showTabs(this.#root, this.#selectedTab());
  }

  // "Voir plus": the new items appear below; focus moves to the first of them, so keyboard and
  // screen-reader users continue where the new content starts (and never land on <body> when
  // the button disappears).
  async #showMore(section) {
    const list = section.dataset.list;
    const before = section.querySelectorAll('.item').length;
    // Related starts at the bundle's own limit unless the page set one: continue from what shows.
    this.#limits[list] = (this.#limits[list] === undefined ? before : this.#limits[list]) + this.#step();
    await this.#render();
    const firstNew = section.querySelectorAll('.item')[before];
    if (firstNew) firstNew.querySelector('a').focus();
  }

  // Puts the state into the controls (after a reset, or when it comes from the URL).
  #syncControls() {
    this.#part('q').value = this.#state.q;
    this.#part('date').value = this.#state.date;
    if (this.#part('tabbox')) this.#showTabs();
  }

  #part(name) {
    return this.#root.querySelector(`[data-part="${name}"]`);
  }

  #step() {
    const limit = Number.parseInt(this.getAttribute('limit'), 10);
    return Number.isInteger(limit) && limit > 0 ? Math.min(limit, 50) : DEFAULT_LIMIT;
  }

  #resetLimits() {
    const step = this.#step();
    const relatedLimit = numberAttribute(this, 'related-limit');
    // Without related-limit or limit, the bundle's related.limit applies (undefined here).
    const related =
      relatedLimit !== undefined ? Math.max(0, Math.min(Math.floor(relatedLimit), 50)) : this.hasAttribute('limit') ? step : undefined;
    this.#limits = { latest: step, mostRead: step, related };
  }

  // Asks the engine (possibly in a worker) for the view and applies it, unless a newer render
  // started meanwhile. data-pending is set while a render is in flight.
  async #render({ announce = false, fromUrl = false } = {}) {
    if (!this.#engine) return;
    const ticket = ++this.#renderTicket;
    this.dataset.pending = '';
    const article = this.getAttribute('article') || '';
    this.#addresses = article ? null : pageAddresses(document);
    // A pack answers at once with what it has (the newest matches), then completes as its files
    // arrive: each partial view shows unless a newer render started meanwhile.
    const onPartial = (partial) => {
      if (ticket === this.#renderTicket) this.#apply(partial, { announce, fromUrl: true, article });
    };
    let view;
    try {
      view = await this.#engine.sidebar(
        {
          article,
          articleUrls: this.#addresses ? this.#addresses.map((a) => a.url) : [],
          read: this.#history || [],
          lang: this.#lang(),
          window: this.#window(),
          filter: { q: this.#state.q, category: this.#state.category, author: this.#state.author, date: this.#state.date },
          limits: this.#limits,
          related: relatedAttributes(this),
        },
        onPartial,
      );
    } catch (error) {
      if (ticket !== this.#renderTicket) return;
      delete this.dataset.pending;
      if (error.code === CODES.worker_failed) {
        console.warn('[encart] the worker stopped; loading again on the main thread');
        this.#build();
      } else if (error.code === CODES.bad_filter) {
        console.error('[encart] %s; filters cleared', error.message);
        Object.assign(this.#state, NO_FILTERS);
        this.#syncControls();
        this.#render();
      } else {
        console.error('[encart] %s', error.message);
      }
      return;
    }
    if (ticket !== this.#renderTicket) return;
    delete this.dataset.pending;
    this.#apply(view, { announce, fromUrl, article });
  }

  // Why the article on screen is not in the bundle, when the load report knows: it was skipped.
  #whyMissing(article) {
    const skipped = this.#report?.skipped || [];
    const skip = skipped.find((s) => s.id === article);
    if (skip) return `: it was skipped (${skip.reason})`;
    const unlisted = (this.#report?.skippedTotal || 0) - skipped.length;
    return unlisted > 0 ? ` (nor among the skipped articles listed; ${unlisted} more were skipped)` : '';
  }

  // Puts a view on screen. A partial one (a pack still fetching) keeps the menus as they were
  // and says the search is still running; a degraded one says part of the archive is missing.
  #apply(view, { announce, fromUrl, article }) {
    if (!view.partial && article && !view.articleFound && this.#warnedArticle !== article) {
      this.#warnedArticle = article;
      console.warn('[encart] article "%s" is not in the bundle%s', article, this.#whyMissing(article));
    }
    if (!view.partial) this.#afterArticleFound(view, article);
    const periods = showPeriods(this.#part('windows'), view);
    let shown = 0;
    for (const section of this.#root.querySelectorAll('[data-list]')) {
      const list = view[section.dataset.list];
      section.querySelector('[data-part="items"]').innerHTML = trustedHtml(list.html); // escaped by the core
      section.querySelector('[data-part="more"]').hidden = !list.hasMore;
      shown += list.shown;
      if (section.getAttribute('role') === 'tabpanel') continue; // shown by its tab
      // An empty list hides, except "latest" under a filter (it holds the "no match" line) and
      // "most read" with its period control, so that the reader can pick another period.
      const keep = section.dataset.list === 'latest' ? this.#filtering() : section.dataset.list === 'mostRead' && periods && !this.#filtering();
      section.hidden = list.shown === 0 && !keep;
    }
    this.#showTabBox(view);
    if (view.categoryOptions) this.#part('category').innerHTML = trustedHtml(view.categoryOptions);
    if (view.authorOptions) this.#part('author').innerHTML = trustedHtml(view.authorOptions);
    if (view.partial) this.dataset.searching = '';
    else delete this.dataset.searching;
    // Nothing to show without any filter (e.g. every article is scheduled after "now"): say so.
    const empty = shown === 0 && !this.#filtering() && !view.partial;
    if (view.degraded) this.#showMessage(this.#messages.archiveUnavailable);
    else if (empty) this.#showMessage(this.#messages.noArticles);
    else this.#part('message').hidden = true;
    // A filter that leaves nothing: say so, with a way back.
    this.#part('empty').hidden = !(this.#filtering() && view.matching === 0 && !view.partial);
    if (announce) this.#announce(this.#filtering() ? view.status : '');
    if (!fromUrl && this.hasAttribute('sync-url')) writeFragmentState(this.#fragmentKey(), this.#state);
  }

  // The article on screen, found by address: the console says by which one (once per change).
  // Then, with a history, it is recorded: the reader opened it.
  #afterArticleFound(view, article) {
    if (!article && this.#addresses) this.#reportedAddress = reportFound(this.#addresses, view, this.#reportedAddress);
    if (this.#history && view.articleId && this.#recorded !== view.articleId) {
      this.#recorded = view.articleId;
      this.#history = recordRead(view.articleId) || this.#history;
    }
  }

  // The history attribute: read what this browser keeps; storage that is missing or refuses
  // means no history (and no control), never an error.
  #startHistory() {
    this.#history = this.hasAttribute('history') && this.getAttribute('history') !== 'false' ? readHistory() : null;
    const clear = this.#part('clear-history');
    if (clear) clear.hidden = this.#history === null;
  }

  #clearHistory() {
    clearHistory();
    this.#history = this.#history === null ? null : [];
    this.#render();
    this.#announce(this.#messages.historyCleared);
  }

  // Tabs layout: the box shows once there are lists; "most read" is a tab only with view counts.
  #showTabBox(view) {
    const box = this.#part('tabbox');
    if (!box) return;
    box.hidden = false;
    const mostRead = this.#root.querySelector('[role="tab"][data-tab="mostRead"]');
    if (Array.isArray(view.windows)) mostRead.hidden = view.windows.length === 0;
    this.#showTabs();
  }

  #filtering() {
    return Boolean(this.#state.q.trim() || this.#state.category || this.#state.author || this.#state.date);
  }

  #announce(text) {
    clearTimeout(this.#statusTimer);
    this.#statusTimer = setTimeout(() => {
      const status = this.#part('status');
      if (status) status.textContent = text;
    }, STATUS_DELAY_MS);
  }

  #showMessage(text) {
    const message = this.#part('message');
    message.textContent = text;
    message.hidden = false;
  }

  // Logs what went wrong and where, shows a short message, keeps the fallback markup.
  #fail(reason, text) {
    console.error('[encart] %s', reason);
    this.dataset.state = 'error';
    const message = this.#root.querySelector('[data-part="message"]');
    if (message) {
      this.#showMessage(text || this.#messages.loadFailed);
      return;
    }
    for (const old of this.#root.querySelectorAll(':scope > p.message')) old.remove();
    const p = document.createElement('p');
    p.className = 'message';
    p.setAttribute('role', 'status');
    p.textContent = text;
    this.#root.prepend(p);
  }
}
