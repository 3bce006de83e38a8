// The widget end to end in Chromium: demo page, filtering, hostile data, failures, isolation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, settled, waitForWidget } from './harness.mjs';

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

// Reads what a reader sees in one widget: section titles and the items of each list.
function readWidget(page, selector = 'encart-sidebar') {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const sections = {};
    for (const section of root.querySelectorAll('[data-list]')) {
      sections[section.dataset.list] = {
        hidden: section.hidden,
        // A tab panel (layout="tabs", the demo's article page) is named by its tab.
        heading: (section.querySelector('h2') || root.querySelector(`[aria-controls="${section.id}"]`)).textContent,
        items: [...section.querySelectorAll('.item')].map((li) => ({
          title: li.querySelector('.title').textContent,
          href: li.querySelector('a').getAttribute('href'),
          category: li.querySelector('.category')?.textContent ?? '',
          byline: li.querySelector('.byline').textContent,
        })),
        moreHidden: section.querySelector('[data-part="more"]').hidden,
      };
    }
    return sections;
  }, selector);
}

const encartErrors = (page) => page.messages.filter((m) => m.startsWith('error: [encart]'));

describe('demo page', () => {
  test('renders the three French sections, without the article on screen', async () => {
    const page = await h.page('/');
    await waitForWidget(page);
    const w = await readWidget(page);
    assert.equal(w.latest.heading, 'Derniers articles');
    assert.equal(w.mostRead.heading, 'Les plus lus');
    assert.equal(w.related.heading, 'À lire aussi');
    for (const list of ['latest', 'mostRead', 'related']) {
      assert.equal(w[list].hidden, false, `${list} is shown`);
      assert.equal(w[list].items.length, 5, `${list} shows 5 items`);
      for (const item of w[list].items) assert.doesNotMatch(item.href, /^\/$|\/$/, 'the current article (url /) is absent');
    }
    assert.match(w.latest.items[0].byline, /– \d{1,2}(er)? [a-zéû]+ 2024$/, 'byline ends with a French date');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(encartErrors(page), []);
    await page.context().close();
  });

  test('the menus show their whole labels in a 300 px sidebar, the narrowest a theme uses', async () => {
    const page = await h.page('/');
    await waitForWidget(page);
    const cut = await page.evaluate(() => {
      const host = document.querySelector('encart-sidebar');
      host.style.display = 'block';
      host.style.width = '300px';
      const context = document.createElement('canvas').getContext('2d');
      const out = [];
      for (const select of host.shadowRoot.querySelectorAll('select')) {
        const style = getComputedStyle(select);
        context.font = style.font;
        // The label shown, its text width, and the room inside the box (padding and the arrow).
        const label = select.options[select.selectedIndex].text;
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
        if (context.measureText(label).width > room) out.push(`${label}: ${Math.round(context.measureText(label).width)} px in ${Math.round(room)}`);
        if (select.getBoundingClientRect().right > host.getBoundingClientRect().right + 0.5) out.push(`${label}: past the box`);
      }
      return out;
    });
    assert.deepEqual(cut, []);
    await page.context().close();
  });

  test('the related section follows the article attribute, with no article shown twice', async () => {
    const page = await h.page('/');
    await waitForWidget(page);
    const before = await readWidget(page);
    // Switch to a football story: related follows it, latest stays the newest.
    await page.evaluate(() => document.querySelector('encart-sidebar').setAttribute('article', 'lions-atlas-centrafrique-oujda'));
    await page.waitForFunction(
      (old) => {
        const el = document.querySelector('encart-sidebar');
        const titles = [...el.shadowRoot.querySelectorAll('[data-list="related"] .item .title')].map((t) => t.textContent);
        return !('pending' in el.dataset) && titles.join('|') !== old;
      },
      before.related.items.map((i) => i.title).join('|'),
    );
    const after = await readWidget(page);
    const sport = after.related.items.filter((i) => i.category === 'Sport');
    assert.ok(sport.length >= 3, `related follows the football article: ${JSON.stringify(after.related.items.map((i) => i.title))}`);
    assert.ok(!after.related.items.some((i) => i.href.includes('lions-atlas-centrafrique-oujda')), 'never the article itself');
    const hrefs = [...after.latest.items, ...after.related.items, ...after.mostRead.items].map((i) => i.href);
    assert.equal(new Set(hrefs).size, hrefs.length, `an article is shown twice: ${hrefs.join(', ')}`);
    await page.context().close();
  });

  test('related articles share the subject of the article on screen', async () => {
    const page = await h.page('/');
    await waitForWidget(page);
    const w = await readWidget(page);
    // The article on screen: security cooperation between Rabat and Paris. Related stories share
    // its subject (security) or its people and places (Morocco and France working together).
    const topicWords = /sécurit|renseignement|terror|DGST|DGSN|Hammouchi|intérieur|réadmission|combattants|Paris|France|Macron/i;
    const onTopic = w.related.items.filter((i) => topicWords.test(i.title));
    assert.equal(onTopic.length, w.related.items.length, `every related item shares the subject: ${JSON.stringify(w.related.items.map((i) => i.title))}`);
    assert.ok(w.related.items.filter((i) => /sécurit|renseignement|terror|DGST|DGSN|Hammouchi/i.test(i.title)).length >= 2);
    await page.context().close();
  });

  test('typing "sécu" narrows the lists, keeps focus and announces the count', async () => {
    const page = await h.page('/');
    await waitForWidget(page);
    const search = page.locator('encart-sidebar input[type="search"]');
    await search.click();
    await search.pressSequentially('sécu', { delay: 30 });
    await page.waitForFunction(() => {
      const status = document.querySelector('encart-sidebar').shadowRoot.querySelector('[role="status"]');
      return /\d+ articles? correspond/.test(status.textContent);
    });
    const status = await page.evaluate(() => document.querySelector('encart-sidebar').shadowRoot.querySelector('[role="status"]').textContent);
    const matching = Number(status.match(/\d+/)[0]);
    assert.ok(matching > 0 && matching < 71, `some but not all articles match (${status})`);
    const w = await readWidget(page);
    assert.ok(w.latest.items.length > 0);
    const focused = await page.evaluate(() => document.querySelector('encart-sidebar').shadowRoot.activeElement?.dataset.part);
    assert.equal(focused, 'q', 'the search box keeps focus while the lists change');
    // Every listed article matches "sécu" somewhere; titles are the visible part, so check via the API.
    const ids = await page.evaluate(async () => {
      const engine = await Encart.createEngine();
      const text = await (await fetch('/articles.json')).text();
      engine.load(text, { now: Date.now() });
      return engine.latest({ limit: 100, filter: { q: 'sécu' }, exclude: ['securite-maroc-france'] }).map((a) => a.title);
    });
    assert.equal(ids.length, matching, 'the announced count is the API count');
    assert.deepEqual(w.latest.items.map((i) => i.title), ids.slice(0, w.latest.items.length));
    await page.context().close();
  });

  test('a category choice narrows all lists and the menu shows counts', async () => {
    const page = await h.page('/');
    await waitForWidget(page);
    const options = await page.evaluate(() =>
      [...document.querySelector('encart-sidebar').shadowRoot.querySelectorAll('[data-part="category"] option')].map((o) => o.textContent));
    assert.equal(options[0], 'Toutes les rubriques');
    assert.ok(options.some((o) => /^Sport \(\d+\)$/.test(o)), `a "Sport (N)" option: ${options}`);
    assert.ok(options.length >= 7, 'six categories plus "all"');
    await page.locator('encart-sidebar select[data-part="category"]').selectOption('Sport');
    await settled(page);
    const w = await readWidget(page);
    for (const list of ['latest', 'mostRead', 'related']) {
      for (const item of w[list].items) assert.equal(item.category, 'Sport', `${list}: ${item.title}`);
    }
    assert.ok(w.latest.items.length > 0);
    const authorOptions = await page.evaluate(() =>
      [...document.querySelector('encart-sidebar').shadowRoot.querySelectorAll('[data-part="author"] option')].map((o) => o.textContent));
    const sportAuthorsTotal = authorOptions.slice(1).reduce((sum, o) => sum + Number(o.match(/\((\d+)\)$/)[1]), 0);
    assert.ok(sportAuthorsTotal >= 8, 'author counts follow the category choice');
    await page.context().close();
  });

  test('"Voir plus" shows more items', async () => {
    const page = await h.page('/');
    await waitForWidget(page);
    await page.locator('encart-sidebar [data-list="latest"] [data-part="more"]').click();
    await settled(page);
    const w = await readWidget(page);
    assert.equal(w.latest.items.length, 10);
    await page.context().close();
  });

  test('the related list follows the article attribute', async () => {
    const page = await h.page('/article.html?id=lions-atlas-centrafrique-oujda');
    await waitForWidget(page);
    const before = await readWidget(page);
    await page.evaluate(() => document.querySelector('encart-sidebar').setAttribute('article', 'securite-maroc-france'));
    await page.waitForFunction((first) => {
      const item = document.querySelector('encart-sidebar').shadowRoot.querySelector('[data-list="related"] .title');
      return item && item.textContent !== first;
    }, before.related.items[0].title);
    const after = await readWidget(page);
    assert.notDeepEqual(after.related.items.map((i) => i.title), before.related.items.map((i) => i.title));
    await page.context().close();
  });
});

describe('hostile and broken input', () => {
  test('a hostile bundle renders as inert text', async () => {
    const page = await h.page('/fixtures/pages/hostile.html');
    await waitForWidget(page);
    await page.waitForTimeout(300); // give any injected handler a chance to run
    const result = await page.evaluate(() => {
      const root = document.querySelector('encart-sidebar').shadowRoot;
      return {
        pwned: window.__pwned,
        scripts: root.querySelectorAll('script').length,
        handlers: [...root.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
        svgs: root.querySelectorAll('svg').length,
        hrefs: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        srcs: [...root.querySelectorAll('img')].map((i) => i.getAttribute('src')),
        titles: [...root.querySelectorAll('.title')].map((t) => t.textContent),
      };
    });
    assert.equal(result.pwned, undefined);
    assert.equal(result.scripts, 0);
    assert.equal(result.handlers, 0);
    assert.equal(result.svgs, 0);
    for (const href of [...result.hrefs, ...result.srcs]) assert.match(href, /^https:\/\//);
    assert.ok(result.titles.includes('<img src=x onerror="window.__pwned=1">Titre piégé'), 'the markup shows as text');
    assert.ok(page.messages.some((m) => m.startsWith('warning: [encart]') && /skipped/.test(m)), 'skipped articles are reported');
    await page.context().close();
  });

  test('a missing bundle shows a message and leaves the host page working', async () => {
    const page = await h.page('/fixtures/pages/missing.html');
    await page.waitForFunction(() => document.querySelector('encart-sidebar').dataset.state === 'error');
    const message = await page.evaluate(() => document.querySelector('encart-sidebar').shadowRoot.querySelector('[data-part="message"]').textContent);
    assert.equal(message, 'Les articles n’ont pas pu être chargés.');
    const cause = encartErrors(page).find((m) => m.includes('404'));
    assert.ok(cause, `console names the cause: ${page.messages}`);
    // The URL once: "could not load /missing.json: HTTP 404", not "…/missing.json: /missing.json: …".
    const url = cause.match(/could not load (\S+): HTTP 404/);
    assert.ok(url, cause);
    assert.equal(cause.split(url[1]).length - 1, 1, cause);
    await page.click('#host-button');
    assert.equal(await page.textContent('#host-button'), 'cliqué');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a bundle that is not JSON is reported with its line and column', async () => {
    const page = await h.page('/fixtures/pages/bad-json.html');
    await page.waitForFunction(() => document.querySelector('encart-sidebar').dataset.state === 'error');
    assert.ok(encartErrors(page).some((m) => /bad\.json: not valid JSON at line 3, column \d+/.test(m)), `${page.messages}`);
    await page.context().close();
  });
});

describe('isolation', () => {
  test('two widgets on one page share one WASM download', async () => {
    const page = await h.page();
    const wasmRequests = [];
    page.on('request', (r) => r.url().endsWith('.wasm') && wasmRequests.push(r.url()));
    await page.goto(`${h.base}/fixtures/pages/two-widgets.html`);
    await waitForWidget(page, '#first encart-sidebar');
    await waitForWidget(page, '#second-target encart-sidebar');
    const first = await readWidget(page, '#first encart-sidebar');
    const second = await readWidget(page, '#second-target encart-sidebar');
    assert.equal(first.latest.heading, 'Derniers articles');
    assert.equal(second.latest.heading, 'Latest articles');
    assert.equal(wasmRequests.length, 1);
    await page.context().close();
  });

  test('the host page CSS does not leak into the widget', async () => {
    const page = await h.page('/fixtures/pages/host-css.html');
    await waitForWidget(page);
    const style = await page.evaluate(() => {
      const title = document.querySelector('encart-sidebar').shadowRoot.querySelector('.title');
      const s = getComputedStyle(title);
      return { color: s.color, fontSize: s.fontSize, display: getComputedStyle(title.closest('li')).display };
    });
    assert.notEqual(style.color, 'rgb(255, 0, 0)');
    assert.notEqual(style.fontSize, '40px');
    assert.equal(style.display, 'list-item');
    await page.context().close();
  });

  test('the only global the script adds is Encart', async () => {
    const baseline = await h.page('/fixtures/pages/globals-baseline.html');
    const before = new Set(await baseline.evaluate(() => Object.getOwnPropertyNames(window)));
    await baseline.context().close();
    const page = await h.page('/fixtures/pages/globals.html');
    await waitForWidget(page);
    const added = (await page.evaluate(() => Object.getOwnPropertyNames(window))).filter((n) => !before.has(n));
    assert.deepEqual(added, ['Encart']);
    await page.context().close();
  });

  test('Arabic renders right to left with Moroccan month names', async () => {
    const page = await h.page('/fixtures/pages/arabic.html');
    await waitForWidget(page);
    const info = await page.evaluate(() => {
      const root = document.querySelector('encart-sidebar').shadowRoot;
      return { dir: root.querySelector('.encart').getAttribute('dir'), heading: root.querySelector('h2').textContent, time: root.querySelector('time').textContent };
    });
    assert.equal(info.dir, 'rtl');
    assert.equal(info.heading, 'آخر المقالات');
    assert.match(info.time, /دجنبر 2024/);
    await page.context().close();
  });
});
