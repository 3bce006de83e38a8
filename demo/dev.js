// Developer page: drives the widget's attributes and calls the headless API. Bundle data only
// ever reaches the page through textContent and option.text, never as markup.
const $ = (id) => document.getElementById(id);
const widget = $('widget');

function updateSnippets() {
  const lang = $('lang').value;
  const article = $('article').value;
  $('snippet').textContent =
    `<script src="https://your-site.example/encart/encart.js"\n        data-bundle="/articles.json" data-article="${article}" data-lang="${lang}" async></script>`;
  $('snippet-element').textContent =
    `<encart-sidebar bundle="/articles.json" article="${article}" lang="${lang}"></encart-sidebar>\n<script src="https://your-site.example/encart/encart.js" async></script>`;
}

function describeCall(list, options) {
  const json = JSON.stringify(options);
  return list === 'related' ? `related('${$('article').value}', ${json})` : list === 'facets' ? `facets(${JSON.stringify(options.filter)})` : `${list}(${json})`;
}

async function main() {
  const engine = await Encart.createEngine();
  const text = await (await fetch('/articles.json')).text();
  const report = engine.load(text, { now: Date.now(), baseUrl: new URL('/articles.json', location.href).href });
  for (const article of engine.latest({ limit: 1000 })) {
    $('article').add(new Option(`${article.title.slice(0, 70)} (${article.id})`, article.id));
  }
  $('article').value = widget.getAttribute('article');
  for (const { value, count } of engine.facets().category) $('api-category').add(new Option(`${value} (${count})`, value));

  const run = () => {
    const list = $('api-list').value;
    const q = $('api-q').value;
    const category = $('api-category').value;
    const filter = {};
    if (q) filter.q = q;
    if (category) filter.category = category;
    const options = { limit: Number($('api-limit').value) || 0, filter };
    if (list === 'mostRead') options.window = $('api-window').value;
    $('call-preview').textContent = describeCall(list, options);
    const started = performance.now();
    let result;
    try {
      if (list === 'related') result = engine.related($('article').value, options);
      else if (list === 'facets') result = engine.facets(filter);
      else result = engine[list](options);
    } catch (error) {
      $('api-status').textContent = `${error.name} ${error.code}: ${error.message}`;
      $('api-output').textContent = '';
      return;
    }
    const ms = (performance.now() - started).toFixed(2);
    const count = Array.isArray(result) ? `${result.length} article(s)` : 'facet counts';
    $('api-status').textContent = `${count} in ${ms} ms · bundle: ${report.articles} articles loaded, ${report.skippedTotal} skipped`;
    $('api-output').textContent = JSON.stringify(result, null, 2);
  };

  $('api-form').addEventListener('input', run);
  $('api-form').addEventListener('submit', (event) => event.preventDefault());
  $('lang').addEventListener('change', () => {
    widget.setAttribute('lang', $('lang').value);
    $('widget-slot').dir = $('lang').value.startsWith('ar') ? 'rtl' : 'ltr';
    updateSnippets();
  });
  $('article').addEventListener('change', () => {
    widget.setAttribute('article', $('article').value);
    updateSnippets();
    run();
  });
  updateSnippets();
  run();
}

main().catch((error) => {
  $('api-status').textContent = `[encart] ${error.message}`;
  console.error('[encart]', error);
});
