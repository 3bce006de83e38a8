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
  // A preset relative to the clock: "today" (the reader's calendar day), "7d" or "30d" (the
  // last 7 or 30 times 24 hours); empty for none. Combines with since/until (both hold).
  std::string date;
};

// "Now" and the reader's offset from UTC, passed in (the core never reads a clock).
struct QueryClock {
  std::int64_t now_ms = 0;
  std::int32_t utc_offset_minutes = 0;  // the reader's: +60 in Rabat in winter
};

// A Filter resolved against one Index into sets of articles, once per query: every list and
// count then reads bits instead of text.
class CompiledFilter {
 public:
  static Result<CompiledFilter> compile(const Filter& filter, const Index& index,
                                        const QueryClock& clock = {});
  // The same over any corpus (filter_compile.h): a pack's, fetched on demand.
  template <class Corpus>
  static Result<CompiledFilter> compile_over(const Filter& filter, const Corpus& corpus,
                                             const QueryClock& clock);

  // True when a word matched nothing as typed and was matched with one typo instead.
  bool approximate() const { return approximate_; }

  bool matches(ArticleId a) const { return all_[a]; }
  const Bitset& matching() const { return all_; }
  // The articles meeting every constraint but the one on `facet`: what its counts are over.
  const Bitset& matching_except(Facet facet) const {
    const auto f = static_cast<std::size_t>(facet);
    return constrained_[f] ? except_[f] : all_;
  }

 private:
  Bitset all_;
  Bitset except_[kFacetCount];
  bool constrained_[kFacetCount] = {false, false, false};
  bool approximate_ = false;
};

struct FacetCount {
  std::string value;
  std::size_t count;
};

// For each facet, the count of visible articles per value under the filter, that facet's own
// constraint left out (so the other choices in a menu stay visible). Sorted by count
// descending, then by folded value. `visible` tells which articles count at all.
// counts[v] for each value of `values` as FacetCounts, in that order (zeros left out).
std::vector<FacetCount> sorted_facet_counts(const FacetValues& values,
                                            const std::vector<std::size_t>& counts);

std::vector<FacetCount> facet_counts(const Index& index, const CompiledFilter& filter, Facet facet,
                                     const Bitset& visible);

}  // namespace encart
