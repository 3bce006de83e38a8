'use strict';
// Hostile strings: the data API returns them raw; the sidebar HTML escapes everything and only
// ever links to http(s).

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { article, engineWith } = require('./helpers.cjs');

const IMG = '<img src=x onerror=alert(1)>';
const ESCAPED_IMG = '&lt;img src=x onerror=alert(1)&gt;';

const HOSTILE = [
  article('img', {
    title: IMG,
    summary: `<script>alert("s")</script>`,
    category: '<b onmouseover=alert(2)>Cat</b>',
    tags: ['<svg onload=alert(3)>'],
    author: '"><script>alert(4)</script>',
    published: '2024-12-09T10:00:00+01:00',
    views: 10,
  }),
  article('quote', {
    url: 'https://news.example/q"onmouseover="alert(5)',
    title: "L'\"apostrophe\" & <cie>",
    tags: ['<svg onload=alert(3)>'],
    image: { url: "https://news.example/i.jpg'onerror='alert(6)", alt: '"><img src=x>' },
    published: '2024-12-08T10:00:00+01:00',
    views: 5,
  }),
  article('js1', { url: 'javascript:alert(7)' }),
  article('js2', { url: 'JAVASCRIPT:alert(8)' }),
  article('js3', { url: ' javascript:alert(9)' }),
  article('js4', { url: 'java\tscript:alert(10)' }),
  article('js5', { url: 'https://news.example/ok', image: { url: 'javascript:alert(11)' } }),
  article('js6', { url: 'vbscript:msgbox(1)' }),
  article('js7', { url: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' }),
];

// Removes the tags the renderer emits; what is left must hold no markup at all.
const KNOWN_TAG = /<\/?(li|a|img|span|bdi|p|time|option)(\s+[a-z-]+(="[^"<>]*")?)*\s*>/g;

function assertInert(html) {
  const left = html.replace(KNOWN_TAG, '');
  assert.ok(!/[<>]/.test(left), `markup left after removing known tags: ${left}`);
  for (const m of html.matchAll(/\s(href|src)="([^"]*)"/g)) assert.match(m[2], /^https?:\/\//, `${m[1]}=${m[2]}`);
  assert.ok(!/javascript:|vbscript:|data:/i.test(html), 'a forbidden scheme appears');
  for (const [tag] of html.matchAll(KNOWN_TAG)) {
    const names = [...tag.replace(/"[^"]*"/g, '""').matchAll(/\s([a-z-]+)/g)].map((m) => m[1]);
    assert.ok(!names.some((name) => name.startsWith('on')), `an event handler attribute in ${tag}`);
  }
}

test('the data API returns hostile strings verbatim', async () => {
  const engine = await engineWith(HOSTILE);
  const [img] = engine.latest({ limit: 1 });
  assert.equal(img.title, IMG);
  assert.equal(img.summary, '<script>alert("s")</script>');
  assert.equal(img.category, '<b onmouseover=alert(2)>Cat</b>');
  assert.deepEqual(img.tags, ['<svg onload=alert(3)>']);
  assert.equal(img.author, '"><script>alert(4)</script>');
  assert.deepEqual(engine.facets().tag, [{ value: '<svg onload=alert(3)>', count: 2 }]);
});

test('javascript: and other non-http(s) urls never load, so never appear', async () => {
  const engine = await engineWith(HOSTILE);
  const all = engine.latest({ limit: 100 });
  assert.deepEqual(all.map((a) => a.id), ['img', 'quote']);
  for (const a of all) {
    assert.match(a.url, /^https?:\/\//);
    if (a.image) assert.match(a.image.url, /^https?:\/\//);
  }
});

test('sidebar HTML holds only the escaped form of a hostile title', async () => {
  const engine = await engineWith(HOSTILE);
  const view = engine.sidebar({ article: 'quote', limits: { latest: 10, mostRead: 10, related: 10 }, related: { repeats: true } });
  assert.ok(view.latest.html.includes(ESCAPED_IMG), view.latest.html);
  assert.ok(!view.latest.html.includes('<img src=x'), view.latest.html);
  assert.ok(view.mostRead.html.includes(ESCAPED_IMG));
  assert.ok(view.related.html.includes(ESCAPED_IMG), 'related through the shared tag');
  for (const key of ['latest', 'mostRead', 'related']) assertInert(view[key].html);
});

test('quotes in urls cannot break out of attributes', async () => {
  const engine = await engineWith(HOSTILE);
  const html = engine.sidebar({ article: 'img', limits: { latest: 10 } }).latest.html;
  assert.ok(html.includes('href="https://news.example/q&quot;onmouseover=&quot;alert(5)"'), html);
  assert.ok(html.includes('src="https://news.example/i.jpg&#39;onerror=&#39;alert(6)"'), html);
  assert.ok(html.includes('L&#39;&quot;apostrophe&quot; &amp; &lt;cie&gt;'), html);
  assertInert(html);
});

test('menus escape hostile categories and authors, and a hostile chosen value', async () => {
  const engine = await engineWith(HOSTILE);
  const view = engine.sidebar({ filter: { category: '"><script>alert(12)</script>' } });
  assert.ok(view.categoryOptions.includes('&lt;b onmouseover=alert(2)&gt;Cat&lt;/b&gt;'), view.categoryOptions);
  assert.ok(view.categoryOptions.includes('&quot;&gt;&lt;script&gt;alert(12)&lt;/script&gt;'), view.categoryOptions);
  assertInert(view.categoryOptions);
  const authors = engine.sidebar().authorOptions;
  assert.ok(authors.includes('&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;'), authors);
  assertInert(authors);
});

test('the status text carries no bundle text', async () => {
  const engine = await engineWith(HOSTILE);
  const view = engine.sidebar({ filter: { q: '<img' } });
  assert.ok(!/[<>]/.test(view.status), view.status);
});
