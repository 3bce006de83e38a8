// encart pack --state FILE: what one pack leaves for the next, on the machine that packs (never
// deployed, never read by pages): every article's related candidates, with a key of everything
// they were ranked from, and the articles themselves (the archive).
// - A full pack whose articles did not change, only their views (a cron job every few minutes),
//   reads the lists back instead of ranking every article again, most of a pack's work.
// - `encart pack CHANGES --update` reads the archive instead of the whole export, applies the
//   changed articles to it and ranks again only the lists they reach (pack_update.h).
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/engine.h"
#include "files.h"

namespace encart::cli {

// SHA-256 of what related lists are ranked from, the view counts excepted: every field of
// every article and of the site, in input order, and the code that ranks (this executable).
// Taken before the bundle goes into the engine, which releases the articles' text.
std::string related_inputs_digest(const Bundle& bundle);

// Every article's related candidates by ArticleId: counts[a] ids from a * kMaxRelatedCandidates
// in `ids`. Scores are not kept: a pack stores none.
struct RelatedLists {
  std::vector<ArticleId> ids;
  std::vector<std::uint8_t> counts;
};

// Related buckets by fingerprint: the hash naming the file each was written to (pack/writer.h's
// BucketMemo). Kept only for the encart build that wrote them.
using BucketHashes = std::unordered_map<std::string, std::string>;

// What the pack written with a state was made of, for the next --update's pack::PackBefore:
// its buckets in order (fingerprint, hash), its layout and its records' hashes (pack::Pack).
struct PackMemory {
  std::vector<std::pair<std::string, std::string>> buckets;
  std::string layout;
  std::string records;
};

// The key of a ranking: the inputs' digest with the settings the engine ranks with.
std::string related_state_key(const std::string& inputs_digest, const RelatedSettings& settings);

// The lists in `path` when it holds the ones of `key` for `articles` articles, whole and intact
// (a CRC-32 of its content checks every byte). Otherwise false and `why` says what did not fit
// ("made from other articles", "truncated at byte 123"…); a missing file is not an error.
// With `buckets`, the buckets of the pack that wrote the state come too; with `counts`, the bytes
// of its related counts (for PackStateWriter::counts_section) when the lists are returned.
bool read_pack_state(const std::string& path, const std::string& key, std::size_t articles,
                     RelatedLists& lists, std::string& why, BucketHashes* buckets = nullptr,
                     std::string* counts = nullptr);

// An article's bytes in an earlier archive, when they can be written again as they are.
using ArchivedBytes = std::function<std::optional<std::string_view>(const Article&)>;

// The articles of `bundle` in the engine's order, each with its view counts as the input gave
// them (before --views), with the site, the related settings and the skipped count; an article
// `archived` has bytes for is copied from them.
std::string write_archive(const Bundle& bundle, const ArchivedBytes& archived = nullptr);

// The same in parts, in order: views of the bytes `archived` gives (runs of them in a row as
// one) and of bytes made for it. An update's archive (97 MB at 100,000 articles) goes to the
// state as it lies in the last one, never copied whole.
struct Archive {
  std::deque<std::string> made;  // a deque: the parts view them
  std::vector<std::string_view> parts;
  std::size_t size() const;
};
Archive archive_parts(const Bundle& bundle, const ArchivedBytes& archived = nullptr);

// Everything a state holds, for --update.
struct PackStateContents {
  RelatedLists lists;         // by ArticleId of `archive`
  Bundle archive;             // its articles in the engine's order: ArticleIds
  bool same_program = false;  // the lists were ranked by this encart build
  bool exact = false;         // every list ranked (a full pack), none patched by an update since
  BucketHashes buckets;       // empty unless same_program
  PackMemory memory;          // likewise
  std::string listing;        // the files-*.txt of the pack written with it
  RelatedCounts counts;       // the related index's counts, when kept (and of this build)
  SearchWords words;          // the search index's words, likewise
  // Without `texts`, the articles' texts are left out (the related counts stand for them; the
  // search words stand for titles and summaries, which are read all the same), and
  // each article's bytes are in `bytes` at `spans[a]`, for write_archive.
  bool texts = true;
  MappedFile file;
  std::string_view bytes;  // the state's, in `file`
  std::vector<std::pair<std::size_t, std::size_t>> spans;
};

// The whole state in `path`, checked; false with `why` when it is missing or cannot be used.
// `texts`: read the articles' texts even when the related counts of this build stand for them.
bool read_pack_state_contents(const std::string& path, PackStateContents& out, std::string& why,
                              bool texts = true);

// Writes a state in two steps: the archive first, which may then be freed while the pack is made
// (it is most of the state: 700 MB at 1,000,000 articles), then the lists and the buckets. The
// file replaces `path` atomically (files.h) once finish() succeeds, never before.
class PackStateWriter {
 public:
  PackStateWriter(const std::string& path, const Archive& archive);
  PackStateWriter(const std::string& path, std::string_view archive);
  // False when the state cannot be written.
  // `listing`: the name of the files-*.txt of the pack written with it (--update checks that the
  // folder still holds that pack).
  // The related index's counts (RelatedCounts; none: nullptr), written once the engine is
  // loaded so that they need not stay in memory while the pack is made. At most once.
  // With them, the search index's words (SearchWords), which need no text either.
  void counts(const RelatedCounts* counts, const SearchWords* words = nullptr);
  // The same from the section of an earlier state of the same articles, as it is.
  void counts_section(std::string_view section);
  // Why writing failed (the system's words), or "".
  const std::string& why() const { return file_.why(); }
  // `counts`, `words`: as counts(), when it was not called.
  bool finish(const std::string& key, const std::string& listing, const RelatedLists& lists,
              const PackMemory& memory, const RelatedCounts* counts = nullptr,
              const SearchWords* words = nullptr);

 private:
  void add(std::string_view bytes);
  bool counts_written_ = false;
  AtomicFile file_;
  Crc32 crc_;
};

// Writes the state atomically (files.h): false when it cannot be written. An empty `key` marks
// lists that an update patched: no full pack reads them back. `archive`: write_archive's.
bool write_pack_state(const std::string& path, const std::string& key, const RelatedLists& lists,
                      std::string_view archive = {}, const PackMemory& memory = {});

}  // namespace encart::cli
