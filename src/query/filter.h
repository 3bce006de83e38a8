// Reader filters shared by the three lists and the facet counts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "index/index.h"

namespace encart {

// What a reader asked for. Several values in one facet mean any of them (OR); different facets
// and the text must all hold (AND).
struct Filter {
  std::string q;  // free text: every word must match, the last one as a prefix
  std::vector<std::string> categories;
  std::vector<std::string> authors;
  std::vector<std::string> tags;
  // ISO 8601. A date and time is an instant. A date alone is a calendar day as the site shows
  // it: compared with each article's date at its own offset, so "2024-12-09" keeps what the
  // sidebar dates "9 décembre 2024". Both bounds are inclusive.
  std::string since;
  std::string until;
};

// A Filter resolved against one Index: words to term ranges, values to ValueIds.
class CompiledFilter {
 public:
  static Result<CompiledFilter> compile(const Filter& filter, const Index& index);

  bool matches(const Index& index, ArticleId a) const { return matches_except(index, a, -1); }
  // Same, ignoring the constraint on one facet: what facet counts are computed with.
  bool matches_except(const Index& index, ArticleId a, int ignored_facet) const;

 private:
  struct TermRange {
    TermId first;
    TermId last;  // exclusive
  };
  std::vector<TermRange> words_;
  // Per facet: nullopt = no constraint; empty = a constraint no article meets.
  std::optional<std::vector<ValueId>> facets_[kFacetCount];
  std::int64_t since_ms_ = INT64_MIN;  // instants, UTC ms
  std::int64_t until_ms_ = INT64_MAX;
  std::int64_t since_day_ = INT64_MIN;  // local day numbers, for date-only bounds
  std::int64_t until_day_ = INT64_MAX;
};

struct FacetCount {
  std::string value;
  std::size_t count;
};

// For each facet, the count of visible articles per value under the filter, that facet's own
// constraint left out (so the other choices in a menu stay visible). Sorted by count
// descending, then by folded value. `visible` tells which articles count at all.
std::vector<FacetCount> facet_counts(const Index& index, const CompiledFilter& filter, Facet facet,
                                     const std::vector<bool>& visible);

}  // namespace encart
