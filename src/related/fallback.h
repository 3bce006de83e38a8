// "Never an empty box": the order in which a related list is filled, shared by the engine and
// the pack reader (which hold the candidates and the category's articles differently).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "index/bitset.h"
#include "index/index.h"
#include "related/related.h"

namespace encart {

// Where a related article comes from: its score, or the fallback chain that keeps the list full
// when fewer articles pass the minimum score (same category newest, then newest).
enum class RelatedSource { kScore, kCategory, kLatest };

struct RelatedPick {
  ArticleId id;
  double score;  // 0 for fallback picks
  RelatedSource source;
};

// At most `limit` articles: the ranked `hits` first, then the newest of the subject's category,
// then the newest of all (ArticleIds are in date order, newest first), each article once.
// - `taken`: articles never to pick (the subject, those other lists show); picks are added to it.
// - `keep(a)`: whether article a may show (visible, kept by the filter).
// - `same_category(visit)`: calls visit(a) for the subject's category's articles, newest first,
//   until visit returns false; returns false when it cannot list them yet (a pack still fetching
//   them), which ends the list there. Nothing to visit without a category.
// - `newest(visit)`: the same over every article the filter keeps.
template <typename Keep, typename SameCategory, typename Newest>
std::vector<RelatedPick> pick_related(std::span<const RelatedHit> hits, std::size_t limit, Bitset taken,
                                      Keep&& keep, SameCategory&& same_category, Newest&& newest) {
  std::vector<RelatedPick> out;
  const auto take = [&](std::size_t a, double score, RelatedSource source) {
    if (out.size() < limit && !taken[a] && keep(a)) {
      taken.set(a);
      out.push_back({static_cast<ArticleId>(a), score, source});
    }
    return out.size() < limit;
  };
  for (std::size_t i = 0; i < hits.size() && out.size() < limit; ++i) {
    take(hits[i].id, hits[i].score, RelatedSource::kScore);
  }
  if (out.size() < limit &&
      !same_category([&](std::size_t a) { return take(a, 0, RelatedSource::kCategory); })) {
    return out;
  }
  if (out.size() < limit) newest([&](std::size_t a) { return take(a, 0, RelatedSource::kLatest); });
  return out;
}

}  // namespace encart
