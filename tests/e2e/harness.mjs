// Shared set-up for the browser tests: one static server (demo + dist + fixtures, under the
// demo's strict CSP) and one headless Debian Chromium driven by playwright-core.
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export async function launch({ mounts = [] } = {}) {
  const server = await startServer({ port: 0, fixtures: true, mounts });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    browser,
    // A fresh page that records console messages and page errors for assertions.
    async page(path) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.messages = [];
      page.errors = [];
      page.on('console', (m) => page.messages.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => page.errors.push(String(e)));
      if (path) await page.goto(base + path);
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// Waits until the widget inside `host` (a selector) shows its lists.
export async function waitForWidget(page, host = 'encart-sidebar') {
  await page.waitForFunction(
    (selector) => {
      const el = document.querySelector(selector);
      const root = el && el.shadowRoot;
      return root && root.querySelector('[data-list="latest"]:not([hidden]) .item');
    },
    host,
    { timeout: 15000 },
  );
}

// Waits until no widget has a render in flight (the engine may answer from a worker).
export async function settled(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('encart-sidebar')].every((el) => !el.hasAttribute('data-pending')));
}

// Serves `html` at `path` on the test server's origin (encart.js is same-origin: the worker runs).
// Such pages carry no Content-Security-Policy, so tests can inject axe-core.
export async function servePage(page, base, path, html) {
  await page.route(`${base}${path}`, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
}

// A page with one <encart-sidebar>: `attributes` as written, the page's language and direction,
// and `scheme` its CSS color-scheme (then the page paints Canvas/CanvasText, as such pages do).
export function sidebarPage({ bundle = '/articles.json', attributes = '', lang = 'fr', dir = 'ltr', scheme = '' } = {}) {
  const style = scheme ? `<style>:root { color-scheme: ${scheme}; } body { background: Canvas; color: CanvasText; }</style>` : '';
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>encart</title>
<link rel="icon" href="data:,">${style}</head><body><main><h1>Article</h1></main>
<aside style="width: 340px"><encart-sidebar bundle="${bundle}" ${attributes}></encart-sidebar></aside>
<script src="/dist/encart.js" async></script></body></html>`;
}

// Waits until the widget shows its lists (whatever tab is selected) and no render is in flight.
export async function waitForReady(page, host = 'encart-sidebar') {
  await page.waitForFunction((selector) => document.querySelector(selector)?.dataset.state === 'ready', host, { timeout: 15000 });
  await settled(page);
}
