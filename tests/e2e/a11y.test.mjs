// Accessibility and colours (issue 11): axe-core audits the widget with the WCAG 2.2 AA rules in
// both layouts, light and dark, French, English and Arabic; the colours follow the host page's
// colour scheme and never turn dark on a page that is light only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, servePage, sidebarPage, waitForReady } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const CURRENT = 'securite-maroc-france';

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

async function open({ attributes = '', lang = 'fr', dir = 'ltr', scheme = '', dark = false } = {}) {
  const context = await h.browser.newContext({ colorScheme: dark ? 'dark' : 'light' });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  const html = sidebarPage({ attributes: `article="${CURRENT}" lang="${lang}" ${attributes}`, lang, dir, scheme });
  await servePage(page, h.base, '/audit.html', html);
  await page.goto(`${h.base}/audit.html`);
  await waitForReady(page);
  return page;
}

// axe-core run in the page (shadow roots included), WCAG 2.2 A and AA rules only; each violation
// as "rule: target" so a failure names what to fix.
async function audit(page) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }).then((r) => r.violations),
    WCAG_22_AA,
  );
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary}`));
}

// The colours a reader sees: the widget's text and accent and the page behind them.
const colours = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('encart-sidebar').shadowRoot;
    const css = (el, property) => getComputedStyle(el)[property];
    return {
      text: css(root.querySelector('.title'), 'color'),
      category: css(root.querySelector('.category'), 'color'),
      muted: css(root.querySelector('.meta time'), 'color'),
      field: css(root.querySelector('.search'), 'backgroundColor'),
      page: css(document.body, 'backgroundColor'),
    };
  });

// WCAG relative luminance and contrast ratio of two rgb() strings.
function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

for (const layout of ['stacked', 'tabs']) {
  for (const dark of [false, true]) {
    for (const [lang, dir] of [['fr', 'ltr'], ['en', 'ltr'], ['ar', 'rtl']]) {
      const scheme = dark ? 'dark' : 'light';
      test(`axe finds no WCAG 2.2 AA violation in the ${layout} layout, ${scheme}, in ${lang}`, async () => {
        const page = await open({ attributes: layout === 'tabs' ? 'layout="tabs"' : '', lang, dir, scheme: 'light dark', dark });
        assert.deepEqual(await audit(page), []);
        if (layout === 'tabs') {
          // The other tab's panel, with the period control, is audited too.
          await page.locator('encart-sidebar [role="tab"][data-tab="mostRead"]').click();
          assert.deepEqual(await audit(page), [], 'with "most read" selected');
        }
        assert.deepEqual(page.errors, []);
        await page.context().close();
      });
    }
  }
}

test('on a page that declares color-scheme "light dark" a dark setting turns the widget dark and readable', async () => {
  const light = await open({ scheme: 'light dark' });
  const day = await colours(light);
  await light.context().close();
  const dark = await open({ scheme: 'light dark', dark: true });
  const night = await colours(dark);
  await dark.context().close();
  assert.ok(luminance(night.page) < 0.05, `the page turned dark: ${night.page}`);
  assert.ok(luminance(night.text) > 0.7, `light text on it: ${night.text}`);
  for (const part of ['text', 'category', 'muted']) {
    assert.ok(contrast(night[part], night.page) >= 4.5, `${part} ${night[part]} on ${night.page}`);
    assert.ok(contrast(day[part], day.page) >= 4.5, `${part} ${day[part]} on ${day.page}`);
  }
  assert.ok(luminance(night.field) < 0.05, `the search field is dark too: ${night.field}`);
});

test('on a page that is light only a dark setting changes none of the widget colours', async () => {
  const light = await open();
  const day = await colours(light);
  await light.context().close();
  const dark = await open({ dark: true });
  assert.deepEqual(await colours(dark), day);
  await dark.context().close();
});

test('a publisher colour set with --encart-text wins over both schemes', async () => {
  const page = await open({ scheme: 'light dark', dark: true, attributes: 'style="--encart-text: rgb(255, 200, 0)"' });
  assert.equal((await colours(page)).text, 'rgb(255, 200, 0)');
  await page.context().close();
});
