#include "rank/lists.h"

#include <algorithm>

namespace encart {
namespace {

bool excluded(const ListRequest& request, ArticleId a) {
  return std::find(request.exclude.begin(), request.exclude.end(), a) != request.exclude.end();
}

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

}  // namespace encart
