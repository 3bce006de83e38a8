// encart pack: a loaded engine written out as a pack (docs/pack.md). The core builds every file
// and names it by a hash it is given (the CLI passes SHA-256, tests may pass any); writing to
// disk, compressing and cleaning up are the caller's.
#pragma once

#include <functional>
#include <optional>
#include <span>
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
  // When the memo remembers (BucketMemo), what the next pack's PackBefore needs: a digest of
  // what every bucket depends on (the bucket count, the facet values' order), and the hash of
  // each article's record, kHashBytes an ArticleId.
  std::string layout;
  std::string records;
  std::size_t buckets_unchanged = 0;  // named as before through PackBefore, not fingerprinted
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
// In PackBefore::was: an article added since the pack before.
inline constexpr ArticleId kNotBefore = UINT32_MAX;

// What an update (the CLI's pack_update.h) knows of the pack it replaces. With it, a bucket none
// of whose parts changed is named as before without being fingerprinted: fingerprinting every
// bucket was a sixth of an update's CPU at 100,000 articles. When the bucket count, the facet
// values' order or any earlier article's pack id moved, every bucket is fingerprinted, as
// without it.
struct PackBefore {
  std::string layout;                                        // Pack::layout of that pack
  std::string records;                                       // Pack::records of that pack, by its ArticleIds
  std::vector<std::pair<std::string, std::string>> buckets;  // by bucket: fingerprint, hash
  std::vector<ArticleId> was;     // by ArticleId now: the article's ArticleId then, or kNotBefore
  std::vector<bool> changed;      // by ArticleId now: added or changed since
  std::vector<std::string> urls;  // the addresses the changed articles had then
  // By ArticleId now: the article's related list holds the articles it held then, in that order.
  std::vector<bool> same_list;
  // Article a's related list now (the ids RelatedCandidates gives).
  std::function<std::span<const ArticleId>(ArticleId a)> list;
  // Whether the file of the bucket named `hash` is still there (as BucketMemo::recall checks).
  std::function<bool(const std::string& hash)> still_there;
};

struct BucketMemo {
  std::function<std::optional<std::string>(const std::string& fingerprint)> recall;
  std::function<void(const std::string& fingerprint, const std::string& hash)> remember;
  const PackBefore* before = nullptr;  // with `remember` only
};

// The engine must be loaded. `site` is the bundle's site object, for the manifest. With a sink,
// the returned Pack's files are left empty.
Pack write_pack(const Engine& engine, const Site& site, const ContentHash& hash,
                const FileSink& sink = nullptr, const RelatedCandidates& candidates = nullptr,
                const BucketMemo& memo = {});

}  // namespace encart::pack
