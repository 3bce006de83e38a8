// What editors already say about related articles (issue 13): a bundle's "related" ids and
// WordPress's jetpack-related-posts come first, in their order; links in a body to another
// article of the bundle make the two related; a pack carries both.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/engine.h"
#include "pack/reader.h"
#include "pack/writer.h"
#include "related/editor.h"
#include "test_bundles.h"
#include "text/html_text.h"

namespace encart {
namespace {

using test::js;
using test::js_list;
using Ids = std::vector<std::string>;

// Three stories of one thread (shared names), and two that share nothing with anything.
std::vector<std::string> stories(const test::Fields& on_first = {}) {
  const auto story = [](const std::string& id, const std::string& title, const std::string& day,
                        const test::Fields& more) {
    test::Fields fields = {{"title", js(title)}, {"published", js("2025-01-" + day + "T10:00:00+01:00")}};
    fields.insert(fields.end(), more.begin(), more.end());
    return test::article(id, fields);
  };
  return {
      story("visite", "Abdellatif Hammouchi reçu à Bruxelles par la police fédérale belge", "20", on_first),
      story("rencontre", "Rabat : Abdellatif Hammouchi reçoit le patron de la police fédérale belge", "10",
            {}),
      story("saisie", "Anvers : la police fédérale belge saisit de la cocaïne grâce à Hammouchi", "05", {}),
      story("tomates", "Tomates : le kilo à douze dirhams au marché de gros", "15", {}),
      story("barrages", "Les barrages du Sebou remplis aux deux tiers après les pluies", "12", {})};
}

LoadOptions now() {
  LoadOptions o;
  o.now_ms = test::ms("2025-02-01T00:00:00Z");
  return o;
}

Ids related_ids(const Engine& engine, const std::string& id, std::size_t limit = 4) {
  ListOptions o;
  o.limit = limit;
  const auto items = engine.related(id, o);
  EXPECT_TRUE(items.ok());
  Ids out;
  for (const RelatedItem& item : items.value()) out.push_back(engine.index().articles()[item.id].id);
  return out;
}

TEST(EditorRelated, TheEditorsRelatedIdsComeFirstInTheirOrderThenTheComputedOnes) {
  Engine engine;
  ASSERT_TRUE(
      engine.load(test::bundle(stories({{"related", js_list({"barrages", "tomates"})}})), now()).ok());
  const Ids ids = related_ids(engine, "visite");
  ASSERT_EQ(ids.size(), 4U);
  EXPECT_EQ(ids[0], "barrages");
  EXPECT_EQ(ids[1], "tomates");
  EXPECT_EQ(Ids(ids.begin() + 2, ids.end()), (Ids{"rencontre", "saisie"}));
}

TEST(EditorRelated, AWordPressIdWrittenAsANumberNamesTheArticle) {
  Engine engine;
  ASSERT_TRUE(engine.load(test::bundle(stories({{"related", "[\"tomates\"]"}})), now()).ok());
  EXPECT_EQ(related_ids(engine, "visite").front(), "tomates");
  auto articles = stories();
  articles.push_back(test::article("12", {{"title", js("Marché de gros : la sardine à vingt dirhams")}}));
  articles[0] = test::article("visite", {{"title", js("Hammouchi à Bruxelles")}, {"related", "[12]"}});
  Engine numbered;
  ASSERT_TRUE(numbered.load(test::bundle(articles), now()).ok());
  EXPECT_EQ(related_ids(numbered, "visite").front(), "12");
}

TEST(EditorRelated, AnUnknownIdIsDroppedWithAWarningNamingTheArticleAndItsIndex) {
  Engine engine;
  const auto report =
      engine.load(test::bundle(stories({{"related", "[\"disparu\", \"tomates\", {\"id\": 3}]"}})), now());
  ASSERT_TRUE(report.ok());
  const auto& warnings = report.value().warnings;
  const auto has = [&](const std::string& part) {
    return std::any_of(warnings.begin(), warnings.end(),
                       [&](const std::string& w) { return w.find(part) != std::string::npos; });
  };
  EXPECT_TRUE(has("article \"visite\": related[0]: \"disparu\" is not an article of the bundle, ignored"));
  EXPECT_TRUE(
      has("articles[0].related[2]: expected an article id (a string or a whole number), found an object"));
  EXPECT_EQ(related_ids(engine, "visite").front(), "tomates");  // the good part is kept
}

TEST(EditorRelated, TooManyIdsOrAnOverlongOneCostAWarningNotTheArticle) {
  std::vector<std::string> ids = {std::string(2000, 'x')};
  for (int i = 0; i < 25; ++i) ids.push_back("autre-" + std::to_string(i));
  Engine engine;
  const auto report = engine.load(test::bundle(stories({{"related", js_list(ids)}})), now());
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report.value().articles, 5U);
  const auto& w = report.value().warnings;
  const auto has = [&](const std::string& part) {
    return std::any_of(w.begin(), w.end(),
                       [&](const std::string& s) { return s.find(part) != std::string::npos; });
  };
  EXPECT_TRUE(
      has("articles[0].related[0]: 2000 bytes, over the limit of 1024, ignored (article \"visite\")"));
  EXPECT_TRUE(has("articles[0].related: 5 more dropped over the limit of 20 (article \"visite\")"));
}

TEST(EditorRelated, AJetpackRelatedPostsListComesFirstFromTheWordPressApi) {
  const auto post = [](int id, const std::string& title, const std::string& extra) {
    return "{\"id\":" + std::to_string(id) + ",\"link\":\"https://site.example/" + std::to_string(id) +
           "/\",\"date_gmt\":\"2025-01-1" + std::to_string(id % 10) +
           "T10:00:00\",\"title\":{\"rendered\":" + js(title) + "}" + extra + "}";
  };
  const std::string posts = "[" +
                            post(1, "Abdellatif Hammouchi reçu à Bruxelles",
                                 ",\"jetpack-related-posts\":[{\"id\":3},{\"id\":99}]") +
                            "," + post(2, "Abdellatif Hammouchi reçoit son homologue belge à Rabat", "") +
                            "," + post(3, "Tomates : les prix baissent", "") + "]";
  Engine engine;
  const auto report = engine.load(posts, now());
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(related_ids(engine, "1", 2), (Ids{"3", "2"}));
  const auto& w = report.value().warnings;
  EXPECT_TRUE(std::any_of(w.begin(), w.end(), [](const std::string& s) {
    return s == "article \"1\": related[1]: \"99\" is not an article of the bundle, ignored";
  }));
}

TEST(EditorLinks, ALinkInTheTextMakesTwoArticlesThatShareNoWordRelatedBothWays) {
  auto articles = stories();
  articles.push_back(test::article(
      "analyse",
      {{"title", js("Ce que cache la flambée")},
       {"published", js("2025-01-16T10:00:00+01:00")},
       {"text", js("<p>Lire aussi <a href=\"https://www.Example.org/articles/tomates/#haut\">notre "
                   "enquête</a>.</p>")}}));
  Engine engine;
  ASSERT_TRUE(engine.load(test::bundle(articles), now()).ok());
  ListOptions o;
  o.limit = 1;
  const auto from = engine.related("analyse", o).value();
  ASSERT_EQ(from.size(), 1U);
  EXPECT_EQ(engine.index().articles()[from[0].id].id, "tomates");
  EXPECT_EQ(from[0].source, RelatedSource::kScore);
  const auto to = engine.related("tomates", o).value();
  ASSERT_EQ(to.size(), 1U);
  EXPECT_EQ(engine.index().articles()[to[0].id].id, "analyse");
  EXPECT_EQ(to[0].source, RelatedSource::kScore);
}

TEST(EditorLinks, LinksOfAWordPressBodyCountRelativeOrAbsolute) {
  const std::string posts =
      "[{\"id\":1,\"link\":\"https://site.example/2025/analyse/\",\"date_gmt\":\"2025-01-16T10:00:00\","
      "\"title\":{\"rendered\":\"Ce que cache la flambée\"},\"content\":{\"rendered\":\"<p>Voir <a "
      "href='/2025/tomates'>ici</a></p>\"}},"
      "{\"id\":2,\"link\":\"https://site.example/2025/tomates/\",\"date_gmt\":\"2025-01-15T10:00:00\","
      "\"title\":{\"rendered\":\"Tomates : le kilo à douze dirhams\"}},"
      "{\"id\":3,\"link\":\"https://site.example/2025/barrages/\",\"date_gmt\":\"2025-01-14T10:00:00\","
      "\"title\":{\"rendered\":\"Les barrages du Sebou remplis\"}}]";
  Engine engine;
  ASSERT_TRUE(engine.load(posts, now()).ok());
  ListOptions o;
  o.limit = 1;
  const auto items = engine.related("1", o).value();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(engine.index().articles()[items[0].id].id, "2");
  EXPECT_EQ(items[0].source, RelatedSource::kScore);
}

TEST(EditorLinks, URLsMatchWhateverTheSchemeWwwTrailingSlashOrFragment) {
  EXPECT_EQ(normalized_url("https://www.Site.example/a/b/#x"), "site.example/a/b");
  EXPECT_EQ(normalized_url("http://site.example/a/b"), "site.example/a/b");
  EXPECT_EQ(normalized_url("https://site.example/?p=12#c"), "site.example?p=12");
  EXPECT_NE(normalized_url("https://site.example/?p=12"), normalized_url("https://site.example/?p=13"));
}

TEST(EditorLinks, ABodyGivesItsHrefsAndBareURLsOnceWithoutTheSentencesPunctuation) {
  const auto links = text::find_links(
      "<a href=\"/a?x=1&amp;y=2\">A</a> voir https://site.example/b. Et <A HREF='/a?x=1&y=2'>encore</A>, "
      "(https://site.example/c) ; un href sans lien.",
      10);
  EXPECT_EQ(links, (Ids{"/a?x=1&y=2", "https://site.example/b", "https://site.example/c"}));
  EXPECT_EQ(text::find_links("http://a.example/1 http://a.example/2 http://a.example/3", 2).size(), 2U);
}

TEST(EditorRelated, APackListsTheEditorsIdsAndLinkedArticlesFirstAsTheBundleDoes) {
  auto articles = stories({{"related", js_list({"barrages"})}});
  articles.push_back(test::article("analyse", {{"title", js("Ce que cache la flambée")},
                                               {"text", js("Lire https://example.org/articles/tomates.")}}));
  Engine engine;
  ASSERT_TRUE(engine.load(test::bundle(articles), now()).ok());
  const pack::Pack p = pack::write_pack(engine, Site{}, [](std::string_view content) {
    return std::to_string(std::hash<std::string_view>{}(content)).substr(0, 8);
  });
  std::map<std::string, std::string> files;
  for (const auto& f : p.files) files[f.name] = f.bytes;
  for (const std::string subject : {"visite", "analyse"}) {
    pack::Reader reader(p.manifest);
    ASSERT_FALSE(reader.add_file(p.manifest.head, files.at(p.manifest.head)).has_value());
    SidebarRequest request;
    request.article = subject;
    request.related_limit = 2;
    request.latest_limit = request.most_read_limit = 0;  // nothing that related would avoid
    const QueryClock clock{test::ms("2025-02-01T00:00:00Z"), 60};
    auto answer = reader.sidebar(request, clock);
    for (int round = 0; round < 8 && answer.ok() && !answer.value().complete; ++round) {
      for (const auto& name : answer.value().missing)
        ASSERT_FALSE(reader.add_file(name, files.at(name)).has_value());
      answer = reader.sidebar(request, clock);
    }
    ASSERT_TRUE(answer.ok() && answer.value().complete);
    const std::string& html = answer.value().view.related.html;
    const std::string first = subject == "visite" ? "articles/barrages" : "articles/tomates";
    const std::size_t at = html.find("https://example.org/");
    ASSERT_NE(at, std::string::npos) << html;
    EXPECT_EQ(html.substr(at + 20, first.size()), first) << html;
    EXPECT_EQ(html, engine.sidebar(request).value().related.html);
  }
}

}  // namespace
}  // namespace encart
