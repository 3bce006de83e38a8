// The reader's sidebar as a news site has it (issue 11): "latest" and "most read" as the tabs of
// one box (WAI-ARIA tabs: roles, roving tabindex, arrow keys mirrored in Arabic, Home/End), the
// most-read period (24 h, 7 days, 30 days, all time) and both kept in the URL with sync-url.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, servePage, settled, sidebarPage, waitForReady } from './harness.mjs';

const demo = JSON.parse(readFileSync(new URL('../../demo/articles.json', import.meta.url), 'utf8')).articles;
const CURRENT = 'securite-maroc-france';

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

// The five most read of the demo bundle for a views field, as docs/api.md orders them: highest
// count, then newer, then id; the article on screen left out.
function mostRead(field, limit = 5) {
  return demo
    .filter((a) => a.id !== CURRENT && typeof a[field] === 'number')
    .sort((a, b) => b[field] - a[field] || Date.parse(b.published) - Date.parse(a.published) || (a.id < b.id ? -1 : 1))
    .slice(0, limit)
    .map((a) => a.title);
}

async function open(attributes, options = {}) {
  const page = await h.page();
  await servePage(page, h.base, '/reader.html', sidebarPage({ attributes: `article="${CURRENT}" ${attributes}`, ...options }));
  await page.goto(`${h.base}/reader.html${options.hash || ''}`);
  await waitForReady(page);
  return page;
}

// What the tabs and the period control say, from inside the shadow root.
const tabState = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('encart-sidebar').shadowRoot;
    const tabs = [...root.querySelectorAll('[role="tab"]')].map((t) => ({
      name: t.dataset.tab,
      selected: t.getAttribute('aria-selected'),
      tabindex: t.getAttribute('tabindex'),
      controls: t.getAttribute('aria-controls'),
      panelShown: !root.getElementById(t.getAttribute('aria-controls')).hidden,
      panelLabelledBy: root.getElementById(t.getAttribute('aria-controls')).getAttribute('aria-labelledby'),
    }));
    const focused = root.activeElement;
    return { tabs, focused: focused ? focused.dataset.tab || focused.dataset.window || focused.className : null };
  });

const titlesOf = (page, list) =>
  page.evaluate(
    (name) => [...document.querySelector('encart-sidebar').shadowRoot.querySelectorAll(`[data-list="${name}"] .item .title`)].map((t) => t.textContent),
    list,
  );

const periods = (page) =>
  page.evaluate(() => {
    const group = document.querySelector('encart-sidebar').shadowRoot.querySelector('[data-part="windows"]');
    if (!group || group.hidden || group.closest('[hidden]')) return null;
    return [...group.querySelectorAll('[data-window]')]
      .filter((b) => !b.hidden)
      .map((b) => `${b.textContent}${b.getAttribute('aria-pressed') === 'true' ? '*' : ''}`);
  });

test('with layout="tabs" "Derniers articles" and "Les plus lus" are two tabs of one box and "À lire aussi" stays below', async () => {
  const page = await open('layout="tabs"');
  const { tabs } = await tabState(page);
  assert.deepEqual(
    tabs.map((t) => [t.name, t.selected, t.tabindex, t.panelShown]),
    [
      ['latest', 'true', '0', true],
      ['mostRead', 'false', '-1', false],
    ],
  );
  for (const t of tabs) assert.equal(t.panelLabelledBy, `encart-tab-${t.name}`, 'each panel is labelled by its tab');
  const shape = await page.evaluate(() => {
    const root = document.querySelector('encart-sidebar').shadowRoot;
    return {
      tabNames: [...root.querySelectorAll('[role="tab"]')].map((t) => t.textContent),
      tablistLabel: root.querySelector('[role="tablist"]').getAttribute('aria-label'),
      panelTabindex: root.querySelector('[role="tabpanel"]').getAttribute('tabindex'),
      related: root.querySelector('[data-list="related"]:not([role]) h2').textContent,
      relatedShown: !root.querySelector('[data-list="related"]').hidden,
    };
  });
  assert.deepEqual(shape, {
    tabNames: ['Derniers articles', 'Les plus lus'],
    tablistLabel: 'Articles',
    panelTabindex: '0',
    related: 'À lire aussi',
    relatedShown: true,
  });
  await page.locator('encart-sidebar [role="tab"][data-tab="mostRead"]').click();
  assert.deepEqual(
    (await tabState(page)).tabs.map((t) => [t.selected, t.tabindex, t.panelShown]),
    [
      ['false', '-1', false],
      ['true', '0', true],
    ],
  );
  assert.deepEqual(await titlesOf(page, 'mostRead'), mostRead('views'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the stacked layout stays the default: no tabs, three headed sections', async () => {
  const page = await open('');
  const shape = await page.evaluate(() => {
    const root = document.querySelector('encart-sidebar').shadowRoot;
    return { tabs: root.querySelectorAll('[role="tab"]').length, headings: [...root.querySelectorAll('h2')].map((h) => h.textContent) };
  });
  assert.deepEqual(shape, { tabs: 0, headings: ['Derniers articles', 'Les plus lus', 'À lire aussi'] });
  await page.context().close();
});

test('a reader moves between the tabs with the arrow keys, Home and End, and the selection follows focus', async () => {
  const page = await open('layout="tabs"');
  await page.locator('encart-sidebar [role="tab"][data-tab="latest"]').focus();
  const step = async (key) => {
    await page.keyboard.press(key);
    const { tabs, focused } = await tabState(page);
    return [focused, tabs.find((t) => t.selected === 'true').name, tabs.map((t) => t.tabindex).join(' ')];
  };
  assert.deepEqual(await step('ArrowRight'), ['mostRead', 'mostRead', '-1 0']);
  assert.deepEqual(await step('ArrowRight'), ['latest', 'latest', '0 -1'], 'past the last tab, the first');
  assert.deepEqual(await step('ArrowLeft'), ['mostRead', 'mostRead', '-1 0'], 'before the first tab, the last');
  assert.deepEqual(await step('Home'), ['latest', 'latest', '0 -1']);
  assert.deepEqual(await step('End'), ['mostRead', 'mostRead', '-1 0']);
  // Tab leaves the tab list for the panel, which takes focus itself (it starts with a control).
  await page.keyboard.press('Tab');
  assert.equal((await tabState(page)).focused, 'list panel');
  await page.context().close();
});

test('in Arabic the tabs read right to left and the left arrow moves to the next tab', async () => {
  const page = await open('layout="tabs" lang="ar"', { lang: 'ar', dir: 'rtl' });
  const names = await page.evaluate(() =>
    [...document.querySelector('encart-sidebar').shadowRoot.querySelectorAll('[role="tab"]')].map((t) => t.textContent),
  );
  assert.deepEqual(names, ['آخر المقالات', 'الأكثر قراءة']);
  await page.locator('encart-sidebar [role="tab"][data-tab="latest"]').focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal((await tabState(page)).focused, 'mostRead');
  await page.keyboard.press('ArrowRight');
  assert.equal((await tabState(page)).focused, 'latest');
  // The next tab is drawn to the left of the first one.
  const [first, second] = await page.evaluate(() =>
    [...document.querySelector('encart-sidebar').shadowRoot.querySelectorAll('[role="tab"]')].map((t) => t.getBoundingClientRect().left),
  );
  assert.ok(second < first, `${second} < ${first}`);
  await page.context().close();
});

test('data-layout and data-most-read-window on the script tag work as the attributes do', async () => {
  const page = await h.page();
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>embed</title><link rel="icon" href="data:,"></head>
<body><script src="/dist/encart.js" data-bundle="/articles.json" data-article="${CURRENT}" data-layout="tabs" data-most-read-window="7d" async></script></body></html>`;
  await servePage(page, h.base, '/embed.html', html);
  await page.goto(`${h.base}/embed.html`);
  await waitForReady(page);
  assert.equal((await tabState(page)).tabs.length, 2);
  assert.deepEqual(await periods(page), null, 'the control sits in the most-read tab, hidden until it is chosen');
  await page.locator('encart-sidebar [role="tab"][data-tab="mostRead"]').click();
  assert.deepEqual(await periods(page), ['24 h', '7 jours*', '30 jours', 'Tout']);
  assert.deepEqual(await titlesOf(page, 'mostRead'), mostRead('views_7d'));
  await page.context().close();
});

test('a reader switches "Les plus lus" to the last 7 days and back to all time', async () => {
  const page = await open('');
  assert.deepEqual(await periods(page), ['24 h', '7 jours', '30 jours', 'Tout*']);
  assert.deepEqual(await titlesOf(page, 'mostRead'), mostRead('views'));
  await page.locator('encart-sidebar [data-window="7d"]').click();
  await settled(page);
  assert.deepEqual(await periods(page), ['24 h', '7 jours*', '30 jours', 'Tout']);
  assert.deepEqual(await titlesOf(page, 'mostRead'), mostRead('views_7d'));
  await page.locator('encart-sidebar [data-window="24h"]').click();
  await settled(page);
  assert.deepEqual(await titlesOf(page, 'mostRead'), mostRead('views_24h'));
  await page.locator('encart-sidebar [data-window="all"]').click();
  await settled(page);
  assert.deepEqual(await titlesOf(page, 'mostRead'), mostRead('views'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('most-read-window sets the period shown first, and the periods are named in English and Arabic', async () => {
  const page = await open('most-read-window="30d" lang="en"', { lang: 'en' });
  assert.deepEqual(await periods(page), ['24 h', '7 days', '30 days*', 'All time']);
  assert.deepEqual(await titlesOf(page, 'mostRead'), mostRead('views_30d'));
  const group = await page.evaluate(() =>
    document.querySelector('encart-sidebar').shadowRoot.querySelector('[data-part="windows"]').getAttribute('aria-label'),
  );
  assert.equal(group, 'Period');
  await page.context().close();
  const arabic = await open('most-read-window="24h" lang="ar"', { lang: 'ar', dir: 'rtl' });
  assert.deepEqual(await periods(arabic), ['24 ساعة*', '7 أيام', '30 يوما', 'الكل']);
  await arabic.context().close();
});

test('only the periods with counts are offered, and none at all when the bundle has only views', async () => {
  const page = await h.page();
  const article = (id, day, counts) => ({
    id, url: `https://example.org/${id}`, title: `Article ${id}`, published: `2024-12-0${day}T10:00:00Z`, ...counts,
  });
  const bundles = {
    '/gen/week.json': [article('a', 1, { views: 5, views_7d: 1 }), article('b', 2, { views: 1, views_7d: 5 }), article('c', 3, { views: 3 })],
    '/gen/views.json': [article('a', 1, { views: 5 }), article('b', 2, { views: 1 }), article('c', 3, { views: 3 })],
  };
  for (const [path, articles] of Object.entries(bundles)) {
    await page.route(`${h.base}${path}`, (route) => route.fulfill({ json: { version: 1, articles } }));
  }
  await servePage(page, h.base, '/week.html', sidebarPage({ bundle: '/gen/week.json', attributes: 'article="c" most-read-window="30d"' }));
  await page.goto(`${h.base}/week.html`);
  await waitForReady(page);
  // 30 days was asked for but has no counts: all time is shown, and pressed.
  assert.deepEqual(await periods(page), ['7 jours', 'Tout*']);
  assert.deepEqual(await titlesOf(page, 'mostRead'), ['Article a', 'Article b']);
  await page.locator('encart-sidebar [data-window="7d"]').click();
  await settled(page);
  assert.deepEqual(await titlesOf(page, 'mostRead'), ['Article b', 'Article a']);
  assert.deepEqual(page.messages.filter((m) => m.startsWith('warning:')), [], 'an absent window is no mistake of the page');
  await servePage(page, h.base, '/views.html', sidebarPage({ bundle: '/gen/views.json', attributes: 'article="c"' }));
  await page.goto(`${h.base}/views.html`);
  await waitForReady(page);
  assert.equal(await periods(page), null);
  assert.deepEqual(await titlesOf(page, 'mostRead'), ['Article a', 'Article b']);
  await page.context().close();
});

test('an unknown most-read-window or layout is reported once in the console and the defaults apply', async () => {
  const page = await open('most-read-window="week" layout="onglets"');
  await page.locator('encart-sidebar input[type="search"]').fill('maroc');
  await settled(page);
  // The value is an argument of the message, never part of its format string.
  const warnings = page.messages.filter((m) => m.startsWith('warning: [encart]'));
  assert.equal(warnings.length, 2, warnings.join('\n'));
  assert.match(warnings[0], /layout=.* is not "tabs" or "stacked"; using stacked onglets$/);
  assert.match(warnings[1], /most-read-window=.* is not one of .*; using all week all, 24h, 7d, 30d$/);
  assert.equal((await tabState(page)).tabs.length, 0);
  assert.deepEqual(await periods(page), ['24 h', '7 jours', '30 jours', 'Tout*']);
  await page.context().close();
});

test('with sync-url the selected tab and period go into the fragment with the filters and come back on reload', async () => {
  const page = await open('layout="tabs" sync-url');
  await page.locator('encart-sidebar input[type="search"]').fill('maroc');
  await settled(page);
  await page.locator('encart-sidebar [role="tab"][data-tab="mostRead"]').click();
  await page.locator('encart-sidebar [data-window="7d"]').click();
  await settled(page);
  const fragment = Object.fromEntries(new URLSearchParams(decodeURIComponent(page.url().split('#encart=')[1])));
  assert.deepEqual(fragment, { q: 'maroc', tab: 'mostRead', window: '7d' });
  const shown = await titlesOf(page, 'mostRead');
  await page.reload();
  await waitForReady(page);
  const { tabs } = await tabState(page);
  assert.deepEqual(tabs.map((t) => [t.name, t.selected, t.panelShown]), [
    ['latest', 'false', false],
    ['mostRead', 'true', true],
  ]);
  assert.deepEqual(await periods(page), ['24 h', '7 jours*', '30 jours', 'Tout']);
  assert.deepEqual(await titlesOf(page, 'mostRead'), shown);
  // Back to the defaults: nothing of tab or period is left in the URL.
  await page.locator('encart-sidebar [data-window="all"]').click();
  await page.locator('encart-sidebar [role="tab"][data-tab="latest"]').click();
  await settled(page);
  assert.deepEqual(Object.fromEntries(new URLSearchParams(decodeURIComponent(page.url().split('#encart=')[1]))), { q: 'maroc' });
  await page.context().close();
});

test('a hand-made fragment with an unknown tab or period is ignored', async () => {
  const page = await open('layout="tabs" sync-url', { hash: '#encart=tab=comments&window=year' });
  const { tabs } = await tabState(page);
  assert.equal(tabs.find((t) => t.selected === 'true').name, 'latest');
  await page.locator('encart-sidebar [role="tab"][data-tab="mostRead"]').click();
  assert.deepEqual(await periods(page), ['24 h', '7 jours', '30 jours', 'Tout*']);
  await page.context().close();
});

test('a keyboard-only reader walks the tabs, the periods and "Voir plus" without losing focus when the lists re-render', async () => {
  const page = await open('layout="tabs"');
  const root = 'document.querySelector("encart-sidebar").shadowRoot';
  const focus = () =>
    page.evaluate(`(() => {
      const el = ${root}.activeElement;
      if (!el) return document.activeElement === document.body ? 'body' : document.activeElement.tagName;
      return el.dataset.tab || el.dataset.window || el.dataset.part || (el.closest('.item') ? 'item:' + el.closest('.item').querySelector('.title').textContent : el.className);
    })()`);
  // From the page into the widget: search, the three menus, then the selected tab.
  await page.locator('h1').click();
  const stops = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    stops.push(await focus());
  }
  assert.deepEqual(stops, ['q', 'category', 'author', 'date', 'latest']);
  await page.keyboard.press('ArrowRight');
  assert.equal(await focus(), 'mostRead');
  await page.keyboard.press('Tab'); // the panel
  assert.equal(await focus(), 'list panel');
  // Each period button in turn, chosen with Enter or Space: the list re-renders, focus stays.
  for (const [window, key, field] of [['24h', 'Enter', 'views_24h'], ['7d', 'Space', 'views_7d'], ['30d', 'Enter', 'views_30d']]) {
    await page.keyboard.press('Tab');
    assert.equal(await focus(), window);
    await page.keyboard.press(key);
    await settled(page);
    assert.equal(await focus(), window, `focus stays on ${window} after the list re-renders`);
    assert.deepEqual(await titlesOf(page, 'mostRead'), mostRead(field));
  }
  // On to "Voir plus" past the period "all" and the five items.
  for (let i = 0; i < 7; i++) await page.keyboard.press('Tab');
  assert.equal(await focus(), 'more');
  await page.keyboard.press('Enter');
  await settled(page);
  assert.equal(await focus(), `item:${mostRead('views_30d', 6)[5]}`, 'focus moves to the first new article');
  assert.equal((await titlesOf(page, 'mostRead')).length, 10);
  // Shift+Tab back to the tab list: the selected tab is still the one in the tab order.
  await page.locator('encart-sidebar [data-window="all"]').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+Tab');
  assert.equal(await focus(), 'mostRead');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the demo article page shows the tabs, and its dark-mode switch turns page and widget dark', async () => {
  const page = await h.page(`/article.html?id=${CURRENT}`);
  await waitForReady(page);
  assert.equal((await tabState(page)).tabs.length, 2);
  const colours = () =>
    page.evaluate(() => ({
      page: getComputedStyle(document.body).backgroundColor,
      widget: getComputedStyle(document.querySelector('encart-sidebar').shadowRoot.querySelector('.title')).color,
    }));
  const light = await colours();
  const toggle = page.locator('#theme-switch');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  const dark = await colours();
  assert.notEqual(dark.page, light.page);
  assert.notEqual(dark.widget, light.widget);
  await toggle.click();
  assert.deepEqual(await colours(), light);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
