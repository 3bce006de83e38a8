// Issue 12, in the browser: the "encart" Trusted Types policy lets through only the core's HTML,
// the worker answers only its own calls, and bundle text never becomes a console format string.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitForWidget } from './harness.mjs';

let h;
before(async () => {
  h = await launch();
});
after(async () => {
  await h.close();
});

test('under Trusted Types the widget renders and the policy refuses HTML the core did not produce', async () => {
  const widget = await h.page('/fixtures/pages/trusted-types.html');
  await waitForWidget(widget);
  assert.deepEqual(widget.errors, []);
  assert.ok(!widget.messages.some((m) => /TrustedHTML|Trusted Type/i.test(m)), `${widget.messages}`);
  await widget.context().close();

  const page = await h.page('/fixtures/pages/trusted-types-api.html');
  const outcome = await page.evaluate(() => window.outcome);
  assert.equal(outcome.failed, undefined, outcome.failed);
  assert.equal(outcome.core, 'accepted');
  assert.equal(outcome.items, 3);
  // A string the core did not produce, or the core's string used a second time, never becomes
  // TrustedHTML: the page's policy refuses it at the sink.
  assert.match(outcome.foreign, /^TypeError: .*TrustedHTML/);
  assert.match(outcome.again, /^TypeError: .*TrustedHTML/);
  assert.match(outcome.impostor, /^TypeError: .*encart/);
  assert.equal(outcome.pwned, false);
  await page.context().close();
});

test('the worker answers only its own calls, not members of Object.prototype', async () => {
  const page = await h.page('/');
  const answers = await page.evaluate(async () => {
    const worker = new Worker('/dist/encart.js#encart-worker');
    const methods = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    const replies = new Map();
    const done = new Promise((resolve) => {
      worker.onmessage = ({ data }) => {
        replies.set(data.id, data);
        if (replies.size === methods.length) resolve();
      };
    });
    methods.forEach((method, i) => worker.postMessage({ id: i + 1, method }));
    await done;
    worker.terminate();
    return methods.map((method, i) => ({ method, ...replies.get(i + 1) }));
  });
  for (const answer of answers) {
    assert.equal(answer.result, undefined, `${answer.method} was dispatched`);
    assert.equal(answer.error.code, 'bad_input', answer.method);
    assert.equal(answer.error.message, `unknown worker call ${answer.method}`);
  }
  await page.context().close();
});

test('bundle text reaches the console as an argument, never as the format string', async () => {
  const page = await h.page();
  await page.addInitScript(() => {
    window.consoleCalls = [];
    for (const level of ['log', 'warn', 'error']) {
      const original = console[level].bind(console);
      console[level] = (...args) => {
        window.consoleCalls.push(args.map(String));
        original(...args);
      };
    }
  });
  await page.goto(`${h.base}/fixtures/pages/format-specifiers.html`);
  await waitForWidget(page);
  await page.waitForFunction(() => window.consoleCalls.some((args) => args.some((a) => a.includes('%c%s-absent'))));
  const calls = (await page.evaluate(() => window.consoleCalls)).filter((args) => args[0].startsWith('[encart]'));
  // The skipped article, the control character warning and the unknown article were each said...
  const said = calls.map((args) => args.slice(1).join(' '));
  assert.ok(said.some((s) => s.includes('"javascript:%c%s%o" is not an http(s) URL')), `${said}`);
  assert.ok(said.some((s) => s.includes('articles[2].title: 1 control character(s) removed')), `${said}`);
  assert.ok(said.some((s) => s.includes('%c%s-absent')), `${said}`);
  // ...and no format string held any of it.
  for (const [format] of calls) assert.ok(!/%c%s|%o|Titre/.test(format), format);
  await page.context().close();
});
