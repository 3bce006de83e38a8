'use strict';
// createEngine() with a broken WebAssembly binary: a wasm_failed EncartError, and a later call
// may retry. Its own file (own process): the module must not be loaded before these tests.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const Encart = require('../../dist/encart.cjs');

test('a broken wasm binary rejects with wasm_failed; a later createEngine() retries and works', async () => {
  // The Emscripten glue reports the failure on the console too; keep the test output quiet.
  const logged = [];
  const realError = console.error;
  const realWarn = console.warn;
  console.error = console.warn = (...args) => logged.push(args.join(' '));
  try {
    for (const wasmBinary of [new Uint8Array([1, 2, 3]), new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 5])]) {
      await assert.rejects(Encart.createEngine({ wasmBinary }), (error) => {
        assert.ok(error instanceof Encart.EncartError, `${error && error.constructor.name}: ${error && error.message}`);
        assert.equal(error.code, 'wasm_failed');
        assert.match(error.message, /encart\.wasm/);
        return true;
      });
    }
  } finally {
    console.error = realError;
    console.warn = realWarn;
  }
  const engine = await Encart.createEngine();
  engine.load('{"articles": []}');
  assert.deepEqual(engine.latest(), []);
  engine.dispose();
});
