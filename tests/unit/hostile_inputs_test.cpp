// Issue 12's table of hostile inputs, one test per row that happened natively: each ends in a
// result or a clear error, holding at most a small multiple of its size on the heap, in a time
// compared as a ratio with an ordinary input of the same size (CPU time, the least of two runs),
// never with a number of milliseconds. Much smaller than the issue's inputs, since the ratio is
// what counts and these run under AddressSanitizer without optimisation. (The WebAssembly rows:
// tests/wasm/hostile-inputs.test.cjs; the browser's: tests/e2e/hostile.test.mjs.)
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "bundle/feeds.h"
#include "engine/engine.h"
#include "generate.h"
#include "heap_peak.h"
#include "hostile.h"
#include "test_bundles.h"
#include "xml_feed.h"

namespace encart {
namespace {

using test::contains;

constexpr double kTimes = 10;      // "time within 10x of an ordinary input of the same size"
constexpr double kFloodTimes = 3;  // ... 3x for the hash flood
// "memory within a small multiple of the input": what is read is held once (a 1 MB language is
// the site's, and the nlohmann reader's buffer while it is read), what is loaded once more.
constexpr double kHeapTimes = 8;

const char* kFeedHead = R"({"version": "https://jsonfeed.org/version/1.1", "title": "Q", )";

std::string feed_item(std::size_t i, const std::string& text = "") {
  return R"({"id": ")" + std::to_string(i) + R"(", "url": "https://q.example/)" + std::to_string(i) +
         R"(", "title": "T", "date_published": "2024-12-09T10:00:00+01:00")" +
         (text.empty() ? "" : R"(, "content_text": ")" + text + "\"") + "}";
}

std::string feed_items(std::size_t n, const std::string& text = "") {
  std::string out = "[";
  for (std::size_t i = 0; i < n; ++i) out += (i ? "," : "") + feed_item(i, text);
  return out + "]";
}

// A JSON Feed of `items` items, as long as `like`, its bytes spread over the items' text.
std::string ordinary_feed_like(const std::string& like, std::size_t items) {
  const std::string bare = std::string(kFeedHead) + R"("items": )" + feed_items(items) + "}";
  const std::size_t per_item = like.size() > bare.size() ? (like.size() - bare.size()) / items : 0;
  std::string text;
  for (std::size_t i = 0; text.size() < per_item; ++i) text += i % 8 == 7 ? ' ' : 'm';
  return std::string(kFeedHead) + R"("items": )" +
         feed_items(items, text.substr(0, per_item > 20 ? per_item - 20 : 0)) + "}";
}

Result<Bundle> read(const std::string& text) { return parse_input(text, InputFormat::kAuto, {}); }

constexpr int kRuns = 2;

double read_ms(const std::string& text) {
  return test::cpu_ms_of([&] { ASSERT_TRUE(read(text).ok()); }, kRuns);
}

double load_ms(const std::string& text) {
  return test::cpu_ms_of(
      [&] {
        Engine engine;
        ASSERT_TRUE(engine.load(text, {bench::kBenchNowMs, {}}).ok());
      },
      kRuns);
}

// The input read once, and the most heap that took.
struct Read {
  Result<Bundle> bundle = Error{ErrorCode::kBadBundle, "not read"};
  std::size_t heap = 0;
};
Read read_measured(const std::string& text) {
  Read r;
  r.heap = test::heap_peak_of([&] { r.bundle = read(text); });
  return r;
}

TEST(HostileInputs, AJsonFeedWhoseLanguageIsAMegabyteLoadsItsItemsHoldingASmallMultipleOfItsSize) {
  const std::string text = std::string(kFeedHead) + R"("language": ")" + std::string(1 << 20, 'x') +
                           R"(", "items": )" + feed_items(1000) + "}";
  const auto [bundle, heap] = read_measured(text);
  ASSERT_TRUE(bundle.ok()) << bundle.error().message;
  ASSERT_EQ(bundle.value().articles.size(), 1000u);
  EXPECT_EQ(bundle.value().articles[999].lang, std::string(35, 'x'));  // the "lang" limit
  EXPECT_LE(heap, kHeapTimes * text.size());
  const double ratio = read_ms(text) / read_ms(ordinary_feed_like(text, 1000));
  EXPECT_LE(ratio, kTimes);
}

TEST(HostileInputs, AnArticleWith100000TagsLoadsInATimeComparableToABundleOfTheSameSize) {
  const std::string tags = bench::bundle_with_tags(100000);
  Engine engine;
  const auto report = engine.load(tags, {bench::kBenchNowMs, {}});
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report.value().articles, 1u);
  EXPECT_TRUE(contains(report.value().warnings.at(0), "more dropped over the limit of 64"))
      << report.value().warnings[0];
  const double ratio = load_ms(tags) / load_ms(bench::bundle_with_text_of_size(tags.size()));
  EXPECT_LE(ratio, kTimes);
}

// The issue's row: 100,000 feed authors and 10,000 items (254 s); a fifth of each here.
TEST(HostileInputs, AJsonFeedWithAFeedAuthorListTenTimesItsItemsLoadsInATimeComparableToAnOrdinaryFeed) {
  std::string authors = "[";
  for (int i = 0; i < 20000; ++i)
    authors += std::string(i ? "," : "") + R"({"name": "A)" + std::to_string(i) + "\"}";
  const std::string text =
      std::string(kFeedHead) + R"("authors": )" + authors + R"(], "items": )" + feed_items(2000) + "}";
  const auto [bundle, heap] = read_measured(text);
  ASSERT_TRUE(bundle.ok()) << bundle.error().message;
  ASSERT_EQ(bundle.value().articles.size(), 2000u);
  EXPECT_TRUE(bundle.value().articles[0].authors.empty());  // nobody's byline: not inherited
  EXPECT_LE(heap, kHeapTimes * text.size());
  const double ratio = read_ms(text) / read_ms(ordinary_feed_like(text, 2000));
  EXPECT_LE(ratio, kTimes);
}

// The issue's row is 99 MB (10.5 GB and 50 s before too_large); 256 KB of it shows the ratio, and
// the article limit lowered to 500 lets its "over the limit" part run at that size too.
TEST(HostileInputs, WordPressPostsThatAreAllEmptyObjectsAreSkippedInBoundedMemoryAndTime) {
  constexpr std::size_t kBytes = 256u << 10;
  ParseOptions options;
  options.max_articles = 500;
  const std::string empty = bench::wordpress_empty_objects(kBytes);
  Result<Bundle> bundle = Error{ErrorCode::kBadBundle, "not read"};
  const std::size_t heap =
      test::heap_peak_of([&] { bundle = parse_input(empty, InputFormat::kAuto, options); });
  ASSERT_TRUE(bundle.ok()) << bundle.error().message;
  EXPECT_TRUE(bundle.value().articles.empty());
  EXPECT_EQ(bundle.value().skipped_total, (empty.size() - 1) / 3);  // every "{}," (and the last "{}]")
  EXPECT_EQ(bundle.value().skipped.at(0).reason(), "[0].id: empty");
  EXPECT_EQ(bundle.value().skipped.back().reason(),
            "[500..]: " + std::to_string((empty.size() - 1) / 3 - 500) + " articles over the limit of 500");
  EXPECT_LE(heap, kHeapTimes * empty.size());
  const std::string posts = bench::wordpress_posts_of_size(kBytes);
  const auto [ordinary, ordinary_heap] = read_measured(posts);
  ASSERT_TRUE(ordinary.ok()) << ordinary.error().message;
  EXPECT_GT(ordinary.value().articles.size(), 50u);
  EXPECT_EQ(ordinary.value().skipped_total, 0u);
  EXPECT_LE(ordinary_heap, kHeapTimes * posts.size());
  const double empty_ms =
      test::cpu_ms_of([&] { ASSERT_TRUE(parse_input(empty, InputFormat::kAuto, options).ok()); }, kRuns);
  EXPECT_LE(empty_ms / read_ms(posts), kTimes);
}

TEST(HostileInputs, AnUnknownArticleFieldHoldingManyEmptyArraysCostsNeitherMemoryNorTime) {
  std::string junk = "[";
  for (int i = 0; i < 300000; ++i) junk += "[],";
  junk += "[]]";
  const std::string text =
      R"({"version": 1, "articles": [{"id": "a", "url": "https://e.ma/a", "title": "T", "published": "2024-12-09T10:00:00+01:00", "unknown": )" +
      junk + "}]}";
  const auto [bundle, heap] = read_measured(text);
  ASSERT_TRUE(bundle.ok()) << bundle.error().message;
  EXPECT_EQ(bundle.value().articles.size(), 1u);
  EXPECT_LE(heap, kHeapTimes * text.size());
  EXPECT_LE(read_ms(text) / read_ms(bench::bundle_with_text_of_size(text.size())), kTimes);
}

TEST(HostileInputs, WordsCraftedToCollideUnderTheOldHashLoadNearlyAsFastAsRandomWords) {
  const auto crafted = bench::fnv1a_collisions(13);
  const auto random = bench::random_words(13);
  const double ratio = load_ms(bench::bundle_with_words(crafted)) / load_ms(bench::bundle_with_words(random));
  EXPECT_LE(ratio, kFloodTimes);
}

// 106 KB of RSS whose one 100 KB entity is used 2000 times: the command line refused nothing
// and wrote a 200 MB bundle. Now its DTD is refused before anything is expanded.
TEST(HostileInputs, AnRssFeedWhoseDtdDeclaresAnEntityIsRefusedBeforeItIsExpanded) {
  std::string uses;
  for (int i = 0; i < 2000; ++i) uses += "&e;";
  const std::string head =
      R"(<rss version="2.0"><channel><title>Q</title><link>https://q.example/</link><item><title>)";
  const std::string tail =
      "</title><link>/a</link><pubDate>Mon, 09 Dec 2024 10:15:00 +0100</pubDate></item></channel></rss>";
  const std::string entity = "<!DOCTYPE rss [<!ENTITY e \"" + std::string(100000, 'x') + "\">]>";
  const std::string hostile = entity + head + uses + tail;
  const std::string ordinary = head + std::string(hostile.size() - head.size() - tail.size(), 'x') + tail;
  const auto refused = cli::read_xml_tree(hostile);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kBadBundle);
  EXPECT_TRUE(contains(refused.error().message, "declares entities")) << refused.error().message;
  const auto tree = cli::read_xml_tree(ordinary);
  ASSERT_TRUE(tree.ok()) << tree.error().message;
  const double hostile_ms = test::cpu_ms_of([&] { EXPECT_FALSE(cli::read_xml_tree(hostile).ok()); });
  const double ordinary_ms = test::cpu_ms_of([&] {
    const auto t = cli::read_xml_tree(ordinary);
    ASSERT_TRUE(t.ok());
    EXPECT_TRUE(parse_xml_feed(t.value(), {}).ok());
  });
  EXPECT_LE(hostile_ms / ordinary_ms, kTimes);
}

}  // namespace
}  // namespace encart
