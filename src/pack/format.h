// The pack format (docs/pack.md): what `encart pack` writes and the page reads. One JSON file
// with a fixed name, manifest.json, read by the JavaScript; every other file is binary, named
// after its content ("<kind>-<16 hex of SHA-256 of the content>.bin", stored gzip-compressed),
// and read by pack::Reader. Every number is a LEB128 varint unless said otherwise. Articles are
// numbered oldest first in the files (pack id = n - 1 - ArticleId): new articles add numbers.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/article.h"
#include "index/index.h"
#include "pack/bytes.h"

namespace encart::pack {

// Bumped on any change a reader of the previous version would misread. The manifest carries it
// as "encart_pack"; a reader refuses a newer one, naming both.
// Version 2 added the subscribers-only flag to records, the expiring articles to the head and
// the page addresses to the related buckets.
inline constexpr int kFormatVersion = 2;

// Every binary file starts with "ENCP", the format version and its kind.
enum class FileKind : std::uint8_t {
  kHead = 1,          // the first sidebar: newest articles, most-read tops, facet totals
  kDirectory = 2,     // where everything else is: fetched on the first query
  kTerms = 3,         // a shard of the sorted term dictionary, with each term's postings
  kPrefix = 4,        // the articles of a short, common prefix, precomputed (a bitset)
  kValues = 5,        // one facet's values (category, author or tag) and their postings
  kEpochs = 6,        // publication instants of kEpochChunk articles
  kDays = 7,          // local day numbers of kDayChunk articles (date filters by calendar day)
  kRanking = 8,       // a page of a most-read order
  kRecords = 9,       // kRecordChunk articles as the lists show them
  kRelatedPage = 10,  // names of kRelatedPageSize related buckets
  kRelated = 11,      // stored related lists of the articles whose id hashes to this bucket
};

// File name prefix of each kind: "h-0123456789abcdef.bin".
const char* file_prefix(FileKind kind);

inline constexpr std::size_t kEpochChunk = 4096;         // articles per epochs file
inline constexpr std::size_t kDayChunk = 65536;          // articles per days file
inline constexpr std::size_t kRecordChunk = 64;          // articles per records file
inline constexpr std::size_t kRankingPage = 4096;        // ids per most-read page
inline constexpr std::size_t kRelatedPageSize = 1024;    // buckets per related page
inline constexpr std::size_t kArticlesPerBucket = 8;     // related buckets: about n / this
inline constexpr std::size_t kHeadArticles = 64;         // newest articles in the head
inline constexpr std::size_t kHeadRanked = 32;           // most-read ids per window in the head
inline constexpr std::size_t kInlineRelatedRecords = 5;  // records of the first hits, in the bucket
inline constexpr std::size_t kHashBytes = 8;             // of the SHA-256, in file names

void write_header(ByteWriter& out, FileKind kind);
// Checks magic, version and kind; on failure `in` carries the error.
void read_header(ByteReader& in, FileKind kind);

// A content hash as it appears in names: 16 lowercase hex digits.
std::string hex(std::string_view hash_bytes);
std::string file_name(FileKind kind, std::string_view hash_bytes);

// Sorted terms, front-coded (each as the length it shares with the previous one and the rest).
void write_front_coded(ByteWriter& out, std::span<const std::string> terms);
// `count` such terms, checked: strictly ascending, no longer share than the previous term holds.
std::vector<std::string> read_front_coded(ByteReader& in, std::size_t count);

// An article as the pack stores it: what the lists render (and, in the head, what the text
// filter reads: summary and tags), plus the ids of its category and authors in the facet tables.
void write_record(ByteWriter& out, const Article& a, bool with_search_fields);
// Reads one record into `a`; `in` carries any error.
void read_record(ByteReader& in, Article& a, bool with_search_fields);

// The articles that expire (Article::expires), by pack id ascending: the head carries them all,
// so that a page can leave out the expired ones from every list and count without fetching.
// Read back as ArticleId -> expiry instant (UTC ms), checked against the pack's `n` articles.
void write_expiring(ByteWriter& out, const std::vector<std::pair<std::uint32_t, std::int64_t>>& expiring);
std::map<ArticleId, std::int64_t> read_expiring(ByteReader& in, std::size_t n);

// A related bucket's page addresses: (url_match_key, article id) of the articles whose key
// hashes (FNV-1a 64) to the bucket, so that a page without data-article finds its own.
void write_url_entries(ByteWriter& out,
                       const std::vector<std::pair<std::string_view, std::string_view>>& entries);
std::map<std::string, std::string, std::less<>> read_url_entries(ByteReader& in);

}  // namespace encart::pack
