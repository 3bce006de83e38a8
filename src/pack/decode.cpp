// Reader::add_file: a fetched part, decoded into the reader's state. Every count, id and length
// is checked against what the file and the pack hold before use; a file that fails is an error
// naming the file and the byte, and leaves the state as it was.
#include <algorithm>

#include "pack/bytes.h"
#include "pack/format.h"
#include "pack/reader.h"
#include "pack/reader_state.h"

namespace encart::pack {
namespace {

using detail::BucketEntry;
using detail::Directory;
using detail::FacetIds;
using detail::LoadedShard;
using detail::LoadedValues;
using detail::Shard;

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

std::string read_name(ByteReader& in, FileKind kind) { return file_name(kind, in.raw(kHashBytes)); }

FacetIds read_facet_ids(ByteReader& in, std::size_t categories, std::size_t authors) {
  FacetIds ids;
  ids.category = in.below(categories + 1, "category");
  ids.authors.resize(in.count());
  for (auto& v : ids.authors) v = in.below(authors, "author");
  return ids;
}

// A facet's values as (display, folded) pairs, `per_value` read after each pair; then the
// lookup by folded key.
template <typename PerValue>
FacetValues read_values(ByteReader& in, bool with_display, PerValue&& per_value) {
  FacetValues values;
  const std::size_t count = in.count(2);
  for (std::size_t v = 0; v < count && in.ok(); ++v) {
    values.display.emplace_back(in.string());
    values.folded.emplace_back(with_display ? std::string(in.string()) : values.display.back());
    per_value();
  }
  std::map<std::string, ValueId> keys;
  for (ValueId v = 0; v < values.folded.size(); ++v) keys.emplace(values.folded[v], v);
  values.sorted_keys.assign(keys.begin(), keys.end());
  return values;
}

// Each decoder reads one kind of file into `d`, or returns what is wrong with it.
struct Decoder {
  ByteReader& in;
  std::string_view name;
  Reader::Data& d;
  const Manifest& manifest;

  std::string head() {
    const std::size_t total = in.varint();
    if (in.ok() && total != manifest.articles) {
      return "the head counts " + std::to_string(total) + " articles, the manifest " +
             std::to_string(manifest.articles);
    }
    const std::size_t head = in.count();
    if (head > total) return "a head larger than the pack";
    std::vector<Article> articles(head);
    for (auto& a : articles) read_record(in, a, true);
    FacetValues facets[2];
    std::vector<std::size_t> beyond[2];
    for (std::size_t f = 0; f < 2 && in.ok(); ++f) {
      facets[f] = read_values(in, true, [&] { beyond[f].push_back(in.below(total + 1, "count")); });
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
    for (std::size_t i = 0; i < extras && in.ok(); ++i) read_record(in, extra[read_id(in, total)], false);
    std::vector<std::string> terms = read_front_coded(in, in.count(2));
    std::vector<std::vector<ArticleId>> postings;
    for (std::size_t t = 0; t < terms.size() && in.ok(); ++t) postings.push_back(read_local_ids(in, head));
    std::vector<std::vector<ArticleId>> tag_postings;
    FacetValues tags = read_values(in, false, [&] { tag_postings.push_back(read_local_ids(in, head)); });
    std::map<ArticleId, std::int64_t> expiring = read_expiring(in, total);
    if (!in.ok()) return in.error();

    d.n = total;
    d.head = head;
    d.head_articles = std::move(articles);
    d.head_terms = std::move(terms);
    d.head_postings = std::move(postings);
    d.head_tags = std::move(tags);
    d.head_tag_postings = std::move(tag_postings);
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
    d.expiring = std::move(expiring);
    d.head_loaded = true;
    return {};
  }

  // `count` names of files of `kind`, which must be `expected` of them.
  std::vector<std::string> names(FileKind kind, std::size_t expected, const char* what) {
    std::vector<std::string> out(in.count(kHashBytes));
    if (in.ok() && out.size() != expected) in.fail(std::string(what) + " do not cover the pack");
    for (auto& n : out) n = read_name(in, kind);
    return out;
  }

  std::string directory() {
    const std::size_t n = d.n;
    if (in.varint() != n) return "a directory of another pack";
    Directory dir;
    dir.shards.resize(in.count(kHashBytes + 2));
    std::size_t terms = 0;
    for (auto& s : dir.shards) {
      s.first_term = in.string();
      s.count = in.count(0);
      s.first = static_cast<TermId>(terms);
      s.name = read_name(in, FileKind::kTerms);
      terms += s.count;
      if (terms > UINT32_MAX) in.fail("too many terms");
    }
    dir.prefixes.resize(in.count(kHashBytes + 2));
    for (auto& p : dir.prefixes) {
      p.first = in.below(terms, "term");
      p.last = in.below(terms + 1, "term");
      p.name = read_name(in, FileKind::kPrefix);
    }
    for (auto& v : dir.values) v = read_name(in, FileKind::kValues);
    dir.epochs.resize(in.count(kHashBytes + 1));
    if (in.ok() && dir.epochs.size() != (n + kEpochChunk - 1) / kEpochChunk)
      in.fail("epoch chunks do not cover the pack");
    for (auto& [first, file] : dir.epochs) {
      first = in.svarint();
      file = read_name(in, FileKind::kEpochs);
    }
    dir.days = names(FileKind::kDays, (n + kDayChunk - 1) / kDayChunk, "day chunks");
    for (auto& r : dir.rankings) {
      r.count = in.below(n + 1, "ranked count");
      r.pages = names(FileKind::kRanking, (r.count + kRankingPage - 1) / kRankingPage, "ranking pages");
    }
    dir.records = names(FileKind::kRecords, (n + kRecordChunk - 1) / kRecordChunk, "record chunks");
    if (!in.ok()) return in.error();
    d.directory = std::move(dir);
    return {};
  }

  std::string terms() {
    if (!d.directory) return "read before the directory";
    const auto& shards = d.directory->shards;
    const auto it =
        std::find_if(shards.begin(), shards.end(), [&](const Shard& s) { return s.name == name; });
    if (it == shards.end()) return "a shard the directory does not list";
    const std::size_t count = in.count(2);
    if (in.ok() && it->count != count) return "a shard of another size than the directory says";
    LoadedShard shard;
    shard.terms = read_front_coded(in, count);
    if (in.ok() && !shard.terms.empty() && shard.terms.front() != it->first_term) {
      in.fail("the first term differs from the directory's");
    }
    for (std::size_t k = 0; k < count && in.ok(); ++k) shard.postings.push_back(read_ids(in, d.n));
    if (!in.ok()) return in.error();
    d.shards[it->first] = std::move(shard);
    return {};
  }

  std::string prefix() {
    if (!d.directory) return "read before the directory";
    const auto& prefixes = d.directory->prefixes;
    const auto it =
        std::find_if(prefixes.begin(), prefixes.end(), [&](const auto& p) { return p.name == name; });
    if (it == prefixes.end()) return "a prefix set the directory does not list";
    in.string();  // the prefix itself
    const std::vector<ArticleId> ids = read_ids(in, d.n);
    if (!in.ok()) return in.error();
    Bitset set(d.n);
    for (const ArticleId a : ids) set.set(a);
    d.prefixes[{it->first, it->last}] = std::move(set);
    return {};
  }

  std::string values() {
    const std::size_t f = in.below(kFacetCount, "facet");
    LoadedValues loaded;
    loaded.values = read_values(in, true, [] {});
    for (std::size_t v = 0; v < loaded.values.display.size() && in.ok(); ++v) {
      loaded.postings.push_back(read_ids(in, d.n));
    }
    if (in.ok() && f < 2 && loaded.values.folded != d.facets[f].folded)
      in.fail("values that differ from the head's");
    if (!in.ok()) return in.error();
    d.values[f] = std::move(loaded);
    return {};
  }

  // The first pack id and count of a chunk of `size`, checked against the pack.
  std::optional<std::pair<std::size_t, std::size_t>> chunk(std::size_t size, std::size_t min_bytes) {
    const std::size_t first = in.below(d.n, "article");
    const std::size_t count = in.count(min_bytes);
    if (!in.ok() || first % size != 0 || count != std::min(size, d.n - first)) return std::nullopt;
    return std::pair{first, count};
  }

  std::string epochs() {
    const auto c = chunk(kEpochChunk, 2);
    if (!c) return in.ok() ? "a chunk that does not fit the pack" : in.error();
    std::vector<DateTime> epochs(c->second);
    std::int64_t previous = 0;
    for (std::size_t i = 0; i < epochs.size() && in.ok(); ++i) {
      const std::int64_t step = in.svarint();
      if (i > 0 && (step < 0 || step > (std::int64_t{1} << 50))) in.fail("dates out of order");
      epochs[i].epoch_ms = i == 0 ? step : previous + step;
      epochs[i].offset_minutes =
          static_cast<std::int32_t>(std::clamp<std::int64_t>(in.svarint(), -1440, 1440));
      previous = epochs[i].epoch_ms;
    }
    if (!in.ok()) return in.error();
    d.epochs[c->first / kEpochChunk] = std::move(epochs);
    return {};
  }

  std::string days() {
    const auto c = chunk(kDayChunk, 1);
    if (!c) return in.ok() ? "days that do not fit the pack" : in.error();
    std::vector<std::int64_t> days(c->second);
    std::int64_t previous = 0;
    for (std::size_t i = 0; i < days.size() && in.ok(); ++i) {
      const std::int64_t step = in.svarint();
      if (step < -(std::int64_t{1} << 32) || step > (std::int64_t{1} << 32)) in.fail("a day out of range");
      previous += step;
      days[i] = previous;
    }
    if (!in.ok()) return in.error();
    d.days[c->first / kDayChunk] = std::move(days);
    return {};
  }

  std::string ranking() {
    const std::size_t w = in.below(kViewWindowCount, "window");
    const std::size_t first = in.varint();
    const std::size_t count = in.count();
    if (in.ok() && (first % kRankingPage != 0 || count > kRankingPage))
      return "a page that does not fit the order";
    std::vector<ArticleId> ids(count);
    for (auto& a : ids) a = read_id(in, d.n);
    if (!in.ok()) return in.error();
    d.rankings[{w, first / kRankingPage}] = std::move(ids);
    return {};
  }

  std::string records() {
    const std::size_t first = in.below(d.n, "article");
    const std::size_t count = in.count(8);
    if (in.ok() && count > d.n - first) return "records past the end of the pack";
    std::map<ArticleId, Article> records;
    for (std::size_t i = 0; i < count && in.ok(); ++i) {
      read_record(in, records[static_cast<ArticleId>(d.n - 1 - (first + i))], false);
    }
    if (!in.ok()) return in.error();
    d.records.merge(records);
    return {};
  }

  std::string related_page() {
    const std::size_t first = in.varint();
    const std::size_t count = in.count(kHashBytes);
    if (in.ok() && (first % kRelatedPageSize != 0 || count > kRelatedPageSize ||
                    first + count > manifest.related_buckets)) {
      return "a page of buckets the manifest does not have";
    }
    std::vector<std::string> buckets;
    for (std::size_t i = 0; i < count && in.ok(); ++i) buckets.push_back(read_name(in, FileKind::kRelated));
    if (!in.ok()) return in.error();
    d.related_pages[first / kRelatedPageSize] = std::move(buckets);
    return {};
  }

  std::string related() {
    const std::size_t b = in.below(std::max<std::size_t>(manifest.related_buckets, 1), "bucket");
    const std::size_t count = in.count(4);
    std::map<std::string, BucketEntry, std::less<>> entries;
    for (std::size_t i = 0; i < count && in.ok(); ++i) {
      std::string id(in.string());
      BucketEntry entry;
      entry.id = read_id(in, d.n);
      entry.facets = read_facet_ids(in, d.facets[0].display.size(), d.facets[1].display.size());
      entry.hits.resize(std::min(in.count(1), kMaxRelatedCandidates));
      for (auto& hit : entry.hits) hit.id = read_id(in, d.n);
      entries[id] = std::move(entry);
    }
    std::map<ArticleId, Article> records;
    const std::size_t inline_records = in.count(8);
    for (std::size_t i = 0; i < inline_records && in.ok(); ++i)
      read_record(in, records[read_id(in, d.n)], false);
    auto urls = read_url_entries(in);
    if (!in.ok()) return in.error();
    d.buckets[b] = std::move(entries);
    d.bucket_urls[b] = std::move(urls);
    d.records.merge(records);
    return {};
  }

  std::string read(FileKind kind) {
    switch (kind) {
      case FileKind::kHead:
        return head();
      case FileKind::kDirectory:
        return directory();
      case FileKind::kTerms:
        return terms();
      case FileKind::kPrefix:
        return prefix();
      case FileKind::kValues:
        return values();
      case FileKind::kEpochs:
        return epochs();
      case FileKind::kDays:
        return days();
      case FileKind::kRanking:
        return ranking();
      case FileKind::kRecords:
        return records();
      case FileKind::kRelatedPage:
        return related_page();
      case FileKind::kRelated:
        return related();
    }
    return "a file of unknown kind " + std::to_string(static_cast<int>(kind));
  }
};

}  // namespace

std::optional<Error> Reader::add_file(std::string_view name, std::string_view bytes) {
  if (added_.contains(std::string(name))) return std::nullopt;
  const auto fail = [&](const std::string& why) {
    return Error{ErrorCode::kBadPack, std::string(name) + ": " + why};
  };
  if (bytes.size() < 6 || bytes.substr(0, 4) != "ENCP") return fail("not an encart pack file");
  const auto kind = static_cast<FileKind>(bytes[5]);
  ByteReader in(bytes);
  read_header(in, kind);
  if (!in.ok()) return fail(in.error());
  if (kind != FileKind::kHead && !data_->head_loaded) return fail("read before the head");
  const std::string error = Decoder{in, name, *data_, manifest_}.read(kind);
  if (!error.empty()) return fail(error);
  added_.emplace(name);
  return std::nullopt;
}

}  // namespace encart::pack
