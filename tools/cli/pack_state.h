// encart pack --state FILE: what one pack leaves for the next, on the machine that packs (never
// deployed, never read by pages). Today it holds every article's related candidates with a key
// of everything they were ranked from. Most re-packs of a site change only the view counts (a
// cron job every few minutes, articles a few times an hour): their related lists are the same,
// and reading them back replaces ranking every article again, most of a pack's work.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"

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

// The key of a ranking: the inputs' digest with the settings the engine ranks with.
std::string related_state_key(const std::string& inputs_digest, const RelatedSettings& settings);

// The lists in `path` when it holds the ones of `key` for `articles` articles, whole and intact
// (a SHA-256 of its content checks every byte). Otherwise false and `why` says what did not fit
// ("made from other articles", "truncated at byte 123"…); a missing file is not an error.
bool read_pack_state(const std::string& path, const std::string& key, std::size_t articles,
                     RelatedLists& lists, std::string& why);

// Writes the state atomically (files.h): false when it cannot be written.
bool write_pack_state(const std::string& path, const std::string& key, const RelatedLists& lists);

}  // namespace encart::cli
