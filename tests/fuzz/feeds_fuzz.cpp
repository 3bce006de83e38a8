// libFuzzer target for every feed format, detected as the widget detects it (bundle/feeds.h):
// a bundle, a JSON Feed, WordPress posts, or RSS/Atom as the element tree's JSON form (what the
// browser sends). Input that starts with `<` is XML: libxml2 reads it as the command line does,
// and its tree goes in as that JSON form. What loads is then asked what a reader asks (words,
// a category, an author, the last 7 days) and the sidebar is rendered in the three languages.
// Errors are fine; crashes, sanitizer reports and broken invariants are not: every article URL
// is http(s) with a host, every text the load reports is valid UTF-8, and the markup holds no
// `<` that is not the renderer's (fuzz_support.h check_markup).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "fuzz_support.h"
#include "render/html.h"
#include "text/fold.h"
#include "xml_feed.h"

namespace {

using encart::fuzz::check;
using encart::fuzz::check_markup;
using encart::fuzz::valid_utf8;

constexpr std::int64_t kNowMs = 1'733'740'000'000;  // 2024-12-09T10:26:40Z

void check_loaded(const encart::Engine& engine, const encart::LoadReport& report) {
  for (const auto& w : report.warnings) check(valid_utf8(w), "a load warning that is not valid UTF-8", w);
  for (const auto& s : report.skipped)
    check(valid_utf8(s.reason() + s.post()), "a skip reason that is not valid UTF-8", s.reason());
  for (const encart::Article& a : engine.index().articles()) {
    check(encart::fuzz::http_url_with_host(a.url), "an article URL that is not http(s) with a host", a.url);
    if (a.image)
      check(encart::fuzz::http_url_with_host(a.image->url), "an image URL that is not http(s) with a host",
            a.image->url);
    for (const std::string* s : {&a.id, &a.title, &a.summary, &a.category, &a.lang, &a.published_text}) {
      check(valid_utf8(*s), "an article field that is not valid UTF-8", *s);
    }
    for (const auto& t : a.tags) check(valid_utf8(t), "a tag that is not valid UTF-8", t);
    for (const auto& t : a.authors) check(valid_utf8(t), "an author that is not valid UTF-8", t);
  }
}

void check_sidebar(const encart::Sidebar& s) {
  check_markup(s.latest.html, "latest");
  check_markup(s.most_read.html, "most read");
  check_markup(s.related.html, "related");
  check_markup(s.category_options, "category menu");
  check_markup(s.author_options, "author menu");
  check(valid_utf8(s.status), "a status that is not valid UTF-8", s.status);
}

// The questions a reader asks of what loaded: none, the first title's words, its category,
// its author, the last 7 days; in French, English and Arabic.
std::vector<encart::SidebarRequest> questions(const encart::Engine& engine) {
  const auto& articles = engine.index().articles();
  std::vector<encart::SidebarRequest> out(5);
  const encart::Article* first = articles.empty() ? nullptr : &articles.front();
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].locale.language = static_cast<encart::Language>(i % 3);
    out[i].latest_limit = out[i].most_read_limit = 5;
    if (first != nullptr) out[i].article = first->id;
  }
  if (first != nullptr) {
    const auto words = encart::text::words(first->title);
    if (!words.empty())
      out[1].filter.q = words.front() + (words.size() > 1 ? " " + words.back().substr(0, 2) : "");
    out[2].filter.categories = {first->category};
    if (!first->authors.empty()) out[3].filter.authors = {first->authors.front()};
    out[3].read = {first->id};
  }
  out[4].filter.date = "7d";
  out[4].window = encart::ViewWindow::k7d;
  out[4].article.clear();
  if (first != nullptr) out[4].article_urls = {first->url};
  return out;
}

}  // namespace

// Seeds: every JSON and XML fixture, and the JSONTestSuite's files.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  std::vector<std::string> seeds;
  for (auto& f : encart::fuzz::fixture_files({".json", ".xml"})) seeds.push_back(std::move(f.bytes));
  for (auto& f : encart::fuzz::json_test_suite()) seeds.push_back(std::move(f.bytes));
  (void)encart::fuzz::write_seeds(seeds);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(encart::fuzz::as_text(data, size));
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start != std::string::npos && text[start] == '<') {
    auto tree = encart::cli::read_xml_tree(text);
    if (!tree.ok()) return 0;
    text = encart::fuzz::xml_tree_json(tree.value());
  }
  encart::Engine engine;
  encart::LoadOptions options;
  options.now_ms = kNowMs;
  options.utc_offset_minutes = 60;
  // Half the inputs with a base URL (as the widget passes the page's), half with the feed's own.
  if (size % 2 == 0) options.parse.base_url = "https://fuzz.example/news/";
  const auto loaded = engine.load(text, options);
  if (!loaded.ok()) {
    check(valid_utf8(loaded.error().message), "an error message that is not valid UTF-8",
          loaded.error().message);
    return 0;
  }
  check_loaded(engine, loaded.value());
  for (const auto& request : questions(engine)) {
    const auto sidebar = engine.sidebar(request);
    if (sidebar.ok()) check_sidebar(sidebar.value());
  }
  encart::ListOptions list;
  list.filter.date = "30d";
  if (const auto latest = engine.latest(list); latest.ok()) {
    check_markup(encart::render_items(engine.index(), latest.value(), encart::Locale{}), "latest, rendered");
  }
  return 0;
}
