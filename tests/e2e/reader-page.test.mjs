// The reader's page (issue 11): the article on screen found by the page's own addresses, labels
// for subscribers' articles, articles that expire, and a reading history kept in the browser.
// Each in Chromium, through the script tag a publisher pastes; the address lookup for a pack too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, settled, waitForWidget } from './harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.ENCART_CLI || join(root, 'build', 'native-debug', 'tools', 'cli', 'encart');

const article = (id, day, title, extra = {}) => ({
  id,
  url: `/reader/articles/${id}/`,
  title,
  published: `2024-12-0${day}T10:00:00+01:00`,
  category: 'Politique',
  tags: ['Sécurité'],
  views: 100 * day,
  ...extra,
});

// Relative URLs: they resolve against the bundle's own address, this test server's.
const BUNDLE = {
  version: 1,
  articles: [
    article('a1', 1, 'Coopération sécuritaire entre Rabat et Paris'),
    article('a2', 2, 'Sécurité routière : un nouveau plan national'),
    article('a3', 3, 'Accord de sécurité signé à Rabat', { isAccessibleForFree: false }),
    article('a4', 4, 'Sécurité : la DGSN recrute', { isAccessibleForFree: 'False' }),
    article('a5', 5, 'Le budget de la sécurité adopté', { expires: '2025-01-01T00:00:00Z' }),
    article('a6', 6, 'Sécurité nationale : le bilan', { expires: '2099-01-01T00:00:00+01:00' }),
  ],
};

let h;
let dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'encart-e2e-reader-'));
  h = await launch({ mounts: [['/reader/data/', dir]] });
  // encart pack resolves relative URLs against site.url: this server's, known once it runs.
  writeFileSync(join(dir, 'bundle.json'), JSON.stringify({ ...BUNDLE, site: { url: `${h.base}/` } }));
  execFileSync(cli, ['pack', join(dir, 'bundle.json'), '-o', join(dir, 'pack')], { stdio: 'pipe' });
});

after(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const SOURCES = { bundle: '/reader/data/bundle.json', pack: '/reader/data/pack/manifest.json' };

// An article page at `path`, with `head` markup and the script tag's data-* `attributes`.
function html({ head = '', bundle = SOURCES.bundle, attributes = '', lang = 'fr' }) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>article</title>${head}</head>
<body><script src="/dist/encart.js" data-bundle="${bundle}" ${attributes} async></script></body></html>`;
}

// The console line that names the article found by address (arguments follow the format, as
// Chromium reports them).
function foundLine(page) {
  return page.messages.find((m) => m.startsWith('info: [encart] article on screen')) || page.messages.join('\n');
}

// Opens `path` (served with `markup`) in `context` (a fresh one by default) and waits for the lists.
async function open(path, markup, { context, initScript } = {}) {
  const ctx = context || (await h.browser.newContext());
  const page = await ctx.newPage();
  page.messages = [];
  page.errors = [];
  page.on('console', (m) => page.messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => page.errors.push(String(e)));
  if (initScript) await page.addInitScript(initScript);
  await page.route(`${h.base}/reader/articles/**`, (route) => route.fulfill({ body: markup, contentType: 'text/html' }));
  await page.goto(`${h.base}${path}`);
  await waitForWidget(page);
  await settled(page);
  await page.waitForFunction(() => !document.querySelector('encart-sidebar').hasAttribute('data-searching'));
  return page;
}

// Each list's items as the reader sees them: the id from the link and the labels' text.
function lists(page) {
  return page.evaluate(() => {
    const shadow = document.querySelector('encart-sidebar').shadowRoot;
    const out = {};
    for (const section of shadow.querySelectorAll('[data-list]')) {
      out[section.dataset.list] = section.hidden
        ? []
        : [...section.querySelectorAll('.item')].map((li) => ({
            id: li.querySelector('a').getAttribute('href').split('/').at(-2),
            labels: [...li.querySelectorAll('.label')].map((l) => l.textContent),
          }));
    }
    return out;
  });
}

const ids = (items) => items.map((item) => item.id);
const shownIds = (view) => [...new Set([...ids(view.latest), ...ids(view.mostRead), ...ids(view.related)])];

for (const [kind, bundle] of Object.entries(SOURCES)) {
  test(`without data-article, the canonical link names the article on screen and the console says so (${kind})`, async () => {
    const page = await open(
      '/reader/articles/elsewhere/?utm_source=x#top',
      html({
        bundle,
        attributes: 'data-repeats',
        head: `<link rel="canonical" href="HTTP://${new URL(h.base).host}/reader/articles/a2"><meta property="og:url" content="/reader/articles/a3/">`,
      }),
    );
    const view = await lists(page);
    assert.ok(!shownIds(view).includes('a2'), 'the article on screen is in no list');
    assert.ok(view.related.length > 0, 'related follows the article found');
    assert.match(foundLine(page), / a2 <link rel="canonical"> http:\/\/127\.0\.0\.1:\d+\/reader\/articles\/a2$/);
    await page.context().close();
  });

  test(`og:url names the article when the page has no canonical link (${kind})`, async () => {
    const page = await open('/reader/articles/elsewhere/', html({ bundle, head: '<meta property="og:url" content="/reader/articles/a3/">' }));
    assert.ok(!shownIds(await lists(page)).includes('a3'));
    assert.match(foundLine(page), / a3 <meta property="og:url"> http:\/\/127\.0\.0\.1:\d+\/reader\/articles\/a3\/$/);
    await page.context().close();
  });

  test(`the page's own address without query and fragment names the article when nothing else does (${kind})`, async () => {
    const page = await open('/reader/articles/a4?ref=home#comments', html({ bundle }));
    assert.ok(!shownIds(await lists(page)).includes('a4'));
    assert.match(foundLine(page), / a4 address http:\/\/127\.0\.0\.1:\d+\/reader\/articles\/a4$/);
    await page.context().close();
  });

  test(`a page whose addresses name no article says so in the console and shows no related list (${kind})`, async () => {
    const page = await open('/reader/articles/unknown/', html({ bundle, head: '<link rel="canonical" href="https://other.example/x">' }));
    const view = await lists(page);
    assert.deepEqual(view.related, []);
    const warning = page.messages.find((m) => m.includes('no article of the bundle has this page'));
    assert.match(warning, /<link rel="canonical"> https:\/\/other\.example\/x, address http:\/\/127\.0\.0\.1:\d+\/reader\/articles\/unknown\//);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test(`an expired article shows in no list and no search, one expiring later still shows (${kind})`, async () => {
    const page = await open('/reader/articles/x/', html({ bundle, attributes: 'data-article="a1" data-limit="10"' }));
    const shown = shownIds(await lists(page));
    assert.ok(!shown.includes('a5'), 'a5 expired on 2025-01-01');
    assert.ok(shown.includes('a6'), 'a6 expires in 2099');
    const shadow = await page.evaluateHandle(() => document.querySelector('encart-sidebar').shadowRoot);
    await (await shadow.$('[data-part="q"]')).type('budget');
    await settled(page);
    await page.waitForFunction(() => !document.querySelector('encart-sidebar').hasAttribute('data-searching'));
    assert.deepEqual(shownIds(await lists(page)), []);
    await page.context().close();
  });
}

test('articles for subscribers carry a visible text label in French, English and Arabic', async () => {
  for (const [lang, label] of [['fr', 'Abonnés'], ['en', 'Subscribers'], ['ar', 'للمشتركين']]) {
    const page = await open('/reader/articles/x/', html({ lang, attributes: `data-article="a1" data-lang="${lang}"` }));
    const latest = (await lists(page)).latest;
    const labelled = latest.filter((item) => item.labels.includes(label)).map((item) => item.id).sort();
    assert.deepEqual(labelled, ['a3', 'a4'], `${lang}: false and "False" both label; the others do not`);
    const visible = await page.evaluate(() => {
      const el = document.querySelector('encart-sidebar').shadowRoot.querySelector('.label.subscribers');
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && el.textContent.trim().length > 0;
    });
    assert.ok(visible, `${lang}: the label is text on screen, not a colour alone`);
    await page.context().close();
  }
});

test('with data-history, opened articles are marked "Déjà lu" and go last in related until "Effacer l\'historique"', async () => {
  const attributes = 'data-article="a1" data-repeats data-history';
  // The related order without any history, for comparison.
  const fresh = await open('/reader/articles/a1/', html({ attributes: 'data-article="a1" data-repeats' }));
  const plain = ids((await lists(fresh)).related);
  assert.ok(plain.indexOf('a2') >= 0 && plain.indexOf('a2') < plain.length - 1, `a2 is related and not last: ${plain}`);
  await fresh.context().close();

  const context = await h.browser.newContext();
  // The reader opens a2 (found by its address), then a1.
  const first = await open('/reader/articles/a2/', html({ attributes: 'data-history' }), { context });
  await first.close();
  const page = await open('/reader/articles/a1/', html({ attributes }), { context });
  let view = await lists(page);
  assert.deepEqual(ids(view.related), [...plain.filter((id) => id !== 'a2'), 'a2']);
  assert.deepEqual(view.related.at(-1).labels, ['Déjà lu']);
  assert.ok(view.related.slice(0, -1).every((item) => !item.labels.includes('Déjà lu')));
  assert.ok(view.latest.find((item) => item.id === 'a2').labels.includes('Déjà lu'), 'latest marks it too, in its own order');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('encart:reading-history:v1')));
  assert.deepEqual(stored, ['a1', 'a2'], 'ids only, the latest first');

  const shadow = await page.evaluateHandle(() => document.querySelector('encart-sidebar').shadowRoot);
  const clear = await shadow.$('[data-part="clear-history"]');
  assert.equal(await clear.textContent(), 'Effacer l’historique');
  await clear.click();
  await settled(page);
  view = await lists(page);
  assert.deepEqual(ids(view.related), plain);
  assert.ok(shownIds(view).length > 0 && Object.values(view).flat().every((item) => !item.labels.includes('Déjà lu')));
  assert.equal(await page.evaluate(() => localStorage.getItem('encart:reading-history:v1')), null);
  await page.waitForFunction(() => document.querySelector('encart-sidebar').shadowRoot.querySelector('[data-part="status"]').textContent === 'Historique de lecture effacé');
  await context.close();
});

test('where storage is blocked, a widget with data-history shows the same lists without errors or the button', async () => {
  const blocked = () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  };
  const attributes = 'data-article="a1" data-repeats';
  const page = await open('/reader/articles/a1/', html({ attributes: `${attributes} data-history` }), { initScript: blocked });
  assert.ok(await page.evaluate(() => { try { return !localStorage; } catch { return true; } }), 'storage throws here');
  const reference = await open('/reader/articles/a1/', html({ attributes }));
  assert.deepEqual(await lists(page), await lists(reference));
  assert.equal(await page.evaluate(() => document.querySelector('encart-sidebar').shadowRoot.querySelector('[data-part="clear-history"]').hidden), true);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.messages.filter((m) => m.startsWith('error')), []);
  await page.context().close();
  await reference.context().close();
});
