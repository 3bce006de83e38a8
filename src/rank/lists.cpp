#include "rank/lists.h"

#include <algorithm>

namespace encart {
namespace {

bool excluded(const ListRequest& request, ArticleId a) {
  return std::find(request.exclude.begin(), request.exclude.end(), a) != request.exclude.end();
}

// Walks an order already sorted by the list's ranking and keeps the first `limit` that pass.
std::vector<ArticleId> take(const Index& index, const std::vector<ArticleId>& order,
                            const CompiledFilter& filter, const Visibility& visible,
                            const ListRequest& request) {
  const std::size_t limit = std::min(request.limit, kMaxListLimit);
  std::vector<ArticleId> out;
  for (const ArticleId a : order) {
    if (out.size() >= limit) break;
    if (visible[a] && !excluded(request, a) && filter.matches(index, a)) out.push_back(a);
  }
  return out;
}

std::size_t shared_count(const std::vector<std::uint32_t>& x, const std::vector<std::uint32_t>& y) {
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

std::vector<ArticleId> latest(const Index& index, const CompiledFilter& filter, const Visibility& visible,
                              const ListRequest& request) {
  return take(index, index.by_date(), filter, visible, request);
}

std::vector<ArticleId> most_read(const Index& index, const CompiledFilter& filter, const Visibility& visible,
                                 ViewWindow window, const ListRequest& request) {
  return take(index, index.by_views(window), filter, visible, request);
}

std::vector<ArticleId> related(const Index& index, ArticleId subject, const CompiledFilter& filter,
                               const Visibility& visible, const ListRequest& request,
                               const RelatedWeights& raw_weights) {
  const RelatedWeights w{clamp_weight(raw_weights.shared_tag), clamp_weight(raw_weights.same_category),
                         clamp_weight(raw_weights.shared_author), clamp_weight(raw_weights.shared_word)};
  const ArticleTerms& s = index.terms(subject);
  const auto cat = static_cast<std::size_t>(Facet::kCategory);
  const auto author = static_cast<std::size_t>(Facet::kAuthor);
  const auto tag = static_cast<std::size_t>(Facet::kTag);

  struct Scored {
    double score;
    ArticleId id;
  };
  std::vector<Scored> scored;
  for (const ArticleId a : index.by_date()) {  // date order makes ties newest-first for free
    if (a == subject || !visible[a] || excluded(request, a)) continue;
    const ArticleTerms& t = index.terms(a);
    const double score = w.shared_tag * shared_count(s.facets[tag], t.facets[tag]) +
                         w.same_category * (shared_count(s.facets[cat], t.facets[cat]) > 0) +
                         w.shared_author * shared_count(s.facets[author], t.facets[author]) +
                         w.shared_word * shared_count(s.content, t.content);
    if (score > 0 && filter.matches(index, a)) scored.push_back({score, a});
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& x, const Scored& y) { return x.score > y.score; });
  const std::size_t limit = std::min(request.limit, kMaxListLimit);
  std::vector<ArticleId> out;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) out.push_back(scored[i].id);
  return out;
}

}  // namespace encart
