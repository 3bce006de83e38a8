#include "rank/lists.h"

#include <algorithm>

namespace encart {
namespace {

bool excluded(const ListRequest& request, ArticleId a) {
  return std::find(request.exclude.begin(), request.exclude.end(), a) != request.exclude.end();
}

std::size_t shared_count(std::span<const std::uint32_t> x, std::span<const std::uint32_t> y) {
  std::size_t n = 0;
  for (auto i = x.begin(), j = y.begin(); i != x.end() && j != y.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

double clamp_weight(double w) { return std::clamp(w, 0.0, 100.0); }

}  // namespace

std::vector<ArticleId> take(const Index& /*index*/, const std::vector<ArticleId>& ranking,
                            const CompiledFilter& filter, const Visibility& visible,
                            const ListRequest& request) {
  const std::size_t limit = std::min(request.limit, kMaxListLimit);
  std::vector<ArticleId> out;
  for (const ArticleId a : ranking) {
    if (out.size() >= limit) break;
    if (visible[a] && !excluded(request, a) && filter.matches(a)) out.push_back(a);
  }
  return out;
}

std::vector<ArticleId> latest(const Index& /*index*/, const CompiledFilter& filter, const Visibility& visible,
                              const ListRequest& request) {
  // ArticleIds are in date order: the newest matches are the lowest set bits.
  const std::size_t limit = std::min(request.limit, kMaxListLimit);
  std::vector<ArticleId> out;
  if (limit == 0) return out;
  filter.matching().for_each_until([&](std::size_t a) {
    const auto id = static_cast<ArticleId>(a);
    if (visible[a] && !excluded(request, id)) out.push_back(id);
    return out.size() < limit;
  });
  return out;
}

std::vector<ArticleId> most_read(const Index& index, const CompiledFilter& filter, const Visibility& visible,
                                 ViewWindow window, const ListRequest& request) {
  // Many matches come early in the views order: walk it. Few: rank just them, rather than
  // crossing the whole bundle to find them.
  if (filter.matching().count() * 16 >= index.size()) {
    return take(index, index.by_views(window), filter, visible, request);
  }
  const auto w = static_cast<std::size_t>(window);
  std::vector<ArticleId> candidates;
  filter.matching().for_each_until([&](std::size_t a) {
    const auto id = static_cast<ArticleId>(a);
    if (visible[a] && index.articles()[a].views[w] && !excluded(request, id)) candidates.push_back(id);
    return true;
  });
  const std::size_t k = std::min({request.limit, kMaxListLimit, candidates.size()});
  // The by_views order: more views first, then the newer (the lower id).
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(k), candidates.end(),
                    [&](ArticleId x, ArticleId y) {
                      const std::int64_t vx = *index.articles()[x].views[w];
                      const std::int64_t vy = *index.articles()[y].views[w];
                      return vx != vy ? vx > vy : x < y;
                    });
  candidates.resize(k);
  return candidates;
}

std::vector<ArticleId> rank_related(const Index& index, ArticleId subject, const Visibility& visible,
                                    const RelatedWeights& raw_weights) {
  const RelatedWeights w{clamp_weight(raw_weights.shared_tag), clamp_weight(raw_weights.same_category),
                         clamp_weight(raw_weights.shared_author), clamp_weight(raw_weights.shared_word)};
  const ArticleTerms s = index.terms(subject);
  const auto cat = static_cast<std::size_t>(Facet::kCategory);
  const auto author = static_cast<std::size_t>(Facet::kAuthor);
  const auto tag = static_cast<std::size_t>(Facet::kTag);

  struct Scored {
    double score;
    std::uint32_t date_rank;  // position in by_date(): newer first, then id
    ArticleId id;
  };
  std::vector<Scored> scored;
  const auto& by_date = index.by_date();
  for (std::uint32_t rank = 0; rank < by_date.size(); ++rank) {
    const ArticleId a = by_date[rank];
    if (a == subject || !visible[a]) continue;
    const ArticleTerms t = index.terms(a);
    const double score = w.shared_tag * shared_count(s.facets[tag], t.facets[tag]) +
                         w.same_category * (shared_count(s.facets[cat], t.facets[cat]) > 0) +
                         w.shared_author * shared_count(s.facets[author], t.facets[author]) +
                         w.shared_word * shared_count(s.content, t.content);
    if (score > 0) scored.push_back({score, rank, a});
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) {
    return x.score != y.score ? x.score > y.score : x.date_rank < y.date_rank;
  });
  std::vector<ArticleId> out;
  out.reserve(scored.size());
  for (const Scored& s : scored) out.push_back(s.id);
  return out;
}

std::vector<ArticleId> related(const Index& index, ArticleId subject, const CompiledFilter& filter,
                               const Visibility& visible, const ListRequest& request,
                               const RelatedWeights& weights) {
  return take(index, rank_related(index, subject, visible, weights), filter, visible, request);
}

}  // namespace encart
