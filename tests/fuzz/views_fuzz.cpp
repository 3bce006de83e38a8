// libFuzzer target for view counts kept apart from the feed (bundle/views.cpp): the input is a
// views file merged into a small fixed bundle (tests/fixtures/feeds/bundle.json), then loaded
// with it and ranked by "most read" in every window. Invariants: a views file that cannot be
// read leaves the bundle as it was (feeds.h), the articles are never lost, no count is negative,
// warnings are valid UTF-8, and the rendered lists are sound markup (check_markup).
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bundle/feeds.h"
#include "engine/engine.h"
#include "fuzz_support.h"

namespace {

using encart::fuzz::check;

const std::string& bundle_text() {
  static const std::string text = [] {
    for (auto& f : encart::fuzz::fixture_files({"feeds/bundle.json"})) return f.bytes;
    encart::fuzz::fail("tests/fixtures/feeds/bundle.json is missing", {});
  }();
  return text;
}

const encart::Bundle& bundle() {
  static const encart::Bundle b = [] {
    auto parsed = encart::parse_input(bundle_text(), encart::InputFormat::kBundle, {});
    check(parsed.ok() && !parsed.value().articles.empty(), "the fixed bundle does not load");
    return std::move(parsed).value();
  }();
  return b;
}

using Views = std::array<std::optional<std::int64_t>, encart::kViewWindowCount>;

void check_merge(std::string_view views) {
  encart::Bundle merged = bundle();
  std::vector<std::string> warnings;
  const auto result = encart::merge_views(merged, views, warnings);
  check(merged.articles.size() == bundle().articles.size(), "merging views lost or added articles");
  for (std::size_t i = 0; i < merged.articles.size(); ++i) {
    const Views& after = merged.articles[i].views;
    if (!result.ok())
      check(after == bundle().articles[i].views, "a views file that failed changed the counts");
    for (const auto& v : after) check(!v || *v >= 0, "a negative view count");
    check(merged.articles[i].id == bundle().articles[i].id, "merging views changed an article's id");
  }
  if (result.ok())
    check(result.value() <= merged.articles.size() * 2, "more merges than keys that can match");
  for (const auto& w : warnings)
    check(encart::fuzz::valid_utf8(w), "a views warning that is not valid UTF-8", w);
}

}  // namespace

// Seeds: the fixtures' views files and the JSONTestSuite's files.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  std::vector<std::string> seeds;
  for (auto& f : encart::fuzz::fixture_files({"views.json"})) seeds.push_back(std::move(f.bytes));
  for (auto& f : encart::fuzz::json_test_suite()) seeds.push_back(std::move(f.bytes));
  (void)encart::fuzz::write_seeds(seeds);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view views = encart::fuzz::as_text(data, size);
  check_merge(views);
  encart::Engine engine;
  encart::LoadOptions options;
  options.now_ms = 1'733'740'000'000;
  options.format = encart::InputFormat::kBundle;
  options.views = views;
  const auto loaded = engine.load(bundle_text(), options);
  check(loaded.ok() && loaded.value().articles == bundle().articles.size(), "a views file cost articles");
  for (const auto& w : loaded.value().warnings)
    check(encart::fuzz::valid_utf8(w), "a load warning that is not valid UTF-8", w);
  for (std::size_t w = 0; w < encart::kViewWindowCount; ++w) {
    encart::SidebarRequest request;
    request.window = static_cast<encart::ViewWindow>(w);
    request.most_read_limit = 10;
    const auto sidebar = engine.sidebar(request);
    check(sidebar.ok(), "the sidebar of a loaded bundle failed");
    encart::fuzz::check_markup(sidebar.value().most_read.html, "most read");
  }
  return 0;
}
