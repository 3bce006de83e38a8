#include "query/filter.h"

#include <algorithm>

#include "bundle/datetime.h"
#include "text/fold.h"

namespace encart {
namespace {

bool has_any(std::span<const ValueId> sorted, const std::vector<ValueId>& wanted) {
  for (const ValueId v : wanted) {
    if (std::binary_search(sorted.begin(), sorted.end(), v)) return true;
  }
  return false;
}

struct Bound {
  bool date_only;
  std::int64_t value;  // a day number when date_only, else UTC ms
};

Result<Bound> parse_bound(const std::string& text, const char* field) {
  const auto parsed = parse_iso8601(text, OffsetRule::kOptional);
  if (!parsed) {
    return Error{ErrorCode::kBadFilter, std::string("filter.") + field + ": \"" + text::shorten(text, 40) +
                                            "\" is not an ISO 8601 date (like 2024-12-09 or "
                                            "2024-12-09T10:15:00+01:00)"};
  }
  if (is_date_only(text)) return Bound{true, local_day_number(*parsed)};  // parsed as UTC midnight
  return Bound{false, parsed->epoch_ms};
}

}  // namespace

Result<CompiledFilter> CompiledFilter::compile(const Filter& filter, const Index& index) {
  CompiledFilter out;
  const auto words = text::words(filter.q);
  // The last word is a prefix while the reader types, unless the query ends with a separator
  // ("sécu" finds "sécurité"; "sécu " wants the word "sécu").
  const bool ends_in_word = !words.empty() && text::is_word_char(text::last_code_point(filter.q));
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool prefix = i + 1 == words.size() && ends_in_word;
    const auto [first, last] = index.term_range(words[i], prefix);
    out.words_.push_back({first, last});
  }

  const std::vector<std::string>* values[kFacetCount] = {&filter.categories, &filter.authors, &filter.tags};
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    if (values[f]->empty()) continue;
    auto& ids = out.facets_[f].emplace();
    for (const auto& v : *values[f]) {
      const std::int64_t id = index.facet(static_cast<Facet>(f)).find(text::fold(v));
      if (id >= 0) ids.push_back(static_cast<ValueId>(id));
    }
  }

  if (!filter.since.empty()) {
    auto since = parse_bound(filter.since, "since");
    if (!since) return since.error();
    (since.value().date_only ? out.since_day_ : out.since_ms_) = since.value().value;
  }
  if (!filter.until.empty()) {
    auto until = parse_bound(filter.until, "until");
    if (!until) return until.error();
    (until.value().date_only ? out.until_day_ : out.until_ms_) = until.value().value;
  }
  return out;
}

bool CompiledFilter::matches_except(const Index& index, ArticleId a, int ignored_facet) const {
  const Article& article = index.articles()[a];
  if (article.published.epoch_ms < since_ms_ || article.published.epoch_ms > until_ms_) return false;
  const std::int64_t day = index.local_day(a);
  if (day < since_day_ || day > until_day_) return false;
  const ArticleTerms terms = index.terms(a);
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    if (static_cast<int>(f) == ignored_facet || !facets_[f]) continue;
    if (!has_any(terms.facets[f], *facets_[f])) return false;
  }
  for (const TermRange& range : words_) {
    // Term ids are sorted, so "has a term in [first, last)" is one binary search.
    const auto it = std::lower_bound(terms.search.begin(), terms.search.end(), range.first);
    if (it == terms.search.end() || *it >= range.last) return false;
  }
  return true;
}

std::vector<FacetCount> facet_counts(const Index& index, const CompiledFilter& filter, Facet facet,
                                     const std::vector<bool>& visible) {
  const FacetValues& values = index.facet(facet);
  std::vector<std::size_t> counts(values.display.size(), 0);
  for (ArticleId a = 0; a < index.articles().size(); ++a) {
    if (!visible[a] || !filter.matches_except(index, a, static_cast<int>(facet))) continue;
    for (const ValueId v : index.terms(a).facets[static_cast<std::size_t>(facet)]) ++counts[v];
  }
  std::vector<ValueId> order;
  for (ValueId v = 0; v < counts.size(); ++v) {
    if (counts[v] > 0) order.push_back(v);
  }
  std::sort(order.begin(), order.end(), [&](ValueId x, ValueId y) {
    if (counts[x] != counts[y]) return counts[x] > counts[y];
    return values.folded[x] < values.folded[y];
  });
  std::vector<FacetCount> out;
  out.reserve(order.size());
  for (const ValueId v : order) out.push_back({values.display[v], counts[v]});
  return out;
}

}  // namespace encart
