// RSS 2.0 and Atom, read with the browser's XML parser (DOMParser) and handed to the engine as a
// JSON Feed (docs/connect.md). Nothing in the feed runs: DOMParser documents execute no script
// and load nothing, and every value leaves here as plain text or as HTML the engine strips.

import { EncartError } from './errors.js';
import { trustedHtml } from './trusted-html.js';

const DC_NS = 'http://purl.org/dc/elements/1.1/';
const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const MEDIA_NS = 'http://search.yahoo.com/mrss/';

export function looksLikeXml(bytes) {
  for (let i = 0; i < Math.min(bytes.length, 512); i++) {
    const c = bytes[i];
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xef || c === 0xbb || c === 0xbf) continue;
    return c === 0x3c; // "<"
  }
  return false;
}

// Text of an HTML fragment, as the engine's own HTML reader gives it: a space where a tag was,
// runs of ASCII white space as one space (U+00A0 stays), a trailing " […]" as "…".
const BLOCK_ELEMENTS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL'.split(' '),
);

function htmlText(html) {
  // An inert document (DOMParser runs no script, loads nothing); trustedHtml
  // because parseFromString is a Trusted Types sink on pages that enforce them.
  const body = new DOMParser().parseFromString(trustedHtml(`<body>${html}</body>`), 'text/html').body;
  let text = '';
  // Block elements separate words ("<p>a</p><p>b</p>" reads "a b"); inline ones do not.
  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue;
      else if (child.nodeType === 1 && child.nodeName !== 'SCRIPT' && child.nodeName !== 'STYLE') {
        const block = BLOCK_ELEMENTS.has(child.nodeName);
        if (block) text += ' ';
        walk(child);
        if (block) text += ' ';
      }
    }
  };
  walk(body);
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

function excerptText(html) {
  return htmlText(html).replace(/ ?\[(…|\.\.\.)\]$/, '…').replace(/……$/, '…');
}

function childText(element, name, ns) {
  const found = ns ? element.getElementsByTagNameNS(ns, name)[0] : [...element.children].find((c) => c.localName === name);
  return found ? found.textContent.trim() : undefined;
}

function children(element, name) {
  return [...element.children].filter((c) => c.localName === name);
}

// RFC 822 dates ("Mon, 09 Dec 2024 10:15:00 +0100") through the platform's Date; a date it
// cannot read is passed on as written, for the engine to report with its item.
function isoDate(text) {
  if (!text) return undefined;
  // ISO dates are passed on as written: Date.parse would read one without an offset in the
  // reader's own time zone. The engine reads them (and refuses those without an offset).
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return text;
  const t = Date.parse(text);
  return Number.isNaN(t) ? text : new Date(t).toISOString();
}

// The first category is the section, the others are tags: what WordPress and most CMS emit.
function splitCategories(item, names) {
  if (names.length > 0) item._encart = { category: names[0] };
  if (names.length > 1) item.tags = names.slice(1);
}

function rssItem(element) {
  const item = {};
  const guid = childText(element, 'guid');
  const link = childText(element, 'link');
  item.id = guid || link;
  if (link) item.url = link;
  const title = childText(element, 'title');
  if (title !== undefined) item.title = title;
  item.date_published = isoDate(childText(element, 'pubDate') || childText(element, 'date', DC_NS));
  const description = childText(element, 'description');
  if (description) item.summary = excerptText(description);
  const content = element.getElementsByTagNameNS(CONTENT_NS, 'encoded')[0];
  if (content) item.content_html = content.textContent;
  const creators = [...element.getElementsByTagNameNS(DC_NS, 'creator')].map((c) => c.textContent.trim()).filter(Boolean);
  if (creators.length) item.authors = creators.map((name) => ({ name }));
  splitCategories(item, children(element, 'category').map((c) => c.textContent.trim()).filter(Boolean));
  const media = [...element.getElementsByTagNameNS(MEDIA_NS, 'content'), ...element.getElementsByTagNameNS(MEDIA_NS, 'thumbnail')].find(
    (m) => m.getAttribute('url') && (m.getAttribute('medium') || 'image') === 'image',
  );
  const enclosure = children(element, 'enclosure').find((e) => (e.getAttribute('type') || '').startsWith('image/'));
  const image = (media && media.getAttribute('url')) || (enclosure && enclosure.getAttribute('url'));
  if (image) item.image = image;
  return item;
}

function atomText(element) {
  if (!element) return undefined;
  const type = element.getAttribute('type') || 'text';
  if (type === 'xhtml') return htmlText(element.innerHTML);
  if (type === 'html') return htmlText(element.textContent);
  return element.textContent.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

function atomEntry(element) {
  const item = {};
  item.id = childText(element, 'id');
  const links = children(element, 'link');
  const alternate = links.find((l) => (l.getAttribute('rel') || 'alternate') === 'alternate');
  if (alternate) item.url = alternate.getAttribute('href');
  const title = atomText(children(element, 'title')[0]);
  if (title !== undefined) item.title = title;
  item.date_published = childText(element, 'published') || childText(element, 'updated');
  const updated = childText(element, 'updated');
  if (updated) item.date_modified = updated;
  const summary = atomText(children(element, 'summary')[0]);
  if (summary) item.summary = summary;
  const content = children(element, 'content')[0];
  if (content) {
    const type = content.getAttribute('type') || 'text';
    if (type === 'xhtml') item.content_html = content.innerHTML;
    else if (type === 'html') item.content_html = content.textContent;
    else item.content_text = content.textContent;
  }
  const authors = children(element, 'author').map((a) => childText(a, 'name')).filter(Boolean);
  if (authors.length) item.authors = authors.map((name) => ({ name }));
  splitCategories(item, children(element, 'category').map((c) => c.getAttribute('term')).filter(Boolean));
  return item;
}

// XML bytes as text, in the encoding the document declares (a BOM, or <?xml encoding="...">):
// older French feeds are often ISO-8859-1 or windows-1252.
export function decodeXml(bytes) {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  let label = 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (declared) label = declared[1];
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder().decode(bytes); // an encoding the browser does not know
  }
}

export function xmlToJsonFeed(text) {
  if (typeof DOMParser !== 'function') {
    throw new EncartError(
      'unsupported_format',
      'RSS and Atom are read with the browser’s DOMParser, which this environment lacks: convert the feed with `encart convert FEED -o bundle.json`',
    );
  }
  const doc = new DOMParser().parseFromString(trustedHtml(text), 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) {
    const message = error.textContent.replace(/\s+/g, ' ').trim();
    const where = /line (\d+) at column (\d+)/.exec(message);
    throw new EncartError(
      'bad_xml',
      `not well-formed XML${where ? ` at line ${where[1]}, column ${where[2]}` : ''}: ${message.slice(0, 200)}`,
      where ? { line: Number(where[1]), column: Number(where[2]) } : {},
    );
  }
  const root = doc.documentElement;
  const feed = { version: 'https://jsonfeed.org/version/1.1', items: [] };
  if (root.localName === 'rss') {
    const channel = children(root, 'channel')[0];
    if (!channel) throw new EncartError('bad_bundle', 'RSS: no <channel> element');
    feed.title = childText(channel, 'title');
    feed.home_page_url = childText(channel, 'link');
    feed.language = childText(channel, 'language');
    feed.items = children(channel, 'item').map(rssItem);
  } else if (root.localName === 'feed') {
    feed.title = atomText(children(root, 'title')[0]);
    const home = children(root, 'link').find((l) => (l.getAttribute('rel') || 'alternate') === 'alternate');
    if (home) feed.home_page_url = home.getAttribute('href');
    feed.language = root.getAttribute('xml:lang') || undefined;
    feed.items = children(root, 'entry').map(atomEntry);
  } else {
    throw new EncartError('bad_bundle', `an XML document whose root is <${root.localName}>: neither RSS (<rss>) nor Atom (<feed>)`);
  }
  return feed;
}
