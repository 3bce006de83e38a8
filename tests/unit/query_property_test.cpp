// The indexed query engine against a brute-force reading of the same articles, on a generated
// bundle and many random filters: both must agree on every list and every count.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "engine/engine.h"
#include "generate.h"
#include "text/fold.h"

namespace encart {
namespace {

constexpr std::int64_t kNow = 1733875200000;  // 2024-12-11T00:00:00Z

struct BruteForce {
  // Every article's words, folded once: the scan below reads them hundreds of times.
  explicit BruteForce(const Index& index) {
    for (const Article& a : index.articles()) {
      std::vector<std::string> words;
      for (const std::string* field : {&a.title, &a.summary, &a.category}) {
        for (auto& w : text::words(*field)) words.push_back(w);
      }
      for (const auto& list : {a.tags, a.authors}) {
        for (const auto& t : list) {
          for (auto& w : text::words(t)) words.push_back(w);
        }
      }
      std::sort(words.begin(), words.end());
      words.erase(std::unique(words.begin(), words.end()), words.end());
      words_.emplace(a.id, std::move(words));
    }
  }
  std::map<std::string, std::vector<std::string>> words_;

  static bool has_word(const std::vector<std::string>& words, const std::string& w, bool prefix) {
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& x) { return prefix ? x.starts_with(w) : x == w; });
  }

  static bool in(const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
    if (wanted.empty()) return true;
    for (const auto& w : wanted) {
      for (const auto& h : have) {
        if (text::fold(w) == text::fold(h)) return true;
      }
    }
    return false;
  }

  // Every constraint, optionally ignoring one facet (0 category, 1 author, 2 tag).
  bool keeps(const Article& a, const Filter& f, int ignored = -1) const {
    const auto& words = words_.at(a.id);
    const auto q = text::words(f.q);
    const bool last_is_prefix = !q.empty() && text::is_word_char(text::last_code_point(f.q));
    for (std::size_t i = 0; i < q.size(); ++i) {
      if (!has_word(words, q[i], last_is_prefix && i + 1 == q.size())) return false;
    }
    const std::vector<std::string> category =
        a.category.empty() ? std::vector<std::string>{} : std::vector<std::string>{a.category};
    if (ignored != 0 && !in(f.categories, category)) return false;
    if (ignored != 1 && !in(f.authors, a.authors)) return false;
    if (ignored != 2 && !in(f.tags, a.tags)) return false;
    if (!f.since.empty() && a.published.epoch_ms < parse_iso8601(f.since, OffsetRule::kOptional)->epoch_ms) {
      return false;
    }
    return a.published.epoch_ms <= kNow;
  }
};

class QueryProperty : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    engine_ = new Engine();
    LoadOptions options;
    options.now_ms = kNow;
    ASSERT_TRUE(engine_->load(bench::generate_bundle(1500, 7), options).ok());
  }
  static void TearDownTestSuite() { delete engine_; }
  static Engine* engine_;
};
Engine* QueryProperty::engine_ = nullptr;

TEST_F(QueryProperty, ListsAndFacetCountsAgreeWithABruteForceScanOnRandomFilters) {
  const Index& index = engine_->index();
  const BruteForce brute(index);
  std::mt19937 rng(12345);  // fixed seed: a failure reproduces
  const auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  const auto& categories = index.facet(Facet::kCategory).display;
  const auto& authors = index.facet(Facet::kAuthor).display;
  const auto& tags = index.facet(Facet::kTag).display;
  const std::vector<std::string> typed = {"s", "sé",     "sécu", "maroc", "réf", "Rabat é", "ÉCO",
                                          "l", "maroc ", "x",    "",      "  ",  "ra ma",   "économie rab"};

  for (int round = 0; round < 120; ++round) {
    Filter f;
    f.q = pick(typed);
    if (rng() % 3 == 0) f.categories.push_back(pick(categories));
    if (rng() % 4 == 0) f.categories.push_back(pick(categories));
    if (rng() % 4 == 0) f.authors.push_back(pick(authors));
    if (rng() % 5 == 0) f.tags.push_back(pick(tags));
    if (rng() % 4 == 0) f.since = "2024-0" + std::to_string(1 + rng() % 9) + "-15T00:00:00Z";
    SCOPED_TRACE("round " + std::to_string(round) + " q=\"" + f.q + "\"");

    std::vector<std::string> expected;
    for (const ArticleId a : index.by_date()) {
      if (brute.keeps(index.articles()[a], f)) expected.push_back(index.articles()[a].id);
    }
    ListOptions options;
    options.limit = kMaxListLimit;
    options.filter = f;
    const auto got = engine_->latest(options);
    ASSERT_TRUE(got.ok());
    std::vector<std::string> got_ids;
    for (const ArticleId a : got.value()) got_ids.push_back(index.articles()[a].id);
    expected.resize(std::min(expected.size(), kMaxListLimit));
    ASSERT_EQ(got_ids, expected);

    // Most read: by views, then the newer; sparse and dense filters take different paths.
    std::vector<ArticleId> by_views;
    for (const ArticleId a : index.by_date()) {
      if (brute.keeps(index.articles()[a], f) && index.articles()[a].views[0]) by_views.push_back(a);
    }
    std::stable_sort(by_views.begin(), by_views.end(), [&](ArticleId x, ArticleId y) {
      return *index.articles()[x].views[0] > *index.articles()[y].views[0];
    });
    by_views.resize(std::min<std::size_t>(by_views.size(), 20));
    ListOptions top;
    top.limit = 20;
    top.filter = f;
    ASSERT_EQ(engine_->most_read(ViewWindow::kAll, top).value(), by_views);

    const auto facets = engine_->facets(f);
    ASSERT_TRUE(facets.ok());
    const std::vector<FacetCount>* counts[3] = {&facets.value().category, &facets.value().author,
                                                &facets.value().tag};
    for (int facet = 0; facet < 3; ++facet) {
      std::map<std::string, std::size_t> brute_counts;
      for (const Article& a : index.articles()) {
        if (!brute.keeps(a, f, facet)) continue;
        if (facet == 0 && !a.category.empty()) ++brute_counts[a.category];
        if (facet == 1)
          for (const auto& au : std::set(a.authors.begin(), a.authors.end())) ++brute_counts[au];
        if (facet == 2)
          for (const auto& t : std::set(a.tags.begin(), a.tags.end())) ++brute_counts[t];
      }
      std::map<std::string, std::size_t> engine_counts;
      for (const auto& c : *counts[facet]) engine_counts[c.value] = c.count;
      ASSERT_EQ(engine_counts, brute_counts) << "facet " << facet;
    }
  }
}

}  // namespace
}  // namespace encart
