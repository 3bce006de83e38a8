#include "index/index.h"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

#include "text/fold.h"

namespace encart {
namespace {

// Frequent French and English words of four letters or more (folded); shorter words are never
// significant. Kept short on purpose: the related-articles issue brings real stop-word lists.
constexpr std::array<std::string_view, 64> kStopWords = {
    "about", "after", "aller",  "apres", "aussi", "autre", "autres", "avant", "avec",   "avoir", "been",
    "cela",  "celle", "cette",  "ceux",  "chez",  "comme", "could",  "dans",  "depuis", "deux",  "donc",
    "elle",  "elles", "encore", "entre", "etre",  "from",  "have",   "leur",  "leurs",  "lors",  "mais",
    "meme",  "more",  "nous",   "other", "over",  "plus",  "pour",   "quand", "sans",   "selon", "sera",
    "some",  "sont",  "sous",   "than",  "that",  "their", "there",  "these", "they",   "this",  "tous",
    "tout",  "toute", "vers",   "very",  "were",  "what",  "when",   "will",  "with"};

static_assert(std::is_sorted(kStopWords.begin(), kStopWords.end()), "binary_search needs order");

void sort_unique(std::vector<std::uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

bool is_significant_word(std::string_view w) {
  return text::length(w) >= 4 && !std::binary_search(kStopWords.begin(), kStopWords.end(), w);
}

std::int64_t FacetValues::find(std::string_view key) const {
  const auto it = std::lower_bound(sorted_keys.begin(), sorted_keys.end(), key,
                                   [](const auto& e, std::string_view k) { return e.first < k; });
  return it != sorted_keys.end() && it->first == key ? static_cast<std::int64_t>(it->second) : -1;
}

void IdLists::append(std::vector<std::uint32_t>& ids) {
  sort_unique(ids);
  values_.insert(values_.end(), ids.begin(), ids.end());
  offsets_.push_back(static_cast<std::uint32_t>(values_.size()));
}

Index::Index(std::vector<Article> articles) : articles_(std::move(articles)) {
  const std::size_t n = articles_.size();

  // Words are interned as they come (a provisional id per distinct word), then the dictionary
  // is sorted once and the ids renumbered, so that prefix ranges are contiguous. Sorting only
  // the distinct words, not every occurrence, is what keeps loading fast.
  std::unordered_map<std::string, TermId> provisional;
  std::vector<std::string> words_by_provisional;
  const auto intern = [&](std::string&& w) {
    const auto [it, inserted] =
        provisional.try_emplace(std::move(w), static_cast<TermId>(provisional.size()));
    if (inserted) words_by_provisional.push_back(it->first);
    return it->second;
  };
  std::vector<std::vector<TermId>> search_ids(n), content_ids(n);
  std::vector<std::uint32_t> facet_ids[kFacetCount];
  std::map<std::string, ValueId> facet_maps[kFacetCount];
  for (std::size_t a = 0; a < n; ++a) {
    const Article& art = articles_[a];
    const auto add = [&](std::string_view text, bool content) {
      for (auto& w : text::words(text)) {
        const bool significant = content && is_significant_word(w);
        const TermId id = intern(std::move(w));
        search_ids[a].push_back(id);
        if (significant) content_ids[a].push_back(id);
      }
    };
    add(art.title, true);
    add(art.summary, true);
    add(art.category, false);
    for (const auto& t : art.tags) add(t, false);
    for (const auto& au : art.authors) add(au, false);

    const auto add_value = [&](Facet f, const std::string& display, std::vector<std::uint32_t>& ids) {
      auto& values = facets_[static_cast<std::size_t>(f)];
      auto [it, inserted] = facet_maps[static_cast<std::size_t>(f)].try_emplace(
          text::fold(display), static_cast<ValueId>(values.display.size()));
      if (inserted) {
        values.display.push_back(display);
        values.folded.push_back(it->first);
      }
      ids.push_back(it->second);
    };
    for (auto& ids : facet_ids) ids.clear();
    if (!art.category.empty()) add_value(Facet::kCategory, art.category, facet_ids[0]);
    for (const auto& au : art.authors) add_value(Facet::kAuthor, au, facet_ids[1]);
    for (const auto& t : art.tags) add_value(Facet::kTag, t, facet_ids[2]);
    for (std::size_t f = 0; f < kFacetCount; ++f) facet_values_[f].append(facet_ids[f]);
  }
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    facets_[f].sorted_keys.assign(facet_maps[f].begin(), facet_maps[f].end());
  }

  std::vector<TermId> order(words_by_provisional.size());
  for (TermId i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](TermId x, TermId y) { return words_by_provisional[x] < words_by_provisional[y]; });
  std::vector<TermId> final_id(order.size());
  dictionary_.reserve(order.size());
  for (TermId rank = 0; rank < order.size(); ++rank) {
    final_id[order[rank]] = rank;
    dictionary_.push_back(std::move(words_by_provisional[order[rank]]));
  }
  for (std::size_t a = 0; a < n; ++a) {
    for (auto& id : search_ids[a]) id = final_id[id];
    for (auto& id : content_ids[a]) id = final_id[id];
    search_.append(search_ids[a]);
    content_.append(content_ids[a]);
    std::vector<TermId>().swap(search_ids[a]);  // free as we go: peak memory matters in WASM
    std::vector<TermId>().swap(content_ids[a]);
  }

  local_days_.reserve(n);
  for (const Article& art : articles_) local_days_.push_back(local_day_number(art.published));
  ids_.reserve(n);
  for (std::size_t a = 0; a < n; ++a) ids_.emplace_back(articles_[a].id, static_cast<ArticleId>(a));
  std::sort(ids_.begin(), ids_.end());

  // Orders. Ties: newer first, then id ascending, so every order is total and stable.
  const auto newer = [&](ArticleId x, ArticleId y) {
    const Article& ax = articles_[x];
    const Article& ay = articles_[y];
    if (ax.published.epoch_ms != ay.published.epoch_ms) {
      return ax.published.epoch_ms > ay.published.epoch_ms;
    }
    return ax.id < ay.id;
  };
  by_date_.resize(n);
  for (std::size_t a = 0; a < n; ++a) by_date_[a] = static_cast<ArticleId>(a);
  std::sort(by_date_.begin(), by_date_.end(), newer);
  for (std::size_t w = 0; w < kViewWindowCount; ++w) {
    auto& order = by_views_[w];
    for (const ArticleId a : by_date_) {
      if (articles_[a].views[w]) order.push_back(a);
    }
    std::stable_sort(order.begin(), order.end(), [&](ArticleId x, ArticleId y) {
      return *articles_[x].views[w] > *articles_[y].views[w];  // stable: keeps the date order for ties
    });
  }
}

std::int64_t Index::find(std::string_view id) const {
  const auto it = std::lower_bound(ids_.begin(), ids_.end(), id,
                                   [](const auto& e, std::string_view k) { return e.first < k; });
  return it != ids_.end() && it->first == id ? static_cast<std::int64_t>(it->second) : -1;
}

std::pair<TermId, TermId> Index::term_range(std::string_view word, bool prefix) const {
  const auto lo = std::lower_bound(dictionary_.begin(), dictionary_.end(), word);
  auto hi = lo;
  if (prefix) {
    hi = std::partition_point(lo, dictionary_.end(),
                              [&](const std::string& t) { return t.starts_with(word); });
  } else if (hi != dictionary_.end() && *hi == word) {
    ++hi;
  }
  return {static_cast<TermId>(lo - dictionary_.begin()), static_cast<TermId>(hi - dictionary_.begin())};
}

}  // namespace encart
