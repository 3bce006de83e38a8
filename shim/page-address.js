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
