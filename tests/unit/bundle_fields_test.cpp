// What a bundle's articles hold once read: every field, absent and null ones, text kept as written
// (bundle_parser_test.cpp: what is skipped and why).
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

// What an article without its optional fields (or with them null) reads as.
void expect_optional_fields_absent(const Article& a) {
  EXPECT_TRUE(a.category.empty());
  EXPECT_TRUE(a.tags.empty());
  EXPECT_TRUE(a.authors.empty());
  for (const auto& v : a.views) EXPECT_FALSE(v.has_value());
  EXPECT_FALSE(a.image);
  EXPECT_FALSE(a.updated);
}

TEST(BundleParser, LoadsAnEmptyArticlesArray) {
  const Bundle b = test::parse_ok(bundle({}));
  EXPECT_TRUE(b.articles.empty());
  EXPECT_TRUE(b.skipped.empty());
  EXPECT_EQ(b.skipped_total, 0u);
}

// --- fields ---------------------------------------------------------------------------------

TEST(BundleParser, ReadsEveryField) {
  const Bundle b = test::parse_ok(
      bundle({article("securite-maroc-france",
                      {{"url", js("https://www.example.ma/politique/securite")},
                       {"title", js("  Coopération sécuritaire : Rabat et Paris  ")},
                       {"published", js("2024-12-09T10:15:00+01:00")},
                       {"updated", js("2024-12-09T12:00:00+01:00")},
                       {"summary", js("Réunis à Rabat, les responsables…")},
                       {"category", js("Politique")},
                       {"tags", "[\"Sécurité\", \" France \", \"\", \"Sécurité\", \"DGSN\"]"},
                       {"author", js("Mbaye Gueye")},
                       {"views", "18250"},
                       {"views_24h", "1320"},
                       {"views_7d", "6400"},
                       {"views_30d", "0"},
                       {"image",
                        "{\"url\":\"https://www.example.ma/i.jpg\",\"width\":640,\"height\":360,"
                        "\"alt\":\"Réunion à Rabat\"}"},
                       {"lang", js("fr")}})},
             R"("site":{"name":"Le Quotidien de l'Atlas","url":"https://www.example.ma/","lang":"fr"})"));
  EXPECT_EQ(b.site.name, "Le Quotidien de l'Atlas");
  EXPECT_EQ(b.site.url, "https://www.example.ma/");
  EXPECT_EQ(b.site.lang, "fr");
  ASSERT_EQ(b.articles.size(), 1u);
  const Article& a = b.articles[0];
  EXPECT_EQ(a.id, "securite-maroc-france");
  EXPECT_EQ(a.url, "https://www.example.ma/politique/securite");
  EXPECT_EQ(a.title, "Coopération sécuritaire : Rabat et Paris");
  EXPECT_EQ(a.published_text, "2024-12-09T10:15:00+01:00");
  EXPECT_EQ(a.published.epoch_ms, 1733735700000);
  EXPECT_EQ(a.published.offset_minutes, 60);
  ASSERT_TRUE(a.updated);
  EXPECT_EQ(a.updated->epoch_ms, 1733735700000 + 105 * 60000);
  EXPECT_EQ(a.summary, "Réunis à Rabat, les responsables…");
  EXPECT_EQ(a.category, "Politique");
  EXPECT_EQ(a.tags, (std::vector<std::string>{"Sécurité", "France", "DGSN"}));
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Mbaye Gueye"}));
  EXPECT_EQ(a.views[0], 18250);
  EXPECT_EQ(a.views[1], 1320);
  EXPECT_EQ(a.views[2], 6400);
  EXPECT_EQ(a.views[3], 0);
  ASSERT_TRUE(a.image);
  EXPECT_EQ(a.image->url, "https://www.example.ma/i.jpg");
  EXPECT_EQ(a.image->width, 640);
  EXPECT_EQ(a.image->height, 360);
  EXPECT_EQ(a.image->alt, "Réunion à Rabat");
  EXPECT_EQ(a.lang, "fr");
}

TEST(BundleParser, LeavesAbsentOptionalFieldsEmpty) {
  const Bundle b = test::parse_ok(bundle({article("a")}));
  ASSERT_EQ(b.articles.size(), 1u);
  const Article& a = b.articles[0];
  EXPECT_TRUE(a.summary.empty());
  expect_optional_fields_absent(a);
  EXPECT_TRUE(b.site.url.empty());
}

TEST(BundleParser, TreatsExplicitNullOptionalFieldsAsAbsent) {
  const Bundle b = test::parse_ok(bundle({article("a", {{"summary", "null"},
                                                        {"category", "null"},
                                                        {"tags", "null"},
                                                        {"author", "null"},
                                                        {"authors", "null"},
                                                        {"views", "null"},
                                                        {"views_24h", "null"},
                                                        {"views_7d", "null"},
                                                        {"views_30d", "null"},
                                                        {"image", "null"},
                                                        {"updated", "null"},
                                                        {"lang", "null"}})}));
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.skipped_total, 0u);
  expect_optional_fields_absent(b.articles[0]);
}

TEST(BundleParser, TreatsNullImageFieldsAsAbsent) {
  const Bundle b = test::parse_ok(bundle(
      {article("a", {{"image", "{\"url\":\"https://example.org/i.jpg\",\"alt\":null,\"width\":null}"}})}));
  ASSERT_EQ(b.articles.size(), 1u);
  ASSERT_TRUE(b.articles[0].image);
  EXPECT_EQ(b.articles[0].image->width, 0);
  EXPECT_TRUE(b.articles[0].image->alt.empty());
}

TEST(BundleParser, MergesAuthorAndAuthorsWithoutDuplicates) {
  const Bundle b = test::parse_ok(
      bundle({article("a", {{"author", js("Nadia Tazi")},
                            {"authors", "[\"Karim Alaoui\", \"Nadia Tazi\", \"سلمى بنجلون\"]"}})}));
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.articles[0].authors, (std::vector<std::string>{"Nadia Tazi", "Karim Alaoui", "سلمى بنجلون"}));
}

TEST(BundleParser, IgnoresUnknownFields) {
  const Bundle b = test::parse_ok(
      bundle({article("a", {{"x_cms", "{\"nested\":[1,{\"deep\":[null,true]}],\"s\":\"<script>\"}"},
                            {"wordcount", "1200"}})},
             R"("generator":"cms 4.2","extra":{"articles":"not these"},"list":[[],{}])"));
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.skipped_total, 0u);
}

TEST(BundleParser, AcceptsBundleWithoutVersion) {
  const Bundle b = test::parse_ok(R"({"articles":[)" + article("a") + "]}");
  EXPECT_EQ(b.articles.size(), 1u);
}

TEST(BundleParser, KeepsArabicAndFrenchTextUnchanged) {
  const Bundle b = test::parse_ok(test::read_fixture("arabic.json"));
  ASSERT_EQ(b.articles.size(), 3u);
  EXPECT_EQ(b.site.name, "أطلس");
  EXPECT_EQ(b.articles[1].title, "الأَمْن الوطني يطلق برنامجا جديدا للتكوين");
  EXPECT_EQ(b.articles[1].authors, (std::vector<std::string>{"يوسف الإدريسي"}));
}

TEST(BundleParser, SkipsHostileUrlsFromTheHostileFixture) {
  const Bundle b = test::parse_ok(test::read_fixture("hostile.json"));
  std::vector<std::string> loaded;
  for (const auto& a : b.articles) loaded.push_back(a.id);
  EXPECT_EQ(loaded, (std::vector<std::string>{"xss-title", "attr-break", "plain"}));
  std::vector<std::string> skipped;
  for (const auto& s : b.skipped) skipped.push_back(s.id);
  EXPECT_EQ(skipped, (std::vector<std::string>{"js-url", "data-url", "img-js"}));
  // Strings are kept as written: escaping is the renderer's job.
  EXPECT_EQ(b.articles[0].title, "<img src=x onerror=\"window.__pwned=1\">Titre piégé");
}

}  // namespace
}  // namespace encart
