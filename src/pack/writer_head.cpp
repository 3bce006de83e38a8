#include <algorithm>
#include <bit>
#include <map>

#include "bundle/url.h"
#include "pack/builder.h"

namespace encart::pack {

// An article's category (ValueId + 1, 0 for none) and authors: what the menus count.
void PackBuilder::write_facet_ids(ByteWriter& out, ArticleId a) const {
  const ArticleTerms terms = index_.terms(a);
  const auto& category = terms.facets[static_cast<std::size_t>(Facet::kCategory)];
  out.varint(category.empty() ? 0 : value_rank_[0][category[0]] + 1);
  const auto& authors = terms.facets[static_cast<std::size_t>(Facet::kAuthor)];
  out.varint(authors.size());
  for (const ValueId v : authors) out.varint(value_rank_[1][v]);
}

// Related bucket b: its members' ids, numbers, menus and lists, the records of their first
// candidates, the addresses hashing to it. Returns the hash naming it.
std::string PackBuilder::write_bucket(
    std::size_t b, const std::vector<ArticleId>& members,
    const std::vector<std::pair<std::string_view, std::string_view>>& urls) {
  const RelatedSettings& settings = engine_.related_settings();
  // Its lists once, in ranking order (the page needs no score).
  std::vector<std::vector<RelatedHit>> lists;
  lists.reserve(members.size());
  for (const ArticleId a : members) {
    lists.push_back(candidates_ ? candidates_(a) : engine_.related_candidates(a, settings));
  }
  // Its inline records: the first candidates of its lists that the head does not hold.
  std::vector<ArticleId> inline_records;  // ascending, once each
  for (const auto& hits : lists) {
    for (std::size_t i = 0; i < hits.size() && i < kInlineRelatedRecords; ++i) {
      if (hits[i].id >= kHeadArticles) inline_records.push_back(hits[i].id);
    }
  }
  std::sort(inline_records.begin(), inline_records.end());
  inline_records.erase(std::unique(inline_records.begin(), inline_records.end()), inline_records.end());
  const auto write_into = [&](ByteWriter& out, bool records_by_hash) {
    write_header(out, FileKind::kRelated);
    out.varint(b);
    out.varint(members.size());
    for (std::size_t m = 0; m < members.size(); ++m) {
      const ArticleId a = members[m];
      out.string(index_.articles()[a].id);
      out.varint(pid(a));
      write_facet_ids(out, a);
      out.varint(lists[m].size());
      for (const RelatedHit& hit : lists[m]) out.varint(pid(hit.id));
    }
    out.varint(inline_records.size());
    for (const ArticleId a : inline_records) {
      out.varint(pid(a));
      if (records_by_hash) {
        out.raw(record_hash(a));
      } else {
        write_record(out, index_.articles()[a], false);
      }
    }
    write_url_entries(out, urls);
  };
  std::string fingerprint;
  if (remembering()) {
    ByteWriter print;
    write_into(print, true);
    fingerprint = hash_(print.bytes());
    if (memo_.recall) {
      if (auto known = memo_.recall(fingerprint)) {
        if (memo_.remember) memo_.remember(fingerprint, *known);
        return std::move(*known);
      }
    }
  }
  ByteWriter out;
  write_into(out, false);
  std::string hash = add(FileKind::kRelated, std::move(out));
  if (memo_.remember) memo_.remember(fingerprint, hash);
  return hash;
}

std::string PackBuilder::layout(std::size_t buckets) const {
  ByteWriter out;
  out.varint(buckets);
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    const FacetValues& values = index_.facet(static_cast<Facet>(f));
    out.varint(value_order_[f].size());
    for (const ValueId v : value_order_[f]) out.string(values.folded[v]);
  }
  return hash_(out.bytes());
}

// A bucket holds its members' ids, pack ids, facet ranks and lists (pack ids), the records of
// their lists' first hits outside the head, and the addresses hashing to it (write_bucket). When
// the bucket count, the facet values' order (the layout) and every earlier article's pack id are
// the same, it can only change through a member added or changed, a list that changed, a first
// hit whose record changed or that left the head or entered it, or a changed article's address,
// then or now.
std::vector<bool> PackBuilder::buckets_changed(const std::vector<std::vector<ArticleId>>& members) const {
  const PackBefore* before = memo_.before;
  const std::size_t buckets = members.size();
  if (before == nullptr || !before->list || !before->still_there || before->buckets.size() != buckets ||
      before->was.size() != n_ || before->changed.size() != n_ || before->same_list.size() != n_ ||
      before->records.size() % kHashBytes != 0 || before->layout != pack_.layout) {
    return {};
  }
  const std::size_t then = before->records.size() / kHashBytes;
  std::vector<bool> record_changed(n_, true);
  for (ArticleId a = 0; a < n_; ++a) {
    const ArticleId w = before->was[a];
    if (w == kNotBefore) continue;
    if (w >= then || then - 1 - w != pid(a)) return {};  // pack ids moved: any bucket may hold one
    const std::string_view record_then =
        std::string_view(before->records).substr(std::size_t{w} * kHashBytes, kHashBytes);
    record_changed[a] =
        before->changed[a] || record_hash(a) != record_then || (a < kHeadArticles) != (w < kHeadArticles);
  }
  std::vector<bool> changed(buckets, false);
  for (std::size_t b = 0; b < buckets; ++b) {
    for (const ArticleId m : members[b]) {
      if (changed[b]) break;
      changed[b] = before->changed[m] || !before->same_list[m];
      const std::span<const ArticleId> list = before->list(m);
      for (std::size_t i = 0; i < list.size() && i < kInlineRelatedRecords && !changed[b]; ++i) {
        changed[b] = list[i] >= n_ || record_changed[list[i]];
      }
    }
  }
  for (ArticleId a = 0; a < n_; ++a) {
    if (before->changed[a]) changed[fnv1a64(engine_.url_key(a)) % buckets] = true;
  }
  for (const std::string& url : before->urls) changed[fnv1a64(url_match_key(url)) % buckets] = true;
  return changed;
}

void PackBuilder::write_related() {
  // A power of two: the count, hence every article's bucket, only changes when the archive
  // doubles.
  const std::size_t buckets =
      std::bit_ceil(std::max<std::size_t>(1, (n_ + kArticlesPerBucket - 1) / kArticlesPerBucket));
  std::vector<std::vector<ArticleId>> members(buckets);
  // (url_match_key, id) by the key's bucket, newest first: the first of a shared address is the
  // engine's choice too.
  std::vector<std::vector<std::pair<std::string_view, std::string_view>>> urls(buckets);
  for (ArticleId a = 0; a < n_; ++a) {
    const Article& article = index_.articles()[a];
    members[fnv1a64(article.id) % buckets].push_back(a);
    const std::string& key = engine_.url_key(a);
    urls[fnv1a64(key) % buckets].emplace_back(key, article.id);
  }
  if (remembering()) pack_.layout = layout(buckets);
  const std::vector<bool> changed = buckets_changed(members);
  std::vector<std::string> names;
  for (std::size_t b = 0; b < buckets; ++b) {
    if (!changed.empty() && !changed[b]) {
      const auto& [fingerprint, hash] = memo_.before->buckets[b];
      if (memo_.before->still_there(hash)) {  // else built again
        if (memo_.remember) memo_.remember(fingerprint, hash);
        names.push_back(hash);
        ++pack_.buckets_unchanged;
        continue;
      }
    }
    names.push_back(write_bucket(b, members[b], urls[b]));
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

void PackBuilder::write_directory() {
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

void PackBuilder::write_head() {
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
  std::vector<std::pair<std::uint32_t, std::int64_t>> expiring;
  for (std::size_t p = 0; p < n_; ++p) {
    const Article& a = index_.articles()[article(p)];
    if (a.expires) expiring.emplace_back(static_cast<std::uint32_t>(p), a.expires->epoch_ms);
  }
  write_expiring(out, expiring);
  pack_.manifest.head = file_name(FileKind::kHead, add(FileKind::kHead, std::move(out)));
}

// The head's own words and tags, indexed: what the page searches at once, before any part of
// the archive arrives (the pack module then needs no index builder of its own).
void PackBuilder::write_head_terms(ByteWriter& out, std::size_t head) const {
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

}  // namespace encart::pack
