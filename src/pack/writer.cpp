#include "pack/writer.h"

#include <algorithm>
#include <bit>
#include <map>
#include <set>

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

// Articles in the files are numbered oldest first ("pack ids": n - 1 - ArticleId), so that new
// articles, which are the newest, add numbers instead of renumbering every other article: most
// files of a re-pack keep their content, hence their name.

class PackBuilder {
 public:
  PackBuilder(const Engine& engine, const ContentHash& hash, const FileSink& sink,
              const RelatedCandidates& candidates)
      : engine_(engine),
        index_(engine.index()),
        hash_(hash),
        sink_(sink),
        candidates_(candidates),
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

  void write_records() {
    records_ = write_chunks(FileKind::kRecords, kRecordChunk,
                            [&](ByteWriter& out, std::size_t first, std::size_t count) {
                              for (std::size_t p = first; p < first + count; ++p)
                                write_record(out, index_.articles()[article(p)], false);
                            });
  }

  void write_epochs() {
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

  void write_days() {
    days_ =
        write_chunks(FileKind::kDays, kDayChunk, [&](ByteWriter& out, std::size_t first, std::size_t count) {
          std::int64_t previous = 0;
          for (std::size_t p = first; p < first + count; ++p) {
            out.svarint(index_.local_day(article(p)) - previous);
            previous = index_.local_day(article(p));
          }
        });
  }

  void write_rankings() {
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

  void write_terms() {
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
  void write_prefixes() {
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

  // An article's category (ValueId + 1, 0 for none) and authors: what the menus count.
  void write_facet_ids(ByteWriter& out, ArticleId a) const {
    const ArticleTerms terms = index_.terms(a);
    const auto& category = terms.facets[static_cast<std::size_t>(Facet::kCategory)];
    out.varint(category.empty() ? 0 : value_rank_[0][category[0]] + 1);
    const auto& authors = terms.facets[static_cast<std::size_t>(Facet::kAuthor)];
    out.varint(authors.size());
    for (const ValueId v : authors) out.varint(value_rank_[1][v]);
  }

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

  void write_values() {
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

  void write_related() {
    // A power of two: the count, hence every article's bucket, only changes when the archive
    // doubles.
    const std::size_t buckets =
        std::bit_ceil(std::max<std::size_t>(1, (n_ + kArticlesPerBucket - 1) / kArticlesPerBucket));
    std::vector<std::vector<ArticleId>> members(buckets);
    for (ArticleId a = 0; a < n_; ++a) {
      members[fnv1a64(index_.articles()[a].id) % buckets].push_back(a);
    }
    const RelatedSettings& settings = engine_.related_settings();
    std::vector<std::string> names;
    for (std::size_t b = 0; b < buckets; ++b) {
      ByteWriter out;
      write_header(out, FileKind::kRelated);
      out.varint(b);
      out.varint(members[b].size());
      std::map<ArticleId, bool> inline_records;
      for (const ArticleId a : members[b]) {
        out.string(index_.articles()[a].id);
        out.varint(pid(a));
        write_facet_ids(out, a);
        const auto hits = candidates_ ? candidates_(a) : engine_.related_candidates(a, settings);
        out.varint(hits.size());
        for (std::size_t i = 0; i < hits.size(); ++i) {
          out.varint(pid(hits[i].id));  // in ranking order; the page needs no score
          if (i < kInlineRelatedRecords && hits[i].id >= kHeadArticles) inline_records[hits[i].id] = true;
        }
      }
      out.varint(inline_records.size());
      for (const auto& [a, unused] : inline_records) {
        out.varint(pid(a));
        write_record(out, index_.articles()[a], false);
      }
      names.push_back(add(FileKind::kRelated, std::move(out)));
    }
    pack_.manifest.related_buckets = buckets;
    for (std::size_t first = 0; first < buckets; first += kRelatedPageSize) {
      ByteWriter out;
      write_header(out, FileKind::kRelatedPage);
      const std::size_t count = std::min(kRelatedPageSize, buckets - first);
      out.varint(first);
      out.varint(count);
      for (std::size_t b = first; b < first + count; ++b) out.raw(names[b]);
      pack_.manifest.related_pages.push_back(
          file_name(FileKind::kRelatedPage, add(FileKind::kRelatedPage, std::move(out))));
    }
  }

  void write_directory() {
    ByteWriter out;
    write_header(out, FileKind::kDirectory);
    out.varint(n_);
    out.varint(shards_.size());
    for (const auto& shard : shards_) {
      out.string(shard.first_term);
      out.varint(shard.terms);
      out.raw(shard.hash);
    }
    out.varint(prefixes_.size());
    for (const auto& [range, hash] : prefixes_) {
      out.varint(range.first);
      out.varint(range.second);
      out.raw(hash);
    }
    for (const auto& hash : values_) out.raw(hash);
    out.varint(epochs_.size());
    for (const auto& [first_epoch, hash] : epochs_) {
      out.svarint(first_epoch);
      out.raw(hash);
    }
    out.varint(days_.size());
    for (const auto& hash : days_) out.raw(hash);
    for (std::size_t w = 0; w < kViewWindowCount; ++w) {
      out.varint(index_.by_views(static_cast<ViewWindow>(w)).size());
      out.varint(rankings_[w].size());
      for (const auto& hash : rankings_[w]) out.raw(hash);
    }
    out.varint(records_.size());
    for (const auto& hash : records_) out.raw(hash);
    pack_.manifest.directory = file_name(FileKind::kDirectory, add(FileKind::kDirectory, std::move(out)));
  }

  void write_head() {
    ByteWriter out;
    write_header(out, FileKind::kHead);
    const std::size_t head = std::min(kHeadArticles, n_);
    out.varint(n_);
    out.varint(head);
    for (ArticleId a = 0; a < head; ++a) write_record(out, index_.articles()[a], true);
    for (const Facet f : {Facet::kCategory, Facet::kAuthor}) {
      const FacetValues& values = index_.facet(f);
      out.varint(values.display.size());
      for (const ValueId v : value_order_[static_cast<std::size_t>(f)]) {
        out.string(values.display[v]);
        out.string(values.folded[v]);
        const auto articles = index_.value_articles(f, v);
        // Articles past the head: the unfiltered menus add the head's own, as the reader sees them.
        out.varint(static_cast<std::size_t>(articles.end() -
                                            std::lower_bound(articles.begin(), articles.end(), head)));
      }
    }
    for (ArticleId a = 0; a < head; ++a) write_facet_ids(out, a);
    std::map<ArticleId, bool> extra;
    for (std::size_t w = 0; w < kViewWindowCount; ++w) {
      const auto& order = index_.by_views(static_cast<ViewWindow>(w));
      const std::size_t k = std::min(kHeadRanked, order.size());
      out.varint(order.size());
      out.varint(k);
      for (std::size_t i = 0; i < k; ++i) {
        out.varint(pid(order[i]));
        if (order[i] >= head) extra[order[i]] = true;
      }
    }
    out.varint(extra.size());
    for (const auto& [a, unused] : extra) {
      out.varint(pid(a));
      write_record(out, index_.articles()[a], false);
    }
    write_head_terms(out, head);
    pack_.manifest.head = file_name(FileKind::kHead, add(FileKind::kHead, std::move(out)));
  }

  // The head's own words and tags, indexed: what the page searches at once, before any part of
  // the archive arrives (the pack module then needs no index builder of its own).
  void write_head_terms(ByteWriter& out, std::size_t head) const {
    const Index small(std::vector<Article>(index_.articles().begin(),
                                           index_.articles().begin() + static_cast<std::ptrdiff_t>(head)));
    out.varint(small.dictionary().size());
    write_front_coded(out, small.dictionary());
    for (TermId t = 0; t < small.dictionary().size(); ++t) write_local_ids(out, small.term_articles(t));
    const FacetValues& tags = small.facet(Facet::kTag);
    out.varint(tags.display.size());
    for (ValueId v = 0; v < tags.display.size(); ++v) {
      out.string(tags.folded[v]);
      write_local_ids(out, small.value_articles(Facet::kTag, v));
    }
  }

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
  const std::size_t n_;
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

}  // namespace

Pack write_pack(const Engine& engine, const Site& site, const ContentHash& hash, const FileSink& sink,
                const RelatedCandidates& candidates) {
  return PackBuilder(engine, hash, sink, candidates).build(site);
}

}  // namespace encart::pack
