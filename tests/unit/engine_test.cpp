#include "engine/engine.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_bundles.h"

namespace encart {
namespace {

using test::contains;
using test::js;
using test::js_list;
using Ids = std::vector<std::string>;

// Seven published articles (newest first: a7 … a1) and one scheduled after kNow.
std::string newsroom() {
  const auto art = [](const std::string& id, const std::string& published, const std::string& category,
                      const std::vector<std::string>& tags, int views, const std::string& title,
                      const std::string& author) {
    return test::article(id, {{"title", js(title)},
                              {"published", js(published)},
                              {"category", js(category)},
                              {"tags", js_list(tags)},
                              {"author", js(author)},
                              {"views", std::to_string(views)},
                              {"views_24h", std::to_string(views / 10)}});
  };
  return test::bundle({
      art("a1", "2024-12-01T10:00:00+01:00", "Politique", {"Sécurité", "Maroc"}, 900,
          "Sécurité : accord signé", "Nadia Tazi"),
      art("a2", "2024-12-02T10:00:00+01:00", "Économie", {"Banque"}, 300, "Les taux baissent", "Mbaye Gueye"),
      art("a3", "2024-12-03T10:00:00+01:00", "Politique", {"Sécurité"}, 1500, "Sécurité routière",
          "Nadia Tazi"),
      art("a4", "2024-12-04T10:00:00+01:00", "Sport", {"Football", "Maroc"}, 50, "Victoire du Wydad",
          "Mbaye Gueye"),
      art("a5", "2024-12-05T10:00:00+01:00", "Culture", {"Cinéma"}, 700, "Festival de Marrakech",
          "Nadia Tazi"),
      art("a6", "2024-12-06T10:00:00+01:00", "Politique", {"Maroc", "France"}, 120, "Visite officielle",
          "Mbaye Gueye"),
      art("a7", "2024-12-07T10:00:00+01:00", "Économie", {"Banque", "Maroc"}, 80, "Bank Al-Maghrib",
          "Nadia Tazi"),
      art("futur", "2024-12-24T10:00:00+01:00", "Politique", {"Sécurité"}, 99999, "Programmé", "Mbaye Gueye"),
  });
}

LoadOptions at_now() {
  LoadOptions o;
  o.now_ms = test::kNow;
  return o;
}

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto report = engine_.load(newsroom(), at_now());
    ASSERT_TRUE(report.ok()) << report.error().message;
  }

  Ids ids(const Result<std::vector<ArticleId>>& r) {
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? test::ids(engine_.index(), r.value()) : Ids{};
  }

  Ids ids(const Result<std::vector<RelatedItem>>& r) {
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    Ids out;
    if (r.ok()) {
      for (const RelatedItem& item : r.value()) out.push_back(engine_.index().articles()[item.id].id);
    }
    return out;
  }

  Sidebar sidebar(const SidebarRequest& request) {
    auto r = engine_.sidebar(request);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? r.value() : Sidebar{};
  }

  Engine engine_;
};

bool shows(const std::string& html, const std::string& id) {
  return contains(html, "href=\"https://example.org/articles/" + id + "\"");
}

// --- loading --------------------------------------------------------------------------------

TEST(Engine, RefusesQueriesBeforeALoad) {
  const Engine engine;
  EXPECT_FALSE(engine.loaded());
  EXPECT_EQ(engine.latest({}).error().code, ErrorCode::kNotLoaded);
  EXPECT_EQ(engine.most_read(ViewWindow::kAll, {}).error().code, ErrorCode::kNotLoaded);
  EXPECT_EQ(engine.related("a1", {}).error().code, ErrorCode::kNotLoaded);
  EXPECT_EQ(engine.facets({}).error().code, ErrorCode::kNotLoaded);
  EXPECT_EQ(engine.sidebar({}).error().code, ErrorCode::kNotLoaded);
  EXPECT_FALSE(engine.latest({}).error().message.empty());
}

TEST(Engine, StaysNotLoadedAfterAFailedFirstLoad) {
  Engine engine;
  const auto report = engine.load("{\"articles\": [", at_now());
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kBadJson);
  EXPECT_FALSE(engine.loaded());
  EXPECT_EQ(engine.latest({}).error().code, ErrorCode::kNotLoaded);
}

TEST(Engine, ReportsLoadedAndSkippedArticles) {
  Engine engine;
  const auto report = engine.load(
      test::bundle({test::article("a"), test::article("b", {{"title", test::kOmit}}), test::article("c")}),
      at_now());
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report.value().articles, 2u);
  EXPECT_EQ(report.value().skipped_total, 1u);
  ASSERT_EQ(report.value().skipped.size(), 1u);
  EXPECT_EQ(report.value().skipped[0].index, 1u);
  EXPECT_EQ(report.value().skipped[0].id, "b");
  EXPECT_TRUE(contains(report.value().skipped[0].reason(), "articles[1].title: missing"));
  EXPECT_TRUE(engine.loaded());
}

TEST_F(EngineTest, KeepsThePreviousBundleWhenALoadFails) {
  const Ids before = ids(engine_.latest({}));
  // ("[]" is not here: a JSON array is WordPress posts, and an empty page of posts loads.)
  for (const char* bad : {"pas du JSON", "42", "{\"version\":2,\"articles\":[]}", "{\"site\":{}}"}) {
    EXPECT_FALSE(engine_.load(bad, at_now()).ok()) << bad;
    EXPECT_TRUE(engine_.loaded());
    EXPECT_EQ(ids(engine_.latest({})), before) << bad;
  }
  LoadOptions tiny = at_now();
  tiny.parse.max_bytes = 10;
  const auto too_large = engine_.load(newsroom(), tiny);
  ASSERT_FALSE(too_large.ok());
  EXPECT_EQ(too_large.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(ids(engine_.latest({})), before);
}

TEST_F(EngineTest, ReplacesTheBundleOnASuccessfulLoad) {
  ASSERT_TRUE(engine_.load(test::bundle({test::article("seul")}), at_now()).ok());
  EXPECT_EQ(ids(engine_.latest({})), (Ids{"seul"}));
  EXPECT_EQ(engine_.related("a1", {}).error().code, ErrorCode::kUnknownArticle);
}

TEST_F(EngineTest, HidesArticlesPublishedAfterNow) {
  ListOptions all;
  all.limit = 100;
  EXPECT_EQ(ids(engine_.latest(all)), (Ids{"a7", "a6", "a5", "a4", "a3", "a2", "a1"}));
  EXPECT_EQ(ids(engine_.most_read(ViewWindow::kAll, all)).front(), "a3");
  LoadOptions later = at_now();
  later.now_ms = test::ms("2024-12-24T09:00:00Z");
  ASSERT_TRUE(engine_.load(newsroom(), later).ok());
  EXPECT_EQ(ids(engine_.latest(all)).front(), "futur");
  EXPECT_EQ(ids(engine_.most_read(ViewWindow::kAll, all)).front(), "futur");
}

// --- lists ----------------------------------------------------------------------------------

TEST_F(EngineTest, ListsHonourLimitExcludeAndFilter) {
  ListOptions o;
  o.limit = 2;
  o.exclude = {"a7", "inconnu"};
  EXPECT_EQ(ids(engine_.latest(o)), (Ids{"a6", "a5"}));
  o.filter.categories = {"politique"};
  EXPECT_EQ(ids(engine_.latest(o)), (Ids{"a6", "a3"}));
  EXPECT_EQ(ids(engine_.most_read(ViewWindow::kAll, o)), (Ids{"a3", "a1"}));
  o.filter.q = "sécu";
  EXPECT_EQ(ids(engine_.latest(o)), (Ids{"a3", "a1"}));
}

TEST_F(EngineTest, RanksMostReadByTheWindow) {
  ListOptions o;
  o.limit = 3;
  EXPECT_EQ(ids(engine_.most_read(ViewWindow::kAll, o)), (Ids{"a3", "a1", "a5"}));
  EXPECT_EQ(ids(engine_.most_read(ViewWindow::k24h, o)), (Ids{"a3", "a1", "a5"}));
  EXPECT_TRUE(ids(engine_.most_read(ViewWindow::k7d, o)).empty());
}

TEST_F(EngineTest, RelatedLeavesOutTheSubject) {
  ListOptions o;
  o.limit = 100;
  const Ids related = ids(engine_.related("a1", o));
  EXPECT_FALSE(related.empty());
  EXPECT_EQ(std::count(related.begin(), related.end(), "a1"), 0);
  // a3 shares the tag Sécurité, the category and a title word: the most related.
  EXPECT_EQ(related.front(), "a3");
  EXPECT_EQ(std::count(related.begin(), related.end(), "futur"), 0);
}

// encart pack --state loads without a related index (LoadOptions::related_index): related lists
// are then the fallback chain's, reasons included, and everything else is as with one.
TEST_F(EngineTest, WithoutARelatedIndexRelatedFallsBackAndTheRestIsTheSame) {
  LoadOptions options = at_now();
  options.related_index = false;
  Engine bare;
  ASSERT_TRUE(bare.load(newsroom(), options).ok());
  EXPECT_TRUE(bare.related_candidates(0, bare.related_settings()).empty());
  EXPECT_FALSE(engine_.related_candidates(0, engine_.related_settings()).empty());
  ListOptions o;
  o.limit = 3;
  const auto related = bare.related("a1", o);
  ASSERT_TRUE(related.ok()) << related.error().message;
  Ids got;
  for (const RelatedItem& item : related.value()) got.push_back(bare.index().articles()[item.id].id);
  // The same section, newest first (a6, a3: "futur" is not out yet), then the newest (a7).
  EXPECT_EQ(got, (Ids{"a6", "a3", "a7"}));
  EXPECT_EQ(test::ids(bare.index(), bare.latest({}).value()), ids(engine_.latest({})));
  EXPECT_EQ(test::ids(bare.index(), bare.most_read(ViewWindow::kAll, {}).value()),
            ids(engine_.most_read(ViewWindow::kAll, {})));
}

TEST_F(EngineTest, KeepsUnknownArticleMessageValidUtf8) {
  const std::string id = std::string(79, 'x') + "é";  // the id is shortened to 80 bytes
  const auto r = engine_.related(id, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnknownArticle);
  EXPECT_TRUE(test::valid_utf8(r.error().message)) << r.error().message;
}

TEST_F(EngineTest, RelatedToAnUnknownIdIsAnError) {
  const auto r = engine_.related("n-existe-pas", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnknownArticle);
  EXPECT_TRUE(contains(r.error().message, "n-existe-pas")) << r.error().message;
}

TEST_F(EngineTest, ReportsABadFilterFromEveryQuery) {
  ListOptions o;
  o.filter.since = "hier";
  EXPECT_EQ(engine_.latest(o).error().code, ErrorCode::kBadFilter);
  EXPECT_EQ(engine_.most_read(ViewWindow::kAll, o).error().code, ErrorCode::kBadFilter);
  EXPECT_EQ(engine_.related("a1", o).error().code, ErrorCode::kBadFilter);
  EXPECT_EQ(engine_.facets(o.filter).error().code, ErrorCode::kBadFilter);
  SidebarRequest s;
  s.filter = o.filter;
  const auto sb = engine_.sidebar(s);
  ASSERT_FALSE(sb.ok());
  EXPECT_EQ(sb.error().code, ErrorCode::kBadFilter);
  EXPECT_TRUE(contains(sb.error().message, "filter.since"));
}

TEST_F(EngineTest, CountsFacetsOfVisibleArticles) {
  const auto facets = engine_.facets({});
  ASSERT_TRUE(facets.ok());
  ASSERT_FALSE(facets.value().category.empty());
  EXPECT_EQ(facets.value().category.front().value, "Politique");
  EXPECT_EQ(facets.value().category.front().count, 3u);  // "futur" is not visible yet
  EXPECT_EQ(facets.value().tag.front().value, "Maroc");
  EXPECT_EQ(facets.value().tag.front().count, 4u);
  EXPECT_EQ(facets.value().author.size(), 2u);
}

// --- sidebar --------------------------------------------------------------------------------

TEST_F(EngineTest, SidebarLeavesTheCurrentArticleOutOfEveryList) {
  SidebarRequest r;
  r.related.repeats = true;  // each list on its own (no-repeat rule: Related.TheSidebarRepeats...)
  r.article = "a3";          // the most read
  r.latest_limit = 100;
  r.most_read_limit = 100;
  r.related_limit = 100;
  const Sidebar s = sidebar(r);
  EXPECT_TRUE(s.article_found);
  EXPECT_FALSE(shows(s.latest.html, "a3"));
  EXPECT_FALSE(shows(s.most_read.html, "a3"));
  EXPECT_FALSE(shows(s.related.html, "a3"));
  EXPECT_EQ(s.latest.shown, 6u);
  EXPECT_EQ(s.most_read.shown, 6u);
  EXPECT_TRUE(shows(s.related.html, "a1"));
}

TEST_F(EngineTest, SidebarNamesTheWindowsTheBundleHasCountsFor) {
  const Sidebar s = sidebar({});
  EXPECT_TRUE(s.windows[static_cast<std::size_t>(ViewWindow::kAll)]);
  EXPECT_TRUE(s.windows[static_cast<std::size_t>(ViewWindow::k24h)]);
  EXPECT_FALSE(s.windows[static_cast<std::size_t>(ViewWindow::k7d)]);
  EXPECT_FALSE(s.windows[static_cast<std::size_t>(ViewWindow::k30d)]);
}

TEST_F(EngineTest, SidebarRanksMostReadByAWindowWithCountsAndByAllTimeForOneWithout) {
  SidebarRequest r;
  r.most_read_limit = 100;
  r.window = ViewWindow::k24h;
  const Sidebar day = sidebar(r);
  EXPECT_EQ(day.window, ViewWindow::k24h);
  r.window = ViewWindow::k7d;  // no article has views_7d: the list is not left empty
  const Sidebar week = sidebar(r);
  EXPECT_EQ(week.window, ViewWindow::kAll);
  EXPECT_EQ(week.most_read.shown, 7u);
  SidebarRequest all_time;
  all_time.most_read_limit = 100;
  EXPECT_EQ(week.most_read.html, sidebar(all_time).most_read.html);
}

TEST_F(EngineTest, SidebarLeavesTheNewestArticleOutOfLatestWhenItIsCurrent) {
  SidebarRequest r;
  r.article = "a7";
  r.latest_limit = 1;
  const Sidebar s = sidebar(r);
  EXPECT_FALSE(shows(s.latest.html, "a7"));
  EXPECT_TRUE(shows(s.latest.html, "a6"));
}

TEST_F(EngineTest, SidebarTellsWhetherMoreItemsExist) {
  SidebarRequest r;
  r.related.repeats = true;  // each list on its own (no-repeat rule: Related.TheSidebarRepeats...)
  r.article = "a1";
  r.latest_limit = 5;
  r.most_read_limit = 6;
  r.related_limit = 100;
  const Sidebar s = sidebar(r);
  EXPECT_EQ(s.latest.shown, 5u);
  EXPECT_TRUE(s.latest.has_more);  // 6 others are visible
  EXPECT_EQ(s.most_read.shown, 6u);
  EXPECT_FALSE(s.most_read.has_more);
  EXPECT_FALSE(s.related.has_more);
  r.latest_limit = 0;
  const Sidebar none = sidebar(r);
  EXPECT_EQ(none.latest.shown, 0u);
  EXPECT_EQ(none.latest.html, "");
  EXPECT_TRUE(none.latest.has_more);
}

TEST_F(EngineTest, SidebarCountsMatchingArticlesWithoutTheCurrentOne) {
  SidebarRequest r;
  r.article = "a1";
  EXPECT_EQ(sidebar(r).matching, 6u);
  EXPECT_EQ(sidebar(r).status, "6 articles correspondent");
  r.filter.q = "securite";
  EXPECT_EQ(sidebar(r).matching, 1u);  // a3; a1 is on screen, "futur" not yet published
  EXPECT_EQ(sidebar(r).status, "1 article correspond");
  r.filter.q = "introuvable";
  EXPECT_EQ(sidebar(r).matching, 0u);
  EXPECT_EQ(sidebar(r).status, "Aucun article ne correspond");
}

TEST_F(EngineTest, SidebarForAnUnknownArticleShowsNoRelatedList) {
  SidebarRequest r;
  r.article = "inconnu";
  const Sidebar s = sidebar(r);
  EXPECT_FALSE(s.article_found);
  EXPECT_EQ(s.related.shown, 0u);
  EXPECT_EQ(s.related.html, "");
  EXPECT_EQ(s.latest.shown, 5u);
  EXPECT_EQ(s.matching, 7u);
}

TEST_F(EngineTest, SidebarFiltersEveryList) {
  SidebarRequest r;
  r.related.repeats = true;  // each list on its own (no-repeat rule: Related.TheSidebarRepeats...)
  r.article = "a1";
  r.filter.categories = {"Politique"};
  const Sidebar s = sidebar(r);
  EXPECT_EQ(s.latest.shown, 2u);  // a6, a3
  EXPECT_TRUE(shows(s.latest.html, "a6"));
  EXPECT_TRUE(shows(s.latest.html, "a3"));
  EXPECT_EQ(s.most_read.shown, 2u);
  EXPECT_EQ(s.related.shown, 2u);
  EXPECT_EQ(s.matching, 2u);
  EXPECT_TRUE(contains(s.category_options, "Économie (2)")) << s.category_options;
}

TEST_F(EngineTest, SidebarMenuCountsLeaveTheCurrentArticleOut) {
  // A count is what choosing the value shows: a1 (Politique, Nadia Tazi) is on screen.
  SidebarRequest r;
  r.article = "a1";
  r.filter.categories = {"Politique"};
  const Sidebar s = sidebar(r);
  EXPECT_TRUE(contains(s.category_options, "<option value=\"Politique\" selected>Politique (2)</option>"))
      << s.category_options;
  EXPECT_EQ(s.matching, 2u);
  EXPECT_TRUE(contains(s.author_options, ">Nadia Tazi (1)<")) << s.author_options;   // a3
  EXPECT_TRUE(contains(s.author_options, ">Mbaye Gueye (1)<")) << s.author_options;  // a6
}

TEST_F(EngineTest, SidebarKeepsAChosenCategoryThatNoLongerMatches) {
  SidebarRequest r;
  r.filter.categories = {"Culture"};
  r.filter.authors = {"Mbaye Gueye"};  // a5 (Culture) is by Nadia Tazi
  const Sidebar s = sidebar(r);
  EXPECT_EQ(s.matching, 0u);
  EXPECT_TRUE(contains(s.category_options, "<option value=\"Culture\" selected>Culture (0)</option>"))
      << s.category_options;
  EXPECT_TRUE(contains(s.author_options, " selected>Mbaye Gueye (")) << s.author_options;
}

TEST_F(EngineTest, SidebarSpeaksTheRequestedLanguage) {
  SidebarRequest r;
  r.article = "a1";
  r.locale = parse_locale("en");
  const Sidebar en = sidebar(r);
  EXPECT_TRUE(contains(en.latest.html, "7 December 2024")) << en.latest.html;
  EXPECT_EQ(en.status, "6 articles match");
  EXPECT_TRUE(contains(en.category_options, ">All sections<"));
  r.locale = parse_locale("ar-MA");
  EXPECT_TRUE(contains(sidebar(r).latest.html, "7 دجنبر 2024"));
  r.locale = parse_locale("fr");
  EXPECT_TRUE(contains(sidebar(r).latest.html, "7 décembre 2024"));
}

TEST_F(EngineTest, SidebarRanksMostReadByTheWindow) {
  SidebarRequest r;
  r.related.repeats = true;  // each list on its own (no-repeat rule: Related.TheSidebarRepeats...)
  r.window = ViewWindow::k24h;
  const Sidebar day = sidebar(r);
  EXPECT_EQ(day.most_read.shown, 5u);
  EXPECT_EQ(day.window, ViewWindow::k24h);
  // No article has views_7d: the sidebar ranks by all time rather than show an empty list (the
  // list functions themselves rank nobody for it: Lists tests).
  r.window = ViewWindow::k7d;
  EXPECT_EQ(sidebar(r).most_read.shown, 5u);
  EXPECT_EQ(sidebar(r).window, ViewWindow::kAll);
}

TEST_F(EngineTest, GivesTheSameAnswersForTheSameInputAndNow) {
  SidebarRequest r;
  r.article = "a4";
  r.filter.q = "m";
  r.latest_limit = r.most_read_limit = 3;
  r.related_limit = 3;
  const Sidebar first = sidebar(r);
  const Sidebar again = sidebar(r);
  Engine other;
  ASSERT_TRUE(other.load(newsroom(), at_now()).ok());
  const Sidebar elsewhere = other.sidebar(r).value();
  for (const Sidebar* s : {&again, &elsewhere}) {
    EXPECT_EQ(s->latest.html, first.latest.html);
    EXPECT_EQ(s->most_read.html, first.most_read.html);
    EXPECT_EQ(s->related.html, first.related.html);
    EXPECT_EQ(s->category_options, first.category_options);
    EXPECT_EQ(s->author_options, first.author_options);
    EXPECT_EQ(s->status, first.status);
    EXPECT_EQ(s->matching, first.matching);
    EXPECT_EQ(s->latest.has_more, first.latest.has_more);
  }
  ListOptions o;
  o.limit = 100;
  Ids from_other;
  const auto other_related = other.related("a4", o);
  for (const RelatedItem& item : other_related.value())
    from_other.push_back(other.index().articles()[item.id].id);
  EXPECT_EQ(ids(engine_.related("a4", o)), from_other);
}

}  // namespace
}  // namespace encart

namespace encart {
namespace {

TEST(EngineOwnedLoad, LoadsTheSameAsABorrowedText) {
  const std::string json = test::bundle({test::article("a"), test::article("b")});
  LoadOptions options;
  options.now_ms = test::ms("2030-01-01T00:00:00Z");
  Engine borrowed, owned;
  ASSERT_TRUE(borrowed.load(json, options).ok());
  const auto report = owned.load_owned(std::string(json), options);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report.value().articles, 2u);
  ListOptions all;
  EXPECT_EQ(owned.latest(all).value(), borrowed.latest(all).value());
}

}  // namespace
}  // namespace encart
