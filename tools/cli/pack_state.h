// encart pack --state FILE: what one pack leaves for the next, on the machine that packs (never
// deployed, never read by pages): every article's related candidates, with a key of everything
// they were ranked from, and the articles themselves (the archive, in FILE.archive beside it).
// - A full pack whose articles did not change, only their views (a cron job every few minutes),
//   reads the lists back instead of ranking every article again, most of a pack's work.
// - `encart pack CHANGES --update` reads the archive instead of the whole export, applies the
//   changed articles to it and ranks again only the lists they reach (pack_update.h).
#pragma once

#include <cstddef>
#include <cstring>
#include <functional>
#include <memory>
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

// Related lists as a state file holds them, read where they lie (with 4 bytes an article of
// index): an update renumbers them from the mapped file into its own, instead of copying them
// into a RelatedLists first (25 MB of heap at 100,000 articles, each fresh page of which costs
// CPU: docs/benchmarks.md).
class StoredLists {
 public:
  StoredLists() = default;
  // The bytes of `lists`, held by this object (the tests' lists, ranked in memory).
  explicit StoredLists(const RelatedLists& lists);
  // `counts`: a byte per article; `ids`: every list's ids in a row, 4 bytes little-endian each,
  // in `file` (kept mapped), checked already (each count at most kMaxRelatedCandidates, ids.size()
  // four bytes for each, each id under the article count).
  void assign(std::shared_ptr<const MappedFile> file, std::string_view counts, std::string_view ids);
  std::size_t size() const { return counts_.size(); }
  std::size_t count(std::size_t a) const { return static_cast<std::uint8_t>(counts_[a]); }
  // The i-th id of article a's list (i < count(a)).
  ArticleId id(std::size_t a, std::size_t i) const {
    ArticleId value = 0;
    std::memcpy(&value, ids_.data() + (std::size_t{first_[a]} + i) * sizeof(ArticleId), sizeof value);
    return value;
  }

 private:
  std::shared_ptr<const MappedFile> file_;    // where counts_ and ids_ lie,
  std::shared_ptr<const std::string> owned_;  // or there (a stable address: copies share it)
  std::string_view counts_, ids_;
  std::vector<std::uint32_t> first_;  // by article: the index of its first id in ids_
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

// The archive (every article's record) lies in a file of its own beside FILE, FILE.archive
// (archive_path), and the state says which of its bytes it uses. A full pack writes the file
// anew; an update appends the records of the articles it changed and leaves the others where
// they lie: rewritten whole, they were half of an update's writes (53 MB at 100,000 articles, at
// some 2.6 ms of CPU a MB on this machine). The records an update replaced stay in the file,
// unused, until the next full pack.
std::string archive_path(const std::string& state_path);

// The archive file's head: a magic of 8 bytes, then its tag (kArchiveTagBytes).
inline constexpr std::size_t kArchiveTagBytes = 16;
inline constexpr std::size_t kArchiveHeadBytes = 8 + kArchiveTagBytes;

// Where an article's record lies in the archive file: (offset, size).
using Record = std::pair<std::uint64_t, std::uint64_t>;

// The archive file a state uses: its tag (random, in its head too: the state of another archive
// file is refused), how many of its bytes (the file may hold more: the records of an update that
// did not finish) and their CRC-32.
struct ArchiveFile {
  std::string tag;
  std::uint64_t size = 0;
  std::uint32_t crc = 0;
};

// An article's record in the last archive file, when it can be used again as it is.
using ArchivedRecord = std::function<std::optional<Record>(const Article&)>;

// The articles of `bundle` in the engine's order, each with its view counts as the input gave
// them (before --views), with the site, the related settings and the skipped count: the `head`
// goes to the state, the records to the archive file. An article that `archived` has a record
// for keeps it; the others' are made, to be written at `append_at` in the archive file.
struct Archive {
  std::string head;
  std::vector<Record> records;  // by ArticleId
  std::string appended;         // the records made, one after another
  std::uint64_t append_at = kArchiveHeadBytes;
};
Archive archive_parts(const Bundle& bundle, const ArchivedRecord& archived = nullptr,
                      std::uint64_t append_at = kArchiveHeadBytes);

// The head, then every record in order, as bytes: what two archives are compared by.
std::string write_archive(const Bundle& bundle);

// A state's related counts and search words as its file holds them (the counts section), with
// where each article's entries lie: an update copies the entries of the articles it did not read
// again, as they are, rather than writing every entry anew (7 million at 100,000 articles, a
// tenth of an update's CPU), and writes the others' in the section's numbers (splice_counts).
struct KeptSection {
  std::shared_ptr<const MappedFile> file;  // the state it was read from, still mapped
  std::string_view bytes;                  // the section, in `file`
  struct Part {
    std::size_t keys = 0;                   // how many features, or words
    std::size_t keys_at = 0, keys_end = 0;  // where their keys lie in `bytes`
    std::vector<std::uint32_t> offsets{0};  // by ArticleId of the state: its entries
    std::vector<std::size_t> at;            // by ArticleId: where its entries begin
    std::size_t end = 0;                    // where the last one's end
    std::size_t entries(std::size_t a) const { return offsets[a + 1] - offsets[a]; }
  };
  Part counts, words;
};

// The counts section of an update's state, the articles in the engine's order: article `a`'s
// entries are those of `kept`'s article source[a] when it is not -1, else those `counts` and
// `words` (the build's, KeptUse::keep) hold for it, in `kept`'s numbers: `count_numbers` and
// `word_numbers` (KeptUse::numbers) give the build's number for each of kept's, and a feature or
// word kept does not have is numbered after its own. The same counts and words as the build's,
// numbered otherwise: a build reading them renumbers as it meets them (related.cpp).
std::string splice_counts(const KeptSection& kept, const std::vector<std::int64_t>& source,
                          const RelatedCounts& counts, const std::vector<std::uint32_t>& count_numbers,
                          const SearchWords& words, const std::vector<std::uint32_t>& word_numbers);

// Everything a state holds, for --update.
struct PackStateContents {
  StoredLists lists;          // by ArticleId of `archive`
  Bundle archive;             // its articles in the engine's order: ArticleIds
  bool same_program = false;  // the lists were ranked by this encart build
  bool exact = false;         // every list ranked (a full pack), none patched by an update since
  BucketHashes buckets;       // empty unless same_program
  PackMemory memory;          // likewise
  std::string listing;        // the files-*.txt of the pack written with it
  RelatedCounts counts;       // the related index's counts, when kept (and of this build)
  SearchWords words;          // the search index's words, likewise
  KeptSection kept;           // both as the file holds them, when kept
  // Without `texts`, the articles' texts are left out (the related counts stand for them; the
  // search words stand for titles and summaries, which are read all the same).
  bool texts = true;
  ArchiveFile archive_file;     // the archive file the state uses
  std::vector<Record> records;  // by ArticleId: where each article's record lies in it
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
  // Writes a new archive file, or with `previous` (the archive file of the last state, which
  // `archive` was made for) appends `archive.appended` to it.
  PackStateWriter(const std::string& path, const Archive& archive, const ArchiveFile* previous = nullptr);
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
  std::string why() const;
  // `counts`, `words`: as counts(), when it was not called.
  bool finish(const std::string& key, const std::string& listing, const RelatedLists& lists,
              const PackMemory& memory, const RelatedCounts* counts = nullptr,
              const SearchWords* words = nullptr);

 private:
  void add(std::string_view bytes);
  bool counts_written_ = false;
  AtomicFile file_;
  Crc32 crc_;
  std::unique_ptr<AtomicFile> archive_file_;  // a new one, committed just before the state
  std::string why_;                           // why appending to the archive file failed
};

// Writes the state atomically (files.h), with a new archive file of the articles of `archive`:
// false when it cannot be written. An empty `key` marks lists that an update patched: no full
// pack reads them back.
bool write_pack_state(const std::string& path, const std::string& key, const RelatedLists& lists,
                      const Bundle& archive = {}, const PackMemory& memory = {});

}  // namespace encart::cli
