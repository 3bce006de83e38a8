// The pack as a Corpus of CompiledFilter::compile_over (query/filter_compile.h), in two forms:
// PackCorpus over the whole archive (what is not fetched yet is asked for through Needs and
// counts as empty meanwhile), HeadCorpus over the head alone (what a partial answer searches).
// Internal to src/pack/reader.cpp.
#pragma once

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pack/bytes.h"
#include "pack/format.h"
#include "pack/reader_state.h"

namespace encart::pack::detail {

// What one answer still needs: collected while it runs, so that one round of fetches brings
// every file the next round will read.
class Needs {
 public:
  explicit Needs(const std::set<std::string, std::less<>>& unavailable) : unavailable_(unavailable) {}
  void need(const std::string& name) {
    ++calls_;
    if (unavailable_.contains(name)) {
      degraded_ = true;
    } else {
      missing_.insert(name);
    }
  }
  bool empty() const { return missing_.empty() && !degraded_; }
  std::size_t size() const { return missing_.size() + (degraded_ ? 1 : 0); }
  bool degraded() const { return degraded_; }
  // How many times something was asked for: a step that asked is not complete.
  std::size_t calls() const { return calls_; }
  std::vector<std::string> missing() const { return {missing_.begin(), missing_.end()}; }

 private:
  const std::set<std::string, std::less<>>& unavailable_;
  std::set<std::string> missing_;
  bool degraded_ = false;
  std::size_t calls_ = 0;
};

// The pack as a Corpus of CompiledFilter::compile_over (query/filter_compile.h): what is not
// here yet is asked for and counts as empty meanwhile.
class PackCorpus {
 public:
  PackCorpus(const Reader::Data& data, const Manifest& manifest, Needs& needs)
      : d_(data), manifest_(manifest), needs_(needs) {}

  std::size_t size() const { return d_.n; }

  const Directory* directory() const {
    if (!d_.directory) needs_.need(manifest_.directory);
    return d_.directory ? &*d_.directory : nullptr;
  }

  const LoadedShard* shard(std::size_t s) const {
    const Directory* dir = directory();
    if (dir == nullptr) return nullptr;
    const auto it = d_.shards.find(dir->shards[s].first);
    if (it == d_.shards.end()) needs_.need(dir->shards[s].name);
    return it == d_.shards.end() ? nullptr : &it->second;
  }

  // The shard holding term t.
  std::size_t shard_of(TermId t) const {
    const auto& shards = d_.directory->shards;
    const auto it = std::upper_bound(shards.begin(), shards.end(), t,
                                     [](TermId term, const Shard& s) { return term < s.first; });
    return it == shards.begin() ? 0 : static_cast<std::size_t>(it - shards.begin() - 1);
  }

  std::pair<TermId, TermId> term_range(std::string_view word, bool prefix) const {
    const Directory* dir = directory();
    if (dir == nullptr || dir->shards.empty()) return {0, 0};
    const auto& shards = dir->shards;
    // The shard where `word` would sit: the last one starting at or before it.
    const auto after = std::upper_bound(shards.begin(), shards.end(), word,
                                        [](std::string_view w, const Shard& s) { return w < s.first_term; });
    const std::size_t s = after == shards.begin() ? 0 : static_cast<std::size_t>(after - shards.begin() - 1);
    const LoadedShard* home = shard(s);
    if (home == nullptr) return {0, 0};
    const auto k = static_cast<std::size_t>(std::lower_bound(home->terms.begin(), home->terms.end(), word) -
                                            home->terms.begin());
    const auto lo = static_cast<TermId>(shards[s].first + k);
    if (!prefix) {
      const std::string_view at = k < home->terms.size()  ? std::string_view(home->terms[k])
                                  : s + 1 < shards.size() ? std::string_view(shards[s + 1].first_term)
                                                          : std::string_view();
      const bool found = lo < total_terms() && at == word;
      return {lo, static_cast<TermId>(lo + (found ? 1 : 0))};
    }
    // Terms starting with `word` are one interval: it ends in the last shard that starts inside it.
    std::size_t last = s;
    while (last + 1 < shards.size() && std::string_view(shards[last + 1].first_term).starts_with(word))
      ++last;
    const LoadedShard* end_shard = last == s ? home : shard(last);
    if (end_shard == nullptr) return {lo, lo};
    const std::size_t from = last == s ? k : 0;
    const auto end = std::partition_point(end_shard->terms.begin() + static_cast<std::ptrdiff_t>(from),
                                          end_shard->terms.end(),
                                          [&](const std::string& t) { return t.starts_with(word); });
    return {lo, static_cast<TermId>(shards[last].first +
                                    static_cast<std::size_t>(end - end_shard->terms.begin()))};
  }

  std::size_t total_terms() const {
    const auto& shards = d_.directory->shards;
    return shards.empty() ? 0 : shards.back().first + shards.back().count;
  }

  std::string_view term(TermId t) const {
    if (directory() == nullptr || t >= total_terms()) return {};
    const std::size_t s = shard_of(t);
    const LoadedShard* loaded = shard(s);
    return loaded == nullptr ? std::string_view()
                             : std::string_view(loaded->terms[t - d_.directory->shards[s].first]);
  }

  void add_articles_with_terms(TermId first, TermId last, Bitset& out) const {
    const Directory* dir = directory();
    if (dir == nullptr || first >= last) return;
    for (const auto& p : dir->prefixes) {
      if (p.first == first && p.last == last) {
        const auto it = d_.prefixes.find({first, last});
        if (it == d_.prefixes.end()) {
          needs_.need(p.name);
        } else {
          out |= it->second;
        }
        return;
      }
    }
    for (std::size_t s = shard_of(first); s < dir->shards.size() && dir->shards[s].first < last; ++s) {
      const LoadedShard* loaded = shard(s);
      if (loaded == nullptr) continue;
      const TermId base = dir->shards[s].first;
      const TermId from = std::max(first, base);
      const auto to = static_cast<TermId>(std::min<std::size_t>(last, base + loaded->terms.size()));
      for (TermId t = from; t < to; ++t) {
        for (const ArticleId a : loaded->postings[t - base]) out.set(a);
      }
    }
  }

  const LoadedValues* values(Facet f) const {
    const auto fi = static_cast<std::size_t>(f);
    if (d_.values[fi]) return &*d_.values[fi];
    if (const Directory* dir = directory()) needs_.need(dir->values[fi]);
    return nullptr;
  }

  std::int64_t find_value(Facet f, std::string_view folded) const {
    if (f != Facet::kTag) return d_.facets[static_cast<std::size_t>(f)].find(folded);
    const LoadedValues* tags = values(f);
    return tags == nullptr ? -1 : tags->values.find(folded);
  }

  void add_articles_with_values(Facet f, const std::vector<ValueId>& ids, Bitset& out) const {
    if (ids.empty()) return;
    const LoadedValues* loaded = values(f);
    if (loaded == nullptr) return;
    for (const ValueId v : ids) {
      for (const ArticleId a : loaded->postings[v]) out.set(a);
    }
  }

  std::size_t first_published_at_or_before(std::int64_t bound) const {
    const auto& head = d_.head_articles;
    const auto newer = [&](const Article& a) { return a.published.epoch_ms > bound; };
    if (!head.empty() && !newer(head.back())) {
      return static_cast<std::size_t>(std::partition_point(head.begin(), head.end(), newer) - head.begin());
    }
    if (d_.head == d_.n) return d_.n;
    const Directory* dir = directory();
    if (dir == nullptr) return d_.head;  // unknown yet: what the head shows
    // In the files, oldest first: the articles at or before `bound` are a prefix; the answer is
    // the count of those after it.
    const auto& chunks = dir->epochs;
    const auto c = static_cast<std::size_t>(
        std::partition_point(chunks.begin(), chunks.end(), [&](const auto& e) { return e.first <= bound; }) -
        chunks.begin());
    if (c == 0) return d_.n;
    const auto it = d_.epochs.find(c - 1);
    if (it == d_.epochs.end()) {
      needs_.need(chunks[c - 1].second);
      return d_.head;
    }
    const auto& epochs = it->second;
    const auto i = static_cast<std::size_t>(
        std::partition_point(epochs.begin(), epochs.end(),
                             [&](const DateTime& t) { return t.epoch_ms <= bound; }) -
        epochs.begin());
    return d_.n - ((c - 1) * kEpochChunk + i);
  }

  std::int64_t local_day(ArticleId a) const {
    if (a < d_.head) return local_day_number(d_.head_articles[a].published);
    const std::size_t p = d_.n - 1 - a;
    const auto it = d_.days.find(p / kDayChunk);
    if (it != d_.days.end()) return it->second[p % kDayChunk];
    if (const Directory* dir = directory()) {
      if (p / kDayChunk < dir->days.size()) needs_.need(dir->days[p / kDayChunk]);
    }
    return 0;
  }

  // Whether related bucket `b` is here; if not, its page or itself is asked for.
  bool bucket_loaded(std::size_t b) const {
    const std::size_t page = b / kRelatedPageSize;
    if (page >= manifest_.related_pages.size()) return false;
    const auto names = d_.related_pages.find(page);
    if (names == d_.related_pages.end()) {
      needs_.need(manifest_.related_pages[page]);
      return false;
    }
    if (d_.buckets.contains(b)) return true;
    const std::size_t slot = b - page * kRelatedPageSize;
    if (slot < names->second.size()) needs_.need(names->second[slot]);
    return false;
  }

  // The id of article `id`: from the head, or from its related bucket (which also tells its
  // category, authors and related candidates).
  const BucketEntry* bucket_entry(std::string_view id) const {
    if (manifest_.related_buckets == 0) return nullptr;
    const std::size_t b = fnv1a64(id) % manifest_.related_buckets;
    if (!bucket_loaded(b)) return nullptr;
    const auto& bucket = d_.buckets.at(b);
    const auto entry = bucket.find(id);
    return entry == bucket.end() ? nullptr : &entry->second;
  }

  bool bucket_known(std::string_view id) const {
    if (manifest_.related_buckets == 0) return true;
    return d_.buckets.contains(fnv1a64(id) % manifest_.related_buckets);
  }

  // The id of the article whose address has url_match_key `key`: nullptr when there is none, or
  // while the bucket of the key is on its way (asked for; url_known says which).
  const std::string* id_at(std::string_view key) const {
    if (manifest_.related_buckets == 0 || key.empty()) return nullptr;
    const std::size_t b = fnv1a64(key) % manifest_.related_buckets;
    if (!bucket_loaded(b)) return nullptr;
    const auto urls = d_.bucket_urls.find(b);
    if (urls == d_.bucket_urls.end()) return nullptr;
    const auto it = urls->second.find(key);
    return it == urls->second.end() ? nullptr : &it->second;
  }

  bool url_known(std::string_view key) const {
    if (manifest_.related_buckets == 0 || key.empty()) return true;
    return d_.buckets.contains(fnv1a64(key) % manifest_.related_buckets);
  }

  // The article at position `pos` of the most-read order of window w, or nullopt when its page is
  // not here (asked for).
  std::optional<ArticleId> ranked(std::size_t w, std::size_t pos) const {
    if (pos < d_.tops[w].size()) return d_.tops[w][pos];
    const Directory* dir = directory();
    if (dir == nullptr) return std::nullopt;
    const std::size_t page = pos / kRankingPage;
    const auto it = d_.rankings.find({w, page});
    if (it == d_.rankings.end()) {
      if (page < dir->rankings[w].pages.size()) needs_.need(dir->rankings[w].pages[page]);
      return std::nullopt;
    }
    const std::size_t i = pos - page * kRankingPage;
    if (i >= it->second.size()) return std::nullopt;
    return it->second[i];
  }

  const Article* record(ArticleId a) const {
    if (const Article* r = d_.record(a)) return r;
    if (const Directory* dir = directory()) {
      const std::size_t chunk = (d_.n - 1 - a) / kRecordChunk;  // files number articles oldest first
      if (chunk < dir->records.size()) needs_.need(dir->records[chunk]);
    }
    return nullptr;
  }

 private:
  const Reader::Data& d_;
  const Manifest& manifest_;
  Needs& needs_;
};

// The head alone as a Corpus: the articles [0, head), searched at once while the archive's
// parts are on their way. Its matches are the newest of the final answer.
class HeadCorpus {
 public:
  explicit HeadCorpus(const Reader::Data& data) : d_(data) {}
  std::size_t size() const { return d_.head; }
  std::pair<TermId, TermId> term_range(std::string_view word, bool prefix) const {
    return sorted_term_range(d_.head_terms, word, prefix);
  }
  std::string_view term(TermId t) const { return d_.head_terms[t]; }
  void add_articles_with_terms(TermId first, TermId last, Bitset& out) const {
    for (TermId t = first; t < last; ++t) {
      for (const ArticleId a : d_.head_postings[t]) out.set(a);
    }
  }
  std::int64_t find_value(Facet f, std::string_view folded) const {
    return f == Facet::kTag ? d_.head_tags.find(folded) : d_.facets[static_cast<std::size_t>(f)].find(folded);
  }
  void add_articles_with_values(Facet f, const std::vector<ValueId>& ids, Bitset& out) const {
    for (const ValueId v : ids) {
      if (f == Facet::kTag) {
        for (const ArticleId a : d_.head_tag_postings[v]) out.set(a);
        continue;
      }
      for (ArticleId a = 0; a < d_.head; ++a) {
        const auto& facets = d_.head_facets[a];
        const bool has = f == Facet::kCategory ? facets.category == v + 1
                                               : std::find(facets.authors.begin(), facets.authors.end(), v) !=
                                                     facets.authors.end();
        if (has) out.set(a);
      }
    }
  }
  std::size_t first_published_at_or_before(std::int64_t bound) const {
    const auto& head = d_.head_articles;
    return static_cast<std::size_t>(
        std::partition_point(head.begin(), head.end(),
                             [&](const Article& a) { return a.published.epoch_ms > bound; }) -
        head.begin());
  }
  std::int64_t local_day(ArticleId a) const { return local_day_number(d_.head_articles[a].published); }

 private:
  const Reader::Data& d_;
};

}  // namespace encart::pack::detail
