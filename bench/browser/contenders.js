// The two JavaScript contenders encart is measured against, doing the widget's work per keystroke:
// text filter -> matching articles -> 10 newest + 10 most read (all-time views) + category and
// author counts. Both parse the same bundle bytes themselves at load (encart's load parses too).
// Both search title, summary, tags, authors and category: the fields encart's `q` searches
// (docs/api.md), so that match counts and work are comparable.
import MiniSearch from '/vendor/minisearch.js';

// Case and accent folding as a JS library user would write it: lowercase, NFD, drop combining
// marks ("Sécurité" -> "securite"; Arabic harakat are combining marks too).
const MARKS = /\p{M}+/gu;
export const fold = (text) => text.toLowerCase().normalize('NFD').replace(MARKS, '');

// MiniSearch's own default tokenizer (spaces and punctuation, so "l'économie" -> l, économie);
// the scan uses the same one so both JS contenders see the same words.
const SPLIT = /[\n\r\p{Z}\p{P}]+/u;
const words = (text) => text.split(SPLIT).filter(Boolean);
const queryTerms = (q) => words(q).map(fold).filter(Boolean);

// encart's rule: the last word is a prefix while the reader types, unless the text ends in a space.
const lastIsPrefix = (q) => !/\s$/u.test(q);

// Parsing plus what both JS contenders need to rank and count without touching objects per
// keystroke: dates as numbers, views, facet values as small integers (folded alike = one value).
function prepare(bytes) {
  const start = performance.now();
  const bundle = JSON.parse(new TextDecoder().decode(bytes));
  const parseMs = performance.now() - start;
  const docs = bundle.articles;
  const n = docs.length;
  const published = new Float64Array(n);
  const views = new Float64Array(n); // -1: no count, not ranked (as in encart)
  const category = new Int32Array(n);
  const authors = new Array(n);
  const facet = () => ({ index: new Map(), values: [] });
  const categories = facet();
  const people = facet();
  const intern = (f, value) => {
    const key = fold(value);
    let id = f.index.get(key);
    if (id === undefined) {
      id = f.values.length;
      f.index.set(key, id);
      f.values.push(value);
    }
    return id;
  };
  for (let i = 0; i < n; i++) {
    const a = docs[i];
    a.i = i;
    published[i] = Date.parse(a.published);
    views[i] = typeof a.views === 'number' ? a.views : -1;
    category[i] = a.category ? intern(categories, a.category) : -1;
    const names = [...new Set([a.author, ...(a.authors || [])].filter(Boolean))];
    a.authorList = names;
    authors[i] = Int32Array.from(names, (name) => intern(people, name));
  }
  const phases = { parseMs, prepareMs: performance.now() - start - parseMs };
  return { docs, n, published, views, category, authors, categories: categories.values, people: people.values, phases };
}

// Keeps the k best indices seen, best first: one pass, no sort of the matching set.
function topK(k, better) {
  const best = [];
  return {
    best,
    offer(i) {
      if (best.length === k && !better(i, best[k - 1])) return;
      let at = best.length === k ? k - 1 : best.length;
      while (at > 0 && better(i, best[at - 1])) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = i;
    },
  };
}

function sortedCounts(counts, values) {
  const list = [];
  for (let v = 0; v < counts.length; v++) if (counts[v] > 0) list.push({ value: values[v], count: counts[v] });
  return list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

// The widget's work over a matching set (an array of indices, or null for "no text filter":
// every article), leaving out the article on screen as encart does.
function widgetView(data, matches, exclude) {
  const { docs, published, views, category, authors } = data;
  const newer = (a, b) => published[a] > published[b] || (published[a] === published[b] && docs[a].id < docs[b].id);
  const latest = topK(10, newer);
  const mostRead = topK(10, (a, b) => views[a] > views[b] || (views[a] === views[b] && newer(a, b)));
  const categoryCounts = new Int32Array(data.categories.length);
  const authorCounts = new Int32Array(data.people.length);
  let matching = 0;
  const count = matches ? matches.length : data.n;
  for (let j = 0; j < count; j++) {
    const i = matches ? matches[j] : j;
    if (i === exclude) continue;
    matching++;
    latest.offer(i);
    if (views[i] >= 0) mostRead.offer(i);
    if (category[i] >= 0) categoryCounts[category[i]]++;
    const list = authors[i];
    for (let x = 0; x < list.length; x++) authorCounts[list[x]]++;
  }
  const ids = (top) => top.best.map((i) => docs[i].id);
  return {
    matching,
    latest: ids(latest),
    mostRead: ids(mostRead),
    category: sortedCounts(categoryCounts, data.categories),
    author: sortedCounts(authorCounts, data.people),
  };
}

// MiniSearch 7.2.0 configured like encart's filter: folded terms at index and query time, every
// word required (AND), prefix on the last word only (while typing), no fuzzy, no stored fields.
export function loadMiniSearch(bytes) {
  const data = prepare(bytes);
  const index = new MiniSearch({
    idField: 'i',
    fields: ['title', 'summary', 'tags', 'authorList', 'category'],
    extractField: (doc, field) => {
      const value = doc[field];
      return Array.isArray(value) ? value.join(' ') : value;
    },
    processTerm: (term) => fold(term),
    searchOptions: { combineWith: 'AND' },
  });
  const start = performance.now();
  index.addAll(data.docs);
  data.phases.indexMs = performance.now() - start;
  return {
    data,
    index,
    view(q, exclude) {
      // Punctuation-only or empty text: no text filter, like encart (MiniSearch would find nothing).
      if (queryTerms(q).length === 0) return widgetView(data, null, exclude);
      const prefix = lastIsPrefix(q);
      const results = index.search(q, { prefix: (term, i, terms) => prefix && i === terms.length - 1 });
      const matches = new Int32Array(results.length);
      for (let j = 0; j < results.length; j++) matches[j] = results[j].id;
      return widgetView(data, matches, exclude);
    },
  };
}

// The plain scan: each article's searchable text folded once at load as " w1 w2 ... ", then per
// keystroke a pass over all articles with includes(): " word " for whole words, " pre" for the
// prefix. Words are split before folding: Chromium's \p{..} regex runs 2-3x slower on the
// two-byte strings NFD produces, and the baseline should not lose on a detail like that.
export function loadScan(bytes) {
  const data = prepare(bytes);
  const start = performance.now();
  const texts = new Array(data.n);
  for (let i = 0; i < data.n; i++) {
    const a = data.docs[i];
    const text = [a.title, a.summary || '', ...(a.tags || []), ...a.authorList, a.category || ''].join(' ');
    texts[i] = ` ${fold(words(text).join(' '))} `;
  }
  data.phases.indexMs = performance.now() - start;
  return {
    data,
    texts,
    view(q, exclude) {
      const terms = queryTerms(q);
      if (terms.length === 0) return widgetView(data, null, exclude);
      const needles = terms.map((t, k) => (k === terms.length - 1 && lastIsPrefix(q) ? ` ${t}` : ` ${t} `));
      const matches = [];
      for (let i = 0; i < data.n; i++) {
        const text = texts[i];
        let ok = true;
        for (let k = 0; k < needles.length && ok; k++) ok = text.includes(needles[k]);
        if (ok) matches.push(i);
      }
      return widgetView(data, matches, exclude);
    },
  };
}
