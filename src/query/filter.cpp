#include "query/filter.h"

#include <algorithm>
#include <string>

#include "query/filter_compile.h"

namespace encart {
namespace {

// The in-memory Index as a Corpus of compile_over (filter_compile.h).
class IndexCorpus {
 public:
  explicit IndexCorpus(const Index& index) : index_(index) {}
  std::size_t size() const { return index_.size(); }
  std::pair<TermId, TermId> term_range(std::string_view word, bool prefix) const {
    return index_.term_range(word, prefix);
  }
  std::string_view term(TermId t) const { return index_.dictionary()[t]; }
  void add_articles_with_terms(TermId first, TermId last, Bitset& out) const {
    index_.add_articles_with_terms(first, last, out);
  }
  std::int64_t find_value(Facet f, std::string_view folded) const { return index_.facet(f).find(folded); }
  void add_articles_with_values(Facet f, const std::vector<ValueId>& values, Bitset& out) const {
    index_.add_articles_with_values(f, values, out);
  }
  std::size_t first_published_at_or_before(std::int64_t bound) const {
    const auto& articles = index_.articles();
    return static_cast<std::size_t>(
        std::partition_point(articles.begin(), articles.end(),
                             [&](const Article& a) { return a.published.epoch_ms > bound; }) -
        articles.begin());
  }
  std::int64_t local_day(ArticleId a) const { return index_.local_day(a); }

 private:
  const Index& index_;
};

}  // namespace

Result<CompiledFilter> CompiledFilter::compile(const Filter& filter, const Index& index,
                                               const QueryClock& clock) {
  return compile_over(filter, IndexCorpus(index), clock);
}

std::vector<FacetCount> facet_counts(const Index& index, const CompiledFilter& filter, Facet facet,
                                     const Bitset& visible) {
  const FacetValues& values = index.facet(facet);
  std::vector<std::size_t> counts(values.display.size(), 0);
  filter.matching_except(facet).for_each_until([&](std::size_t a) {
    if (visible[a]) {
      for (const ValueId v : index.terms(static_cast<ArticleId>(a)).facets[static_cast<std::size_t>(facet)]) {
        ++counts[v];
      }
    }
    return true;
  });
  return sorted_facet_counts(values, counts);
}

std::vector<FacetCount> sorted_facet_counts(const FacetValues& values,
                                            const std::vector<std::size_t>& counts) {
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
