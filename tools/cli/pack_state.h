// encart pack --state FILE: what one pack leaves for the next, on the machine that packs (never
// deployed, never read by pages): every article's related candidates, with a key of everything
// they were ranked from, and the articles themselves (the archive).
// - A full pack whose articles did not change, only their views (a cron job every few minutes),
//   reads the lists back instead of ranking every article again, most of a pack's work.
// - `encart pack CHANGES --update` reads the archive instead of the whole export, applies the
//   changed articles to it and ranks again only the lists they reach (pack_update.h).
#pragma once

#include <cstddef>
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

// The key of a ranking: the inputs' digest with the settings the engine ranks with.
std::string related_state_key(const std::string& inputs_digest, const RelatedSettings& settings);

// The lists in `path` when it holds the ones of `key` for `articles` articles, whole and intact
// (a SHA-256 of its content checks every byte). Otherwise false and `why` says what did not fit
// ("made from other articles", "truncated at byte 123"…); a missing file is not an error.
// With `buckets`, the buckets of the pack that wrote the state come too.
bool read_pack_state(const std::string& path, const std::string& key, std::size_t articles,
                     RelatedLists& lists, std::string& why, BucketHashes* buckets = nullptr);

// The articles of `bundle` in the engine's order, each with its view counts as the input gave
// them (before --views), with the site, the related settings and the skipped count.
std::string write_archive(const Bundle& bundle);

// Everything a state holds, for --update.
struct PackStateContents {
  RelatedLists lists;         // by ArticleId of `archive`
  Bundle archive;             // its articles in the engine's order: ArticleIds
  bool same_program = false;  // the lists were ranked by this encart build
  bool exact = false;         // every list ranked (a full pack), none patched by an update since
  BucketHashes buckets;       // empty unless same_program
  std::string listing;        // the files-*.txt of the pack written with it
};

// The whole state in `path`, checked; false with `why` when it is missing or cannot be used.
bool read_pack_state_contents(const std::string& path, PackStateContents& out, std::string& why);

// Writes a state in two steps: the archive first, which may then be freed while the pack is made
// (it is most of the state: 700 MB at 1,000,000 articles), then the lists and the buckets. The
// file replaces `path` atomically (files.h) once finish() succeeds, never before.
class PackStateWriter {
 public:
  PackStateWriter(const std::string& path, std::string_view archive);
  // False when the state cannot be written.
  // `listing`: the name of the files-*.txt of the pack written with it (--update checks that the
  // folder still holds that pack).
  bool finish(const std::string& key, const std::string& listing, const RelatedLists& lists,
              const std::vector<std::pair<std::string, std::string>>& buckets);

 private:
  void add(std::string_view bytes);
  AtomicFile file_;
  Sha256 sha_;
};

// Writes the state atomically (files.h): false when it cannot be written. An empty `key` marks
// lists that an update patched: no full pack reads them back. `archive`: write_archive's.
bool write_pack_state(const std::string& path, const std::string& key, const RelatedLists& lists,
                      std::string_view archive = {},
                      const std::vector<std::pair<std::string, std::string>>& buckets = {});

}  // namespace encart::cli
