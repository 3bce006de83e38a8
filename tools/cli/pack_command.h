// encart pack and encart prune (pack_command.cpp).
#pragma once

#include <cstddef>
#include <string>

#include "engine/engine.h"

namespace encart::cli {

// Writes the pack of a loaded engine to `dir`: new files only, then manifest.json. Exit status.
int write_pack_directory(const Engine& engine, const Site& site, std::size_t skipped, const std::string& dir,
                         const char* version);

// Removes the files of earlier packs that the current manifest no longer lists, once no pack has
// written them for `older_than_hours`. Exit status.
int prune_pack_directory(const std::string& dir, double older_than_hours);

}  // namespace encart::cli
