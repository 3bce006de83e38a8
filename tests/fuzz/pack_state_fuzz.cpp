// libFuzzer target for the state `encart pack --state FILE` leaves for the next pack
// (tools/cli/pack_state.cpp): a real state of 80 generated articles (their related lists,
// counts and search words) beside its real archive file, with the state's body replaced by the
// input and a CRC-32 that matches appended (the checksum would otherwise turn nearly every input
// away at the door). It is then read as `--update` reads it, as a full pack reads it back, and
// what was read is used as an update uses it: every list id, every archived article, the kept
// counts and words copied (splice_counts). Nothing may crash, hang or read out of bounds; a
// refusal is fine, but says why. Build and run: tests/fuzz/README.md.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "bundle/parser.h"
#include "engine/engine.h"
#include "files.h"
#include "fuzz_support.h"
#include "generate.h"
#include "pack_state.h"
#include "pack_update.h"

namespace {

constexpr std::size_t kArticles = 80;
const std::string kKey(32, 'k');

// This process's state path, in the temporary folder; the files are removed at exit (the string
// is never freed: the exit handler runs after the statics are destroyed).
const std::string& state_path() {
  static const std::string* const path = [] {
    const auto* p = new std::string(
        (std::filesystem::temp_directory_path() / ("encart-state-fuzz-" + std::to_string(::getpid())))
            .string());
    std::atexit([] {
      std::error_code error;
      std::filesystem::remove(state_path(), error);
      std::filesystem::remove(encart::cli::archive_path(state_path()), error);
    });
    return p;
  }();
  return *path;
}

// An archive file's tag is random (a state names its file by it): the seeds one process writes
// would name an archive file no other has. The tag is made a fixed one, in the archive file and
// in the bodies, whose record of the archive's CRC-32 is made again.
void same_tag_in_every_process(std::vector<std::string>& bodies) {
  using encart::cli::kArchiveTagBytes;
  const std::string path = encart::cli::archive_path(state_path());
  std::string archive = encart::cli::read_file(path).value_or("");
  constexpr std::size_t kMagicBytes = encart::cli::kArchiveHeadBytes - kArchiveTagBytes;
  const std::string tag = archive.substr(kMagicBytes, kArchiveTagBytes);
  const std::string fixed(kArchiveTagBytes, 'T');
  archive.replace(kMagicBytes, kArchiveTagBytes, fixed);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << archive;
  encart::cli::Crc32 crc;
  crc.add(archive);  // nothing past the bytes the states use
  for (std::string& body : bodies) {
    // The tag, the archive's size (a varint), its CRC-32.
    std::size_t at = body.find(tag);
    if (at == std::string::npos) encart::fuzz::fail("the archive's tag is not in the state", {});
    body.replace(at, kArchiveTagBytes, fixed);
    at += kArchiveTagBytes;
    while (at < body.size() && (static_cast<unsigned char>(body[at]) & 0x80) != 0) ++at;
    body.replace(at + 1, 4, crc.bytes());
  }
}

// The bodies (each state without its CRC-32) of two real states of the same archive file: the
// first without the related counts and search words (its articles are read with their texts),
// the second, as an update writes it, with them (read without the texts).
const std::vector<std::string>& bodies() {
  static const std::vector<std::string> made = [] {
    auto parsed = encart::parse_bundle(encart::bench::generate_bundle(kArticles), encart::ParseOptions{});
    if (!parsed.ok()) encart::fuzz::fail("the generated bundle does not parse", {});
    const encart::Bundle bundle = std::move(parsed).value();
    encart::Engine engine;
    encart::RelatedCounts counts;
    encart::SearchWords words;
    encart::LoadOptions keeping;
    keeping.related_counts.keep = &counts;
    keeping.search_words.keep = &words;
    if (!engine.load_bundle(bundle, keeping).ok())
      encart::fuzz::fail("the generated bundle does not load", {});
    encart::cli::RelatedLists lists;
    std::vector<encart::ArticleId> every(engine.index().size());
    for (std::size_t a = 0; a < every.size(); ++a) every[a] = static_cast<encart::ArticleId>(a);
    encart::cli::rank_lists(engine, every, 1, lists);
    std::vector<std::string> out;
    const auto body = [&] {
      const std::string state = encart::cli::read_file(state_path()).value_or("");
      out.push_back(state.substr(0, state.size() - 4));  // its CRC-32 left out
    };
    if (!encart::cli::PackStateWriter(state_path(), encart::cli::archive_parts(bundle))
             .finish(kKey, "files-x.txt", lists, {})) {
      encart::fuzz::fail("the state cannot be written", {});
    }
    body();
    encart::cli::PackStateContents first;
    std::string why;
    if (!encart::cli::read_pack_state_contents(state_path(), first, why))
      encart::fuzz::fail("the state cannot be read", {});
    // Every record kept where it lies: the same archive file, nothing appended.
    const encart::cli::Archive same = encart::cli::archive_parts(
        first.archive,
        [&](const encart::Article& a) -> std::optional<encart::cli::Record> {
          return first.records[static_cast<std::size_t>(&a - first.archive.articles.data())];
        },
        first.archive_file.size);
    if (!encart::cli::PackStateWriter(state_path(), same, &first.archive_file)
             .finish("", "files-y.txt", lists, {}, &counts, &words)) {
      encart::fuzz::fail("the state cannot be written again", {});
    }
    body();
    same_tag_in_every_process(out);
    return out;
  }();
  return made;
}

// What an update does with what it read: every id of every list, every article written again,
// the kept counts and words copied as they lie.
void use(const encart::cli::PackStateContents& read) {
  const std::size_t n = read.archive.articles.size();
  if (read.lists.size() != n) encart::fuzz::fail("a list for each article", {});
  for (std::size_t a = 0; a < n; ++a) {
    if (read.lists.count(a) > encart::kMaxRelatedCandidates)
      encart::fuzz::fail("a list longer than the most kept", {});
    for (std::size_t i = 0; i < read.lists.count(a); ++i) {
      if (read.lists.id(a, i) >= n) encart::fuzz::fail("a list id past the archive", {});
    }
  }
  (void)encart::cli::write_archive(read.archive);
  const encart::cli::KeptSection& kept = read.kept;
  if (!kept.bytes.empty() && kept.counts.at.size() == n && kept.words.at.size() == n) {
    std::vector<std::int64_t> source(n);
    for (std::size_t a = 0; a < n; ++a) source[a] = static_cast<std::int64_t>(a);  // every article kept
    encart::RelatedCounts none;
    none.offsets.assign(n + 1, 0);
    encart::SearchWords no_words;
    no_words.offsets.assign(n + 1, 0);
    (void)encart::cli::splice_counts(kept, source, none, {}, no_words, {});
  }
}

}  // namespace

// With ENCART_FUZZ_SEEDS=DIR, writes the two real bodies as seeds.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  const auto& made = bodies();
  const char* dir = std::getenv("ENCART_FUZZ_SEEDS");
  if (dir == nullptr) return 0;
  for (std::size_t i = 0; i < made.size(); ++i) {
    std::ofstream(std::string(dir) + "/seed-" + std::to_string(i), std::ios::binary) << made[i];
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)bodies();  // the archive file in place
  const std::string_view body = encart::fuzz::as_text(data, size);
  encart::cli::Crc32 crc;
  crc.add(body);
  {
    std::ofstream out(state_path(), std::ios::binary | std::ios::trunc);
    out << body << crc.bytes();
  }
  for (const bool texts : {false, true}) {
    encart::cli::PackStateContents read;
    std::string why;
    if (encart::cli::read_pack_state_contents(state_path(), read, why, texts)) {
      use(read);
    } else if (why.empty()) {
      encart::fuzz::fail("a state refused without a reason", {});
    }
  }
  encart::cli::RelatedLists lists;
  encart::cli::BucketHashes buckets;
  std::string why, counts;
  if (encart::cli::read_pack_state(state_path(), kKey, kArticles, lists, why, &buckets, &counts)) {
    if (lists.counts.size() != kArticles || lists.ids.size() != kArticles * encart::kMaxRelatedCandidates)
      encart::fuzz::fail("lists of another size than asked", {});
  }
  return 0;
}
