#include "bundle/parser.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_bundles.h"

namespace encart {
namespace {

using test::article;
using test::bundle;
using test::contains;
using test::js;
using test::kOmit;

// Loads bundle([good, bad, good]) and checks that exactly the middle one was skipped, with a
// reason that starts with `where` ("articles[1].title") and contains `what`.
void expect_skipped(const std::string& bad_article, const std::string& where, const std::string& what,
                    const std::string& expected_id = "bad") {
  SCOPED_TRACE(bad_article);
  auto result = parse_bundle(bundle({article("before"), bad_article, article("after")}), {});
  ASSERT_TRUE(result.ok()) << result.error().message;
  const Bundle& b = result.value();
  ASSERT_EQ(b.articles.size(), 2u);
  EXPECT_EQ(b.articles[0].id, "before");
  EXPECT_EQ(b.articles[1].id, "after");
  ASSERT_EQ(b.skipped.size(), 1u);
  EXPECT_EQ(b.skipped_total, 1u);
  EXPECT_EQ(b.skipped[0].index, 1u);
  EXPECT_EQ(b.skipped[0].id, expected_id);
  EXPECT_EQ(b.skipped[0].reason().rfind(where + ":", 0), 0u) << b.skipped[0].reason();
  EXPECT_TRUE(contains(b.skipped[0].reason(), what)) << b.skipped[0].reason();
}

// --- skip reasons ---------------------------------------------------------------------------

TEST(BundleParser, SkipsArticleWithoutId) {
  expect_skipped(article("x", {{"id", kOmit}}), "articles[1].id", "missing", "");
}

TEST(BundleParser, SkipsArticleWithoutTitle) {
  expect_skipped(article("bad", {{"title", kOmit}}), "articles[1].title", "missing");
}

TEST(BundleParser, ReadsIsAccessibleForFreeAsJsonOrAsPublishersWriteItInJsonLd) {
  auto result = parse_bundle(bundle({article("free"), article("json", {{"isAccessibleForFree", "false"}}),
                                     article("ld", {{"isAccessibleForFree", js(" False ")}}),
                                     article("open", {{"isAccessibleForFree", js("TRUE")}}),
                                     article("null", {{"isAccessibleForFree", "null"}})}),
                             {});
  ASSERT_TRUE(result.ok()) << result.error().message;
  const auto& a = result.value().articles;
  ASSERT_EQ(a.size(), 5u);
  EXPECT_TRUE(a[0].accessible_for_free);
  EXPECT_FALSE(a[1].accessible_for_free);
  EXPECT_FALSE(a[2].accessible_for_free);
  EXPECT_TRUE(a[3].accessible_for_free);
  EXPECT_TRUE(a[4].accessible_for_free);
}

TEST(BundleParser, SkipsArticleWhoseIsAccessibleForFreeIsNeitherTrueNorFalse) {
  expect_skipped(article("bad", {{"isAccessibleForFree", "0"}}), "articles[1].isAccessibleForFree",
                 "expected true or false, found an integer");
  expect_skipped(article("bad", {{"isAccessibleForFree", js("non")}}), "articles[1].isAccessibleForFree",
                 "expected true or false, found \"non\"");
}

TEST(BundleParser, ReadsExpiresAsTheDateItWasWritten) {
  auto result =
      parse_bundle(bundle({article("a", {{"expires", js("2024-12-31T23:59:00+01:00")}}), article("b")}), {});
  ASSERT_TRUE(result.ok()) << result.error().message;
  const auto& a = result.value().articles;
  ASSERT_TRUE(a[0].expires.has_value());
  EXPECT_EQ(a[0].expires->epoch_ms, test::ms("2024-12-31T22:59:00Z"));
  EXPECT_EQ(a[0].expires_text, "2024-12-31T23:59:00+01:00");
  EXPECT_FALSE(a[1].expires.has_value());
}

TEST(BundleParser, SkipsArticleWithAnUnreadableExpiresDate) {
  expect_skipped(article("bad", {{"expires", js("31/12/2024")}}), "articles[1].expires",
                 "is not an ISO 8601 date and time with an offset");
  expect_skipped(article("bad", {{"expires", "true"}}), "articles[1].expires",
                 "expected a string, found a boolean");
}

TEST(BundleParser, SkipsArticleWithoutUrl) {
  expect_skipped(article("bad", {{"url", kOmit}}), "articles[1].url", "missing");
}

TEST(BundleParser, SkipsArticleWithoutPublished) {
  expect_skipped(article("bad", {{"published", kOmit}}), "articles[1].published", "missing");
}

TEST(BundleParser, SkipsArticleWithEmptyOrBlankTitle) {
  expect_skipped(article("bad", {{"title", js("")}}), "articles[1].title", "empty");
  expect_skipped(article("bad", {{"title", js(" \t\n ")}}), "articles[1].title", "empty");
}

TEST(BundleParser, SkipsArticleWithEmptyId) {
  expect_skipped(article("x", {{"id", js("  ")}}), "articles[1].id", "empty", "");
}

TEST(BundleParser, SkipsArticleWithExplicitNullRequiredField) {
  expect_skipped(article("bad", {{"title", "null"}}), "articles[1].title", "missing");
}

TEST(BundleParser, SkipsArticleThatIsNotAnObject) {
  expect_skipped(js("juste une chaîne"), "articles[1]", "expected an object, found a string", "");
  expect_skipped("[1,2]", "articles[1]", "expected an object, found an array", "");
  expect_skipped("null", "articles[1]", "expected an object, found null", "");
  expect_skipped("42", "articles[1]", "expected an object, found an integer", "");
}

TEST(BundleParser, SkipsArticleWithNonStringId) {
  expect_skipped(article("x", {{"id", "42"}}), "articles[1].id", "expected a string, found an integer", "");
}

TEST(BundleParser, SkipsArticleWithWrongTypeForEachStringField) {
  expect_skipped(article("bad", {{"title", "[\"Titre\"]"}}), "articles[1].title",
                 "expected a string, found an array");
  expect_skipped(article("bad", {{"url", "{\"href\":\"https://example.org\"}"}}), "articles[1].url",
                 "expected a string, found an object");
  expect_skipped(article("bad", {{"published", "1733735700000"}}), "articles[1].published",
                 "expected a string, found an integer");
  expect_skipped(article("bad", {{"summary", "true"}}), "articles[1].summary",
                 "expected a string, found a boolean");
  expect_skipped(article("bad", {{"category", "[\"Politique\"]"}}), "articles[1].category",
                 "expected a string, found an array");
  expect_skipped(article("bad", {{"author", "7"}}), "articles[1].author",
                 "expected a string, found an integer");
  expect_skipped(article("bad", {{"lang", "1.5"}}), "articles[1].lang", "expected a string, found a number");
  expect_skipped(article("bad", {{"updated", "false"}}), "articles[1].updated",
                 "expected a string, found a boolean");
}

TEST(BundleParser, SkipsArticleWhoseTagsAreNotAnArray) {
  expect_skipped(article("bad", {{"tags", js("Sécurité")}}), "articles[1].tags",
                 "expected an array of strings, found a string");
}

TEST(BundleParser, SkipsArticleWithNonStringTagElement) {
  expect_skipped(article("bad", {{"tags", "[\"Sécurité\", 3]"}}), "articles[1].tags[1]",
                 "expected a string, found an integer");
  expect_skipped(article("bad", {{"tags", "[{\"name\":\"x\"}]"}}), "articles[1].tags[0]",
                 "expected a string, found an object");
}

TEST(BundleParser, SkipsArticleWithNonStringAuthorsElement) {
  expect_skipped(article("bad", {{"authors", "[\"Nadia Tazi\", null]"}}), "articles[1].authors[1]",
                 "expected a string, found null");
  expect_skipped(article("bad", {{"authors", js("Nadia Tazi")}}), "articles[1].authors",
                 "expected an array of strings");
}

TEST(BundleParser, SkipsArticleWithNegativeViews) {
  expect_skipped(article("bad", {{"views", "-1"}}), "articles[1].views", "must be 0 or more");
  expect_skipped(article("bad", {{"views_7d", "-20"}}), "articles[1].views_7d", "must be 0 or more");
}

TEST(BundleParser, SkipsArticleWithFractionalViews) {
  expect_skipped(article("bad", {{"views", "12.5"}}), "articles[1].views",
                 "expected a whole number, found a number");
}

TEST(BundleParser, SkipsArticleWithViewsAsString) {
  expect_skipped(article("bad", {{"views", js("1200")}}), "articles[1].views",
                 "expected a whole number, found a string");
  expect_skipped(article("bad", {{"views_24h", "true"}}), "articles[1].views_24h",
                 "expected a whole number, found a boolean");
  expect_skipped(article("bad", {{"views_30d", "[1]"}}), "articles[1].views_30d",
                 "expected a whole number, found an array");
}

TEST(BundleParser, SkipsArticleWithViewsAboveInt64) {
  expect_skipped(article("bad", {{"views", "18446744073709551615"}}), "articles[1].views", "too large");
}

TEST(BundleParser, SkipsArticleWhoseImageIsNotAnObject) {
  expect_skipped(article("bad", {{"image", js("https://example.org/i.jpg")}}), "articles[1].image",
                 "expected an object with a url, found a string");
}

TEST(BundleParser, SkipsArticleWhoseImageHasNoUrl) {
  expect_skipped(article("bad", {{"image", "{\"alt\":\"Photo\"}"}}), "articles[1].image.url", "missing");
}

TEST(BundleParser, SkipsArticleWithJavascriptImageUrl) {
  expect_skipped(article("bad", {{"image", "{\"url\":\"javascript:alert(1)\"}"}}), "articles[1].image.url",
                 "\"javascript:alert(1)\" is not an http(s) URL");
}

TEST(BundleParser, SkipsRelativeImageUrlWithoutAnyBase) {
  expect_skipped(article("bad", {{"image", "{\"url\":\"/images/a.jpg\"}"}}), "articles[1].image.url",
                 "\"/images/a.jpg\" is relative and there is no absolute base URL");
}

TEST(BundleParser, AcceptsWholeNumberFloatsAsCounts) {
  const Bundle b = test::parse_ok(bundle({article("a", {{"views", "12.0"}, {"views_7d", "0.0"}})}));
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(*b.articles[0].views[0], 12);
  EXPECT_EQ(*b.articles[0].views[2], 0);
  expect_skipped(article("bad", {{"views", "12.5"}}), "articles[1].views", "expected a whole number");
  expect_skipped(article("bad", {{"views", "-3.0"}}), "articles[1].views", "must be 0 or more");
}

TEST(BundleParser, KeepsOnlyTheFirstReportedSkipsWhileCountingAll) {
  // Streamed skips (bad fields) and late ones (bad URLs, duplicates) interleave by index.
  std::vector<std::string> articles;
  for (int i = 0; i < 50; ++i) {
    const std::string id = "a" + std::to_string(i);
    if (i % 3 == 0)
      articles.push_back(article(id, {{"title", kOmit}}));
    else if (i % 3 == 1)
      articles.push_back(article(id, {{"url", js("javascript:x")}}));
    else
      articles.push_back(article(id));
  }
  ParseOptions options;
  options.max_reported_skips = 5;
  const auto result = parse_bundle(bundle(articles), options);
  ASSERT_TRUE(result.ok());
  const Bundle& b = result.value();
  EXPECT_EQ(b.skipped_total, 34u);
  ASSERT_EQ(b.skipped.size(), 5u);
  const std::vector<std::size_t> expected = {0, 1, 3, 4, 6};
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(b.skipped[i].index, expected[i]) << b.skipped[i].reason();
}

TEST(BundleParser, SkipsArticleWithBadImageDimensions) {
  expect_skipped(article("bad", {{"image", "{\"url\":\"https://example.org/i.jpg\",\"width\":-5}"}}),
                 "articles[1].image.width", "must be 0 or more");
  expect_skipped(article("bad", {{"image", "{\"url\":\"https://example.org/i.jpg\",\"height\":200000}"}}),
                 "articles[1].image.height", "more than 100000 pixels");
  expect_skipped(article("bad", {{"image", "{\"url\":\"https://example.org/i.jpg\",\"width\":\"640\"}"}}),
                 "articles[1].image.width", "expected a whole number, found a string");
}

TEST(BundleParser, SkipsArticleWithUnreadablePublishedDate) {
  expect_skipped(article("bad", {{"published", js("hier")}}), "articles[1].published",
                 "\"hier\" is not an ISO 8601 date and time with an offset");
  expect_skipped(article("bad", {{"published", js("2024-02-30T10:00:00Z")}}), "articles[1].published",
                 "is not an ISO 8601");
}

TEST(BundleParser, SkipsArticleWhosePublishedDateHasNoOffset) {
  expect_skipped(article("bad", {{"published", js("2024-12-09T10:15:00")}}), "articles[1].published",
                 "\"2024-12-09T10:15:00\" is not an ISO 8601");
  expect_skipped(article("bad", {{"published", js("2024-12-09")}}), "articles[1].published",
                 "\"2024-12-09\" is not an ISO 8601");
}

TEST(BundleParser, SkipsArticleWithUnreadableUpdatedDate) {
  expect_skipped(article("bad", {{"updated", js("demain")}}), "articles[1].updated", "\"demain\"");
}

TEST(BundleParser, SkipsArticleWhoseUrlIsNotHttp) {
  expect_skipped(article("bad", {{"url", js("javascript:alert(1)")}}), "articles[1].url",
                 "\"javascript:alert(1)\" is not an http(s) URL");
  expect_skipped(article("bad", {{"url", js("ftp://example.org/a")}}), "articles[1].url",
                 "not an http(s) URL");
  expect_skipped(article("bad", {{"url", js("data:text/html,<b>x</b>")}}), "articles[1].url",
                 "not an http(s) URL");
  expect_skipped(article("bad", {{"url", js("https://example.org/a b")}}), "articles[1].url",
                 "not an http(s) URL");
}

TEST(BundleParser, SkipsRelativeUrlWithoutAnyBaseSayingWhatIsMissing) {
  expect_skipped(article("bad", {{"url", js("/politique/a")}}), "articles[1].url",
                 "\"/politique/a\" is relative and there is no absolute base URL to resolve it against "
                 "(pass baseUrl to load, or set site.url)");
}

TEST(BundleParser, KeepsSkipReasonsValidUtf8WhenShorteningQuotedValues) {
  // Quoted values are cut to a few dozen bytes; the cut must not split a character.
  const std::string date = std::string(39, '9') + "é décembre";                 // byte 40 is inside "é"
  const std::string url = "ftp://example.org/" + std::string(61, 'a') + "été";  // byte 80 too
  const Bundle b =
      test::parse_ok(bundle({article("a", {{"published", js(date)}}), article("b", {{"url", js(url)}})}));
  ASSERT_EQ(b.skipped.size(), 2u);
  for (const auto& s : b.skipped) EXPECT_TRUE(test::valid_utf8(s.reason())) << s.reason();
}

TEST(BundleParser, ReportsTheFirstProblemOfAnArticle) {
  // id is read first, then url, title, published.
  expect_skipped(article("x", {{"id", kOmit}, {"title", kOmit}}), "articles[1].id", "missing", "");
  expect_skipped(article("bad", {{"title", kOmit}, {"published", js("hier")}}), "articles[1].title",
                 "missing");
}

TEST(BundleParser, KeepsTheFirstOfTwoArticlesWithTheSameId) {
  const Bundle b = test::parse_ok(bundle(
      {article("a", {{"title", js("Premier")}}), article("b"), article("a", {{"title", js("Second")}})}));
  ASSERT_EQ(b.articles.size(), 2u);
  EXPECT_EQ(b.articles[0].id, "a");
  EXPECT_EQ(b.articles[0].title, "Premier");
  ASSERT_EQ(b.skipped.size(), 1u);
  EXPECT_EQ(b.skipped[0].index, 2u);
  EXPECT_EQ(b.skipped[0].id, "a");
  EXPECT_TRUE(contains(b.skipped[0].reason(), "articles[2].id: \"a\" is used by an earlier article"))
      << b.skipped[0].reason();
}

TEST(BundleParser, LoadsGoodArticlesAroundManyBadOnes) {
  const Bundle b = test::parse_ok(bundle({
      article("a"),
      article("b", {{"title", kOmit}}),
      article("c", {{"views", "-3"}}),
      article("d", {{"title", js("Sécurité routière : le bilan de l'été")}}),
      js("pas un article"),
      article("e", {{"url", js("javascript:alert(1)")}}),
      article("f", {{"tags", "[\"x\", false]"}}),
      article("g"),
      article("a"),
  }));
  EXPECT_EQ(b.articles.size(), 3u);
  EXPECT_EQ(b.skipped_total, 6u);
  std::vector<std::size_t> indexes;
  for (const auto& s : b.skipped) indexes.push_back(s.index);
  EXPECT_EQ(indexes, (std::vector<std::size_t>{1, 2, 4, 5, 6, 8}));
  for (const auto& s : b.skipped) {
    EXPECT_EQ(s.reason().rfind("articles[" + std::to_string(s.index) + "]", 0), 0u) << s.reason();
  }
}

TEST(BundleParser, ReportsEverySkipOfTheSkipsFixture) {
  const Bundle b = test::parse_ok(test::read_fixture("skips.json"));
  ASSERT_EQ(b.articles.size(), 2u);
  EXPECT_EQ(b.articles[0].id, "ok-1");
  EXPECT_EQ(b.articles[0].url, "https://www.example.ma/politique/ok-1");
  EXPECT_EQ(b.articles[1].id, "ok-2");
  struct Expected {
    std::size_t index;
    const char* id;
    const char* reason_start;
  };
  const std::vector<Expected> expected = {
      {1, "", "articles[1].id: missing"},
      {2, "sans-titre", "articles[2].title: missing"},
      {3, "titre-vide", "articles[3].title: empty"},
      {4, "sans-lien", "articles[4].url: missing"},
      {5, "sans-date", "articles[5].published: missing"},
      {6, "date-en-clair", "articles[6].published: \"9 décembre 2024\" is not an ISO 8601"},
      {7, "date-sans-fuseau", "articles[7].published: \"2024-12-09T10:15:00\" is not an ISO 8601"},
      {8, "lien-js", "articles[8].url: \"javascript:alert(1)\" is not an http(s) URL"},
      {9, "image-js", "articles[9].image.url: \"javascript:alert(document.cookie)\" is not an http(s) URL"},
      {10, "image-texte", "articles[10].image: expected an object with a url, found a string"},
      {11, "tags-texte", "articles[11].tags: expected an array of strings, found a string"},
      {12, "tag-nombre", "articles[12].tags[1]: expected a string, found an integer"},
      {13, "vues-negatives", "articles[13].views: must be 0 or more"},
      {14, "vues-decimales", "articles[14].views: expected a whole number, found a number"},
      {15, "vues-texte", "articles[15].views: expected a whole number, found a string"},
      {16, "vues-jour", "articles[16].views_24h: expected a whole number, found a boolean"},
      {17, "ok-1", "articles[17].id: \"ok-1\" is used by an earlier article (the first one is kept)"},
      {18, "", "articles[18]: expected an object, found a string"},
      {19, "auteur-nombre", "articles[19].author: expected a string, found an integer"},
      {21, "maj-illisible", "articles[21].updated: \"demain\" is not an ISO 8601"},
      {22, "resume-liste", "articles[22].summary: expected a string, found an array"},
  };
  ASSERT_EQ(b.skipped.size(), expected.size());
  EXPECT_EQ(b.skipped_total, expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(b.skipped[i].index, expected[i].index);
    EXPECT_EQ(b.skipped[i].id, expected[i].id);
    EXPECT_EQ(b.skipped[i].reason().rfind(expected[i].reason_start, 0), 0u) << b.skipped[i].reason();
  }
}

}  // namespace
}  // namespace encart
