// Issue 12, in the browser: the "encart" Trusted Types policy lets through only the core's HTML,
// the worker answers only its own calls, and bundle text never becomes a console format string.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, servePage, sidebarPage, waitForWidget } from './harness.mjs';

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

// Issue 12's row in the browser: 106 KB of RSS whose one 100 KB entity is used 2000 times made
// DOMParser build a 500 MB title on the main thread, in 12 s. Its DTD is now refused before
// DOMParser sees it; the time is compared with an ordinary RSS of the same size, as a ratio.
test('an RSS feed whose DTD declares an entity is refused before parsing, in a time comparable to an ordinary feed', async () => {
  const page = await h.page();
  await servePage(page, h.base, '/rss-entity.html', '<!doctype html><title>RSS</title><script src="/dist/encart.js"></script>');
  await page.goto(`${h.base}/rss-entity.html`);
  await page.waitForFunction(() => typeof window.Encart === 'object');
  const got = await page.evaluate(async () => {
    const head = '<rss version="2.0"><channel><title>Q</title><link>https://q.example/</link><item><title>';
    const tail = '</title><link>/a</link><pubDate>Mon, 09 Dec 2024 10:15:00 +0100</pubDate></item></channel></rss>';
    const hostile = `<!DOCTYPE rss [<!ENTITY e "${'x'.repeat(100000)}">]>${head}${'&e;'.repeat(2000)}${tail}`;
    const ordinary = `${head}${'x'.repeat(hostile.length - head.length - tail.length)}${tail}`;
    const engine = await Encart.createEngine();
    const outcome = (text) => {
      try {
        return `loaded ${engine.load(text, { now: '2024-12-10T12:00:00Z' }).articles}`;
      } catch (error) {
        return `${error.code}: ${error.message}`;
      }
    };
    // Batches of runs: without cross-origin isolation the clock is coarsened to 0.1 ms.
    const time = (text) => {
      const start = performance.now();
      for (let i = 0; i < 10; i++) outcome(text);
      return performance.now() - start;
    };
    time(ordinary); // warm-up: the first load also compiles code
    const result = { bytes: hostile.length, hostile: outcome(hostile), ordinary: outcome(ordinary), ratio: time(hostile) / time(ordinary) };
    engine.dispose();
    return result;
  });
  assert.ok(got.bytes > 106000, `${got.bytes} bytes`);
  assert.match(got.hostile, /^bad_xml: the XML declares entities/);
  assert.equal(got.ordinary, 'loaded 1');
  assert.ok(got.ratio <= 10, `${got.ratio} times the time of an ordinary feed`);
  await page.context().close();
});

// DOMParser exists on the main thread only: the widget parses an RSS or Atom feed once the page
// is idle (requestIdleCallback), never in the task that fetched it, whether a worker then maps
// the tree or the page itself does.
for (const worker of [true, false]) {
  test(`an RSS widget parses its feed in the page's idle time (${worker ? 'with' : 'without'} a worker)`, async () => {
    const page = await h.page();
    await page.addInitScript((allowWorker) => {
      if (!allowWorker) delete window.Worker;
      window.xmlParses = [];
      let idle = false;
      const request = window.requestIdleCallback.bind(window);
      window.requestIdleCallback = (callback, options) =>
        request((deadline) => {
          idle = true;
          setTimeout(() => (idle = false)); // what the callback resolved runs before this task
          callback(deadline);
        }, options);
      const parse = DOMParser.prototype.parseFromString;
      DOMParser.prototype.parseFromString = function (text, type) {
        if (type === 'application/xml') window.xmlParses.push(idle);
        return parse.call(this, text, type);
      };
    }, worker);
    await servePage(page, h.base, '/rss-idle.html', sidebarPage({ bundle: '/fixtures/feeds/rss.xml' }));
    await page.goto(`${h.base}/rss-idle.html`);
    await waitForWidget(page);
    assert.deepEqual(await page.evaluate(() => window.xmlParses), [true]);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
