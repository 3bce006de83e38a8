// Derived data built once per load: folded terms and facet values, so that queries compare
// small integers instead of re-folding text on every keystroke.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bundle/article.h"

namespace encart {

using ArticleId = std::uint32_t;  // position in Index::articles()
using TermId = std::uint32_t;     // position in the sorted term dictionary
using ValueId = std::uint32_t;    // position in a facet's value list

enum class Facet { kCategory = 0, kAuthor = 1, kTag = 2 };
inline constexpr std::size_t kFacetCount = 3;

// The distinct values of one facet. Values that fold alike ("Économie", "economie") are one
// value, shown with the spelling met first.
struct FacetValues {
  std::vector<std::string> display;  // by ValueId
  std::vector<std::string> folded;   // by ValueId
  // ValueId for a folded key, or -1.
  std::int64_t find(std::string_view folded_key) const;
  std::vector<std::pair<std::string, ValueId>> sorted_keys;  // for find()
};

// One sorted, unique id list per article, all laid end to end (offsets + values): one
// allocation per kind instead of one per article keeps full scans in cache.
class IdLists {
 public:
  void append(std::vector<std::uint32_t>& ids);  // sorts and dedups `ids`, then adds them
  std::span<const std::uint32_t> operator[](ArticleId a) const {
    return {values_.data() + offsets_[a], offsets_[a + 1] - offsets_[a]};
  }

 private:
  std::vector<std::uint32_t> values_;
  std::vector<std::uint32_t> offsets_{0};
};

struct ArticleTerms {
  std::span<const TermId> search;                // title, summary, tags, authors, category
  std::span<const TermId> content;               // significant words of title and summary
  std::span<const ValueId> facets[kFacetCount];  // by Facet
};

class Index {
 public:
  Index() = default;
  explicit Index(std::vector<Article> articles);
  // ids_ views strings inside articles_: a move keeps them valid, a copy would not.
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;
  Index(Index&&) = default;
  Index& operator=(Index&&) = default;

  const std::vector<Article>& articles() const { return articles_; }
  // Sorted, unique ids; views into the index, valid as long as it is.
  ArticleTerms terms(ArticleId a) const {
    return {search_[a], content_[a], {facet_values_[0][a], facet_values_[1][a], facet_values_[2][a]}};
  }
  const FacetValues& facet(Facet f) const { return facets_[static_cast<std::size_t>(f)]; }
  std::int64_t find(std::string_view id) const;  // ArticleId or -1
  // The publication date's day number at the article's own offset (local_day_number).
  std::int64_t local_day(ArticleId a) const { return local_days_[a]; }

  // Terms equal to `word` (exact) or starting with it (prefix): a contiguous range of TermIds,
  // because the dictionary is sorted.
  std::pair<TermId, TermId> term_range(std::string_view folded_word, bool prefix) const;

  // Newest first, ties by id: the order "latest" walks.
  const std::vector<ArticleId>& by_date() const { return by_date_; }
  // Articles that have a count for the window, most viewed first, ties by the newer then id.
  const std::vector<ArticleId>& by_views(ViewWindow w) const {
    return by_views_[static_cast<std::size_t>(w)];
  }

 private:
  std::vector<Article> articles_;
  IdLists search_;
  IdLists content_;
  IdLists facet_values_[kFacetCount];
  std::vector<std::string> dictionary_;  // sorted folded terms
  FacetValues facets_[kFacetCount];
  std::vector<std::pair<std::string_view, ArticleId>> ids_;  // sorted by id
  std::vector<std::int64_t> local_days_;
  std::vector<ArticleId> by_date_;
  std::vector<ArticleId> by_views_[kViewWindowCount];
};

// True for words too common or too short to make two articles related ("avec", "dans", "the").
bool is_significant_word(std::string_view folded_word);

}  // namespace encart
