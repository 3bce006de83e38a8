// encart pack and encart prune (pack_command.cpp).
#pragma once

#include <cstddef>
#include <string>

#include "engine/engine.h"

namespace encart::cli {

// encart pack --state FILE (pack_state.h): where the related lists are kept between packs, and
// the digest of what they are ranked from (related_inputs_digest). No path: no state.
struct PackState {
  std::string path;
  std::string inputs_digest;  // empty: the state cannot be trusted, the lists are ranked
};

// Writes the pack of a loaded engine to `dir`: new files only, then manifest.json. Exit status.
int write_pack_directory(const Engine& engine, const Site& site, std::size_t skipped, const std::string& dir,
                         const char* version, const PackState& state = {});

// Removes the files of earlier packs that the current manifest no longer lists, once no pack has
// written them for `older_than_hours`. Exit status.
int prune_pack_directory(const std::string& dir, double older_than_hours);

}  // namespace encart::cli
