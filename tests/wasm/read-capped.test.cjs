'use strict';
// Fetched bytes are capped while they arrive (issue 12): a server that sends more than a bundle,
// a views file or a pack file may hold is refused with too_large, without the page first
// holding all of it (web/read-capped.js).

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { webModule } = require('./helpers.cjs');

const { readCapped, responseBytes } = webModule('read-capped.js');

// A body that never ends: 64 KiB chunks for as long as they are read. Counts what was pulled.
function endless() {
  const stream = new ReadableStream({
    pull(controller) {
      stream.pulled += 65536;
      controller.enqueue(new Uint8Array(65536));
    },
    cancel() {
      stream.cancelled = true;
    },
  });
  stream.pulled = 0;
  return stream;
}

test('a body that never ends is refused once past the cap, and the download is cancelled', async () => {
  const body = endless();
  await assert.rejects(responseBytes(new Response(body), 1 << 20, '/articles.json'), (e) => {
    assert.equal(e.code, 'too_large');
    assert.match(e.message, /^\/articles\.json: more than 1048576 bytes, over the limit/);
    return true;
  });
  assert.ok(body.cancelled, 'the stream was cancelled');
  assert.ok(body.pulled <= (1 << 20) + 3 * 65536, `read ${body.pulled} bytes for a 1 MiB cap`);
});

test('a Content-Length over the cap is refused before the body is read', async () => {
  const body = endless();
  const response = new Response(body, { headers: { 'content-length': String(300 * 1024 * 1024) } });
  await assert.rejects(responseBytes(response, 256 * 1024 * 1024, '/big.json'), (e) => {
    assert.equal(e.code, 'too_large');
    assert.match(e.message, /^\/big\.json: 314572800 bytes, over the limit of 268435456$/);
    return true;
  });
  assert.equal(body.pulled <= 2 * 65536, true, `read ${body.pulled} bytes`); // at most what the stream queued itself
});

test('a body within the cap comes back whole, byte for byte', async () => {
  const bytes = new TextEncoder().encode('{"version": 1, "articles": []}');
  assert.deepEqual(await responseBytes(new Response(bytes), bytes.length, '/a.json'), bytes);
  const chunks = new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.subarray(0, 5));
      controller.enqueue(bytes.subarray(5));
      controller.close();
    },
  });
  assert.deepEqual(await readCapped(chunks, 100, 'x'), bytes);
});
