// encart pack: a loaded engine written out as a pack (docs/pack.md). The core builds every file
// and names it by a hash it is given (the CLI passes SHA-256, tests may pass any); writing to
// disk, compressing and cleaning up are the caller's.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"
#include "pack/manifest.h"

namespace encart::pack {

struct PackFile {
  std::string name;   // "t-0123456789abcdef.bin"
  std::string bytes;  // uncompressed
};

struct Pack {
  Manifest manifest;
  std::vector<PackFile> files;  // every file but manifest.json, each name once
};

// At least kHashBytes bytes that change whenever the content does.
using ContentHash = std::function<std::string(std::string_view content)>;

// Receives each file as soon as it is built (the CLI writes it out at once: a 1M-article pack
// never sits whole in memory).
using FileSink = std::function<void(PackFile&& file)>;

// The related candidates of an article (Engine::related_candidates with the bundle's settings):
// the CLI computes them on every core beforehand; by default they are ranked one by one.
using RelatedCandidates = std::function<std::vector<RelatedHit>(ArticleId)>;

// Related buckets are most of a pack's files and of the work of writing it; a publish changes a
// few. A bucket's fingerprint is the hash of everything it is made of (its inline records by
// their hash): when `recall` knows the fingerprint from an earlier pack, it returns the hash that
// names the bucket's file (the caller has checked the file is still there; it is this pack's, as
// if built), and the bucket is not built again. `remember` receives every bucket's fingerprint
// and hash, for the next pack. Either may be empty.
struct BucketMemo {
  std::function<std::optional<std::string>(const std::string& fingerprint)> recall;
  std::function<void(const std::string& fingerprint, const std::string& hash)> remember;
};

// The engine must be loaded. `site` is the bundle's site object, for the manifest. With a sink,
// the returned Pack's files are left empty.
Pack write_pack(const Engine& engine, const Site& site, const ContentHash& hash,
                const FileSink& sink = nullptr, const RelatedCandidates& candidates = nullptr,
                const BucketMemo& memo = {});

}  // namespace encart::pack
