'use strict';
// engine.sidebar(): the widget's whole view (escaped HTML per list and menu, status, counts).

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { Encart, article, engineWith, ids, newsEngine } = require('./helpers.cjs');

const LIST_KEYS = ['latest', 'mostRead', 'related'];

function hrefs(html) {
  return [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]);
}

function idsOf(html) {
  return hrefs(html).map((url) => url.replace('https://news.example/', ''));
}

function optionCounts(html) {
  return [...html.matchAll(/<option value="([^"]*)"[^>]*>[^<]*\((\d+)\)<\/option>/g)].map((m) => ({ value: m[1], count: Number(m[2]) }));
}

test('sidebar returns the three lists, the menus, the status, the count and articleFound', async () => {
  const engine = await newsEngine();
  const view = engine.sidebar({ article: 'securite-routiere', lang: 'fr' });
  for (const key of LIST_KEYS) {
    assert.equal(typeof view[key].html, 'string', key);
    assert.equal(typeof view[key].shown, 'number', key);
    assert.equal(typeof view[key].hasMore, 'boolean', key);
    assert.equal((view[key].html.match(/<li /g) || []).length, view[key].shown, key);
  }
  assert.equal(typeof view.categoryOptions, 'string');
  assert.equal(typeof view.authorOptions, 'string');
  assert.equal(typeof view.status, 'string');
  assert.equal(view.matching, 5);
  assert.equal(view.articleFound, true);
  assert.equal(view.status, '5 articles correspondent');
});

test('the lists follow latest(), mostRead() and related() with the current article excluded', async () => {
  const engine = await newsEngine();
  const current = 'politique-budget'; // first in latest, second in mostRead
  // repeats: true lets each list be what the API call alone returns (see the next test).
  const view = engine.sidebar({ article: current, lang: 'fr', limits: { latest: 3, mostRead: 3, related: 3 }, related: { repeats: true } });
  assert.deepEqual(idsOf(view.latest.html), ids(engine.latest({ exclude: [current], limit: 3 })));
  assert.deepEqual(idsOf(view.mostRead.html), ids(engine.mostRead({ exclude: [current], limit: 3 })));
  assert.deepEqual(idsOf(view.related.html), ids(engine.related(current, { limit: 3 })));
});

test('no article is shown twice across the lists unless repeats are allowed', async () => {
  const engine = await newsEngine();
  const view = engine.sidebar({ article: 'politique-budget', limits: { latest: 2, mostRead: 1, related: 2 } });
  const shown = [...idsOf(view.latest.html), ...idsOf(view.related.html), ...idsOf(view.mostRead.html)];
  assert.equal(shown.length, 5); // the 5 visible articles besides the current one
  assert.equal(new Set(shown).size, 5, shown.join(', '));
  assert.ok(!shown.includes('politique-budget'));
  const repeated = engine.sidebar({ article: 'politique-budget', limits: { latest: 2, mostRead: 1, related: 2 }, related: { repeats: true } });
  const again = [...idsOf(repeated.latest.html), ...idsOf(repeated.related.html), ...idsOf(repeated.mostRead.html)];
  assert.ok(new Set(again).size < 5, again.join(', '));
});

test('the current article never appears in any list, whichever it is', async () => {
  const engine = await newsEngine();
  for (const current of ['politique-budget', 'securite-routiere', 'sport-rugby', 'culture-expo']) {
    const view = engine.sidebar({ article: current, limits: { latest: 50, mostRead: 50, related: 50 } });
    for (const key of LIST_KEYS) {
      assert.ok(!idsOf(view[key].html).includes(current), `${current} in ${key}`);
      assert.ok(!view[key].html.includes(`https://news.example/${current}"`), `${current} in ${key}`);
    }
    assert.equal(view.latest.shown, 5);
    assert.equal(view.matching, 5);
  }
});

test('limits set how many are shown; hasMore tells whether there are more', async () => {
  const engine = await newsEngine();
  const view = engine.sidebar({ article: 'securite-routiere', limits: { latest: 2, mostRead: 5, related: 1 }, related: { repeats: true } });
  assert.equal(view.latest.shown, 2);
  assert.equal(view.latest.hasMore, true);
  assert.equal(view.mostRead.shown, 5);
  assert.equal(view.mostRead.hasMore, false); // 6 visible, the current one left out
  assert.equal(view.related.shown, 1);
  assert.equal(view.related.hasMore, true);
  const none = engine.sidebar({ article: 'securite-routiere', limits: { latest: 0, mostRead: 0, related: 0 } });
  for (const key of LIST_KEYS) {
    assert.equal(none[key].html, '');
    assert.equal(none[key].shown, 0);
    assert.equal(none[key].hasMore, true);
  }
});

test('limits default to 5', async () => {
  const many = Array.from({ length: 8 }, (_, i) => article(`a${i}`, { published: `2024-12-0${i + 1}T10:00:00Z`, views: i, tags: ['t'] }));
  const engine = await engineWith(many);
  const view = engine.sidebar({ article: 'a0', related: { repeats: true } });
  for (const key of LIST_KEYS) {
    assert.equal(view[key].shown, 5, key);
    assert.equal(view[key].hasMore, true, key);
  }
});

test('window picks the mostRead ranking', async () => {
  const engine = await newsEngine();
  const view = engine.sidebar({ article: 'culture-expo', window: '30d', limits: { mostRead: 3 }, related: { repeats: true } });
  assert.deepEqual(idsOf(view.mostRead.html), ['cyber-securite', 'politique-budget', 'ete-canicule']);
});

test('the filter narrows every list, the count and the status', async () => {
  const engine = await newsEngine();
  const filter = { q: 'sécu' };
  const view = engine.sidebar({ article: 'politique-budget', lang: 'fr', filter, related: { repeats: true } });
  assert.deepEqual(idsOf(view.latest.html), ['securite-routiere', 'cyber-securite']);
  assert.deepEqual(idsOf(view.mostRead.html), ['securite-routiere', 'cyber-securite']);
  assert.deepEqual(idsOf(view.related.html), ids(engine.related('politique-budget', { filter, limit: 5 })));
  assert.deepEqual(idsOf(view.related.html).sort(), ['cyber-securite', 'securite-routiere']);
  assert.equal(view.matching, 2);
  assert.equal(view.status, '2 articles correspondent');
  // The current article is left out of the count too.
  const self = engine.sidebar({ article: 'securite-routiere', filter: { q: 'sécu' } });
  assert.equal(self.matching, 1);
  assert.equal(self.status, '1 article correspond');
  assert.deepEqual(idsOf(self.latest.html), ['cyber-securite']);
});

test('status sentences in French, English and Arabic, for 0, 1 and many', async () => {
  const engine = await newsEngine();
  const status = (lang, q) => engine.sidebar({ article: 'securite-routiere', lang, filter: { q } }).status;
  assert.equal(status('fr', 'zzzz'), 'Aucun article ne correspond');
  assert.equal(status('fr', 'hôpitaux'), '1 article correspond');
  assert.equal(status('fr', ''), '5 articles correspondent');
  assert.equal(status('en', 'zzzz'), 'No article matches');
  assert.equal(status('en', 'hôpitaux'), '1 article matches');
  assert.equal(status('en', ''), '5 articles match');
  assert.match(status('ar', ''), /5/);
  assert.notEqual(status('ar', ''), status('fr', ''));
});

test('dates: "9 décembre 2024" in French, "9 December 2024" in English, Arabic month names', async () => {
  const engine = await newsEngine();
  const fr = engine.sidebar({ article: 'sport-rugby', lang: 'fr' });
  assert.ok(fr.latest.html.includes('9 décembre 2024'), fr.latest.html);
  assert.ok(!fr.latest.html.includes('December'));
  assert.ok(fr.latest.html.includes('<time datetime="2024-12-09T18:30:00+01:00">9 décembre 2024</time>'));
  const en = engine.sidebar({ article: 'sport-rugby', lang: 'en' });
  assert.ok(en.latest.html.includes('9 December 2024'), en.latest.html);
  assert.ok(!en.latest.html.includes('décembre'));
  const ar = engine.sidebar({ article: 'sport-rugby', lang: 'ar' });
  assert.ok(ar.latest.html.includes('ديسمبر'), ar.latest.html);
  const ma = engine.sidebar({ article: 'sport-rugby', lang: 'ar-MA' });
  assert.ok(ma.latest.html.includes('دجنبر'), ma.latest.html);
});

test('dates: French writes the first of the month "1er"; the day is the one of the written offset', async () => {
  const engine = await engineWith([
    article('first', { published: '2024-10-01T09:00:00+02:00' }),
    // 23:30 in New York on 9 December is already 10 December in UTC.
    article('late', { published: '2024-12-09T23:30:00-05:00' }),
  ], { now: Date.parse('2024-12-31T00:00:00Z') });
  const fr = engine.sidebar({ lang: 'fr', limits: { latest: 10 } }).latest.html;
  assert.ok(fr.includes('1er octobre 2024'), fr);
  assert.ok(fr.includes('9 décembre 2024'), fr);
  const en = engine.sidebar({ lang: 'en', limits: { latest: 10 } }).latest.html;
  assert.ok(en.includes('1 October 2024'), en);
});

test('an unknown or absent language falls back to French', async () => {
  const engine = await newsEngine();
  const fr = engine.sidebar({ article: 'sport-rugby', lang: 'fr' });
  assert.deepEqual(engine.sidebar({ article: 'sport-rugby', lang: 'de' }), fr);
  assert.deepEqual(engine.sidebar({ article: 'sport-rugby' }), fr);
});

test('items carry title, category, authors and date', async () => {
  const engine = await newsEngine();
  const html = engine.sidebar({ article: 'sport-rugby', limits: { latest: 10 } }).latest.html;
  assert.ok(html.includes('<span class="title" dir="auto">Cybersécurité : les hôpitaux visés</span>'));
  assert.ok(html.includes('<bdi class="category">Économie</bdi>'));
  assert.ok(html.includes('<bdi>Paul Durand</bdi>, <bdi>Claire Martin</bdi>'));
  assert.ok(html.includes('src="https://news.example/img/senat.jpg"'), 'image thumbnail');
});

test('articleFound is false for an unknown or absent article; related is then empty', async () => {
  const engine = await newsEngine();
  for (const request of [{ article: 'nope' }, {}, { article: '' }]) {
    const view = engine.sidebar(request);
    assert.equal(view.articleFound, false, JSON.stringify(request));
    assert.deepEqual(view.related, { html: '', shown: 0, hasMore: false });
    assert.equal(view.latest.shown, 5);
    assert.equal(view.matching, 6);
  }
  assert.equal(engine.sidebar().articleFound, false);
});

test('category and author menus: an "all" option, then values with counts, in French or English', async () => {
  const engine = await newsEngine();
  const fr = engine.sidebar({ lang: 'fr' });
  assert.ok(fr.categoryOptions.startsWith('<option value="">Toutes les rubriques</option>'), fr.categoryOptions);
  assert.ok(fr.authorOptions.startsWith('<option value="">Tous les auteurs</option>'), fr.authorOptions);
  assert.deepEqual(optionCounts(fr.categoryOptions), engine.facets().category);
  assert.deepEqual(optionCounts(fr.authorOptions), engine.facets().author);
  const en = engine.sidebar({ lang: 'en' });
  assert.ok(en.categoryOptions.startsWith('<option value="">All sections</option>'));
  assert.ok(en.authorOptions.startsWith('<option value="">All authors</option>'));
});

test('menus mark the chosen value as selected, and keep a chosen value that has no article', async () => {
  const engine = await newsEngine();
  const view = engine.sidebar({ filter: { category: 'Société', author: 'Paul Durand' } });
  // Each menu counts under the other menu's choice: Société by Paul Durand is 1 article.
  assert.match(view.categoryOptions, /<option value="Société" selected>Société \(1\)<\/option>/);
  assert.match(view.authorOptions, /<option value="Paul Durand" selected>Paul Durand \(1\)<\/option>/);
  assert.equal((view.categoryOptions.match(/selected/g) || []).length, 1);
  const gone = engine.sidebar({ filter: { category: 'Disparue' } });
  assert.match(gone.categoryOptions, /<option value="Disparue" selected>Disparue \(0\)<\/option>/);
  assert.equal(gone.matching, 0);
});

test('a menu count equals the number of matches once that value is chosen (current article left out)', async () => {
  const engine = await newsEngine();
  const current = 'securite-routiere'; // in Société, by Paul Durand
  const view = engine.sidebar({ article: current });
  for (const { value, count } of optionCounts(view.categoryOptions)) {
    const chosen = engine.sidebar({ article: current, filter: { category: value } });
    assert.equal(count, chosen.matching, `category "${value}": menu says ${count}, the lists hold ${chosen.matching}`);
  }
  for (const { value, count } of optionCounts(view.authorOptions)) {
    const chosen = engine.sidebar({ article: current, filter: { author: value } });
    assert.equal(count, chosen.matching, `author "${value}": menu says ${count}, the lists hold ${chosen.matching}`);
  }
});

test('hidden (future) articles appear neither in the lists nor in the menus', async () => {
  const engine = await newsEngine();
  const view = engine.sidebar({ limits: { latest: 50, mostRead: 50 } });
  assert.ok(!view.latest.html.includes('programme'));
  assert.ok(!view.mostRead.html.includes('programme'));
  assert.match(view.categoryOptions, /Politique \(1\)/);
  // The sidebar of a hidden article still works.
  const hidden = engine.sidebar({ article: 'programme', limits: { related: 50 } });
  assert.ok(!hidden.related.html.includes('programme'));
});

// --- the reader's page (issue 11) ------------------------------------------------------------

test('without article, the first of articleUrls that matches an article names it, in any spelling', async () => {
  const engine = await newsEngine();
  const view = engine.sidebar({
    articleUrls: ['https://news.example/tag/securite', 'HTTP://NEWS.example:80/cyber-securite/#comments', 'https://news.example/sport-rugby'],
  });
  assert.equal(view.articleFound, true);
  assert.equal(view.articleId, 'cyber-securite');
  assert.equal(view.articleUrl, 1);
  for (const key of LIST_KEYS) assert.ok(!idsOf(view[key].html).includes('cyber-securite'), key);
  const none = engine.sidebar({ articleUrls: ['https://news.example/nothing'] });
  assert.deepEqual([none.articleFound, none.articleId, none.articleUrl], [false, null, -1]);
  const byId = engine.sidebar({ article: 'sport-rugby', articleUrls: ['https://news.example/cyber-securite'] });
  assert.deepEqual([byId.articleId, byId.articleUrl], ['sport-rugby', -1]);
});

test('read ids are marked "Already read" and go last in related, the rest in their order', async () => {
  const engine = await newsEngine();
  const request = { article: 'securite-routiere', lang: 'en', related: { repeats: true }, limits: { related: 10 } };
  const plain = idsOf(engine.sidebar(request).related.html);
  assert.ok(plain.length >= 3, plain.join());
  const read = [plain[0], 404];
  const view = engine.sidebar({ ...request, read });
  assert.deepEqual(idsOf(view.related.html), [...plain.slice(1), plain[0]]);
  assert.equal((view.related.html.match(/<span class="label read">Already read<\/span>/g) || []).length, 1);
  assert.throws(() => engine.sidebar({ read: [true] }), { code: 'bad_option', message: /read\[0\]/ });
  assert.throws(() => engine.sidebar({ articleUrls: 'https://news.example/a' }), { code: 'bad_option', message: /articleUrls/ });
});

test('isAccessibleForFree and expires are read, returned and honoured at load time', async () => {
  const engine = await engineWith([
    article('paid', { isAccessibleForFree: 'False', published: '2024-12-03T10:00:00+01:00' }),
    article('gone', { expires: '2024-12-10T12:00:00Z' }), // now is 12:00Z: gone
    article('soon', { expires: '2024-12-10T13:00:00+00:00' }),
  ]);
  const latest = engine.latest();
  assert.deepEqual(ids(latest), ['paid', 'soon']);
  assert.deepEqual(latest.map((a) => [a.isAccessibleForFree, a.expires]), [[false, null], [true, '2024-12-10T13:00:00+00:00']]);
  assert.match(engine.sidebar({ lang: 'ar' }).latest.html, /<span class="label subscribers">للمشتركين<\/span>/);
  const report = (await Encart.createEngine()).load(JSON.stringify({ articles: [article('x', { isAccessibleForFree: 1 })] }));
  assert.equal(report.skipped[0].reason, 'articles[0].isAccessibleForFree: expected true or false, found an integer');
});

test('the sidebar names the windows with view counts and the one most read ranked by', async () => {
  const engine = await engineWith([
    article('a', { views: 9, views_7d: 1 }),
    article('b', { views: 1, views_7d: 9 }),
    article('c', { views: 5 }),
  ]);
  const week = engine.sidebar({ lang: 'fr', window: '7d' });
  assert.deepEqual(week.windows, ['all', '7d']);
  assert.equal(week.window, '7d');
  assert.deepEqual(idsOf(week.mostRead.html), ['b', 'a']);
  // A window without counts: all time, so that "most read" is not left empty.
  const month = engine.sidebar({ lang: 'fr', window: '30d' });
  assert.equal(month.window, 'all');
  assert.deepEqual(idsOf(month.mostRead.html), ['a', 'c', 'b']);
  const none = await engineWith([article('a'), article('b')]);
  assert.deepEqual(none.sidebar({ lang: 'fr' }).windows, []);
});
