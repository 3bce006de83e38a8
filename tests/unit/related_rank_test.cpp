// RelatedIndex::rank keeps its best `keep` candidates in a bounded heap and drops, on their
// shared score alone, those that cannot enter it. Whatever it drops, its answer must be the
// first `keep` of a ranking that keeps every candidate (where no bound ever applies).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "generate.h"
#include "related/related.h"

namespace encart {
namespace {

std::vector<ArticleId> ids(const std::vector<RelatedHit>& hits) {
  std::vector<ArticleId> out;
  for (const RelatedHit& h : hits) out.push_back(h.id);
  return out;
}

// A generated bundle's index, and a related index of its titles and summaries.
struct Generated {
  explicit Generated(std::size_t articles) {
    LoadOptions options;
    options.now_ms = bench::kBenchNowMs;
    loaded = engine.load(bench::generate_bundle(articles), options).ok();
    related = RelatedIndex(engine.index(), std::vector<bool>(engine.index().size(), false));
  }
  Engine engine;
  bool loaded = false;
  RelatedIndex related;
};

TEST(RelatedRank, TheBestFewAreTheFirstOfARankingThatKeepsEveryCandidate) {
  const Generated generated(2000);
  ASSERT_TRUE(generated.loaded);
  const Index& index = generated.engine.index();
  const RelatedIndex& related = generated.related;
  const Bitset everyone(index.size(), true);
  Bitset two_in_three(index.size());
  for (std::size_t a = 0; a < index.size(); ++a) {
    if (a % 3 != 0) two_in_three.set(a);
  }
  RelatedSettings defaults, by_category, no_decay, names_only;
  by_category.category = 2;  // the bonus the bound adds before it reads the category
  no_decay.half_life_days = 0;
  no_decay.min_score = 0;
  names_only.text = 0;
  names_only.tags = 0;
  std::size_t lists = 0, cut_short = 0;
  for (const RelatedSettings& s : {defaults, by_category, no_decay, names_only}) {
    for (const Bitset* visible : std::vector<const Bitset*>{&everyone, &two_in_three}) {
      for (ArticleId a = 0; a < index.size(); a += 41) {
        const auto all = related.rank(index, a, *visible, s, index.size());
        for (const std::size_t keep : {std::size_t{1}, std::size_t{5}, std::size_t{64}}) {
          const auto best = related.rank(index, a, *visible, s, keep);
          const std::vector<RelatedHit> expected(all.begin(), all.begin() + std::min(keep, all.size()));
          ASSERT_EQ(ids(best), ids(expected)) << "article " << a << ", keep " << keep;
          for (std::size_t i = 0; i < best.size(); ++i) EXPECT_EQ(best[i].score, expected[i].score);
          ++lists;
          if (all.size() > keep) ++cut_short;
        }
      }
    }
  }
  // The bound was at work: most of these rankings had more candidates than they kept.
  EXPECT_GT(cut_short, lists / 2) << cut_short << " of " << lists;
}

// A large archive is ranked a window of ArticleIds at a time (RelatedIndex::kWindow); here
// windows of 97 and 1000 articles must give what one window gives, to the last bit of each score.
TEST(RelatedRank, RankingAWindowAtATimeGivesTheSameScores) {
  const Generated generated(3000);
  ASSERT_TRUE(generated.loaded);
  const Index& index = generated.engine.index();
  const RelatedIndex& related = generated.related;
  const Bitset everyone(index.size(), true);
  RelatedSettings no_floor;
  no_floor.min_score = 0;  // every candidate reached, in every window
  RelatedIndex::Scratch whole, small, medium;
  small.window = 97;
  medium.window = 1000;
  std::size_t hits = 0;
  for (const RelatedSettings& s : {RelatedSettings{}, no_floor}) {
    for (ArticleId a = 0; a < index.size(); a += 53) {
      for (const std::size_t keep : {std::size_t{5}, index.size()}) {
        const auto expected = related.rank(index, a, everyone, s, keep, whole);
        for (RelatedIndex::Scratch* scratch : {&small, &medium}) {
          const auto got = related.rank(index, a, everyone, s, keep, *scratch);
          ASSERT_EQ(ids(got), ids(expected)) << "article " << a << ", window " << scratch->window;
          for (std::size_t i = 0; i < got.size(); ++i) ASSERT_EQ(got[i].score, expected[i].score);
        }
        hits += expected.size();
      }
    }
  }
  EXPECT_GT(hits, std::size_t{10000});  // long lists: candidates from many windows
}

// A scratch keeps copies of an index's categories and days: used with another index of the same
// size (the engine's own, after a reload), it must not rank with the old ones.
TEST(RelatedRank, AScratchUsedWithAnotherIndexOfTheSameSizeRanksWithItsFacts) {
  const auto load = [](std::uint32_t seed) {
    auto engine = std::make_unique<Engine>();
    LoadOptions options;
    options.now_ms = bench::kBenchNowMs;
    EXPECT_TRUE(engine->load(bench::generate_bundle(1500, seed), options).ok());
    return engine;
  };
  const auto first = load(1), second = load(2);
  const RelatedIndex one(first->index(), std::vector<bool>(first->index().size(), false));
  const RelatedIndex two(second->index(), std::vector<bool>(second->index().size(), false));
  ASSERT_EQ(first->index().size(), second->index().size());
  const Bitset everyone(second->index().size(), true);
  RelatedIndex::Scratch shared;
  std::size_t compared = 0;
  for (ArticleId a = 0; a < second->index().size(); a += 29) {
    (void)one.rank(first->index(), a, everyone, RelatedSettings{}, 5, shared);
    RelatedIndex::Scratch fresh;
    const auto expected = two.rank(second->index(), a, everyone, RelatedSettings{}, 5, fresh);
    const auto got = two.rank(second->index(), a, everyone, RelatedSettings{}, 5, shared);
    ASSERT_EQ(ids(got), ids(expected)) << "article " << a;
    for (std::size_t i = 0; i < got.size(); ++i)
      ASSERT_EQ(got[i].score, expected[i].score) << "article " << a;
    compared += expected.size();
  }
  EXPECT_GT(compared, std::size_t{100});
}

}  // namespace
}  // namespace encart
