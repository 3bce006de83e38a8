#include "index/index.h"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

#include "index/word_table.h"
#include "text/fold.h"

namespace encart {
namespace {

void sort_unique(std::vector<std::uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

std::int64_t FacetValues::find(std::string_view key) const {
  const auto it = std::lower_bound(sorted_keys.begin(), sorted_keys.end(), key,
                                   [](const auto& e, std::string_view k) { return e.first < k; });
  return it != sorted_keys.end() && it->first == key ? static_cast<std::int64_t>(it->second) : -1;
}

void IdLists::append(std::vector<std::uint32_t>& ids) {
  sort_unique(ids);
  append_unordered(ids);
}

void IdLists::append_unordered(const std::vector<std::uint32_t>& ids) {
  values_.insert(values_.end(), ids.begin(), ids.end());
  offsets_.push_back(static_cast<std::uint32_t>(values_.size()));
}

IdLists IdLists::inverted(std::size_t value_count, const std::vector<std::uint32_t>* rename) const {
  const auto slot = [&](std::uint32_t v) { return rename != nullptr ? (*rename)[v] : v; };
  IdLists out;
  out.offsets_.assign(value_count + 1, 0);
  for (const std::uint32_t v : values_) ++out.offsets_[slot(v) + 1];
  for (std::size_t v = 0; v < value_count; ++v) out.offsets_[v + 1] += out.offsets_[v];
  out.values_.resize(values_.size());
  std::vector<std::uint32_t> fill(out.offsets_.begin(), out.offsets_.end() - 1);
  for (std::size_t key = 0; key < size(); ++key) {  // ascending keys: each output list is sorted
    for (const std::uint32_t v : (*this)[key]) out.values_[fill[slot(v)]++] = static_cast<std::uint32_t>(key);
  }
  return out;
}

void IdLists::remap(const std::vector<std::uint32_t>& map) {
  for (auto& v : values_) v = map[v];
  for (std::size_t key = 0; key < size(); ++key) {
    std::sort(values_.begin() + offsets_[key], values_.begin() + offsets_[key + 1]);
  }
}

namespace {

// The first pass over the articles: each one's search terms (title, summary and its facet
// values' words) and facet values. Words are interned as they come (a provisional id per distinct
// word); Index::number_terms then sorts the dictionary once and renumbers, so that prefix ranges
// are contiguous. Sorting only the distinct words, not every occurrence, is what keeps loading
// fast.
class TermCollector {
 public:
  TermCollector(FacetValues (&facets)[kFacetCount], IdLists (&facet_values)[kFacetCount], std::size_t n)
      : facets_(facets), facet_values_(facet_values) {
    search_.reserve(n, n * 48);
  }

  void add_article(const Article& art, std::size_t a, const SearchWordsUse& use) {
    mark_ = static_cast<std::uint32_t>(a + 1);
    search_ids_.clear();
    const SearchWords* from = use.from;
    const std::int64_t c = from != nullptr && use.reuse ? use.reuse(art) : -1;
    const bool reused = c >= 0 && static_cast<std::size_t>(c) + 1 < from->offsets.size();
    if (reused) {
      if (renumbered_.size() != from->words.size()) renumbered_.assign(from->words.size(), kNotMet);
      for (std::uint32_t i = from->offsets[c]; i < from->offsets[c + 1]; ++i) {
        std::uint32_t& id = renumbered_[from->entries[i]];
        if (id == kNotMet) id = words_.intern(from->words[from->entries[i]]);
        if (first_time(id)) search_ids_.push_back(id);
      }
    } else {
      add_text(art.title);
      add_text(art.summary);
    }
    if (use.keep != nullptr) {
      if (!reused || use.keep_reused) {
        use.keep->entries.insert(use.keep->entries.end(), search_ids_.begin(), search_ids_.end());
      }
      use.keep->offsets.push_back(static_cast<std::uint32_t>(use.keep->entries.size()));
    }
    for (auto& ids : facet_ids_) ids.clear();
    if (!art.category.empty()) add_value(Facet::kCategory, art.category, facet_ids_[0]);
    for (const auto& au : art.authors) add_value(Facet::kAuthor, au, facet_ids_[1]);
    for (const auto& t : art.tags) add_value(Facet::kTag, t, facet_ids_[2]);
    for (std::size_t f = 0; f < kFacetCount; ++f) facet_values_[f].append(facet_ids_[f]);
    search_.append_unordered(search_ids_);
  }

  // Once every article is in: the facets' lookup tables.
  void finish_facets() {
    for (std::size_t f = 0; f < kFacetCount; ++f) {
      facets_[f].sorted_keys.assign(facet_maps_[f].begin(), facet_maps_[f].end());
    }
  }

  WordTable& words() { return words_; }
  // SearchWordsUse::numbers: by `from`'s number, the provisional id (kNotMet when not met).
  std::vector<std::uint32_t> take_numbers(std::size_t from_words) {
    renumbered_.resize(from_words, kNotMet);  // empty when no article was reused
    return std::move(renumbered_);
  }
  IdLists& search() { return search_; }  // article -> provisional ids, in no order

 private:
  bool first_time(TermId id) {
    if (id >= last_in_search_.size()) last_in_search_.resize(words_.size(), 0);
    if (last_in_search_[id] == mark_) return false;
    last_in_search_[id] = mark_;
    return true;
  }

  void add_text(std::string_view text) {
    text::for_each_word(text, [&](std::string_view w) {
      const TermId id = words_.intern(w);
      if (first_time(id)) search_ids_.push_back(id);
    });
  }

  void add_value(Facet f, const std::string& display, std::vector<std::uint32_t>& ids) {
    const auto fi = static_cast<std::size_t>(f);
    auto [known, fresh] = by_display_[fi].try_emplace(display, 0);
    if (fresh) {
      auto& values = facets_[fi];
      auto [it, inserted] =
          facet_maps_[fi].try_emplace(text::fold(display), static_cast<ValueId>(values.display.size()));
      if (inserted) {
        values.display.push_back(display);
        values.folded.push_back(it->first);
        auto& value_ids = value_words_[fi].emplace_back();
        text::for_each_word(display, [&](std::string_view w) { value_ids.push_back(words_.intern(w)); });
      }
      known->second = it->second;
    }
    ids.push_back(known->second);
    for (const TermId id : value_words_[fi][known->second]) {
      if (first_time(id)) search_ids_.push_back(id);
    }
  }

  static constexpr std::uint32_t kNotMet = UINT32_MAX;
  std::vector<std::uint32_t> renumbered_;  // SearchWordsUse::from's numbers -> provisional ids

  FacetValues (&facets_)[kFacetCount];
  IdLists (&facet_values_)[kFacetCount];
  WordTable words_;
  // Per provisional id, 1 + the last article that listed it: dedups without sorting.
  std::vector<std::uint32_t> last_in_search_;
  std::uint32_t mark_ = 0;  // 1 + the article being read
  IdLists search_;
  std::vector<TermId> search_ids_;  // one article's, reused
  std::vector<std::uint32_t> facet_ids_[kFacetCount];
  std::map<std::string, ValueId> facet_maps_[kFacetCount];  // folded value -> id
  // Most values repeat verbatim from article to article: a lookup by the exact text (views into
  // the index's articles, which no longer move) spares folding them again, and each value's
  // words are interned once.
  std::unordered_map<std::string_view, ValueId> by_display_[kFacetCount];
  std::vector<std::vector<TermId>> value_words_[kFacetCount];  // by ValueId
};

// Newest first, ties by id: ArticleIds follow this order (see by_date()). The positions are
// sorted, not the articles (600 bytes each): each article moves once at most (an update's archive,
// its new article appended last, is one rotation).
std::vector<Article> newest_first(std::vector<Article> articles) {
  const std::vector<std::uint32_t> order = newest_first_order(articles);
  // In place, cycle by cycle (a second vector would hold 600 MB at 1,000,000 articles):
  // position j takes the article at order[j].
  std::vector<bool> placed(order.size(), false);
  for (std::uint32_t start = 0; start < order.size(); ++start) {
    if (placed[start] || order[start] == start) continue;
    Article held = std::move(articles[start]);
    for (std::uint32_t j = start;;) {
      placed[j] = true;
      const std::uint32_t from = order[j];
      if (from == start) {
        articles[j] = std::move(held);
        break;
      }
      articles[j] = std::move(articles[from]);
      j = from;
    }
  }
  return articles;
}

}  // namespace

std::vector<std::uint32_t> newest_first_order(const std::vector<Article>& articles) {
  // Sorted by (instant, position) pairs, then each run of one instant by id: a comparison that
  // read two articles (a cache miss each) was most of the sort.
  std::vector<std::pair<std::int64_t, std::uint32_t>> keys(articles.size());
  for (std::uint32_t i = 0; i < keys.size(); ++i) keys[i] = {articles[i].published.epoch_ms, i};
  std::sort(keys.begin(), keys.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  });
  std::vector<std::uint32_t> order(articles.size());
  for (std::size_t first = 0; first < keys.size();) {
    std::size_t last = first + 1;
    while (last < keys.size() && keys[last].first == keys[first].first) ++last;
    for (std::size_t j = first; j < last; ++j) order[j] = keys[j].second;
    if (last - first > 1) {
      std::sort(order.begin() + static_cast<std::ptrdiff_t>(first),
                order.begin() + static_cast<std::ptrdiff_t>(last),
                [&](std::uint32_t x, std::uint32_t y) { return articles[x].id < articles[y].id; });
    }
    first = last;
  }
  return order;
}

Index::Index(std::vector<Article> articles, const SearchWordsUse& words)
    : articles_(newest_first(std::move(articles))) {
  {
    TermCollector terms(facets_, facet_values_, articles_.size());
    if (words.keep != nullptr) *words.keep = SearchWords{};
    const std::size_t from_words =
        words.from != nullptr ? words.from->words.size() : 0;  // done() may free it
    for (std::size_t a = 0; a < articles_.size(); ++a) terms.add_article(articles_[a], a, words);
    if (words.done) words.done();
    terms.finish_facets();
    if (words.keep != nullptr) {
      // Every word interned, the facet values' too: the numbers the entries use.
      words.keep->words.reserve(terms.words().size());
      for (std::uint32_t id = 0; id < terms.words().size(); ++id) {
        words.keep->words.emplace_back(terms.words().word(id));
      }
    }
    if (words.numbers != nullptr) {
      *words.numbers = terms.take_numbers(from_words);
    }
    number_terms(terms.words(), terms.search());
  }
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    value_postings_[f] = facet_values_[f].inverted(facets_[f].display.size());
  }
  precompute_dense_ranges();
  index_ids_and_days();
  build_orders();
}

// The dictionary sorted, and the postings under the final TermIds. Frees `words` and `search`
// as soon as they are read: the peak memory of a load is here.
void Index::number_terms(WordTable& words, IdLists& search) {
  std::vector<TermId> order(words.size());
  for (TermId i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](TermId x, TermId y) { return words.word(x) < words.word(y); });
  std::vector<TermId> final_id(order.size());
  dictionary_.reserve(order.size());
  for (TermId rank = 0; rank < order.size(); ++rank) {
    final_id[order[rank]] = rank;
    dictionary_.emplace_back(words.word(order[rank]));
  }
  words = WordTable();
  postings_ = search.inverted(dictionary_.size(), &final_id);
  search = IdLists();
}

void Index::index_ids_and_days() {
  const std::size_t n = articles_.size();
  local_days_.reserve(n);
  for (const Article& art : articles_) local_days_.push_back(local_day_number(art.published));
  ids_.reserve(n);
  for (std::size_t a = 0; a < n; ++a) ids_.emplace_back(articles_[a].id, static_cast<ArticleId>(a));
  std::sort(ids_.begin(), ids_.end());
}

// Orders. Ties: newer first, then id ascending (= ascending ArticleId), so every order is total
// and stable.
void Index::build_orders() {
  const std::size_t n = articles_.size();
  by_date_.resize(n);
  for (std::size_t a = 0; a < n; ++a) by_date_[a] = static_cast<ArticleId>(a);
  for (std::size_t w = 0; w < kViewWindowCount; ++w) {
    // (count, ArticleId) pairs: a comparison that read two articles was most of the load's sorting.
    std::vector<std::pair<std::int64_t, ArticleId>> counted;
    for (const ArticleId a : by_date_) {
      if (articles_[a].views[w]) counted.emplace_back(*articles_[a].views[w], a);
    }
    std::sort(counted.begin(), counted.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;  // ties in date order
    });
    auto& order = by_views_[w];
    order.clear();
    order.reserve(counted.size());
    for (const auto& [views, a] : counted) order.push_back(a);
  }
}

std::int64_t Index::find(std::string_view id) const {
  const auto it = std::lower_bound(ids_.begin(), ids_.end(), id,
                                   [](const auto& e, std::string_view k) { return e.first < k; });
  return it != ids_.end() && it->first == id ? static_cast<std::int64_t>(it->second) : -1;
}

void Index::precompute_dense_ranges() {
  // Every one- and two-letter prefix whose articles would take more than a few milliseconds to
  // gather at each keystroke (more postings than a tenth of the bundle) gets its set now:
  // readers type those first, and they match most of the bundle.
  const std::size_t threshold = std::max<std::size_t>(articles_.size() / 10, 4096);
  for (std::size_t t = 0; t < dictionary_.size();) {
    for (const std::size_t letters : {1, 2}) {
      std::size_t pos = 0;
      for (std::size_t k = 0; k < letters && pos < dictionary_[t].size(); ++k) {
        text::next_code_point(dictionary_[t], pos);
      }
      const std::string_view prefix = std::string_view(dictionary_[t]).substr(0, pos);
      const std::pair<TermId, TermId> range = term_range(prefix, true);
      const TermId first = range.first, last = range.second;  // clang 14: no lambda-captured bindings
      if (first != t) continue;                               // only from the first term of a range
      if (postings_.volume(first, last) > threshold &&
          std::none_of(dense_ranges_.begin(), dense_ranges_.end(), [&](const auto& d) {
            return d.first == std::pair{first, last};
          })) {
        Bitset set(articles_.size());
        for (TermId term = first; term < last; ++term) {
          for (const ArticleId a : postings_[term]) set.set(a);
        }
        dense_ranges_.emplace_back(range, std::move(set));
      }
    }
    // Next: the first term past this two-letter range (a one-letter term moves on by one, or it
    // would skip the two-letter ranges it heads).
    std::size_t pos = 0;
    for (int k = 0; k < 2 && pos < dictionary_[t].size(); ++k) text::next_code_point(dictionary_[t], pos);
    const bool two_letters = text::length(std::string_view(dictionary_[t]).substr(0, pos)) == 2;
    const TermId next = two_letters ? term_range(std::string_view(dictionary_[t]).substr(0, pos), true).second
                                    : static_cast<TermId>(t + 1);
    t = std::max<std::size_t>(next, t + 1);
  }
}

void Index::add_articles_with_terms(TermId first, TermId last, Bitset& out) const {
  for (const auto& [range, set] : dense_ranges_) {
    if (range.first == first && range.second == last) {
      out |= set;
      return;
    }
  }
  for (TermId t = first; t < last; ++t) {
    for (const ArticleId a : postings_[t]) out.set(a);
  }
}

void Index::add_articles_with_values(Facet f, const std::vector<ValueId>& values, Bitset& out) const {
  for (const ValueId v : values) {
    for (const ArticleId a : value_postings_[static_cast<std::size_t>(f)][v]) out.set(a);
  }
}

std::pair<TermId, TermId> Index::term_range(std::string_view word, bool prefix) const {
  return sorted_term_range(dictionary_, word, prefix);
}

std::pair<std::uint32_t, std::uint32_t> sorted_term_range(const std::vector<std::string>& sorted,
                                                          std::string_view word, bool prefix) {
  const auto lo = std::lower_bound(sorted.begin(), sorted.end(), word);
  auto hi = lo;
  if (prefix) {
    hi = std::partition_point(lo, sorted.end(), [&](const std::string& t) { return t.starts_with(word); });
  } else if (hi != sorted.end() && *hi == word) {
    ++hi;
  }
  return {static_cast<std::uint32_t>(lo - sorted.begin()), static_cast<std::uint32_t>(hi - sorted.begin())};
}

}  // namespace encart
