// Derived data built once per load: folded terms and facet values, so that queries compare
// small integers instead of re-folding text on every keystroke.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bundle/article.h"
#include "index/bitset.h"

namespace encart {

using ArticleId = std::uint32_t;  // position in Index::articles()
using TermId = std::uint32_t;     // position in the sorted term dictionary
using ValueId = std::uint32_t;    // position in a facet's value list

class WordTable;  // index/word_table.h

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

// Sorted, unique id lists (per article, or per term), laid end to end (offsets + values): one
// allocation per kind instead of one per list keeps scans in cache.
class IdLists {
 public:
  void append(std::vector<std::uint32_t>& ids);  // sorts and dedups `ids`, then adds them
  // Adds unique ids in any order: only for lists that are inverted and then dropped, since
  // inverted() needs no order within a list.
  void append_unordered(const std::vector<std::uint32_t>& ids);
  void shrink_to_fit() {
    values_.shrink_to_fit();
    offsets_.shrink_to_fit();
  }
  void reserve(std::size_t lists, std::size_t values) {
    offsets_.reserve(lists + 1);
    values_.reserve(values);
  }
  std::span<const std::uint32_t> operator[](std::size_t key) const {
    return {values_.data() + offsets_[key], offsets_[key + 1] - offsets_[key]};
  }
  std::size_t size() const { return offsets_.size() - 1; }
  // Elements in lists [first, last): O(1).
  std::size_t volume(std::size_t first, std::size_t last) const { return offsets_[last] - offsets_[first]; }
  // The transposed lists: for each value in [0, value_count), the keys whose list holds it, in
  // ascending order (article -> terms becomes term -> articles). With `rename`, the list of
  // value v is stored at position (*rename)[v] (a permutation of [0, value_count)).
  IdLists inverted(std::size_t value_count, const std::vector<std::uint32_t>* rename = nullptr) const;
  // Replaces every value v by map[v], keeping each list sorted.
  void remap(const std::vector<std::uint32_t>& map);

 private:
  std::vector<std::uint32_t> values_;
  std::vector<std::uint32_t> offsets_{0};
};

// Terms of a sorted dictionary equal to `word` (exact) or starting with it (prefix): a
// contiguous range, since the dictionary is sorted.
std::pair<std::uint32_t, std::uint32_t> sorted_term_range(const std::vector<std::string>& sorted,
                                                          std::string_view word, bool prefix);

struct ArticleTerms {
  std::span<const ValueId> facets[kFacetCount];  // by Facet
};

// The distinct words of each article's title and summary, as the index's first pass reads them:
// encart pack keeps them in its state, so that an update (--update) reads again the title and
// summary of the changed articles alone. An index built from them is the one the text gives.
struct SearchWords {
  std::vector<std::string> words;         // by number
  std::vector<std::uint32_t> offsets{0};  // by ArticleId of the build, into entries
  std::vector<std::uint32_t> entries;     // word numbers, in the order the article met them
};

// What a build reads from and keeps of what an earlier one kept (SearchWords here,
// RelatedCounts in related.h); both optional.
template <class Kept>
struct KeptUse {
  const Kept* from = nullptr;
  // The article's position in `from`, or -1 to read its text (a changed article).
  std::function<std::int64_t(const Article&)> reuse;
  Kept* keep = nullptr;  // receives this build's
  // False: `keep` gets no entries for the articles read from `from` (an empty range each), which
  // encart pack --update copies from its state as they are (splice_counts).
  bool keep_reused = true;
  // Receives, by `from`'s number of a word or feature, this build's number for it in `keep`
  // (UINT32_MAX: met by no article reused): encart pack --update writes the entries of the
  // articles it read again in the numbers of `from`, and copies the others' as they were.
  std::vector<std::uint32_t>* numbers = nullptr;
  // Called once `from` has been read for the last time: the caller may free it then, before the
  // build's largest part (an update's heap peaks in the related index, after the search index).
  std::function<void()> done;
};
using SearchWordsUse = KeptUse<SearchWords>;

// The positions of `articles` in the index's order, newest first, ties by id: entry j is the
// position of the article that gets ArticleId j.
std::vector<std::uint32_t> newest_first_order(const std::vector<Article>& articles);

class Index {
 public:
  Index() = default;
  explicit Index(std::vector<Article> articles, const SearchWordsUse& words = {});
  // ids_ views strings inside articles_: a move keeps them valid, a copy would not.
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;
  Index(Index&&) = default;
  Index& operator=(Index&&) = default;

  const std::vector<Article>& articles() const { return articles_; }
  // Frees the articles' body text once the related index has read it: nothing else uses it.
  void release_text() {
    for (Article& a : articles_) {
      std::string().swap(a.text);
      std::vector<std::string>().swap(a.related);
      std::vector<std::string>().swap(a.links);
    }
  }
  // Sorted, unique ids; views into the index, valid as long as it is.
  ArticleTerms terms(ArticleId a) const {
    return {{facet_values_[0][a], facet_values_[1][a], facet_values_[2][a]}};
  }
  std::size_t size() const { return articles_.size(); }
  const FacetValues& facet(Facet f) const { return facets_[static_cast<std::size_t>(f)]; }
  std::int64_t find(std::string_view id) const;  // ArticleId or -1
  // The publication date's day number at the article's own offset (local_day_number).
  std::int64_t local_day(ArticleId a) const { return local_days_[a]; }

  // Terms equal to `word` (exact) or starting with it (prefix): a contiguous range of TermIds,
  // because the dictionary is sorted.
  std::pair<TermId, TermId> term_range(std::string_view folded_word, bool prefix) const;
  const std::vector<std::string>& dictionary() const { return dictionary_; }

  // The articles holding term t, ascending (encart pack writes them out).
  std::span<const ArticleId> term_articles(TermId t) const { return postings_[t]; }
  // The articles with value v of facet f, ascending.
  std::span<const ArticleId> value_articles(Facet f, ValueId v) const {
    return value_postings_[static_cast<std::size_t>(f)][v];
  }

  // Adds to `out` every article holding a term in [first, last) (title, summary, tags, authors,
  // category). Short prefixes cover much of the bundle: those sets come precomputed.
  void add_articles_with_terms(TermId first, TermId last, Bitset& out) const;
  // Adds to `out` every article with one of `values` in facet `f`.
  void add_articles_with_values(Facet f, const std::vector<ValueId>& values, Bitset& out) const;

  // Articles are numbered newest first (ties by id), so "latest" is ascending ArticleId order
  // and a date range is a range of ids. by_date() is kept for callers that walk an order.
  const std::vector<ArticleId>& by_date() const { return by_date_; }
  // Articles that have a count for the window, most viewed first, ties by the newer then id.
  const std::vector<ArticleId>& by_views(ViewWindow w) const {
    return by_views_[static_cast<std::size_t>(w)];
  }

 private:
  // The build, in its steps (index.cpp).
  void number_terms(WordTable& words, IdLists& search);
  void precompute_dense_ranges();
  void index_ids_and_days();
  void build_orders();

  std::vector<Article> articles_;
  IdLists postings_;                                                        // TermId -> articles
  IdLists value_postings_[kFacetCount];                                     // ValueId -> articles
  std::vector<std::pair<std::pair<TermId, TermId>, Bitset>> dense_ranges_;  // precomputed unions
  IdLists facet_values_[kFacetCount];
  std::vector<std::string> dictionary_;  // sorted folded terms
  FacetValues facets_[kFacetCount];
  std::vector<std::pair<std::string_view, ArticleId>> ids_;  // sorted by id
  std::vector<std::int64_t> local_days_;
  std::vector<ArticleId> by_date_;
  std::vector<ArticleId> by_views_[kViewWindowCount];
};

}  // namespace encart
