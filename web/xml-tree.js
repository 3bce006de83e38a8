// RSS and Atom in the browser: the page's XML parser (DOMParser) reads the feed into a plain
// element tree, and the engine maps that tree to articles (src/bundle/xml_feed.cpp), as it does
// the tree the command line builds with libxml2: one mapping, the same text for both. Nothing in
// the feed runs: DOMParser documents execute no script and load nothing.

import { EncartError } from './errors.js';
import { parseInert } from './trusted-html.js';
import { CODES } from './vocabulary.js';

/** Deeper documents are refused, as by the engine (src/bundle/xml_tree.h kMaxXmlDepth). */
const MAX_XML_DEPTH = 100;

/** The start of the tree's JSON form, which the engine detects (src/bundle/xml_tree.h). */
const TREE_MARK = 'encart_xml_tree';

/** @param {Uint8Array} bytes */
export function looksLikeXml(bytes) {
  for (let i = 0; i < Math.min(bytes.length, 512); i++) {
    const c = bytes[i];
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xef || c === 0xbb || c === 0xbf) continue;
    return c === 0x3c; // "<"
  }
  return false;
}

/**
 * XML bytes as text, in the encoding the document declares (a BOM, or <?xml encoding="...">):
 * older French feeds are often ISO-8859-1 or windows-1252.
 * @param {Uint8Array} bytes
 */
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

// A DTD that declares entities is refused before parsing, so that no expansion (the "billion
// laughs") happens: feeds have no need of them, and the command line refuses them too.
function declaresEntities(text) {
  const doctype = text.indexOf('<!DOCTYPE');
  if (doctype < 0) return false;
  const root = text.slice(doctype + 9).search(/<[A-Za-z_]/); // the root element's start tag
  return text.slice(doctype, root < 0 ? text.length : doctype + 9 + root).includes('<!ENTITY');
}

// [name, namespace, {attribute: value}, text, [children], tail]: character data (text, CDATA)
// goes to the element's text until its first child element, then to that child's tail.
function element(node, depth) {
  if (depth > MAX_XML_DEPTH) {
    throw new EncartError(CODES.bad_xml, `elements nest deeper than ${MAX_XML_DEPTH} levels: this is not a feed`);
  }
  /** @type {Record<string, string>} */
  const attributes = {};
  for (const a of node.attributes) {
    // Namespace declarations are not attributes in libxml2's tree either.
    if (a.name !== 'xmlns' && !a.name.startsWith('xmlns:')) attributes[a.name] = a.value;
  }
  let text = '';
  const children = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 || child.nodeType === 4) {
      if (children.length > 0) children[children.length - 1][5] += child.nodeValue;
      else text += child.nodeValue;
    } else if (child.nodeType === 1) {
      children.push(element(child, depth + 1));
    }
  }
  return [node.localName, node.namespaceURI || '', attributes, text, children, ''];
}

/**
 * The feed's element tree in the JSON form the engine reads (format "auto" detects it).
 * @param {string} text
 * @returns {string}
 */
export function xmlTreeJson(text) {
  if (typeof DOMParser !== 'function') {
    throw new EncartError(
      CODES.unsupported_format,
      'RSS and Atom are read with the browser’s DOMParser, which this environment lacks: convert the feed with `encart convert FEED -o bundle.json`',
    );
  }
  if (declaresEntities(text)) {
    throw new EncartError(CODES.bad_xml, 'the XML declares entities (<!ENTITY> in its DTD): a feed has no need of them');
  }
  const doc = parseInert(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) {
    const message = error.textContent.replace(/\s+/g, ' ').trim();
    const where = /line (\d+) at column (\d+)/.exec(message);
    throw new EncartError(
      CODES.bad_xml,
      `not well-formed XML${where ? ` at line ${where[1]}, column ${where[2]}` : ''}: ${message.slice(0, 200)}`,
      where ? { line: Number(where[1]), column: Number(where[2]) } : {},
    );
  }
  return JSON.stringify({ [TREE_MARK]: 1, root: element(doc.documentElement, 0) });
}
