#include "pack/writer.h"

#include <algorithm>
#include <bit>
#include <map>
#include <set>

#include "pack/builder.h"
#include "pack/format.h"
#include "text/fold.h"

namespace encart::pack {
namespace {

// Term shards are cut where a term's hash says so, once they hold kShardMinBytes of postings
// (before compression), and at the latest at kShardMaxBytes or kShardTerms: boundaries depend
// on the terms themselves, so that a publish that adds a few terms changes a few shards, not
// every shard after the first change. A typed word costs one shard of a few kilobytes.
constexpr std::size_t kShardMinBytes = std::size_t{12} * 1024;
constexpr std::size_t kShardMaxBytes = std::size_t{48} * 1024;
constexpr std::size_t kShardTerms = 2048;
constexpr std::uint64_t kShardCut = 8;  // about one term in this many may end a shard

}  // namespace

void PackBuilder::write_records() {
  if (remembering()) record_hashes_.resize(n_ * kHashBytes);
  records_ = write_chunks(
      FileKind::kRecords, kRecordChunk, [&](ByteWriter& out, std::size_t first, std::size_t count) {
        for (std::size_t p = first; p < first + count; ++p) {
          const std::size_t start = out.bytes().size();
          write_record(out, index_.articles()[article(p)], false);
          if (!remembering()) continue;
          // Hashed alone: what a bucket's fingerprint holds.
          const std::string hash = hash_(std::string_view(out.bytes()).substr(start));
          record_hashes_.replace(article(p) * kHashBytes, kHashBytes, hash, 0, kHashBytes);
        }
      });
}

void PackBuilder::write_epochs() {
  const auto hashes = write_chunks(FileKind::kEpochs, kEpochChunk,
                                   [&](ByteWriter& out, std::size_t first, std::size_t count) {
                                     std::int64_t previous = 0;
                                     for (std::size_t p = first; p < first + count; ++p) {
                                       const DateTime& t = index_.articles()[article(p)].published;
                                       out.svarint(t.epoch_ms - previous);
                                       out.svarint(t.offset_minutes);
                                       previous = t.epoch_ms;
                                     }
                                   });
  for (std::size_t c = 0; c < hashes.size(); ++c) {
    epochs_.emplace_back(index_.articles()[article(c * kEpochChunk)].published.epoch_ms, hashes[c]);
  }
}

void PackBuilder::write_days() {
  days_ =
      write_chunks(FileKind::kDays, kDayChunk, [&](ByteWriter& out, std::size_t first, std::size_t count) {
        std::int64_t previous = 0;
        for (std::size_t p = first; p < first + count; ++p) {
          out.svarint(index_.local_day(article(p)) - previous);
          previous = index_.local_day(article(p));
        }
      });
}

void PackBuilder::write_rankings() {
  for (std::size_t w = 0; w < kViewWindowCount; ++w) {
    const auto& order = index_.by_views(static_cast<ViewWindow>(w));
    for (std::size_t first = 0; first < order.size(); first += kRankingPage) {
      ByteWriter out;
      write_header(out, FileKind::kRanking);
      const std::size_t count = std::min(kRankingPage, order.size() - first);
      out.varint(w);
      out.varint(first);
      out.varint(count);
      for (std::size_t i = first; i < first + count; ++i) out.varint(pid(order[i]));
      rankings_[w].push_back(add(FileKind::kRanking, std::move(out)));
    }
  }
}

void PackBuilder::write_terms() {
  const auto& dictionary = index_.dictionary();
  std::size_t t = 0;
  while (t < dictionary.size()) {
    const std::size_t first = t;
    std::size_t bytes = 0;
    for (;;) {
      bytes += index_.term_articles(static_cast<TermId>(t)).size() * 2 + dictionary[t].size();
      ++t;
      if (t == dictionary.size() || t - first >= kShardTerms || bytes >= kShardMaxBytes) break;
      if (bytes >= kShardMinBytes && fnv1a64(dictionary[t]) % kShardCut == 0) break;  // t starts the next
    }
    ByteWriter out;
    write_header(out, FileKind::kTerms);
    out.varint(t - first);
    write_front_coded(out, std::span(dictionary).subspan(first, t - first));
    for (std::size_t k = first; k < t; ++k) write_ids(out, index_.term_articles(static_cast<TermId>(k)));
    shards_.push_back({dictionary[first], t - first, add(FileKind::kTerms, std::move(out))});
  }
}

// Short prefixes ("m", "ma") are what a reader types first, and their terms span many
// shards: their articles come precomputed as one bitset each.
void PackBuilder::write_prefixes() {
  const auto& dictionary = index_.dictionary();
  std::set<std::pair<TermId, TermId>> done;
  for (std::size_t t = 0; t < dictionary.size(); ++t) {
    std::size_t pos = 0;
    for (int letters = 1; letters <= 2 && pos < dictionary[t].size(); ++letters) {
      text::next_code_point(dictionary[t], pos);
      const auto range = index_.term_range(std::string_view(dictionary[t]).substr(0, pos), true);
      if (range.first != t || !done.insert(range).second) continue;
      if (shards_spanned(range) < 2 && postings_in(range) < n_ / 8) continue;
      Bitset set(n_);
      index_.add_articles_with_terms(range.first, range.second, set);
      std::vector<ArticleId> ids;
      set.for_each_until([&](std::size_t a) {
        ids.push_back(static_cast<ArticleId>(a));
        return true;
      });
      ByteWriter out;
      write_header(out, FileKind::kPrefix);
      out.string(std::string_view(dictionary[t]).substr(0, pos));  // the prefix, for checking
      write_ids(out, ids);
      prefixes_.push_back({range, add(FileKind::kPrefix, std::move(out))});
    }
  }
}

void PackBuilder::write_values() {
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    const FacetValues& values = index_.facet(static_cast<Facet>(f));
    ByteWriter out;
    write_header(out, FileKind::kValues);
    out.varint(f);
    out.varint(values.display.size());
    for (const ValueId v : value_order_[f]) {
      out.string(values.display[v]);
      out.string(values.folded[v]);
    }
    for (const ValueId v : value_order_[f]) write_ids(out, index_.value_articles(static_cast<Facet>(f), v));
    values_[f] = add(FileKind::kValues, std::move(out));
  }
}

Pack write_pack(const Engine& engine, const Site& site, const ContentHash& hash, const FileSink& sink,
                const RelatedCandidates& candidates, const BucketMemo& memo) {
  return PackBuilder(engine, hash, sink, candidates, memo).build(site);
}

}  // namespace encart::pack
