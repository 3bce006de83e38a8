// Per-article limits (src/bundle/limits.h, docs/bundle.md "Limits"): what a hostile export costs
// is a warning or one skipped article, never the bundle.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "bundle/article_reader.h"
#include "bundle/limits.h"
#include "bundle/parser.h"
#include "test_bundles.h"

namespace encart {
namespace {

using test::article;
using test::bundle;
using test::contains;
using test::js;

// The one warning about `field` of articles[0], failing when there is none.
std::string warning_about(const Bundle& b, const std::string& field) {
  for (const std::string& w : b.warnings) {
    if (w.rfind("articles[0]." + field + ":", 0) == 0) return w;
  }
  ADD_FAILURE() << "no warning about " << field;
  return "";
}

std::string numbered_list(const std::string& prefix, std::size_t n) {
  std::vector<std::string> items;
  for (std::size_t i = 0; i < n; ++i) items.push_back(prefix + std::to_string(i % (n / 2 + 1)));
  return test::js_list(items);
}

TEST(BundleLimits, KeepsTheFirstDistinctTagsUpToTheLimitAndSaysHowManyWereDropped) {
  // 100,000 entries, each value twice: 50,001 distinct tags.
  const Bundle b = test::parse_ok(bundle({article("big", {{"tags", numbered_list("t", 100000)}})}));
  ASSERT_EQ(b.articles.size(), 1u);
  ASSERT_EQ(b.articles[0].tags.size(), kMaxTagsPerArticle);
  EXPECT_EQ(b.articles[0].tags.front(), "t0");
  EXPECT_EQ(b.articles[0].tags.back(), "t" + std::to_string(kMaxTagsPerArticle - 1));
  const std::string w = warning_about(b, "tags");
  EXPECT_TRUE(contains(w, std::to_string(50001 - kMaxTagsPerArticle) + " more dropped over the limit of 64"))
      << w;
  EXPECT_TRUE(contains(w, "(article \"big\")")) << w;
}

TEST(BundleLimits, CountsTheAuthorFieldAmongTheAuthorsLimit) {
  const Bundle b = test::parse_ok(
      bundle({article("a", {{"author", js("Nadia Tazi")}, {"authors", numbered_list("Auteur ", 40)}})}));
  ASSERT_EQ(b.articles[0].authors.size(), kMaxAuthorsPerArticle);
  EXPECT_EQ(b.articles[0].authors.front(), "Nadia Tazi");
  EXPECT_TRUE(contains(warning_about(b, "authors"), "6 more dropped over the limit of 16"));
}

TEST(BundleLimits, DeduplicatesTagsAfterTrimmingWithoutWarning) {
  const Bundle b = test::parse_ok(bundle({article("a", {{"tags", R"([" Maroc", "Maroc ", "", "Sport"])"}})}));
  EXPECT_EQ(b.articles[0].tags, (std::vector<std::string>{"Maroc", "Sport"}));
  EXPECT_TRUE(b.warnings.empty());
}

TEST(BundleLimits, CutsAnOverlongTitleOnACodePointBoundary) {
  std::string title;
  for (int i = 0; i < 700; ++i) title += "é";  // 1,400 bytes, two per character
  title = "x" + title;                         // so that byte 1,000 falls inside a character
  const Bundle b = test::parse_ok(bundle({article("a", {{"title", js(title)}})}));
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.articles[0].title.size(), 999u);
  EXPECT_EQ(b.articles[0].title, title.substr(0, 999));
  EXPECT_TRUE(contains(warning_about(b, "title"), "1401 bytes, cut to the limit of 1000"));
}

TEST(BundleLimits, CutsOverlongTextSummaryCategoryAndTagsEachWithAWarning) {
  const Bundle b = test::parse_ok(bundle({article(
      "a",
      {{"summary", js(std::string(5000, 's'))},
       {"text", js(std::string(200000, 't'))},
       {"category", js(std::string(300, 'c'))},
       {"tags", test::js_list({std::string(150, 'g'), "court"})},
       {"image", "{\"url\":\"https://example.ma/i.jpg\",\"alt\":" + js(std::string(2000, 'a')) + "}"}})}));
  ASSERT_EQ(b.articles.size(), 1u);
  const Article& a = b.articles[0];
  EXPECT_EQ(a.summary.size(), 4096u);
  EXPECT_EQ(a.text.size(), 131072u);
  EXPECT_EQ(a.category.size(), 200u);
  EXPECT_EQ(a.tags, (std::vector<std::string>{std::string(100, 'g'), "court"}));
  EXPECT_EQ(a.image->alt.size(), 1000u);
  EXPECT_TRUE(contains(warning_about(b, "tags"), "1 value(s) cut to the limit of 100 bytes"));
  EXPECT_TRUE(contains(warning_about(b, "image.alt"), "cut to the limit of 1000"));
  warning_about(b, "summary");
  warning_about(b, "text");
  warning_about(b, "category");
}

TEST(BundleLimits, SkipsAnArticleWhoseIdOrUrlIsOverTheLimitRatherThanCuttingIt) {
  const std::string long_url = "https://example.ma/" + std::string(9000, 'p');
  auto result = parse_bundle(
      bundle({article(std::string(2000, 'i')), article("u", {{"url", js(long_url)}}), article("ok")}), {});
  ASSERT_TRUE(result.ok());
  const Bundle& b = result.value();
  ASSERT_EQ(b.articles.size(), 1u);
  ASSERT_EQ(b.skipped.size(), 2u);
  EXPECT_EQ(b.skipped[0].reason(), "articles[0].id: 2000 bytes, over the limit of 1024");
  EXPECT_EQ(b.skipped[1].reason(), "articles[1].url: 9019 bytes, over the limit of 8192");
}

TEST(BundleLimits, RemovesControlCharactersNamingTheFieldButKeepsLineBreaksInText) {
  const Bundle b =
      test::parse_ok(bundle({article("a", {{"title", js(std::string("Rabat\0 \x1b[31mrouge", 17))},
                                           {"text", js("Ligne 1\n\tLigne 2\x07")}})}));
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.articles[0].title, "Rabat [31mrouge");
  EXPECT_EQ(b.articles[0].text, "Ligne 1\n\tLigne 2");
  EXPECT_TRUE(contains(warning_about(b, "title"), "2 control character(s) removed"));
  EXPECT_TRUE(contains(warning_about(b, "text"), "1 control character(s) removed"));
}

TEST(BundleLimits, SkipsAnArticleWhoseTitleIsNothingButControlCharacters) {
  auto result = parse_bundle(bundle({article("a", {{"title", js(std::string("\0\x01", 2))}})}), {});
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.value().skipped.size(), 1u);
  EXPECT_EQ(result.value().skipped[0].reason(), "articles[0].title: empty");
}

TEST(BundleLimits, ListsTheFirstWarningsAndCountsTheRest) {
  std::vector<std::string> articles;
  for (int i = 0; i < 5; ++i) articles.push_back(article("a" + std::to_string(i), {{"title", js("T\x01")}}));
  ParseOptions options;
  options.max_reported_warnings = 2;
  auto result = parse_bundle(bundle(articles), options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().articles.size(), 5u);
  EXPECT_EQ(result.value().warnings,
            (std::vector<std::string>{"articles[0].title: 1 control character(s) removed (article \"a0\")",
                                      "articles[1].title: 1 control character(s) removed (article \"a1\")",
                                      "3 more warning(s) about articles not listed"}));
}

TEST(BundleLimits, TruncatesUtf8WithoutSplittingACodePoint) {
  std::string s = "aé€𝄞";  // 1 + 2 + 3 + 4 bytes
  EXPECT_FALSE(truncate_utf8(s, 10));
  for (const auto& [max, expected] : std::vector<std::pair<std::size_t, std::string>>{
           {9, "aé€"}, {6, "aé€"}, {5, "aé"}, {3, "aé"}, {2, "a"}, {1, "a"}, {0, ""}}) {
    std::string t = s;
    truncate_utf8(t, max);
    EXPECT_EQ(t, expected) << max;
  }
}

// "131,072": numbers as docs/bundle.md writes them.
std::string with_thousands(std::size_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
    digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

TEST(BundleLimits, AreEachDocumentedInBundleMdWithTheirOutcome) {
  const std::string docs = test::read_fixture("../../docs/bundle.md");
  const std::size_t section = docs.find("## Limits per article");
  ASSERT_NE(section, std::string::npos);
  const std::string limits = docs.substr(section, docs.find("\n## ", section + 1) - section);
  for (const FieldLimit& limit : kFieldLimits) {
    const std::string field(limit.field.substr(0, limit.field.find('[')));
    const std::string bytes = with_thousands(limit.max_bytes) + " bytes";
    std::size_t row = std::string::npos;
    for (std::size_t at = limits.find(bytes); at != std::string::npos; at = limits.find(bytes, at + 1)) {
      const std::size_t start = limits.rfind('\n', at) + 1;
      if (limits.substr(start, at - start).find(field) != std::string::npos) row = start;
    }
    ASSERT_NE(row, std::string::npos) << limit.field << ": no row with " << bytes;
    const std::string line = limits.substr(row, limits.find('\n', row) - row);
    EXPECT_NE(line.find(limit.over == OverLimit::kSkip ? "skipped" : "cut"), std::string::npos) << line;
  }
  EXPECT_NE(limits.find("| 64 distinct tags |"), std::string::npos);
  EXPECT_NE(limits.find("| 16 distinct authors"), std::string::npos);
}

}  // namespace
}  // namespace encart

namespace encart {
namespace {

// An article field nobody reads is not built (issue 12): 3 million nested `[]` between two
// read fields cost nothing but the reading, and the fields around it are kept.
TEST(BundleLimits, AFieldNoReaderReadsIsReadPastWithoutBuildingIt) {
  std::string junk = "[";
  for (int i = 0; i < 3000000; ++i) junk += "[],";
  junk += "{\"deep\": [[[{\"x\": [1, {\"y\": null}]}]]]}]";
  const std::string text = R"({"version": 1, "articles": [
    {"id": "a", "url": "https://e.ma/a", "unknown": )" +
                           junk + R"(, "title": "Après", "x": 1, "y": {"z": [2]},
     "published": "2024-12-09T10:00:00+01:00", "later": "s"},
    {"id": "b", "url": "https://e.ma/b", "title": "B", "published": "2024-12-08T10:00:00+01:00", "tail": [[]]}]})";
  const auto b = parse_bundle(text, {});
  ASSERT_TRUE(b.ok()) << b.error().message;
  ASSERT_EQ(b.value().articles.size(), 2u);
  EXPECT_EQ(b.value().articles[0].title, "Après");
  EXPECT_EQ(b.value().articles[0].published.epoch_ms, test::ms("2024-12-09T09:00:00Z"));
  EXPECT_EQ(b.value().articles[1].id, "b");
  EXPECT_EQ(b.value().skipped_total, 0u);
}

// The fields the parser builds are exactly the article properties the schema documents: a
// field added to one and not the other would be silently dropped or silently undocumented.
TEST(BundleLimits, TheFieldsReadAreTheSchemasArticleProperties) {
  const auto schema = nlohmann::json::parse(test::read_fixture("../../docs/bundle.schema.json"));
  const auto& properties = schema.at("$defs").at("article").at("properties");
  for (const auto& [name, _] : properties.items()) EXPECT_TRUE(detail::is_article_field(name)) << name;
  for (const std::string name : {"related_ids", "body", "content", "guid", "link", "date"}) {
    EXPECT_EQ(detail::is_article_field(name), properties.contains(name)) << name;
  }
}

}  // namespace
}  // namespace encart
