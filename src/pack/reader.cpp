#include "pack/reader.h"

#include <algorithm>

#include "pack/bytes.h"
#include "pack/format.h"
#include "query/filter_compile.h"
#include "render/html.h"

namespace encart::pack {
namespace {

// An article's category (ValueId + 1, 0 for none) and authors, as the head and buckets store them.
struct FacetIds {
  std::uint32_t category = 0;
  std::vector<ValueId> authors;
};

struct Shard {
  std::string first_term;
  TermId first = 0;
  std::size_t count = 0;
  std::string name;
};

struct Directory {
  std::vector<Shard> shards;
  struct Prefix {
    TermId first, last;
    std::string name;
  };
  std::vector<Prefix> prefixes;
  std::string values[kFacetCount];
  std::vector<std::pair<std::int64_t, std::string>> epochs;  // first (oldest) epoch of each chunk, name
  std::vector<std::string> days;
  struct Ranking {
    std::size_t count = 0;
    std::vector<std::string> pages;
  } rankings[kViewWindowCount];
  std::vector<std::string> records;
};

struct LoadedShard {
  std::vector<std::string> terms;
  std::vector<std::vector<ArticleId>> postings;
};

struct LoadedValues {
  FacetValues values;
  std::vector<std::vector<ArticleId>> postings;
};

struct BucketEntry {
  ArticleId id = 0;
  FacetIds facets;
  std::vector<RelatedHit> hits;
};

}  // namespace

struct Reader::Data {
  bool head_loaded = false;
  std::size_t n = 0, head = 0;
  std::vector<Article> head_articles;  // ArticleIds [0, head)
  // The head's own words and tags (ids below `head`): what a partial answer searches.
  std::vector<std::string> head_terms;
  std::vector<std::vector<ArticleId>> head_postings;
  FacetValues head_tags;
  std::vector<std::vector<ArticleId>> head_tag_postings;
  FacetValues facets[2];               // category, author
  std::vector<std::size_t> beyond[2];  // per value: articles past the head
  std::vector<FacetIds> head_facets;
  std::size_t ranked[kViewWindowCount] = {};
  std::vector<ArticleId> tops[kViewWindowCount];
  std::map<ArticleId, Article> records;  // past the head
  std::optional<Directory> directory;
  std::map<TermId, LoadedShard> shards;  // by first TermId
  std::map<std::pair<TermId, TermId>, Bitset> prefixes;
  std::optional<LoadedValues> values[kFacetCount];
  std::map<std::size_t, std::vector<DateTime>> epochs;                             // by chunk, oldest first
  std::map<std::size_t, std::vector<std::int64_t>> days;                           // by chunk, oldest first
  std::map<std::pair<std::size_t, std::size_t>, std::vector<ArticleId>> rankings;  // (window, page)
  std::map<std::size_t, std::vector<std::string>> related_pages;                   // page -> bucket names
  std::map<std::size_t, std::map<std::string, BucketEntry, std::less<>>> buckets;
  std::set<std::string, std::less<>> unavailable;

  const Article* record(ArticleId a) const {
    if (a < head) return &head_articles[a];
    const auto it = records.find(a);
    return it == records.end() ? nullptr : &it->second;
  }
};

namespace {

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

  // The id of article `id`: from the head, or from its related bucket (which also tells its
  // category, authors and related candidates).
  const BucketEntry* bucket_entry(std::string_view id) const {
    if (manifest_.related_buckets == 0) return nullptr;
    const std::size_t b = fnv1a64(id) % manifest_.related_buckets;
    const std::size_t page = b / kRelatedPageSize;
    if (page >= manifest_.related_pages.size()) return nullptr;
    const auto names = d_.related_pages.find(page);
    if (names == d_.related_pages.end()) {
      needs_.need(manifest_.related_pages[page]);
      return nullptr;
    }
    const auto bucket = d_.buckets.find(b);
    if (bucket == d_.buckets.end()) {
      const std::size_t slot = b - page * kRelatedPageSize;
      if (slot < names->second.size()) needs_.need(names->second[slot]);
      return nullptr;
    }
    const auto entry = bucket->second.find(id);
    return entry == bucket->second.end() ? nullptr : &entry->second;
  }

  bool bucket_known(std::string_view id) const {
    if (manifest_.related_buckets == 0) return true;
    return d_.buckets.contains(fnv1a64(id) % manifest_.related_buckets);
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
    const auto& terms = d_.head_terms;
    const auto lo = std::lower_bound(terms.begin(), terms.end(), word);
    auto hi = lo;
    if (prefix) {
      hi = std::partition_point(lo, terms.end(), [&](const std::string& t) { return t.starts_with(word); });
    } else if (hi != terms.end() && *hi == word) {
      ++hi;
    }
    return {static_cast<TermId>(lo - terms.begin()), static_cast<TermId>(hi - terms.begin())};
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

bool excluded(const std::vector<ArticleId>& shown, ArticleId a) {
  return std::find(shown.begin(), shown.end(), a) != shown.end();
}

bool filter_is_empty(const Filter& f) {
  return text::words(f.q).empty() && f.categories.empty() && f.authors.empty() && f.tags.empty() &&
         f.since.empty() && f.until.empty() && f.date.empty();
}

const std::string& first_or_empty(const std::vector<std::string>& v) {
  static const std::string kEmpty;
  return v.empty() ? kEmpty : v.front();
}

std::vector<FacetCount> sorted_counts(const FacetValues& values, const std::vector<std::size_t>& counts) {
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

// ---- decoding: every count, id and length checked against what the file and the pack hold.

// An ascending, delta-encoded list of ids below `n`.
std::vector<ArticleId> read_local_ids(ByteReader& in, std::size_t n) {
  std::vector<ArticleId> ids(in.count());
  std::uint64_t previous = 0;
  for (std::size_t i = 0; i < ids.size() && in.ok(); ++i) {
    const std::uint64_t step = in.varint();
    const std::uint64_t id = i == 0 ? step : previous + step;
    if ((i > 0 && step == 0) || id >= n) {
      in.fail("article " + std::to_string(id) + " out of order or out of range");
      break;
    }
    ids[i] = static_cast<ArticleId>(id);
    previous = id;
  }
  return in.ok() ? ids : std::vector<ArticleId>();
}

// A list of pack ids (oldest first) as ascending ArticleIds (newest first).
std::vector<ArticleId> read_ids(ByteReader& in, std::size_t n) {
  std::vector<ArticleId> ids = read_local_ids(in, n);
  for (ArticleId& a : ids) a = static_cast<ArticleId>(n - 1 - a);
  std::reverse(ids.begin(), ids.end());
  return ids;
}

// One pack id, as an ArticleId.
ArticleId read_id(ByteReader& in, std::size_t n) {
  const std::uint32_t p = in.below(n, "article");
  return in.ok() ? static_cast<ArticleId>(n - 1 - p) : 0;
}

std::string read_hash(ByteReader& in) { return std::string(in.raw(kHashBytes)); }

FacetIds read_facet_ids(ByteReader& in, std::size_t categories, std::size_t authors) {
  FacetIds ids;
  ids.category = in.below(categories + 1, "category");
  ids.authors.resize(in.count());
  for (auto& v : ids.authors) v = in.below(authors, "author");
  return ids;
}

}  // namespace

// The newest matching articles among the head's alone, ids newest first.
SidebarList head_latest_list(const Reader::Data& d, const SidebarRequest& request, const QueryClock& clock,
                             std::size_t first_visible, std::int64_t current) {
  std::vector<const Article*> records;
  auto head_filter = CompiledFilter::compile_over(request.filter, HeadCorpus(d), clock);
  const std::size_t limit = std::min(request.latest_limit, kMaxListLimit);
  if (head_filter && limit > 0) {
    head_filter.value().matching().for_each_until([&](std::size_t a) {
      if (a >= first_visible && static_cast<std::int64_t>(a) != current)
        records.push_back(&d.head_articles[a]);
      return records.size() < limit;
    });
  }
  return {render_items(records, request.locale), records.size(), false};
}

Reader::Reader(Manifest manifest) : manifest_(std::move(manifest)), data_(std::make_unique<Data>()) {}
Reader::~Reader() = default;

void Reader::mark_unavailable(std::string_view name) { data_->unavailable.emplace(name); }

std::optional<Error> Reader::add_file(std::string_view name, std::string_view bytes) {
  if (added_.contains(std::string(name))) return std::nullopt;
  Data& d = *data_;
  ByteReader in(bytes);
  if (in.raw(4) != "ENCP") {
    return Error{ErrorCode::kBadPack, std::string(name) + ": not an encart pack file"};
  }
  in = ByteReader(bytes);
  in.raw(5);
  const auto kind = static_cast<FileKind>(in.u8());
  in = ByteReader(bytes);
  read_header(in, kind);
  const auto fail = [&](const std::string& why) {
    return Error{ErrorCode::kBadPack, std::string(name) + ": " + why};
  };
  if (!in.ok()) return fail(in.error());
  if (kind != FileKind::kHead && !d.head_loaded) return fail("read before the head");
  const std::size_t n = d.n;
  const auto file_hash = [&](FileKind k, const std::string& hash) { return file_name(k, hash); };

  switch (kind) {
    case FileKind::kHead: {
      const std::size_t total = in.varint();
      if (in.ok() && total != manifest_.articles)
        return fail("the head counts " + std::to_string(total) + " articles, the manifest " +
                    std::to_string(manifest_.articles));
      const std::size_t head = in.count();
      if (head > total) return fail("a head larger than the pack");
      std::vector<Article> articles(head);
      for (auto& a : articles) read_record(in, a, true);
      FacetValues facets[2];
      std::vector<std::size_t> beyond[2];
      for (std::size_t f = 0; f < 2 && in.ok(); ++f) {
        const std::size_t count = in.count(3);
        std::map<std::string, ValueId> keys;
        for (std::size_t v = 0; v < count && in.ok(); ++v) {
          facets[f].display.emplace_back(in.string());
          facets[f].folded.emplace_back(in.string());
          beyond[f].push_back(in.below(total + 1, "count"));
          keys.emplace(facets[f].folded.back(), static_cast<ValueId>(v));
        }
        facets[f].sorted_keys.assign(keys.begin(), keys.end());
      }
      std::vector<FacetIds> head_facets;
      for (std::size_t a = 0; a < head && in.ok(); ++a) {
        head_facets.push_back(read_facet_ids(in, facets[0].display.size(), facets[1].display.size()));
      }
      std::size_t ranked[kViewWindowCount] = {};
      std::vector<ArticleId> tops[kViewWindowCount];
      for (std::size_t w = 0; w < kViewWindowCount && in.ok(); ++w) {
        ranked[w] = in.below(total + 1, "ranked count");
        tops[w].resize(std::min<std::size_t>(in.count(), ranked[w]));
        for (auto& a : tops[w]) a = read_id(in, total);
      }
      std::map<ArticleId, Article> extra;
      const std::size_t extras = in.count(2);
      for (std::size_t i = 0; i < extras && in.ok(); ++i) {
        const ArticleId a = read_id(in, total);
        read_record(in, extra[a], false);
      }
      std::vector<std::string> head_terms;
      const std::size_t term_count = in.count(2);
      for (std::size_t t = 0; t < term_count && in.ok(); ++t) {
        const std::size_t shared = in.varint();
        const std::string_view previous = head_terms.empty() ? std::string_view() : head_terms.back();
        if (shared > previous.size()) {
          in.fail("a term sharing more than the previous term holds");
          break;
        }
        std::string term = std::string(previous.substr(0, shared)) + std::string(in.string());
        if (!head_terms.empty() && !(head_terms.back() < term)) in.fail("terms out of order");
        head_terms.push_back(std::move(term));
      }
      std::vector<std::vector<ArticleId>> head_postings;
      for (std::size_t t = 0; t < term_count && in.ok(); ++t)
        head_postings.push_back(read_local_ids(in, head));
      FacetValues head_tags;
      std::vector<std::vector<ArticleId>> head_tag_postings;
      const std::size_t tag_count = in.count(2);
      std::map<std::string, ValueId> tag_keys;
      for (std::size_t v = 0; v < tag_count && in.ok(); ++v) {
        head_tags.folded.emplace_back(in.string());
        head_tags.display.push_back(head_tags.folded.back());
        tag_keys.emplace(head_tags.folded.back(), static_cast<ValueId>(v));
        head_tag_postings.push_back(read_local_ids(in, head));
      }
      head_tags.sorted_keys.assign(tag_keys.begin(), tag_keys.end());
      if (!in.ok()) return fail(in.error());
      d.n = total;
      d.head = head;
      d.head_articles = std::move(articles);
      d.head_terms = std::move(head_terms);
      d.head_postings = std::move(head_postings);
      d.head_tags = std::move(head_tags);
      d.head_tag_postings = std::move(head_tag_postings);
      for (std::size_t f = 0; f < 2; ++f) {
        d.facets[f] = std::move(facets[f]);
        d.beyond[f] = std::move(beyond[f]);
      }
      d.head_facets = std::move(head_facets);
      for (std::size_t w = 0; w < kViewWindowCount; ++w) {
        d.ranked[w] = ranked[w];
        d.tops[w] = std::move(tops[w]);
      }
      d.records.merge(extra);
      d.head_loaded = true;
      break;
    }
    case FileKind::kDirectory: {
      if (in.varint() != n) return fail("a directory of another pack");
      Directory dir;
      dir.shards.resize(in.count(kHashBytes + 2));
      std::size_t terms = 0;
      for (auto& s : dir.shards) {
        s.first_term = in.string();
        s.count = in.count(0);
        s.first = static_cast<TermId>(terms);
        s.name = file_hash(FileKind::kTerms, read_hash(in));
        terms += s.count;
        if (terms > UINT32_MAX) in.fail("too many terms");
      }
      dir.prefixes.resize(in.count(kHashBytes + 2));
      for (auto& p : dir.prefixes) {
        p.first = in.below(terms, "term");
        p.last = in.below(terms + 1, "term");
        p.name = file_hash(FileKind::kPrefix, read_hash(in));
      }
      for (auto& v : dir.values) v = file_hash(FileKind::kValues, read_hash(in));
      dir.epochs.resize(in.count(kHashBytes + 1));
      if (in.ok() && dir.epochs.size() != (n + kEpochChunk - 1) / kEpochChunk)
        in.fail("epoch chunks do not cover the pack");
      for (auto& [first, name_of] : dir.epochs) {
        first = in.svarint();
        name_of = file_hash(FileKind::kEpochs, read_hash(in));
      }
      dir.days.resize(in.count(kHashBytes));
      if (in.ok() && dir.days.size() != (n + kDayChunk - 1) / kDayChunk)
        in.fail("day chunks do not cover the pack");
      for (auto& day : dir.days) day = file_hash(FileKind::kDays, read_hash(in));
      for (auto& r : dir.rankings) {
        r.count = in.below(n + 1, "ranked count");
        r.pages.resize(in.count(kHashBytes));
        if (in.ok() && r.pages.size() != (r.count + kRankingPage - 1) / kRankingPage)
          in.fail("ranking pages do not cover the order");
        for (auto& page : r.pages) page = file_hash(FileKind::kRanking, read_hash(in));
      }
      dir.records.resize(in.count(kHashBytes));
      if (in.ok() && dir.records.size() != (n + kRecordChunk - 1) / kRecordChunk)
        in.fail("record chunks do not cover the pack");
      for (auto& r : dir.records) r = file_hash(FileKind::kRecords, read_hash(in));
      if (!in.ok()) return fail(in.error());
      d.directory = std::move(dir);
      break;
    }
    case FileKind::kTerms: {
      if (!d.directory) return fail("read before the directory");
      const std::size_t count = in.count(2);
      const auto& shards = d.directory->shards;
      const auto it =
          std::find_if(shards.begin(), shards.end(), [&](const Shard& s) { return s.name == name; });
      if (in.ok() && (it == shards.end() || it->count != count))
        return fail("a shard the directory does not list");
      const TermId first = it->first;
      LoadedShard shard;
      std::string previous;
      for (std::size_t k = 0; k < count && in.ok(); ++k) {
        const std::size_t shared = in.varint();
        if (shared > previous.size()) {
          in.fail("a term sharing more than the previous term holds");
          break;
        }
        previous = previous.substr(0, shared) + std::string(in.string());
        if (!shard.terms.empty() && !(shard.terms.back() < previous)) in.fail("terms out of order");
        shard.terms.push_back(previous);
      }
      if (in.ok() && !shard.terms.empty() && shard.terms.front() != it->first_term)
        in.fail("the first term differs from the directory's");
      for (std::size_t k = 0; k < count && in.ok(); ++k) shard.postings.push_back(read_ids(in, n));
      if (!in.ok()) return fail(in.error());
      d.shards[static_cast<TermId>(first)] = std::move(shard);
      break;
    }
    case FileKind::kPrefix: {
      if (!d.directory) return fail("read before the directory");
      const auto& prefixes = d.directory->prefixes;
      const auto it =
          std::find_if(prefixes.begin(), prefixes.end(), [&](const auto& p) { return p.name == name; });
      if (it == prefixes.end()) return fail("a prefix set the directory does not list");
      in.string();  // the prefix itself
      const std::vector<ArticleId> ids = read_ids(in, n);
      if (!in.ok()) return fail(in.error());
      Bitset set(n);
      for (const ArticleId a : ids) set.set(a);
      d.prefixes[{it->first, it->last}] = std::move(set);
      break;
    }
    case FileKind::kValues: {
      const std::size_t f = in.below(kFacetCount, "facet");
      LoadedValues loaded;
      const std::size_t count = in.count(2);
      std::map<std::string, ValueId> keys;
      for (std::size_t v = 0; v < count && in.ok(); ++v) {
        loaded.values.display.emplace_back(in.string());
        loaded.values.folded.emplace_back(in.string());
        keys.emplace(loaded.values.folded.back(), static_cast<ValueId>(v));
      }
      loaded.values.sorted_keys.assign(keys.begin(), keys.end());
      for (std::size_t v = 0; v < count && in.ok(); ++v) loaded.postings.push_back(read_ids(in, n));
      if (in.ok() && f < 2 && count != d.facets[f].display.size())
        in.fail("values that differ from the head's");
      if (!in.ok()) return fail(in.error());
      d.values[f] = std::move(loaded);
      break;
    }
    case FileKind::kEpochs: {
      const std::size_t first = in.below(n, "article");
      const std::size_t count = in.count(2);
      if (in.ok() && (first % kEpochChunk != 0 || count != std::min(kEpochChunk, n - first)))
        return fail("a chunk that does not fit the pack");
      std::vector<DateTime> epochs(count);
      std::int64_t previous = 0;
      for (std::size_t i = 0; i < count && in.ok(); ++i) {
        const std::int64_t step = in.svarint();
        if (i > 0 && (step < 0 || step > (std::int64_t{1} << 50))) in.fail("dates out of order");
        epochs[i].epoch_ms = i == 0 ? step : previous + step;
        epochs[i].offset_minutes =
            static_cast<std::int32_t>(std::clamp<std::int64_t>(in.svarint(), -1440, 1440));
        previous = epochs[i].epoch_ms;
      }
      if (!in.ok()) return fail(in.error());
      d.epochs[first / kEpochChunk] = std::move(epochs);
      break;
    }
    case FileKind::kDays: {
      const std::size_t first = in.below(n, "article");
      const std::size_t count = in.count(1);
      if (in.ok() && (first % kDayChunk != 0 || count != std::min(kDayChunk, n - first))) {
        return fail("days that do not fit the pack");
      }
      std::vector<std::int64_t> days(count);
      std::int64_t previous = 0;
      for (std::size_t i = 0; i < count && in.ok(); ++i) {
        const std::int64_t step = in.svarint();
        if (step < -(std::int64_t{1} << 32) || step > (std::int64_t{1} << 32)) in.fail("a day out of range");
        previous += step;
        days[i] = previous;
      }
      if (!in.ok()) return fail(in.error());
      d.days[first / kDayChunk] = std::move(days);
      break;
    }
    case FileKind::kRanking: {
      const std::size_t w = in.below(kViewWindowCount, "window");
      const std::size_t first = in.varint();
      const std::size_t count = in.count();
      if (in.ok() && (first % kRankingPage != 0 || count > kRankingPage))
        return fail("a page that does not fit the order");
      std::vector<ArticleId> ids(count);
      for (auto& a : ids) a = read_id(in, n);
      if (!in.ok()) return fail(in.error());
      d.rankings[{w, first / kRankingPage}] = std::move(ids);
      break;
    }
    case FileKind::kRecords: {
      const std::size_t first = in.below(n, "article");
      const std::size_t count = in.count(8);
      if (in.ok() && count > n - first) return fail("records past the end of the pack");
      std::map<ArticleId, Article> records;
      for (std::size_t i = 0; i < count && in.ok(); ++i)
        read_record(in, records[static_cast<ArticleId>(n - 1 - (first + i))], false);
      if (!in.ok()) return fail(in.error());
      d.records.merge(records);
      break;
    }
    case FileKind::kRelatedPage: {
      const std::size_t first = in.varint();
      const std::size_t count = in.count(kHashBytes);
      if (in.ok() && (first % kRelatedPageSize != 0 || count > kRelatedPageSize ||
                      first + count > manifest_.related_buckets)) {
        return fail("a page of buckets the manifest does not have");
      }
      std::vector<std::string> names;
      for (std::size_t i = 0; i < count && in.ok(); ++i)
        names.push_back(file_hash(FileKind::kRelated, read_hash(in)));
      if (!in.ok()) return fail(in.error());
      d.related_pages[first / kRelatedPageSize] = std::move(names);
      break;
    }
    case FileKind::kRelated: {
      const std::size_t b = in.below(std::max<std::size_t>(manifest_.related_buckets, 1), "bucket");
      const std::size_t count = in.count(4);
      std::map<std::string, BucketEntry, std::less<>> entries;
      for (std::size_t i = 0; i < count && in.ok(); ++i) {
        std::string id(in.string());
        BucketEntry entry;
        entry.id = read_id(in, n);
        entry.facets = read_facet_ids(in, d.facets[0].display.size(), d.facets[1].display.size());
        entry.hits.resize(std::min(in.count(1), kMaxRelatedCandidates));
        for (auto& hit : entry.hits) hit.id = read_id(in, n);
        entries[id] = std::move(entry);
      }
      std::map<ArticleId, Article> records;
      const std::size_t inline_records = in.count(8);
      for (std::size_t i = 0; i < inline_records && in.ok(); ++i) {
        const ArticleId a = read_id(in, n);
        read_record(in, records[a], false);
      }
      if (!in.ok()) return fail(in.error());
      d.buckets[b] = std::move(entries);
      d.records.merge(records);
      break;
    }
    default:
      return fail("a file of unknown kind " + std::to_string(static_cast<int>(kind)));
  }
  added_.emplace(name);
  return std::nullopt;
}

Result<PackSidebar> Reader::sidebar(const SidebarRequest& request, const QueryClock& clock) const {
  const Data& d = *data_;
  PackSidebar out;
  if (!d.head_loaded) {
    out.missing.push_back(manifest_.head);
    return out;
  }
  Needs needs(d.unavailable);
  const PackCorpus corpus(d, manifest_, needs);
  auto compiled = CompiledFilter::compile_over(request.filter, corpus, clock);
  if (!compiled) return compiled.error();
  const CompiledFilter& filter = compiled.value();
  const std::size_t n = d.n;
  const std::size_t first_visible = corpus.first_published_at_or_before(clock.now_ms);
  const bool filter_known = needs.empty();
  const auto visible = [&](std::size_t a) { return a >= first_visible; };

  // The article on screen: in the head, or found through its related bucket.
  std::int64_t current = -1;
  const BucketEntry* entry = request.article.empty() ? nullptr : corpus.bucket_entry(request.article);
  for (std::size_t a = 0; a < d.head && current < 0 && !request.article.empty(); ++a) {
    if (d.head_articles[a].id == request.article) current = static_cast<std::int64_t>(a);
  }
  if (current < 0 && entry != nullptr) current = entry->id;
  const bool current_known = current >= 0 || request.article.empty() || corpus.bucket_known(request.article);
  out.view.article_found = current >= 0;

  const RelatedSettings settings = apply(manifest_.related, request.related);
  std::vector<ArticleId> shown;
  if (current >= 0) shown.push_back(static_cast<ArticleId>(current));
  const Locale& locale = request.locale;

  // Each list: ids (one more than shown, as Engine::sidebar asks), then its records. A list is
  // complete when its ids, and those of the lists it leaves out, needed nothing missing.
  bool chain_known = filter_known && current_known;
  const auto fill = [&](SidebarList& list, std::size_t limit, bool& complete, auto&& rank) {
    limit = std::min(limit, kMaxListLimit);
    const std::size_t asked = needs.calls();
    std::vector<ArticleId> ids = rank(limit + 1);
    const bool ids_known = chain_known && needs.calls() == asked;
    list.has_more = ids.size() > limit;
    if (list.has_more) ids.resize(limit);
    list.shown = ids.size();
    std::vector<const Article*> records;
    for (const ArticleId a : ids) {
      if (const Article* r = corpus.record(a)) records.push_back(r);
    }
    list.html = render_items(records, locale);
    complete = ids_known && records.size() == ids.size();
    if (!settings.repeats) {
      shown.insert(shown.end(), ids.begin(), ids.end());
      chain_known = chain_known && ids_known;
    }
  };
  bool latest_complete = false, related_complete = true, most_read_complete = false;

  fill(out.view.latest, request.latest_limit, latest_complete, [&](std::size_t limit) {
    std::vector<ArticleId> ids;
    if (limit == 0) return ids;
    filter.matching().for_each_until([&](std::size_t a) {
      if (visible(a) && !excluded(shown, static_cast<ArticleId>(a))) ids.push_back(static_cast<ArticleId>(a));
      return ids.size() < limit;
    });
    return ids;
  });

  if (current >= 0) {
    fill(out.view.related, request.related_limit.value_or(settings.limit), related_complete,
         [&](std::size_t limit) {
           std::vector<ArticleId> ids;
           limit = std::min(limit, kMaxListLimit);
           Bitset taken(n);
           for (const ArticleId a : shown) taken.set(a);
           const auto eligible = [&](std::size_t a) {
             return !taken[a] && visible(a) && filter.matches(static_cast<ArticleId>(a));
           };
           const auto add = [&](std::size_t a) {
             taken.set(a);
             ids.push_back(static_cast<ArticleId>(a));
           };
           if (entry == nullptr) {
             corpus.bucket_entry(request.article);  // asks for the bucket
             return ids;
           }
           for (std::size_t i = 0; i < entry->hits.size() && ids.size() < limit; ++i) {
             if (eligible(entry->hits[i].id)) add(entry->hits[i].id);
           }
           // The fallback chain: the newest of the same category, then the newest.
           if (ids.size() < limit && entry->facets.category > 0) {
             const ValueId category = entry->facets.category - 1;
             const LoadedValues* values = corpus.values(Facet::kCategory);
             if (values == nullptr) return ids;  // asked for; the answer waits for it
             for (const ArticleId a : values->postings[category]) {
               if (ids.size() >= limit) break;
               if (eligible(a)) add(a);
             }
           }
           if (ids.size() < limit) {
             filter.matching().for_each_until([&](std::size_t a) {
               if (eligible(a)) add(a);
               return ids.size() < limit;
             });
           }
           return ids;
         });
  }

  fill(out.view.most_read, request.most_read_limit, most_read_complete, [&](std::size_t limit) {
    std::vector<ArticleId> ids;
    const auto w = static_cast<std::size_t>(request.window);
    for (std::size_t pos = 0; pos < d.ranked[w] && ids.size() < limit; ++pos) {
      const auto a = corpus.ranked(w, pos);
      if (!a) break;  // its page is asked for
      if (visible(*a) && !excluded(shown, *a) && filter.matches(*a)) ids.push_back(*a);
    }
    return ids;
  });

  // What the filter keeps, the current article left out.
  std::size_t kept = 0;
  filter.matching().for_each_until([&](std::size_t a) {
    if (visible(a) && static_cast<std::int64_t>(a) != current) ++kept;
    return true;
  });
  out.view.matching = kept;
  out.view.status = results_status(kept, locale);

  // Menu counts, the current article left out.
  const auto counts_for = [&](Facet f) -> std::optional<std::vector<std::size_t>> {
    const auto fi = static_cast<std::size_t>(f);
    std::vector<std::size_t> counts(d.facets[fi].display.size(), 0);
    const auto count_current_out = [&](const FacetIds& ids, int sign) {
      const auto bump = [&](ValueId v) {
        if (v < counts.size())
          counts[v] = static_cast<std::size_t>(static_cast<std::int64_t>(counts[v]) + sign);
      };
      if (f == Facet::kCategory && ids.category > 0) bump(ids.category - 1);
      if (f == Facet::kAuthor) {
        for (const ValueId v : ids.authors) bump(v);
      }
    };
    if (filter_is_empty(request.filter) && first_visible <= d.head) {
      // Every article past the head is visible: their counts come with the head.
      counts = d.beyond[fi];
      for (std::size_t a = first_visible; a < d.head; ++a) count_current_out(d.head_facets[a], 1);
      if (current >= static_cast<std::int64_t>(d.head)) {
        if (entry == nullptr) return std::nullopt;
        count_current_out(entry->facets, -1);
      } else if (current >= static_cast<std::int64_t>(first_visible)) {
        count_current_out(d.head_facets[static_cast<std::size_t>(current)], -1);
      }
      return counts;
    }
    const LoadedValues* values = corpus.values(f);
    if (values == nullptr) return std::nullopt;
    const Bitset& scope = filter.matching_except(f);
    for (ValueId v = 0; v < values->postings.size() && v < counts.size(); ++v) {
      for (const ArticleId a : values->postings[v]) {
        if (scope[a] && visible(a) && static_cast<std::int64_t>(a) != current) ++counts[v];
      }
    }
    return counts;
  };
  const auto category_counts = counts_for(Facet::kCategory);
  const auto author_counts = counts_for(Facet::kAuthor);
  if (category_counts && author_counts && filter_known) {
    out.view.category_options =
        render_facet_options(sorted_counts(d.facets[0], *category_counts), Facet::kCategory,
                             first_or_empty(request.filter.categories), locale);
    out.view.author_options = render_facet_options(sorted_counts(d.facets[1], *author_counts), Facet::kAuthor,
                                                   first_or_empty(request.filter.authors), locale);
  }

  out.missing = needs.missing();
  out.degraded = needs.degraded();
  out.complete = needs.empty();
  if (!out.complete) {
    // Not all here yet. What is complete shows; the newest articles that match are known from
    // the head alone (they are the top of the final "latest" list); the rest waits.
    if (!related_complete) out.view.related = {};
    if (!most_read_complete) out.view.most_read = {};
    if (!latest_complete) out.view.latest = head_latest_list(d, request, clock, first_visible, current);
    if (!filter_known) out.view.status = ui_strings(locale).searching;
  }
  return out;
}

}  // namespace encart::pack
