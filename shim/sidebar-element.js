// <encart-sidebar bundle="/articles.json" article="ID" lang="fr" limit="5">: fetches the bundle,
// asks the engine for escaped HTML and puts it into a shadow root. No ranking, no HTML building
// here: everything shown comes from the C++ core. Registration lives in embed.js.

const DEFAULT_LIMIT = 5;
const STATUS_DELAY_MS = 400; // announce result counts once typing pauses, not on every key

// One load per bundle URL per page, shared by every widget that shows it.
const bundleCache = new Map();

function loadBundle(url) {
  if (!bundleCache.has(url)) {
    const pending = (async () => {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new EncartError('fetch_failed', `${url}: HTTP ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const engine = await createEngine();
      const report = engine.load(bytes, { now: Date.now(), baseUrl: response.url || url });
      if (report.skippedTotal > 0) {
        const first = report.skipped[0];
        console.warn(`[encart] ${url}: ${report.skippedTotal} article(s) skipped; first: ${first ? first.reason : ''}`);
      }
      return { engine, report };
    })();
    pending.catch(() => bundleCache.delete(url)); // let a later widget try again
    bundleCache.set(url, pending);
  }
  return bundleCache.get(url);
}

let sheet = null;
function styleSheet() {
  if (!sheet && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(ENCART_CSS);
  }
  return sheet;
}

const BaseElement = typeof HTMLElement === 'function' ? HTMLElement : class {};

class EncartSidebarElement extends BaseElement {
  static get observedAttributes() {
    return ['bundle', 'article', 'lang', 'limit'];
  }

  #root = null;
  #engine = null;
  #generation = 0; // ignores loads that finish after the attributes changed
  #state = { q: '', category: '', author: '' };
  #limits = null;
  #statusTimer = 0;

  connectedCallback() {
    if (!this.#root) this.#build();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#root || oldValue === newValue) return;
    if (name === 'bundle' || name === 'lang') this.#build();
    else {
      this.#resetLimits();
      this.#render();
    }
  }

  async #build() {
    const generation = ++this.#generation;
    if (!this.#root) {
      this.#root = this.attachShadow({ mode: 'open' });
      const sheet = styleSheet();
      if (sheet) this.#root.adoptedStyleSheets = [sheet];
      else {
        const style = document.createElement('style');
        style.textContent = ENCART_CSS;
        this.#root.append(style);
      }
    }
    this.#engine = null;
    this.#resetLimits();
    const lang = this.getAttribute('lang') || document.documentElement.lang || 'fr';
    const bundle = this.getAttribute('bundle');
    let ui;
    try {
      ui = await interfaceFor(lang);
    } catch (error) {
      console.error(`[encart] ${error.message}`);
      return;
    }
    if (generation !== this.#generation) return;
    this.#mountShell(ui.shell);
    this.#messages = ui.messages;
    if (!bundle) {
      this.#fail('no bundle: set the "bundle" attribute (or data-bundle on the script tag)');
      return;
    }
    const url = new URL(bundle, document.baseURI).href;
    try {
      const { engine, report } = await loadBundle(url);
      if (generation !== this.#generation) return;
      this.#engine = engine;
      if (report.articles === 0) {
        this.#showMessage(this.#messages.noArticles);
        return;
      }
      this.#part('filters').hidden = false;
      this.#render();
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#fail(`could not load ${url}: ${error.message}`);
    }
  }

  #messages = null;

  #mountShell(html) {
    const container = document.createElement('div');
    container.innerHTML = html; // from the core: fixed markup and interface text only
    for (const old of this.#root.querySelectorAll('.encart')) old.remove();
    this.#root.append(...container.childNodes);
    const q = this.#part('q');
    q.value = this.#state.q;
    q.addEventListener('input', () => {
      this.#state.q = q.value;
      this.#resetLimits();
      this.#render({ announce: true });
    });
    for (const facet of ['category', 'author']) {
      this.#part(facet).addEventListener('change', (event) => {
        this.#state[facet] = event.target.value;
        this.#resetLimits();
        this.#render({ announce: true });
      });
    }
    this.#part('filters').addEventListener('submit', (event) => event.preventDefault());
    for (const section of this.#root.querySelectorAll('[data-list]')) {
      section.querySelector('[data-part="more"]').addEventListener('click', () => {
        this.#limits[section.dataset.list] += this.#step();
        this.#render();
      });
    }
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
    this.#limits = { latest: step, mostRead: step, related: step };
  }

  #render({ announce = false } = {}) {
    if (!this.#engine) return;
    const article = this.getAttribute('article') || '';
    const filter = {
      q: this.#state.q,
      category: this.#state.category,
      author: this.#state.author,
    };
    const view = this.#engine.sidebar({
      article,
      lang: this.getAttribute('lang') || document.documentElement.lang || 'fr',
      filter,
      limits: this.#limits,
    });
    if (article && !view.articleFound) console.warn(`[encart] article "${article}" is not in the bundle`);
    for (const section of this.#root.querySelectorAll('[data-list]')) {
      const list = view[section.dataset.list];
      section.querySelector('[data-part="items"]').innerHTML = list.html; // escaped by the core
      section.querySelector('[data-part="more"]').hidden = !list.hasMore;
      section.hidden = list.shown === 0 && (section.dataset.list !== 'latest' || !this.#filtering());
    }
    this.#part('category').innerHTML = view.categoryOptions;
    this.#part('author').innerHTML = view.authorOptions;
    this.#part('message').hidden = true;
    if (announce) this.#announce(this.#filtering() ? view.status : '');
  }

  #filtering() {
    return Boolean(this.#state.q.trim() || this.#state.category || this.#state.author);
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

  #fail(reason) {
    console.error(`[encart] ${reason}`);
    this.#showMessage(this.#messages.loadFailed);
    this.dataset.state = 'error';
  }
}
