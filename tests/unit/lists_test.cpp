#include "rank/lists.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_bundles.h"

namespace encart {
namespace {

using test::compile;
using test::ids;
using test::index_of;
using test::js;
using test::js_list;
using Ids = std::vector<std::string>;

// An article whose title is its id alone, so that no two titles share a word by accident.
std::string item(const std::string& id, const std::string& published, test::Fields fields = {}) {
  fields.insert(fields.begin(), {{"title", js(id)}, {"published", js(published)}});
  return test::article(id, fields);
}

ListRequest request(std::size_t limit = 10, std::vector<ArticleId> exclude = {}) {
  return ListRequest{limit, std::move(exclude)};
}

Ids latest_ids(const Index& index, const ListRequest& r = request(), const Filter& f = {}) {
  return ids(index, latest(index, compile(index, f), test::all_visible(index), r));
}

Ids most_read_ids(const Index& index, ViewWindow w = ViewWindow::kAll, const ListRequest& r = request(),
                  const Filter& f = {}) {
  return ids(index, most_read(index, compile(index, f), test::all_visible(index), w, r));
}

// --- latest ---------------------------------------------------------------------------------

TEST(Latest, OrdersNewestFirst) {
  const Index index = index_of(test::bundle({
      item("mardi", "2024-12-10T08:00:00+01:00"),
      item("dimanche", "2024-12-08T08:00:00+01:00"),
      item("lundi", "2024-12-09T08:00:00+01:00"),
  }));
  EXPECT_EQ(latest_ids(index), (Ids{"mardi", "lundi", "dimanche"}));
}

TEST(Latest, ComparesInstantsNotWrittenTimes) {
  // The order follows the instant, whatever offset each date was written with.
  const Index index = index_of(test::bundle({
      item("rabat", "2024-12-09T10:00:00+01:00"),    // 09:00Z
      item("londres", "2024-12-09T09:30:00Z"),       // 09:30Z
      item("newyork", "2024-12-09T04:15:00-05:00"),  // 09:15Z
  }));
  EXPECT_EQ(latest_ids(index), (Ids{"londres", "newyork", "rabat"}));
}

TEST(Latest, BreaksTiesByIdWhateverTheInputOrder) {
  // The same instant, written three ways.
  std::vector<std::string> articles = {
      item("b", "2024-12-09T10:00:00+01:00"),
      item("c", "2024-12-09T09:00:00Z"),
      item("a", "2024-12-09T04:00:00-05:00"),
      item("z", "2024-12-10T09:00:00Z"),
  };
  std::sort(articles.begin(), articles.end());
  int permutations = 0;
  do {
    const Index index = index_of(test::bundle(articles));
    EXPECT_EQ(latest_ids(index), (Ids{"z", "a", "b", "c"}));
    ++permutations;
  } while (std::next_permutation(articles.begin(), articles.end()));
  EXPECT_EQ(permutations, 24);
}

TEST(Latest, HonoursTheLimit) {
  const Index index =
      index_of(test::bundle({item("a", "2024-12-01T10:00:00Z"), item("b", "2024-12-02T10:00:00Z"),
                             item("c", "2024-12-03T10:00:00Z")}));
  EXPECT_EQ(latest_ids(index, request(2)), (Ids{"c", "b"}));
  EXPECT_TRUE(latest_ids(index, request(0)).empty());
  EXPECT_EQ(latest_ids(index, request(100)).size(), 3u);
}

TEST(Latest, ClampsTheLimitTo1000) {
  std::vector<std::string> articles;
  for (int i = 0; i < 1005; ++i) {
    articles.push_back(test::article("a" + std::to_string(i)));
  }
  const Index index = index_of(test::bundle(articles));
  EXPECT_EQ(latest_ids(index, request(5000)).size(), kMaxListLimit);
  EXPECT_EQ(latest_ids(index, request(SIZE_MAX)).size(), kMaxListLimit);
}

TEST(Latest, LeavesOutExcludedArticles) {
  const Index index =
      index_of(test::bundle({item("a", "2024-12-01T10:00:00Z"), item("b", "2024-12-02T10:00:00Z"),
                             item("c", "2024-12-03T10:00:00Z")}));
  EXPECT_EQ(latest_ids(index, request(2, {test::id_of(index, "c")})), (Ids{"b", "a"}));
  EXPECT_EQ(latest_ids(index, request(10, {test::id_of(index, "a"), test::id_of(index, "c")})), (Ids{"b"}));
}

TEST(Latest, HidesArticlesPublishedAfterNow) {
  const Index index =
      index_of(test::bundle({item("passe", "2024-12-09T10:00:00Z"), item("pile", "2024-12-10T12:00:00Z"),
                             item("futur", "2024-12-10T12:00:00.001Z")}));
  const auto visible = test::visible_at(index, test::kNow);
  EXPECT_EQ(ids(index, latest(index, compile(index), visible, request())), (Ids{"pile", "passe"}));
}

TEST(Latest, AppliesTheFilterBeforeTheLimit) {
  const Index index = index_of(test::bundle({
      item("p1", "2024-12-01T10:00:00Z", {{"category", js("Politique")}}),
      item("s1", "2024-12-02T10:00:00Z", {{"category", js("Sport")}}),
      item("p2", "2024-12-03T10:00:00Z", {{"category", js("Politique")}}),
      item("s2", "2024-12-04T10:00:00Z", {{"category", js("Sport")}}),
  }));
  Filter f;
  f.categories = {"Politique"};
  EXPECT_EQ(latest_ids(index, request(2), f), (Ids{"p2", "p1"}));
}

// --- most read ------------------------------------------------------------------------------

TEST(MostRead, OrdersByViews) {
  const Index index = index_of(test::bundle({
      item("peu", "2024-12-09T10:00:00Z", {{"views", "10"}}),
      item("beaucoup", "2024-12-01T10:00:00Z", {{"views", "5000"}}),
      item("moyen", "2024-12-05T10:00:00Z", {{"views", "300"}}),
      item("zero", "2024-12-08T10:00:00Z", {{"views", "0"}}),
  }));
  EXPECT_EQ(most_read_ids(index), (Ids{"beaucoup", "moyen", "peu", "zero"}));
}

TEST(MostRead, BreaksTiesByNewerThenId) {
  std::vector<std::string> articles = {
      item("vieux", "2024-12-01T10:00:00Z", {{"views", "100"}}),
      item("recent-b", "2024-12-09T10:00:00Z", {{"views", "100"}}),
      item("recent-a", "2024-12-09T11:00:00+01:00", {{"views", "100"}}),
      item("top", "2024-11-01T10:00:00Z", {{"views", "101"}}),
  };
  std::sort(articles.begin(), articles.end());
  do {
    const Index index = index_of(test::bundle(articles));
    EXPECT_EQ(most_read_ids(index), (Ids{"top", "recent-a", "recent-b", "vieux"}));
  } while (std::next_permutation(articles.begin(), articles.end()));
}

TEST(MostRead, RanksByTheRequestedWindow) {
  const Index index = index_of(test::bundle({
      item("ancien-succes", "2024-11-01T10:00:00Z",
           {{"views", "90000"}, {"views_24h", "5"}, {"views_7d", "100"}, {"views_30d", "9000"}}),
      item("buzz-du-jour", "2024-12-09T10:00:00Z",
           {{"views", "3000"}, {"views_24h", "2900"}, {"views_7d", "3000"}, {"views_30d", "3000"}}),
      item("semaine", "2024-12-04T10:00:00Z",
           {{"views", "8000"}, {"views_24h", "100"}, {"views_7d", "7000"}, {"views_30d", "8000"}}),
  }));
  EXPECT_EQ(most_read_ids(index, ViewWindow::kAll), (Ids{"ancien-succes", "semaine", "buzz-du-jour"}));
  EXPECT_EQ(most_read_ids(index, ViewWindow::k24h), (Ids{"buzz-du-jour", "semaine", "ancien-succes"}));
  EXPECT_EQ(most_read_ids(index, ViewWindow::k7d), (Ids{"semaine", "buzz-du-jour", "ancien-succes"}));
  EXPECT_EQ(most_read_ids(index, ViewWindow::k30d), (Ids{"ancien-succes", "semaine", "buzz-du-jour"}));
}

TEST(MostRead, LeavesOutArticlesWithoutACountForTheWindow) {
  const Index index = index_of(test::bundle({
      item("sans-vues", "2024-12-09T10:00:00Z"),
      item("total-seul", "2024-12-08T10:00:00Z", {{"views", "50"}}),
      item("jour", "2024-12-07T10:00:00Z", {{"views", "10"}, {"views_24h", "0"}}),
  }));
  EXPECT_EQ(most_read_ids(index, ViewWindow::kAll), (Ids{"total-seul", "jour"}));
  EXPECT_EQ(most_read_ids(index, ViewWindow::k24h), (Ids{"jour"}));
  EXPECT_TRUE(most_read_ids(index, ViewWindow::k7d).empty());
}

TEST(MostRead, IsEmptyForABundleWithoutViews) {
  const Index index = index_of(test::bundle({test::article("a"), test::article("b")}));
  EXPECT_TRUE(most_read_ids(index).empty());
}

TEST(MostRead, HonoursLimitExcludeFilterAndVisibility) {
  const Index index = index_of(test::bundle({
      item("un", "2024-12-01T10:00:00Z", {{"views", "400"}, {"category", js("Culture")}}),
      item("deux", "2024-12-02T10:00:00Z", {{"views", "300"}, {"category", js("Culture")}}),
      item("trois", "2024-12-03T10:00:00Z", {{"views", "200"}, {"category", js("Sport")}}),
      item("quatre", "2024-12-04T10:00:00Z", {{"views", "100"}, {"category", js("Culture")}}),
      item("demain", "2024-12-11T10:00:00Z", {{"views", "99999"}, {"category", js("Culture")}}),
  }));
  Filter culture;
  culture.categories = {"culture"};
  const auto visible = test::visible_at(index, test::kNow);
  const auto r = request(2, {test::id_of(index, "un")});
  EXPECT_EQ(ids(index, most_read(index, compile(index, culture), visible, ViewWindow::kAll, r)),
            (Ids{"deux", "quatre"}));
}

}  // namespace
}  // namespace encart
