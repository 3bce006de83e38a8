// encart pack and encart prune (pack_command.cpp).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "engine/engine.h"
#include "pack/writer.h"
#include "pack_state.h"

namespace encart::cli {

// encart pack --state FILE (pack_state.h), opened before the bundle is loaded: when `lists`
// holds the related lists read back, the engine needs no related index.
struct PackState {
  std::string path;           // empty: no --state
  std::string inputs_digest;  // empty: the state cannot be trusted, the lists are ranked
  std::optional<RelatedLists> lists;
  // FILE being written, its archive in already (start_state); the lists follow once made.
  std::unique_ptr<PackStateWriter> writer;
  bool lists_exact = true;  // false when --update ranked only some lists again
  std::string how;          // where `lists` come from, for the report
  BucketHashes buckets;     // of the last pack: buckets not built again when they are there
  // The related index's counts (RelatedCounts), kept by the load for the next --update.
  std::optional<RelatedCounts> counts;
  std::optional<SearchWords> words;  // and the search index's words
  std::string counts_section;        // or those of the last state, when its lists are read back
  // --update: what the last pack was made of, and what changed since (pack/writer.h).
  std::optional<pack::PackBefore> before;
};

// The state for `bundle`, which is about to be packed: its lists when they are the bundle's
// (warns on standard error when FILE is there but cannot be used). Whether FILE lies outside the
// pack's folder is checked before (state_outside_pack).
PackState open_pack_state(const std::string& path, const Bundle& bundle);

// Starts writing FILE with the articles of `bundle` (before the engine takes them), their view
// counts as the input gave them: a new archive file, or with `previous` (the last state's) the
// records of the articles `archived` has none for appended to it.
void start_state(PackState& state, const Bundle& bundle, const ArchivedRecord& archived = nullptr,
                 const ArchiveFile* previous = nullptr);

// Writes the counts and words the load kept (state.counts, state.words) to FILE, and frees them.
void keep_counts(PackState& state);

// Writes the pack of a loaded engine to `dir`: new files only, then manifest.json. Exit status.
int write_pack_directory(const Engine& engine, const Site& site, std::size_t skipped, const std::string& dir,
                         const char* version, PackState state = {});

// False (the reason on standard error) when the state FILE lies in the pack folder DIR: it would be
// deployed, and it holds the text of every article.
bool state_outside_pack(const std::string& path, const std::string& dir);

// The state for --update, read whole and checked: it must be the state of the pack in `dir`.
// False, with the reason on standard error, when it cannot be used.
bool open_update_state(const std::string& path, const std::string& dir, PackStateContents& out);

// encart pack CHANGES --update (pack_update.h). `changes`: the parsed CHANGES (view counts not
// applied, relative links resolved against the state's site); `views`: the --views file's text.
// Exit status.
int pack_update(PackStateContents previous, Bundle changes, const std::string& views,
                const std::string& state_path, const std::string& dir, const char* version);

// Removes the files of earlier packs that the current manifest no longer lists, once no pack has
// written them for `older_than_hours`. Exit status.
int prune_pack_directory(const std::string& dir, double older_than_hours);

}  // namespace encart::cli
