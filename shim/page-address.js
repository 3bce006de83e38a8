// Where the article on screen is named when the page gives no `article`: its canonical link,
// then its og:url, then its own address without query and fragment. The core matches each, in
// this order, against the articles' URLs (scheme, host case, default port and trailing slash
// ignored) and says which one named it.

/**
 * @param {Document} doc
 * @returns {{source: string, url: string}[]}
 */
export function pageAddresses(doc) {
  const out = [];
  const add = (/** @type {string} */ source, /** @type {string | null | undefined} */ value) => {
    if (!value) return;
    try {
      out.push({ source, url: new URL(value, doc.baseURI).href });
    } catch {
      // not a URL: nothing to match
    }
  };
  add('<link rel="canonical">', doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'));
  add('<meta property="og:url">', doc.querySelector('meta[property="og:url" i][content]')?.getAttribute('content'));
  const here = new URL(doc.location ? doc.location.href : doc.baseURI);
  here.search = '';
  here.hash = '';
  add('address', here.href);
  return out;
}

/**
 * Tells the console which address named the article on screen (`view.articleUrl` indexes
 * `addresses`), or that none did, when that differs from the `previous` report: once per change.
 * @param {any} addresses pageAddresses() of the render
 * @param {{articleId?: string, articleUrl?: number | string}} view
 * @param {string | null} previous
 * @returns {string} this report, for the next call
 */
export function reportFound(addresses, view, previous) {
  const by = addresses[/** @type {any} */ (view.articleUrl)];
  const report = by ? `${view.articleId} ${by.url}` : '';
  if (report === previous) return report;
  if (by) console.info('[encart] article on screen: "%s", found by the page\'s %s (%s)', view.articleId, by.source, by.url);
  else {
    const tried = addresses.map((/** @type {{source: string, url: string}} */ a) => `${a.source} ${a.url}`).join(', ');
    console.warn('[encart] no article of the bundle has this page\'s address (tried %s); set data-article', tried);
  }
  return report;
}
