// The three lists of the sidebar. Every order is total: documented tie-breaks, no reliance on
// input order or hash iteration.
#pragma once

#include <cstddef>
#include <vector>

#include "index/index.h"
#include "query/filter.h"

namespace encart {

struct ListRequest {
  std::size_t limit = 10;          // clamped to [0, kMaxListLimit]
  std::vector<ArticleId> exclude;  // never returned (e.g. the article on screen)
};
inline constexpr std::size_t kMaxListLimit = 1000;

// What the lists consider at all: visible[a] is false for articles published after "now".
using Visibility = Bitset;

// Newest `published` first; ties by id ascending.
std::vector<ArticleId> latest(const Index& index, const CompiledFilter& filter, const Visibility& visible,
                              const ListRequest& request);

// Highest count for the window first; ties by the newer, then id. Articles without a count for
// the window are not ranked (a bundle without views has no "most read").
std::vector<ArticleId> most_read(const Index& index, const CompiledFilter& filter, const Visibility& visible,
                                 ViewWindow window, const ListRequest& request);

// Relatedness weights (v1). Each in [0, 100].
struct RelatedWeights {
  double shared_tag = 3;
  double same_category = 2;
  double shared_author = 1;
  double shared_word = 1;  // a significant word of title or summary
};

// Every visible article sharing tags, category, authors or significant words with `subject`,
// highest score first; ties by the newer, then id. Articles scoring 0 are left out; `subject`
// never appears. Independent of any filter, so it can be computed once per article on screen.
std::vector<ArticleId> rank_related(const Index& index, ArticleId subject, const Visibility& visible,
                                    const RelatedWeights& weights = {});

// The first `request.limit` articles of a ranking (latest order, most read order, related
// ranking) that pass the filter and are not excluded.
std::vector<ArticleId> take(const Index& index, const std::vector<ArticleId>& ranking,
                            const CompiledFilter& filter, const Visibility& visible,
                            const ListRequest& request);

// rank_related, then take.
std::vector<ArticleId> related(const Index& index, ArticleId subject, const CompiledFilter& filter,
                               const Visibility& visible, const ListRequest& request,
                               const RelatedWeights& weights = {});

}  // namespace encart
