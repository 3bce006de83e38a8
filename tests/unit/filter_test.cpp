#include "query/filter.h"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "test_bundles.h"

namespace encart {
namespace {

using test::js;
using test::js_list;
using test::matching;
using Ids = std::vector<std::string>;

// Five articles, newest first: secu, route, ete, sport, arabe.
std::string newsroom() {
  return test::bundle({
      test::article("secu", {{"title", js("Sécurité : Rabat et Paris renforcent leur coopération")},
                             {"summary", js("Les ministres de l’Intérieur se sont réunis à Rabat.")},
                             {"published", js("2024-12-09T10:15:00+01:00")},
                             {"category", js("Politique")},
                             {"tags", js_list({"Sécurité", "France"})},
                             {"author", js("Mbaye Gueye")}}),
      test::article("ete", {{"title", js("Un été record pour le tourisme")},
                            {"summary", js("Les plages du Nord ont attiré deux millions de visiteurs.")},
                            {"published", js("2024-12-05T10:00:00+01:00")},
                            {"category", js("Économie")},
                            {"tags", js_list({"Tourisme"})},
                            {"author", js("Nadia Tazi")}}),
      test::article("sport", {{"title", js("Le Wydad s'impose dans le derby")},
                              {"published", js("2024-12-01T20:00:00Z")},
                              {"category", js("Sport")},
                              {"tags", js_list({"Football", "Rabat"})},
                              {"author", js("Karim Alaoui")}}),
      test::article("arabe", {{"title", js("الأَمْن الوطني يطلق برنامجا جديدا")},
                              {"published", js("2024-11-20T10:00:00+01:00")},
                              {"category", js("سياسة")},
                              {"tags", js_list({"الأمن"})},
                              {"author", js("سلمى بنجلون")}}),
      test::article("route", {{"title", js("SÉCURITÉ ROUTIÈRE : le bilan de l'année")},
                              {"published", js("2024-12-08T23:30:00-01:00")},
                              {"category", js("Société")},
                              {"tags", js_list({"Sécurité", "Route"})},
                              {"authors", js_list({"Nadia Tazi", "Karim Alaoui"})}}),
  });
}

class FilterTest : public ::testing::Test {
 protected:
  Ids find(const std::string& q) {
    Filter f;
    f.q = q;
    return matching(index_, f);
  }
  Ids with(Filter f) { return matching(index_, f); }

  Index index_ = test::index_of(newsroom());
};

// --- free text ------------------------------------------------------------------------------

TEST_F(FilterTest, MatchesEverythingWithoutText) {
  EXPECT_EQ(find(""), (Ids{"secu", "route", "ete", "sport", "arabe"}));
  EXPECT_EQ(find("  ,;  "), (Ids{"secu", "route", "ete", "sport", "arabe"}));
}

TEST_F(FilterTest, FindsAccentedTextFromPlainQuery) { EXPECT_EQ(find("securite"), (Ids{"secu", "route"})); }

TEST_F(FilterTest, FindsPlainTextFromUppercaseAccentedQuery) {
  EXPECT_EQ(find("ÉTÉ"), (Ids{"ete"}));
  EXPECT_EQ(find("SÉCURITÉ"), (Ids{"secu", "route"}));
  EXPECT_EQ(find("routiere"), (Ids{"route"}));
}

TEST_F(FilterTest, FindsArabicWithOrWithoutHarakat) {
  EXPECT_EQ(find("الامن"), (Ids{"arabe"}));
  EXPECT_EQ(find("الأَمْن"), (Ids{"arabe"}));
  EXPECT_EQ(find("الوطني"), (Ids{"arabe"}));
}

TEST_F(FilterTest, RequiresEveryWord) {
  EXPECT_EQ(find("securite rabat"), (Ids{"secu"}));
  EXPECT_EQ(find("rabat securite"), (Ids{"secu"}));
  EXPECT_TRUE(find("securite football").empty());
}

TEST_F(FilterTest, MatchesTheLastWordAsAPrefix) {
  EXPECT_EQ(find("sécu"), (Ids{"secu", "route"}));
  EXPECT_EQ(find("s"), (Ids{"secu", "route", "sport"}));  // "sport" by "s'impose" and its category
  EXPECT_EQ(find("securite rab"), (Ids{"secu"}));
  EXPECT_EQ(find("touris"), (Ids{"ete"}));
}

TEST_F(FilterTest, MatchesEarlierWordsExactly) {
  EXPECT_TRUE(find("secu rabat").empty());
  EXPECT_TRUE(find("touris ete").empty());
}

TEST_F(FilterTest, MatchesTheLastWordExactlyAfterATrailingSeparator) {
  EXPECT_TRUE(find("sécu ").empty());
  EXPECT_TRUE(find("sécu,").empty());
  EXPECT_EQ(find("securite "), (Ids{"secu", "route"}));
}

TEST_F(FilterTest, SearchesTitleSummaryTagsAuthorsAndCategory) {
  EXPECT_EQ(find("cooperation"), (Ids{"secu"}));       // title
  EXPECT_EQ(find("plages"), (Ids{"ete"}));             // summary
  EXPECT_EQ(find("interieur"), (Ids{"secu"}));         // summary, after a typographic apostrophe
  EXPECT_EQ(find("football"), (Ids{"sport"}));         // tag
  EXPECT_EQ(find("gueye"), (Ids{"secu"}));             // author
  EXPECT_EQ(find("alaoui"), (Ids{"route", "sport"}));  // authors
  EXPECT_EQ(find("economie"), (Ids{"ete"}));           // category
}

TEST_F(FilterTest, MatchesNothingForUnknownWords) {
  EXPECT_TRUE(find("inexistant").empty());
  EXPECT_TRUE(find("<script>").empty());
}

// --- facets ---------------------------------------------------------------------------------

TEST_F(FilterTest, KeepsOneCategory) {
  Filter f;
  f.categories = {"Politique"};
  EXPECT_EQ(with(f), (Ids{"secu"}));
}

TEST_F(FilterTest, ComparesFacetValuesFolded) {
  Filter f;
  f.categories = {"economie"};
  EXPECT_EQ(with(f), (Ids{"ete"}));
  f.categories = {"SOCIÉTÉ"};
  EXPECT_EQ(with(f), (Ids{"route"}));
}

TEST_F(FilterTest, KeepsAnyOfSeveralValuesOfOneFacet) {
  Filter f;
  f.categories = {"Politique", "Sport"};
  EXPECT_EQ(with(f), (Ids{"secu", "sport"}));
  Filter t;
  t.tags = {"Football", "Tourisme"};
  EXPECT_EQ(with(t), (Ids{"ete", "sport"}));
}

TEST_F(FilterTest, RequiresEveryFacet) {
  Filter f;
  f.categories = {"Économie", "Société", "Sport"};
  f.authors = {"Nadia Tazi"};
  EXPECT_EQ(with(f), (Ids{"route", "ete"}));
  f.tags = {"Route"};
  EXPECT_EQ(with(f), (Ids{"route"}));
  f.q = "bilan";
  EXPECT_EQ(with(f), (Ids{"route"}));
  f.q = "record";
  EXPECT_TRUE(with(f).empty());
}

TEST_F(FilterTest, KeepsArticlesBySecondAuthor) {
  Filter f;
  f.authors = {"karim alaoui"};
  EXPECT_EQ(with(f), (Ids{"route", "sport"}));
}

TEST_F(FilterTest, KeepsArticlesByTag) {
  Filter f;
  f.tags = {"securite"};
  EXPECT_EQ(with(f), (Ids{"secu", "route"}));
  f.tags = {"الأمن"};
  EXPECT_EQ(with(f), (Ids{"arabe"}));
}

TEST_F(FilterTest, MatchesNothingForAnUnknownValue) {
  Filter f;
  f.categories = {"Inexistante"};
  EXPECT_TRUE(with(f).empty());
  Filter a;
  a.authors = {"Personne"};
  EXPECT_TRUE(with(a).empty());
}

TEST_F(FilterTest, IgnoresUnknownValuesAmongKnownOnes) {
  Filter f;
  f.categories = {"Inexistante", "Sport"};
  EXPECT_EQ(with(f), (Ids{"sport"}));
}

// --- dates ----------------------------------------------------------------------------------

TEST_F(FilterTest, KeepsArticlesSinceADate) {
  Filter f;
  f.since = "2024-12-05";  // from 2024-12-05T00:00Z
  EXPECT_EQ(with(f), (Ids{"secu", "route", "ete"}));
  f.since = "2024-12-06";
  EXPECT_EQ(with(f), (Ids{"secu", "route"}));
}

TEST_F(FilterTest, KeepsArticlesUntilTheEndOfADate) {
  Filter f;
  f.until = "2024-12-05";  // ete was published at 09:00Z that day
  EXPECT_EQ(with(f), (Ids{"ete", "sport", "arabe"}));
  f.until = "2024-12-04";
  EXPECT_EQ(with(f), (Ids{"sport", "arabe"}));
  f.until = "2024-12-01";  // sport at 20:00Z
  EXPECT_EQ(with(f), (Ids{"sport", "arabe"}));
}

TEST_F(FilterTest, ReadsDateOnlyBoundsAsTheDayTheSidebarShows) {
  // route is 23:30 on 8 December at -01:00 (00:30Z on 9 December): the sidebar dates it
  // "8 décembre", so a date-only bound counts it on the 8th, at its own offset, not in UTC.
  Filter f;
  f.until = "2024-12-08";
  EXPECT_EQ(with(f), (Ids{"route", "ete", "sport", "arabe"}));
  Filter g;
  g.since = "2024-12-09";
  EXPECT_EQ(with(g), (Ids{"secu"}));
  Filter h;
  h.since = "2024-12-08";
  h.until = "2024-12-08";
  EXPECT_EQ(with(h), (Ids{"route"}));
}

TEST_F(FilterTest, KeepsArticlesBetweenDateTimes) {
  Filter f;
  f.since = "2024-12-09T00:30:00Z";       // route, exactly
  f.until = "2024-12-09T10:15:00+01:00";  // secu, exactly
  EXPECT_EQ(with(f), (Ids{"secu", "route"}));
  f.since = "2024-12-09T00:30:00.001Z";
  f.until = "2024-12-09T09:14:59Z";
  EXPECT_TRUE(with(f).empty());
}

TEST_F(FilterTest, ReadsDateTimeWithoutOffsetAsUtc) {
  Filter f;
  f.until = "2024-12-01T20:00";
  EXPECT_EQ(with(f), (Ids{"sport", "arabe"}));
  f.until = "2024-12-01T19:59";
  EXPECT_EQ(with(f), (Ids{"arabe"}));
}

TEST_F(FilterTest, CombinesDatesWithTextAndFacets) {
  Filter f;
  f.q = "securite";
  f.since = "2024-12-09T05:00:00Z";
  EXPECT_EQ(with(f), (Ids{"secu"}));
}

TEST_F(FilterTest, RejectsAnUnreadableSince) {
  Filter f;
  f.since = "hier";
  const auto compiled = CompiledFilter::compile(f, index_);
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.error().code, ErrorCode::kBadFilter);
  EXPECT_TRUE(test::contains(compiled.error().message, "filter.since")) << compiled.error().message;
  EXPECT_TRUE(test::contains(compiled.error().message, "\"hier\"")) << compiled.error().message;
}

TEST_F(FilterTest, KeepsBadFilterMessagesValidUtf8) {
  Filter f;
  f.since = std::string(39, '2') + "é";  // quoted values are shortened around byte 40
  const auto compiled = CompiledFilter::compile(f, index_);
  ASSERT_FALSE(compiled.ok());
  EXPECT_TRUE(test::valid_utf8(compiled.error().message)) << compiled.error().message;
}

TEST_F(FilterTest, RejectsAnUnreadableUntil) {
  for (const char* bad : {"2024-02-30", "2024-12-09T24:00:00Z", "09/12/2024", "2024-12-09 "}) {
    Filter f;
    f.until = bad;
    const auto compiled = CompiledFilter::compile(f, index_);
    ASSERT_FALSE(compiled.ok()) << bad;
    EXPECT_EQ(compiled.error().code, ErrorCode::kBadFilter);
    EXPECT_TRUE(test::contains(compiled.error().message, "filter.until")) << compiled.error().message;
  }
}

// --- facet counts ---------------------------------------------------------------------------

using Counts = std::vector<std::pair<std::string, std::size_t>>;

Counts counts(const Index& index, const Filter& f, Facet facet, const Visibility& visible) {
  Counts out;
  for (const auto& c : facet_counts(index, test::compile(index, f), facet, visible)) {
    out.emplace_back(c.value, c.count);
  }
  return out;
}

TEST_F(FilterTest, CountsEveryValueWithoutAFilter) {
  const auto visible = test::all_visible(index_);
  EXPECT_EQ(counts(index_, {}, Facet::kAuthor, visible),
            (Counts{{"Karim Alaoui", 2}, {"Nadia Tazi", 2}, {"Mbaye Gueye", 1}, {"سلمى بنجلون", 1}}));
  EXPECT_EQ(counts(index_, {}, Facet::kTag, visible), (Counts{{"Sécurité", 2},
                                                              {"Football", 1},
                                                              {"France", 1},
                                                              {"Rabat", 1},
                                                              {"Route", 1},
                                                              {"Tourisme", 1},
                                                              {"الأمن", 1}}));
}

TEST_F(FilterTest, CountsIgnoreTheFacetsOwnChoice) {
  Filter f;
  f.categories = {"Politique"};
  const auto visible = test::all_visible(index_);
  // Category counts stay those of the whole bundle, so the menu keeps its other options...
  EXPECT_EQ(counts(index_, f, Facet::kCategory, visible),
            (Counts{{"Économie", 1}, {"Politique", 1}, {"Société", 1}, {"Sport", 1}, {"سياسة", 1}}));
  // ...while the other facets follow the chosen category.
  EXPECT_EQ(counts(index_, f, Facet::kAuthor, visible), (Counts{{"Mbaye Gueye", 1}}));
  EXPECT_EQ(counts(index_, f, Facet::kTag, visible), (Counts{{"France", 1}, {"Sécurité", 1}}));
}

TEST_F(FilterTest, CountsFollowTextAndOtherFacets) {
  Filter f;
  f.q = "sécu";
  f.authors = {"Nadia Tazi"};
  const auto visible = test::all_visible(index_);
  EXPECT_EQ(counts(index_, f, Facet::kCategory, visible), (Counts{{"Société", 1}}));
  // The author menu ignores the author choice but follows the text.
  EXPECT_EQ(counts(index_, f, Facet::kAuthor, visible),
            (Counts{{"Karim Alaoui", 1}, {"Mbaye Gueye", 1}, {"Nadia Tazi", 1}}));
}

TEST_F(FilterTest, CountsOnlyVisibleArticles) {
  const auto visible = test::visible_at(index_, test::ms("2024-12-06T00:00:00Z"));
  EXPECT_EQ(counts(index_, {}, Facet::kAuthor, visible),
            (Counts{{"Karim Alaoui", 1}, {"Nadia Tazi", 1}, {"سلمى بنجلون", 1}}));
}

TEST(FacetCounts, SortsByCountThenFoldedValue) {
  const Index index = test::index_of(test::bundle({
      test::article("1", {{"category", js("Faits divers")}}),
      test::article("2", {{"category", js("Économie")}}),
      test::article("3", {{"category", js("sport")}}),
      test::article("4", {{"category", js("Sport")}}),
      test::article("5", {{"category", js("culture")}}),
      test::article("6", {{"category", js("Politique")}}),
      test::article("7", {{"category", js("POLITIQUE")}}),
  }));
  // Values that fold alike are one value, spelled as first met.
  EXPECT_EQ(counts(index, {}, Facet::kCategory, test::all_visible(index)),
            (Counts{{"Politique", 2}, {"sport", 2}, {"culture", 1}, {"Économie", 1}, {"Faits divers", 1}}));
}

}  // namespace
}  // namespace encart
