// What a pack::Reader has read so far (reader.cpp answers from it, decode.cpp fills it): the
// head, the directory, and each fetched part, decoded and checked. Internal to src/pack/.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pack/reader.h"

namespace encart::pack {
namespace detail {

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

}  // namespace detail

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
  std::vector<detail::FacetIds> head_facets;
  std::size_t ranked[kViewWindowCount] = {};
  std::vector<ArticleId> tops[kViewWindowCount];
  std::map<ArticleId, Article> records;  // past the head
  std::optional<detail::Directory> directory;
  std::map<TermId, detail::LoadedShard> shards;  // by first TermId
  std::map<std::pair<TermId, TermId>, Bitset> prefixes;
  std::optional<detail::LoadedValues> values[kFacetCount];
  std::map<std::size_t, std::vector<DateTime>> epochs;                             // by chunk, oldest first
  std::map<std::size_t, std::vector<std::int64_t>> days;                           // by chunk, oldest first
  std::map<std::pair<std::size_t, std::size_t>, std::vector<ArticleId>> rankings;  // (window, page)
  std::map<std::size_t, std::vector<std::string>> related_pages;                   // page -> bucket names
  std::map<std::size_t, std::map<std::string, detail::BucketEntry, std::less<>>> buckets;
  // Per bucket: url_match_key -> article id, of the addresses that hash to it.
  std::map<std::size_t, std::map<std::string, std::string, std::less<>>> bucket_urls;
  std::map<ArticleId, std::int64_t> expiring;  // article -> expiry instant (UTC ms), from the head
  std::set<std::string, std::less<>> unavailable;

  const Article* record(ArticleId a) const {
    if (a < head) return &head_articles[a];
    const auto it = records.find(a);
    return it == records.end() ? nullptr : &it->second;
  }
};

}  // namespace encart::pack
