// Run from the repository root after a build: node docs/examples/sidebar-in-node.cjs
// Loads the demo bundle and prints the three lists for one article, filtered by text.
const fs = require('node:fs');
const Encart = require('../../dist/encart.cjs');

async function main() {
  const engine = await Encart.createEngine();
  const report = engine.load(fs.readFileSync('demo/articles.json'), {
    now: new Date('2024-12-10T12:00:00Z'), // pass "now" in: same input, same output
    baseUrl: 'https://www.example.ma/articles.json', // relative URLs resolve against it
  });
  console.log(`${report.articles} articles loaded, ${report.skippedTotal} skipped`);

  const current = 'securite-maroc-france';
  const print = (title, items) => console.log(`\n${title}\n${items.map((a) => `  ${a.published.slice(0, 10)}  ${a.title}`).join('\n')}`);
  print('Latest', engine.latest({ limit: 3, exclude: [current] }));
  print('Most read this week', engine.mostRead({ limit: 3, window: '7d', exclude: [current] }));
  print('Related', engine.related(current, { limit: 3 }));
  print('Latest about "sécu"', engine.latest({ limit: 3, filter: { q: 'sécu' } }));

  const facets = engine.facets({ q: 'maroc' });
  console.log('\nCategories for "maroc":', facets.category.map((c) => `${c.value} (${c.count})`).join(', '));

  try {
    engine.load('{"articles": [1, 2,,]}');
  } catch (error) {
    console.log(`\n${error.name} ${error.code} at line ${error.line}, column ${error.column}: ${error.message}`);
  }
  engine.dispose();
}

main();
