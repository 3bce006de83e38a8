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

// The first `request.limit` articles of a ranking (latest order, most read order) that pass the filter and
// are not excluded.
std::vector<ArticleId> take(const Index& index, const std::vector<ArticleId>& ranking,
                            const CompiledFilter& filter, const Visibility& visible,
                            const ListRequest& request);

}  // namespace encart
