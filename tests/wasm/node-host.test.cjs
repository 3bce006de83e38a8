// Requiring encart must not change how the host Node process handles its own errors.
const { test } = require('node:test');
const assert = require('node:assert/strict');

test('createEngine adds no process-wide error handlers', async () => {
  const before = {
    uncaught: process.listenerCount('uncaughtException'),
    rejection: process.listenerCount('unhandledRejection'),
  };
  const Encart = require('../../dist/encart.cjs');
  const engine = await Encart.createEngine();
  engine.load('{"articles": []}');
  assert.deepEqual(
    { uncaught: process.listenerCount('uncaughtException'), rejection: process.listenerCount('unhandledRejection') },
    before,
  );
  engine.dispose();
});
