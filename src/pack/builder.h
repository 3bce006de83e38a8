// The pack's builder (pack/writer.h's write_pack): one object per pack, writing the files in
// order. The files of the index (records, dates, rankings, terms, values) are written in
// writer.cpp, the related buckets, directory and head in writer_head.cpp.
#pragma once

#include <algorithm>
#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "pack/format.h"
#include "pack/writer.h"

namespace encart::pack {

// Articles in the files are numbered oldest first ("pack ids": n - 1 - ArticleId), so that new
// articles, which are the newest, add numbers instead of renumbering every other article: most
// files of a re-pack keep their content, hence their name.

class PackBuilder {
 public:
  PackBuilder(const Engine& engine, const ContentHash& hash, const FileSink& sink,
              const RelatedCandidates& candidates, const BucketMemo& memo)
      : engine_(engine),
        index_(engine.index()),
        hash_(hash),
        sink_(sink),
        candidates_(candidates),
        memo_(memo),
        n_(index_.size()) {
    // Facet values in the order of their folded keys: stable from pack to pack (the index numbers
    // them as it meets them, newest first, which a new article can reorder).
    for (std::size_t f = 0; f < kFacetCount; ++f) {
      const FacetValues& values = index_.facet(static_cast<Facet>(f));
      auto& order = value_order_[f];
      order.resize(values.folded.size());
      for (ValueId v = 0; v < order.size(); ++v) order[v] = v;
      std::sort(order.begin(), order.end(),
                [&](ValueId x, ValueId y) { return values.folded[x] < values.folded[y]; });
      value_rank_[f].resize(order.size());
      for (ValueId r = 0; r < order.size(); ++r) value_rank_[f][order[r]] = r;
    }
  }

  Pack build(const Site& site) {
    write_records();
    write_epochs();
    write_days();
    write_rankings();
    write_terms();
    write_prefixes();
    write_values();
    write_related();
    write_directory();
    write_head();
    pack_.manifest.format = kFormatVersion;
    pack_.manifest.articles = n_;
    pack_.manifest.related = engine_.related_settings();
    pack_.manifest.site = site;
    if (remembering()) pack_.records = std::move(record_hashes_);
    return std::move(pack_);
  }

 private:
  // Adds a file and returns the hash bytes that name it (what directories store).
  std::string add(FileKind kind, ByteWriter&& out) {
    std::string bytes = out.take();
    std::string digest = hash_(bytes).substr(0, kHashBytes);
    std::string name = file_name(kind, digest);
    if (names_.insert(name).second) {
      if (sink_) {
        sink_({std::move(name), std::move(bytes)});
      } else {
        pack_.files.push_back({std::move(name), std::move(bytes)});
      }
    }
    return digest;
  }

  std::uint32_t pid(ArticleId a) const { return static_cast<std::uint32_t>(n_ - 1 - a); }
  ArticleId article(std::size_t pack_id) const { return static_cast<ArticleId>(n_ - 1 - pack_id); }

  // Ids as they are within a file of the head (local, ascending): delta-encoded.
  static void write_local_ids(ByteWriter& out, std::span<const ArticleId> ids) {
    out.varint(ids.size());
    ArticleId previous = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      out.varint(i == 0 ? ids[i] : ids[i] - previous);
      previous = ids[i];
    }
  }

  // An ascending list of ArticleIds as ascending pack ids, delta-encoded.
  void write_ids(ByteWriter& out, std::span<const ArticleId> ids) const {
    out.varint(ids.size());
    std::uint32_t previous = 0;
    for (std::size_t i = ids.size(); i-- > 0;) {
      const std::uint32_t p = pid(ids[i]);
      out.varint(i + 1 == ids.size() ? p : p - previous);
      previous = p;
    }
  }

  // The pack ids [0, n) in chunks of `size`: a file of `kind` each, holding its first id, its
  // count and what `body(out, first, count)` writes; returns the chunks' hashes.
  template <typename Body>
  std::vector<std::string> write_chunks(FileKind kind, std::size_t size, Body&& body) {
    std::vector<std::string> hashes;
    for (std::size_t first = 0; first < n_; first += size) {
      ByteWriter out;
      write_header(out, kind);
      const std::size_t count = std::min(size, n_ - first);
      out.varint(first);
      out.varint(count);
      body(out, first, count);
      hashes.push_back(add(kind, std::move(out)));
    }
    return hashes;
  }

  void write_records();

  void write_epochs();

  void write_days();

  void write_rankings();

  void write_terms();

  // Short prefixes ("m", "ma") are what a reader types first, and their terms span many
  // shards: their articles come precomputed as one bitset each.
  void write_prefixes();

  // An article's category (ValueId + 1, 0 for none) and authors: what the menus count.
  void write_facet_ids(ByteWriter& out, ArticleId a) const;

  std::size_t shards_spanned(std::pair<TermId, TermId> range) const {
    std::size_t count = 0, first = 0;
    for (const auto& shard : shards_) {
      if (first < range.second && first + shard.terms > range.first) ++count;
      first += shard.terms;
    }
    return count;
  }

  std::size_t postings_in(std::pair<TermId, TermId> range) const {
    std::size_t total = 0;
    for (TermId t = range.first; t < range.second; ++t) total += index_.term_articles(t).size();
    return total;
  }

  void write_values();

  void write_related();

  std::string write_bucket(std::size_t b, const std::vector<ArticleId>& members,
                           const std::vector<std::pair<std::string_view, std::string_view>>& urls);

  bool remembering() const { return memo_.recall || memo_.remember; }

  // Article a's record hash (when remembering()).
  std::string_view record_hash(ArticleId a) const {
    return std::string_view(record_hashes_).substr(std::size_t{a} * kHashBytes, kHashBytes);
  }

  // What every bucket depends on beyond its articles: Pack::layout.
  std::string layout(std::size_t buckets) const;

  // With memo_.before: by bucket, whether it may differ from the pack before's. Empty when that
  // cannot be told (see PackBefore).
  std::vector<bool> buckets_changed(const std::vector<std::vector<ArticleId>>& members) const;

  void write_directory();

  void write_head();

  // The head's own words and tags, indexed: what the page searches at once, before any part of
  // the archive arrives (the pack module then needs no index builder of its own).
  void write_head_terms(ByteWriter& out, std::size_t head) const;

  struct Shard {
    std::string first_term;
    std::size_t terms;
    std::string hash;
  };

  const Engine& engine_;
  const Index& index_;
  const ContentHash& hash_;
  const FileSink& sink_;
  const RelatedCandidates& candidates_;
  const BucketMemo& memo_;
  const std::size_t n_;
  std::string record_hashes_;  // when remembering(): each record's hash, kHashBytes by ArticleId
  Pack pack_;
  std::set<std::string> names_;
  std::vector<std::string> records_;
  std::vector<std::pair<std::int64_t, std::string>> epochs_;
  std::vector<std::string> days_;
  std::vector<ValueId> value_order_[kFacetCount];  // stable position -> ValueId
  std::vector<ValueId> value_rank_[kFacetCount];   // ValueId -> stable position
  std::vector<std::string> rankings_[kViewWindowCount];
  std::vector<Shard> shards_;
  std::vector<std::pair<std::pair<TermId, TermId>, std::string>> prefixes_;
  std::string values_[kFacetCount];
};

}  // namespace encart::pack
