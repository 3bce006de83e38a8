// How article and image URLs are resolved against the bundle's URL or site.url.
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

// --- URLs and the base ----------------------------------------------------------------------

TEST(BundleParser, ResolvesRelativeUrlsAgainstBaseUrlOption) {
  ParseOptions options;
  options.base_url = "https://www.example.fr/data/articles.json";
  const Bundle b = test::parse_ok(
      bundle({article("a", {{"url", js("/politique/a")}, {"image", "{\"url\":\"img/a.jpg\"}"}})}), options);
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.articles[0].url, "https://www.example.fr/politique/a");
  EXPECT_EQ(b.articles[0].image->url, "https://www.example.fr/data/img/a.jpg");
}

TEST(BundleParser, UsesSiteUrlAsBaseWhenNoBaseUrlIsGiven) {
  const Bundle b = test::parse_ok(
      bundle({article("a", {{"url", js("/politique/a")}})}, R"("site":{"url":"https://www.example.ma/"})"));
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.articles[0].url, "https://www.example.ma/politique/a");
}

TEST(BundleParser, UsesSiteUrlAsBaseEvenWhenSiteComesAfterArticles) {
  const std::string json =
      "{\"version\":1,\"articles\":[" +
      article("a", {{"url", js("politique/a")}, {"image", "{\"url\":\"//cdn.example.ma/a.jpg\"}"}}) +
      "],\"site\":{\"name\":\"Atlas\",\"url\":\"https://www.example.ma/fr/\"}}";
  const Bundle b = test::parse_ok(json);
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.articles[0].url, "https://www.example.ma/fr/politique/a");
  EXPECT_EQ(b.articles[0].image->url, "https://cdn.example.ma/a.jpg");
  EXPECT_EQ(b.site.name, "Atlas");
}

TEST(BundleParser, PrefersBaseUrlOptionOverSiteUrl) {
  ParseOptions options;
  options.base_url = "https://mirror.example.org/";
  const Bundle b = test::parse_ok(
      bundle({article("a", {{"url", js("/a")}})}, R"("site":{"url":"https://www.example.ma/"})"), options);
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.articles[0].url, "https://mirror.example.org/a");
}

TEST(BundleParser, SkipsRelativeUrlsAgainstABaseWithoutHostNamingTheBase) {
  const Bundle b = test::parse_ok(
      bundle({article("a", {{"url", js("/a")}}), article("b")}, R"("site":{"url":"https://?x"})"));
  ASSERT_EQ(b.articles.size(), 1u);
  ASSERT_EQ(b.skipped.size(), 1u);
  EXPECT_EQ(b.skipped[0].reason(),
            "articles[0].url: \"/a\" is relative and the base URL site.url \"https://?x\" has no host");
  ParseOptions options;
  options.base_url = "https://:8080/feed.json";
  const Bundle c = test::parse_ok(bundle({article("a", {{"image", R"({"url":"i.jpg"})"}})}), options);
  ASSERT_EQ(c.skipped.size(), 1u);
  EXPECT_TRUE(contains(c.skipped[0].reason(),
                       "articles[0].image.url: \"i.jpg\" is relative and the base URL baseUrl"))
      << c.skipped[0].reason();
}

TEST(BundleParser, SkipsAnAbsoluteUrlWithoutHostSayingSo) {
  auto result = parse_bundle(bundle({article("a", {{"url", js("https://?x")}})}), {});
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.value().skipped.size(), 1u);
  EXPECT_EQ(result.value().skipped[0].reason(), "articles[0].url: \"https://?x\" has no host");
}

// Found by tests/fuzz/urls_fuzz: "https://e.ma:443:443/a" passed for a URL with host "e.ma".
TEST(BundleParser, SkipsAUrlWithTwoPortsNamingItsPort) {
  auto result =
      parse_bundle(bundle({article("a", {{"url", js("https://e.ma:443:443/a")}}), article("b")}), {});
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.value().skipped.size(), 1u);
  EXPECT_EQ(result.value().skipped[0].reason(),
            "articles[0].url: \"https://e.ma:443:443/a\" has a port that is not a number up to 65535");
  EXPECT_EQ(result.value().articles.size(), 1u);
}

TEST(BundleParser, IgnoresMistypedSiteFields) {
  const Bundle b = test::parse_ok(bundle({article("a")}, R"("site":{"name":7,"url":["x"],"lang":"ar"})"));
  EXPECT_TRUE(b.site.name.empty());
  EXPECT_TRUE(b.site.url.empty());
  EXPECT_EQ(b.site.lang, "ar");
  const Bundle c = test::parse_ok(bundle({article("a")}, R"("site":"Atlas")"));
  EXPECT_EQ(c.articles.size(), 1u);
}

}  // namespace
}  // namespace encart
