// Reads a pack as the page fetches it, part by part (docs/pack.md). The reader never fetches:
// each answer says which files it still needs (`missing`), the JavaScript fetches them, hands
// them over with add_file() and asks again. Answers are exact once nothing is missing: the filter
// runs through the same code as the in-memory engine (query/filter_compile.h), and the lists
// follow Engine::sidebar's rules, which tests/unit/pack_test.cpp checks on generated bundles.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"
#include "pack/manifest.h"

namespace encart::pack {

struct PackSidebar {
  Sidebar view;
  // Files a complete answer needs that are not here: fetch them, add them, ask again. The view
  // meanwhile holds what is known for sure (the newest articles that match, at least).
  std::vector<std::string> missing;
  bool complete = false;
  // Some file was unavailable (mark_unavailable): the answer is what the rest allows.
  bool degraded = false;
};

class Reader {
 public:
  explicit Reader(Manifest manifest);
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  const Manifest& manifest() const { return manifest_; }

  // A fetched file, uncompressed. Its kind and place are read from its content; errors name the
  // file and the byte (kBadPack). A file added twice is read once.
  std::optional<Error> add_file(std::string_view name, std::string_view bytes);
  // A file that could not be fetched or did not match its name: answers go on without it.
  void mark_unavailable(std::string_view name);
  bool has(std::string_view name) const { return added_.contains(std::string(name)); }

  // Answers the sidebar request as Engine::sidebar would on the whole archive. Needs the head.
  Result<PackSidebar> sidebar(const SidebarRequest& request, const QueryClock& clock) const;

  struct Data;  // what has been read so far (reader.cpp)

 private:
  Manifest manifest_;
  std::unique_ptr<Data> data_;
  std::set<std::string> added_;
};

}  // namespace encart::pack
