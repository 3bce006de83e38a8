// The runnable example in docs/api.md must keep running and printing what the doc shows.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const path = require('node:path');

test('docs/examples/sidebar-in-node.cjs runs and prints the three lists', () => {
  const root = path.join(__dirname, '..', '..');
  const out = execFileSync(process.execPath, ['docs/examples/sidebar-in-node.cjs'], { cwd: root, encoding: 'utf8' });
  assert.match(out, /^72 articles loaded, 0 skipped$/m);
  for (const heading of ['Latest', 'Most read this week', 'Related', 'Latest about "sécu"']) {
    assert.match(out, new RegExp(`^${heading}$`, 'm'));
  }
  assert.match(out, /EncartError bad_json at line 1, column 20/);
});
