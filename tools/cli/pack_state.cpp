#include "pack_state.h"

#include <gnu/libc-version.h>
#include <libdeflate.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <random>

#include "bundle/writer.h"
#include "files.h"
#include "index/index.h"
#include "pack/bytes.h"
#include "pack/format.h"

namespace encart::cli {
namespace {

namespace fs = std::filesystem;
using pack::ByteReader;
using pack::ByteWriter;

constexpr std::string_view kMagic = "ENCSTAT8";         // 8 bytes; the 8 is the layout's version
constexpr std::string_view kArchiveMagic = "ENCARCH1";  // the archive file's (archive_path)
static_assert(kArchiveMagic.size() + kArchiveTagBytes == kArchiveHeadBytes);
constexpr std::size_t kDigestBytes = 32;   // SHA-256
constexpr std::size_t kChecksumBytes = 4;  // CRC-32, the file's last bytes
// In place of a key: lists that an update patched (--update), which no full pack takes as its own.
const std::string kPatchedLists(kDigestBytes, '\0');

// The code that ranks is part of the key: a new encart (or a rebuilt one) ranks again. Empty
// when this executable cannot be read (then no state is trusted).
const std::string& program_digest() {
  static const std::string digest = [] {
    const auto program = read_file("/proc/self/exe");
    if (!program || program->empty()) return std::string();
    Sha256 sha;
    sha.add(*program);
    return sha.digest();
  }();
  return digest;
}

void date(ByteWriter& out, const DateTime& t) {
  out.svarint(t.epoch_ms);
  out.svarint(t.offset_minutes);
}

void optional_date(ByteWriter& out, const std::optional<DateTime>& t) {
  out.u8(t ? 1 : 0);
  if (t) date(out, *t);
}

void strings(ByteWriter& out, const std::vector<std::string>& list) {
  out.varint(list.size());
  for (const std::string& s : list) out.string(s);
}

// Every field but the view counts, each length-prefixed (no two articles write the same bytes).
// A field added to Article belongs here too, or a re-pack could reuse lists it changes: the sizes
// below trip when one is added (on the platform the CLI is built and tested on).
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(Article) == 600 && sizeof(Site) == 144,
              "a field was added to Article or Site: digest it in article_inputs or related_inputs_digest");
#endif
void article_inputs(ByteWriter& out, const Article& a) {
  out.string(a.id);
  out.string(a.url);
  out.string(a.title);
  date(out, a.published);
  out.string(a.published_text);
  out.string(a.summary);
  out.string(a.text);
  out.string(a.category);
  strings(out, a.tags);
  strings(out, a.authors);
  out.u8(a.image ? 1 : 0);
  if (a.image) {
    out.string(a.image->url);
    out.string(a.image->alt);
    out.svarint(a.image->width);
    out.svarint(a.image->height);
  }
  optional_date(out, a.updated);
  out.string(a.lang);
  out.u8(a.accessible_for_free ? 1 : 0);
  optional_date(out, a.expires);
  out.string(a.expires_text);
  strings(out, a.related);
  strings(out, a.links);
}

DateTime read_date(ByteReader& in) {
  DateTime t;
  t.epoch_ms = in.svarint();
  t.offset_minutes = static_cast<std::int32_t>(std::clamp<std::int64_t>(in.svarint(), -1440, 1440));
  return t;
}

std::optional<DateTime> read_optional_date(ByteReader& in) {
  if (in.u8() == 0) return std::nullopt;
  return read_date(in);
}

std::vector<std::string> read_strings(ByteReader& in) {
  std::vector<std::string> list(in.count());
  for (std::string& s : list) s = in.string();
  return list;
}

// article_inputs' bytes back into `a`, a new article: read in place in the archive's vector (a
// returned article moved into it was a twentieth of an update's CPU at 100,000 articles).
void read_article(ByteReader& in, bool text, Article& a) {
  a.id = in.string();
  a.url = in.string();
  a.title = in.string();
  a.published = read_date(in);
  a.published_text = in.string();
  a.summary = in.string();
  if (text) {
    a.text = in.string();
  } else {
    in.string();  // skipped: most of the archive's bytes
  }
  a.category = in.string();
  a.tags = read_strings(in);
  a.authors = read_strings(in);
  if (in.u8() != 0) {
    Image image;
    image.url = in.string();
    image.alt = in.string();
    image.width = static_cast<std::int32_t>(in.svarint());
    image.height = static_cast<std::int32_t>(in.svarint());
    a.image = std::move(image);
  }
  a.updated = read_optional_date(in);
  a.lang = in.string();
  a.accessible_for_free = in.u8() != 0;
  a.expires = read_optional_date(in);
  a.expires_text = in.string();
  a.related = read_strings(in);
  a.links = read_strings(in);
}

// The articles in the engine's order (newest first, ties by id): ArticleIds, what lists hold.
std::vector<const Article*> engine_order(const std::vector<Article>& articles) {
  const std::vector<std::uint32_t> positions = newest_first_order(articles);
  std::vector<const Article*> order(positions.size());
  for (std::size_t j = 0; j < positions.size(); ++j) order[j] = &articles[positions[j]];
  return order;
}

void site_inputs(ByteWriter& out, const Site& site) {
  out.string(site.name);
  out.string(site.url);
  out.string(site.lang);
  strings(out, site.related);
  strings(out, site.links);
}

// The state's file up to its lists: what a full pack checks before reading them.
// Its layout: the magic, the program's digest, the archive's head and the place of each record
// in the archive file (length-prefixed), the related counts and search words (length-prefixed), the key, the
// name of the listing of the pack it was written with (the folder's files-*.txt), the article count, the
// lists (counts, then ids), the buckets, the pack's layout and records' hashes, then a CRC-32 of all that.
// The archive comes first so that it is written before the pack is made (PackStateWriter) and need not stay
// in memory meanwhile.
struct StateHead {
  std::string key, program, listing;
  std::size_t archive_at = 0, archive_bytes = 0;  // where the archive lies in the file
  std::size_t counts_at = 0, counts_bytes = 0;    // and the related counts
  std::size_t articles = 0;
};

// Maps `path` into `file` and checks it whole: `in` is left at the lists. False with `why` when
// the file cannot be read, is not a state, or is damaged.
bool open_state(const std::string& path, MappedFile& file, ByteReader& in, StateHead& head,
                std::string& why) {
  file = MappedFile(path);
  if (!file.ok()) {
    why = "cannot be read";
    return false;
  }
  const std::string_view bytes = file.bytes();
  if (bytes.size() < kMagic.size() + 2 * kDigestBytes + kChecksumBytes ||
      bytes.substr(0, kMagic.size()) != kMagic) {
    why = "not an encart pack state of this version";
    return false;
  }
  const std::string_view body = bytes.substr(0, bytes.size() - kChecksumBytes);
  Crc32 crc;
  crc.add(body);
  if (crc.bytes() != bytes.substr(body.size())) {
    why = "damaged (its checksum does not match)";
    return false;
  }
  in = ByteReader(body);  // byte positions in errors count from the file's start
  in.raw(kMagic.size());
  head.program = in.raw(kDigestBytes);
  head.archive_bytes = in.count(1);
  head.archive_at = in.position();
  in.raw(head.archive_bytes);
  head.counts_bytes = in.count(0);
  head.counts_at = in.position();
  in.raw(head.counts_bytes);
  head.key = in.raw(kDigestBytes);
  head.listing = in.string();
  head.articles = in.count(1);  // a list count each at least
  if (!in.ok()) why = in.error();
  return in.ok();
}

// The lists: a byte per article (its count), then every id as 4 bytes, little-endian, checked
// here once (varints, checked one by one, were a twentieth of an update's CPU): `counts` and
// `ids` are left where they lie in `in`.
bool read_stored_lists(ByteReader& in, std::size_t articles, std::string_view& counts,
                       std::string_view& ids) {
  static_assert(std::endian::native == std::endian::little, "ids are stored little-endian");
  counts = in.raw(articles);
  std::size_t total = 0;
  for (std::size_t a = 0; a < counts.size(); ++a) {
    const std::size_t count = static_cast<std::uint8_t>(counts[a]);
    if (count > kMaxRelatedCandidates) {  // before any copy: it would run past its slots
      in.fail("list " + std::to_string(a) + ": count " + std::to_string(count) + " out of range");
      return false;
    }
    total += count;
  }
  if (total > UINT32_MAX) {  // StoredLists numbers the ids with 32 bits (67 million articles)
    in.fail("lists of " + std::to_string(total) + " ids: more than this encart reads");
    return false;
  }
  ids = in.raw(total * sizeof(ArticleId));
  if (!in.ok()) return false;
  std::size_t at = 0;
  for (std::size_t a = 0; a < articles; ++a) {
    for (const std::size_t end = at + static_cast<std::uint8_t>(counts[a]); at < end; ++at) {
      ArticleId id = 0;
      std::memcpy(&id, ids.data() + at * sizeof(ArticleId), sizeof id);
      if (id >= articles) {
        in.fail("list " + std::to_string(a) + ": article " + std::to_string(id) + " out of range");
        return false;
      }
    }
  }
  return true;
}

// The lists copied into slots (a full pack reading back the lists of its last state).
bool read_lists(ByteReader& in, std::size_t articles, RelatedLists& lists) {
  std::string_view counts, ids;
  if (!read_stored_lists(in, articles, counts, ids)) return false;
  lists.counts.assign(counts.begin(), counts.end());
  lists.ids.assign(articles * kMaxRelatedCandidates, 0);
  std::size_t at = 0;
  for (std::size_t a = 0; a < articles; ++a) {
    std::memcpy(lists.ids.data() + a * kMaxRelatedCandidates, ids.data() + at,
                lists.counts[a] * sizeof(ArticleId));
    at += lists.counts[a] * sizeof(ArticleId);
  }
  return true;
}

// The fingerprints and hashes of the related buckets (pack/writer.h's BucketMemo), then the
// layout and the records' hashes of the pack (PackMemory), after the lists.
bool read_buckets(ByteReader& in, BucketHashes* buckets, PackMemory* memory = nullptr) {
  const std::size_t count = in.count(kDigestBytes + pack::kHashBytes);
  for (std::size_t i = 0; i < count && in.ok(); ++i) {
    std::string fingerprint(in.raw(kDigestBytes));
    std::string hash(in.raw(pack::kHashBytes));
    if (memory != nullptr && in.ok()) memory->buckets.emplace_back(fingerprint, hash);
    if (buckets != nullptr && in.ok()) buckets->emplace(std::move(fingerprint), std::move(hash));
  }
  const std::string_view layout = in.string();
  const std::string_view records = in.string();
  if (in.ok() && records.size() % pack::kHashBytes != 0) in.fail("records' hashes: not whole");
  if (memory != nullptr && in.ok()) {
    memory->layout = layout;
    memory->records = records;
  }
  return in.ok();
}

// Per article a count of entries that each take at least `min_bytes`, as offsets from 0: the
// total too must fit in what is left of the file (a forged state must not wrap the offsets).
void read_offsets(ByteReader& in, std::size_t articles, std::size_t min_bytes,
                  std::vector<std::uint32_t>& offsets) {
  offsets.assign(1, 0);
  offsets.reserve(articles + 1);
  std::uint64_t total = 0;
  for (std::size_t a = 0; a < articles && in.ok(); ++a) {
    total += in.count(min_bytes);
    if (total > in.remaining() / min_bytes || total > UINT32_MAX) {
      in.fail("entries past the end of the file");
      return;
    }
    offsets.push_back(static_cast<std::uint32_t>(total));
  }
}

// A related count: most are whole (weighted term counts), written as a varint of twice the
// count (one byte, not an f32's four: a state's largest part at 100,000 articles); any other
// value as 1, then its f32.
void write_count(ByteWriter& out, float count) {
  constexpr float kWholeBelow = 1e9F;
  if (count >= 0 && count < kWholeBelow && !std::signbit(count) && count == std::floor(count)) {
    out.varint(static_cast<std::uint64_t>(count) * 2);
  } else {
    out.varint(1);
    out.f32(count);
  }
}

float read_count(ByteReader& in) {
  const std::uint64_t tag = in.varint();
  if ((tag & 1) == 0) return static_cast<float>(tag >> 1);
  if (tag != 1) in.fail("a count of no form");
  return in.f32();
}

// Per article a count of entries, then every entry (word numbers; feature, count): the search
// index's words and the related counts alike, after their keys.
template <class Kept, class Entry>
void write_entries(ByteWriter& out, const Kept& kept, Entry entry) {
  for (std::size_t a = 0; a + 1 < kept.offsets.size(); ++a) out.varint(kept.offsets[a + 1] - kept.offsets[a]);
  for (const auto& e : kept.entries) entry(e);
}

// The search index's words (SearchWords), after the related counts: the words, then per article
// its count of entries, then the entries (word numbers).
void write_words(ByteWriter& out, const SearchWords& words) {
  out.varint(words.words.size());
  for (const std::string& w : words.words) out.string(w);
  write_entries(out, words, [&](std::uint32_t w) { out.varint(w); });
}

// Reads the entries of the articles of `offsets` (read_offsets) with `entry`, noting in `part`
// (when not null) where each one's lie: positions from `section_at` in the file.
template <class Entry>
void read_entries(ByteReader& in, const std::vector<std::uint32_t>& offsets, std::size_t section_at,
                  KeptSection::Part* part, Entry entry) {
  if (part != nullptr) part->at.reserve(offsets.size() - 1);
  for (std::size_t a = 0; a + 1 < offsets.size() && in.ok(); ++a) {
    if (part != nullptr) part->at.push_back(in.position() - section_at);
    for (std::uint32_t i = offsets[a]; i < offsets[a + 1] && in.ok(); ++i) entry();
  }
  if (part != nullptr && in.ok()) {
    part->offsets = offsets;
    part->end = in.position() - section_at;
  }
}

bool read_words(ByteReader& in, std::size_t articles, SearchWords& words, std::size_t section_at,
                KeptSection::Part* part) {
  const std::size_t count = in.count(1);
  if (part != nullptr) part->keys_at = in.position() - section_at;
  words.words.reserve(count);
  for (std::size_t w = 0; w < count && in.ok(); ++w) words.words.emplace_back(in.string());
  if (part != nullptr) {
    part->keys = count;
    part->keys_end = in.position() - section_at;
  }
  read_offsets(in, articles, 1, words.offsets);
  words.entries.reserve(words.offsets.back());
  read_entries(in, words.offsets, section_at, part,
               [&] { words.entries.push_back(in.below(count, "word")); });
  if (!in.ok()) words = SearchWords{};
  return in.ok();
}

// The related index's counts (RelatedCounts), after the archive (length-prefixed with the search
// words that follow them, empty when none): the features (table key, display), then per article
// its count of entries, then the entries (feature, count).
// The words are kept with the counts only (both come from the same load).
void write_counts(ByteWriter& out, const RelatedCounts* counts, const SearchWords* words) {
  if (counts == nullptr) return;
  out.varint(counts->keys.size());
  for (std::size_t f = 0; f < counts->keys.size(); ++f) {
    out.string(counts->keys[f]);
    out.string(f < counts->display.size() ? counts->display[f] : std::string_view());
  }
  write_entries(out, *counts, [&](const std::pair<std::uint32_t, float>& e) {
    out.varint(e.first);
    write_count(out, e.second);
  });
  if (words != nullptr) write_words(out, *words);
}

constexpr std::size_t kCountEntryMinBytes = 2;  // a feature, a count: a byte each at least

// `section_at`: where the section begins in the file; with `kept`, the section's layout is noted
// there (not its bytes).
bool read_counts(ByteReader& in, std::size_t articles, RelatedCounts& counts, SearchWords& words,
                 std::size_t section_at = 0, KeptSection* kept = nullptr) {
  if (in.at_end()) return true;  // none kept
  const std::size_t features = in.count(2);
  if (kept != nullptr) kept->counts.keys_at = in.position() - section_at;
  counts.keys.reserve(features);
  counts.display.reserve(features);
  for (std::size_t f = 0; f < features && in.ok(); ++f) {
    counts.keys.emplace_back(in.string());
    counts.display.emplace_back(in.string());
    if (in.ok() &&
        (counts.keys.back().empty() || counts.keys.back()[0] < '0' || counts.keys.back()[0] > '3')) {
      in.fail("a feature of no kind");
    }
  }
  if (kept != nullptr) {
    kept->counts.keys = features;
    kept->counts.keys_end = in.position() - section_at;
  }
  read_offsets(in, articles, kCountEntryMinBytes, counts.offsets);
  counts.entries.reserve(counts.offsets.back());
  read_entries(in, counts.offsets, section_at, kept != nullptr ? &kept->counts : nullptr, [&] {
    const std::uint32_t feature = in.below(features, "feature");
    counts.entries.emplace_back(feature, read_count(in));
  });
  if (in.ok() && !in.at_end())
    read_words(in, articles, words, section_at, kept != nullptr ? &kept->words : nullptr);
  if (in.ok() && !in.at_end()) in.fail("bytes after the search words");
  if (!in.ok()) {
    counts = RelatedCounts{};
    if (kept != nullptr) *kept = KeptSection{};
  }
  return in.ok();
}

}  // namespace

std::string related_inputs_digest(const Bundle& bundle) {
  if (program_digest().empty()) return {};
  Sha256 sha;
  sha.add(program_digest());
  // ... and the C library it calls (log, exp2), which a system upgrade may change.
  sha.add(gnu_get_libc_version());
  // In the engine's order (newest first, ties by id: ArticleIds, what the state stores), not
  // the export's: a CMS that lists the same articles in another order keeps its state.
  ByteWriter out;
  site_inputs(out, bundle.site);
  out.varint(bundle.articles.size());
  for (const Article* a : engine_order(bundle.articles)) {
    article_inputs(out, *a);
    if (out.size() >= (std::size_t{1} << 20)) sha.add(out.take());
  }
  sha.add(out.bytes());
  return sha.digest();
}

std::string related_state_key(const std::string& inputs_digest, const RelatedSettings& settings) {
  Sha256 sha;
  sha.add(inputs_digest);
  sha.add(write_related(settings));
  sha.add(std::to_string(kMaxRelatedCandidates));
  return sha.digest();
}

bool read_pack_state(const std::string& path, const std::string& key, std::size_t articles,
                     RelatedLists& lists, std::string& why, BucketHashes* buckets, std::string* counts) {
  std::error_code error;
  if (!fs::exists(path, error) && !error) return false;  // no state yet: the first pack
  MappedFile file;
  ByteReader in({});
  StateHead head;
  if (!open_state(path, file, in, head, why)) return false;
  const bool same_program = head.program == program_digest();
  RelatedLists read;
  // Buckets are named by what they are made of: any state of this build knows some.
  if (!read_lists(in, head.articles, read) || !read_buckets(in, same_program ? buckets : nullptr)) {
    why = in.error();
    return false;
  }
  if (head.key != key || !same_program || head.articles != articles) {
    why = head.key == kPatchedLists ? "patched by --update since the last full ranking"
                                    : "made from other articles, settings or another encart build";
    return false;
  }
  lists = std::move(read);
  // The same articles: the related counts stand for them as they are.
  if (counts != nullptr) *counts = file.bytes().substr(head.counts_at, head.counts_bytes);
  return true;
}

StoredLists::StoredLists(const RelatedLists& lists) {
  std::string bytes(lists.counts.begin(), lists.counts.end());
  for (std::size_t a = 0; a < lists.counts.size(); ++a) {
    bytes.append(reinterpret_cast<const char*>(lists.ids.data() + a * kMaxRelatedCandidates),
                 lists.counts[a] * sizeof(ArticleId));
  }
  owned_ = std::make_shared<const std::string>(std::move(bytes));
  const std::string_view all = *owned_;
  assign(nullptr, all.substr(0, lists.counts.size()), all.substr(lists.counts.size()));
}

void StoredLists::assign(std::shared_ptr<const MappedFile> file, std::string_view counts,
                         std::string_view ids) {
  file_ = std::move(file);
  counts_ = counts;
  ids_ = ids;
  first_.resize(counts.size() + 1);
  std::uint32_t at = 0;
  for (std::size_t a = 0; a < counts.size(); ++a) {
    first_[a] = at;
    at += static_cast<std::uint8_t>(counts[a]);
  }
  first_[counts.size()] = at;
}

std::string archive_path(const std::string& state_path) { return state_path + ".archive"; }

Archive archive_parts(const Bundle& bundle, const ArchivedRecord& archived, std::uint64_t append_at) {
  Archive archive;
  archive.append_at = append_at;
  ByteWriter head;
  site_inputs(head, bundle.site);
  for (const auto& spec : kRelatedSettings) {
    const std::optional<double>& value = bundle.related.*spec.override_value;
    head.u8(value ? 1 : 0);
    if (value) head.raw(std::string_view(reinterpret_cast<const char*>(&*value), sizeof(double)));
  }
  head.varint(bundle.skipped_total);
  head.varint(bundle.articles.size());
  archive.head = head.take();
  archive.records.reserve(bundle.articles.size());
  ByteWriter made;
  for (const Article* a : engine_order(bundle.articles)) {
    if (archived) {
      if (const auto record = archived(*a)) {
        archive.records.push_back(*record);
        continue;
      }
    }
    const std::size_t begin = made.size();
    article_inputs(made, *a);
    for (const auto& views : a->views) {
      made.u8(views ? 1 : 0);
      if (views) made.svarint(*views);
    }
    archive.records.emplace_back(append_at + begin, made.size() - begin);
  }
  archive.appended = made.take();
  return archive;
}

std::string write_archive(const Bundle& bundle) {
  const Archive archive = archive_parts(bundle);
  return archive.head + archive.appended;  // every record made, in order
}

namespace {

std::uint32_t entry_key(const std::pair<std::uint32_t, float>& e) { return e.first; }
std::uint32_t entry_key(std::uint32_t w) { return w; }

// One part of splice_counts: the keys (`key(n)` writes this build's key n), the counts of
// entries, then the entries (`entry(e, number)` writes entry e in the number given).
template <class Kept, class Key, class Entry>
void splice_part(ByteWriter& out, const KeptSection& kept, const KeptSection::Part& part,
                 const std::vector<std::int64_t>& source, const Kept& now,
                 const std::vector<std::uint32_t>& numbers, std::size_t now_keys, Key key, Entry entry) {
  constexpr std::uint32_t kNone = UINT32_MAX;
  // This build's number -> kept's: the first of kept's that became it.
  std::vector<std::uint32_t> kept_number(now_keys, kNone);
  for (std::size_t k = 0; k < numbers.size() && k < part.keys; ++k) {
    if (numbers[k] < now_keys && kept_number[numbers[k]] == kNone) {
      kept_number[numbers[k]] = static_cast<std::uint32_t>(k);
    }
  }
  // Numbers for the keys met only in articles read again, after kept's: a key kept has but no
  // reused article met gets a second number, which reads back as the same key.
  std::vector<std::uint32_t> added;
  const auto number = [&](std::uint32_t n) {
    if (kept_number[n] == kNone) {
      kept_number[n] = static_cast<std::uint32_t>(part.keys + added.size());
      added.push_back(n);
    }
    return kept_number[n];
  };
  const std::size_t articles = source.size();
  for (std::size_t a = 0; a < articles; ++a) {
    if (source[a] < 0) {
      for (std::uint32_t i = now.offsets[a]; i < now.offsets[a + 1]; ++i) number(entry_key(now.entries[i]));
    }
  }
  out.varint(part.keys + added.size());
  out.raw(kept.bytes.substr(part.keys_at, part.keys_end - part.keys_at));
  for (const std::uint32_t n : added) key(n);
  for (std::size_t a = 0; a < articles; ++a) {
    out.varint(source[a] >= 0 ? part.entries(static_cast<std::size_t>(source[a]))
                              : now.offsets[a + 1] - now.offsets[a]);
  }
  for (std::size_t a = 0; a < articles; ++a) {
    if (source[a] >= 0) {
      const auto k = static_cast<std::size_t>(source[a]);
      const std::size_t end = k + 1 < part.at.size() ? part.at[k + 1] : part.end;
      out.raw(kept.bytes.substr(part.at[k], end - part.at[k]));
    } else {
      for (std::uint32_t i = now.offsets[a]; i < now.offsets[a + 1]; ++i) {
        entry(now.entries[i], kept_number[entry_key(now.entries[i])]);
      }
    }
  }
}

}  // namespace

std::string splice_counts(const KeptSection& kept, const std::vector<std::int64_t>& source,
                          const RelatedCounts& counts, const std::vector<std::uint32_t>& count_numbers,
                          const SearchWords& words, const std::vector<std::uint32_t>& word_numbers) {
  ByteWriter out;
  constexpr std::size_t kRoom = 1 << 16;   // for the entries of the articles read again
  out.reserve(kept.bytes.size() + kRoom);  // not copied again and again as it grows
  splice_part(
      out, kept, kept.counts, source, counts, count_numbers, counts.keys.size(),
      [&](std::uint32_t f) {
        out.string(counts.keys[f]);
        out.string(f < counts.display.size() ? counts.display[f] : std::string_view());
      },
      [&](const std::pair<std::uint32_t, float>& e, std::uint32_t number) {
        out.varint(number);
        write_count(out, e.second);
      });
  splice_part(
      out, kept, kept.words, source, words, word_numbers, words.words.size(),
      [&](std::uint32_t w) { out.string(words.words[w]); },
      [&](std::uint32_t, std::uint32_t number) { out.varint(number); });
  return out.take();
}

bool read_pack_state_contents(const std::string& path, PackStateContents& out, std::string& why, bool texts) {
  MappedFile file;
  ByteReader in({});
  StateHead head;
  if (!open_state(path, file, in, head, why)) return false;
  const std::string_view bytes = file.bytes();
  out.same_program = head.program == program_digest();
  out.exact = head.key != kPatchedLists;
  out.listing = head.listing;
  std::string_view list_counts, list_ids;
  if (!read_stored_lists(in, head.articles, list_counts, list_ids) ||
      !read_buckets(in, out.same_program ? &out.buckets : nullptr,
                    out.same_program ? &out.memory : nullptr)) {
    why = in.error();
    return false;
  }
  if (!in.at_end()) {
    why = "bytes after the last bucket, at byte " + std::to_string(in.position());
    return false;
  }
  ByteReader counts(bytes.substr(0, head.counts_at + head.counts_bytes));
  counts.raw(head.counts_at);  // positions in errors still count from the file's start
  if (!read_counts(counts, head.articles, out.counts, out.words, head.counts_at,
                   out.same_program ? &out.kept : nullptr)) {
    why = counts.error();
    return false;
  }
  if (!out.same_program) {  // another build may count otherwise
    out.counts = RelatedCounts{};
    out.words = SearchWords{};
  }
  ByteReader archive(bytes.substr(0, head.archive_at + head.archive_bytes));
  archive.raw(head.archive_at);  // positions in errors still count from the file's start
  Bundle& b = out.archive;
  b.site.name = archive.string();
  b.site.url = archive.string();
  b.site.lang = archive.string();
  b.site.related = read_strings(archive);
  b.site.links = read_strings(archive);
  for (const auto& spec : kRelatedSettings) {
    std::optional<double>& value = b.related.*spec.override_value;
    if (archive.u8() == 0) continue;
    const std::string_view raw = archive.raw(sizeof(double));
    if (raw.size() == sizeof(double)) std::memcpy(&value.emplace(), raw.data(), sizeof(double));
  }
  b.skipped_total = archive.varint();
  if (archive.count(2) != head.articles) archive.fail("the archive does not have one article per list");
  // The archive file: its tag, the bytes of it used, their CRC-32, then each record's place.
  ArchiveFile& ref = out.archive_file;
  ref.tag = archive.raw(kArchiveTagBytes);
  ref.size = archive.varint();
  ref.crc = archive.u32();
  out.records.reserve(head.articles);
  std::uint64_t end = kArchiveHeadBytes;  // of the last record
  for (std::size_t a = 0; a < head.articles && archive.ok(); ++a) {
    const std::int64_t from_end = archive.svarint();
    const std::uint64_t size = archive.varint();
    const std::uint64_t offset = end + static_cast<std::uint64_t>(from_end);  // wraps when before it
    if (offset < kArchiveHeadBytes || offset > ref.size || size > ref.size - offset) {
      archive.fail("article " + std::to_string(a) + ": its record lies outside the archive file's " +
                   std::to_string(ref.size) + " bytes");
    }
    out.records.emplace_back(offset, size);
    end = offset + size;
  }
  if (archive.ok() && !archive.at_end()) archive.fail("bytes after the last record's place");
  if (!archive.ok()) {
    why = archive.error();
    return false;
  }
  const std::string name = fs::path(archive_path(path)).filename().string();
  const MappedFile mapped(archive_path(path));
  const std::string_view records = mapped.bytes();
  if (!mapped.ok()) {
    why = name + ": cannot be read";
    return false;
  }
  if (records.size() < ref.size || records.size() < kArchiveHeadBytes) {
    why = name + ": truncated (" + std::to_string(records.size()) + " bytes of " + std::to_string(ref.size) +
          ")";
    return false;
  }
  if (records.substr(0, kArchiveMagic.size()) != kArchiveMagic ||
      records.substr(kArchiveMagic.size(), kArchiveTagBytes) != ref.tag) {
    why = name + ": not the archive of this state (written by another pack since?)";
    return false;
  }
  Crc32 check;
  check.add(records.substr(0, ref.size));
  if (check.value() != ref.crc) {
    why = name + ": damaged (its checksum does not match)";
    return false;
  }
  // With room for the articles an update adds: a vector that grows moves every article (another
  // twentieth of an update at 100,000 articles).
  constexpr std::size_t kRoomToAdd = 1024;
  b.articles.reserve(head.articles + kRoomToAdd);
  // The texts are needed when another build ranks every list again, or when no counts stand for them.
  out.texts = texts || !out.same_program || out.counts.offsets.size() != head.articles + 1;
  for (std::size_t a = 0; a < head.articles; ++a) {
    const auto [offset, size] = out.records[a];
    ByteReader record(records.substr(0, offset + size));
    record.raw(offset);  // positions in errors count from the file's start
    read_article(record, out.texts, b.articles.emplace_back());
    for (auto& views : b.articles.back().views) {
      if (record.u8() != 0) views = record.svarint();
    }
    if (record.ok() && !record.at_end()) record.fail("bytes after the article");
    if (!record.ok()) {
      why = name + ": article " + std::to_string(a) + ": " + record.error();
      return false;
    }
  }
  // The lists and the counts section stay where they lie, mapped (42 MB at 100,000 articles),
  // taken again from the file where it now lives (a state read, not mapped, moved with it).
  const std::size_t counts_at = static_cast<std::size_t>(list_counts.data() - bytes.data());
  const std::size_t ids_at = static_cast<std::size_t>(list_ids.data() - bytes.data());
  const auto mapped_state = std::make_shared<const MappedFile>(std::move(file));
  const std::string_view state = mapped_state->bytes();
  out.lists.assign(mapped_state, state.substr(counts_at, list_counts.size()),
                   state.substr(ids_at, list_ids.size()));
  if (out.same_program) {
    out.kept.file = mapped_state;
    out.kept.bytes = out.kept.file->bytes().substr(head.counts_at, head.counts_bytes);
  }
  return true;
}

// A new archive file's tag: 16 random bytes (a state names the file it uses by it).
std::string new_archive_tag() {
  std::random_device random;
  std::string tag(kArchiveTagBytes, '\0');
  for (char& c : tag) c = static_cast<char>(random() & 0xFF);
  return tag;
}

// 0600: the archive holds every article's text, those for subscribers only too.
PackStateWriter::PackStateWriter(const std::string& path, const Archive& archive, const ArchiveFile* previous)
    : file_(path, 0600) {
  ArchiveFile ref;
  if (previous != nullptr) {
    ref.tag = previous->tag;
    std::string why;
    if (archive.append_at != previous->size ||
        !write_file_at(archive_path(path), previous->size, archive.appended, why)) {
      why_ = archive_path(path) + ": " + (why.empty() ? "not the archive file appended to" : why);
    }
    Crc32 crc(previous->crc);
    crc.add(archive.appended);
    ref.size = previous->size + archive.appended.size();
    ref.crc = crc.value();
  } else {
    ref.tag = new_archive_tag();
    archive_file_ = std::make_unique<AtomicFile>(archive_path(path), 0600);
    const std::string head = std::string(kArchiveMagic) + ref.tag;
    Crc32 crc;
    crc.add(head);
    crc.add(archive.appended);
    archive_file_->write(head);
    archive_file_->write(archive.appended);
    ref.size = head.size() + archive.appended.size();
    ref.crc = crc.value();
  }
  ByteWriter out;
  out.raw(kMagic);
  out.raw(program_digest().empty() ? std::string(kDigestBytes, '\0') : program_digest());
  ByteWriter places;
  places.raw(archive.head);
  places.raw(ref.tag);
  places.varint(ref.size);
  places.u32(ref.crc);
  std::uint64_t end = kArchiveHeadBytes;
  for (const auto& [offset, size] : archive.records) {
    places.svarint(static_cast<std::int64_t>(offset - end));  // 0 for a record right after the last
    places.varint(size);
    end = offset + size;
  }
  out.varint(places.size());
  add(out.bytes());
  add(places.bytes());
}

std::string PackStateWriter::why() const {
  if (!why_.empty()) return why_;
  if (archive_file_ && !archive_file_->why().empty()) return archive_file_->why();
  return file_.why();
}

void PackStateWriter::add(std::string_view bytes) {
  crc_.add(bytes);
  file_.write(bytes);
}

void PackStateWriter::counts(const RelatedCounts* counts, const SearchWords* words) {
  ByteWriter section;
  write_counts(section, counts, words);
  counts_section(section.bytes());
}

void PackStateWriter::counts_section(std::string_view section) {
  if (counts_written_) return;
  counts_written_ = true;
  ByteWriter length;
  length.varint(section.size());
  add(length.bytes());
  add(section);
}

bool PackStateWriter::finish(const std::string& key, const std::string& listing, const RelatedLists& lists,
                             const PackMemory& memory, const RelatedCounts* counts,
                             const SearchWords* words) {
  this->counts(counts, words);  // when not written yet
  ByteWriter out;
  out.raw(key.empty() ? kPatchedLists : key);
  out.string(listing);
  out.varint(lists.counts.size());
  out.raw(std::string_view(reinterpret_cast<const char*>(lists.counts.data()), lists.counts.size()));
  // Written a piece at a time from a buffer used again, not gathered whole first: the lists
  // are 24 MB at 100,000 articles, and each fresh page of heap costs CPU (docs/benchmarks.md).
  constexpr std::size_t kPiece = std::size_t{1} << 20;
  out.reserve(kPiece + kMaxRelatedCandidates * sizeof(ArticleId));
  const auto written = [&] {  // once a piece is full
    if (out.size() < kPiece) return;
    add(out.bytes());
    out.clear();
  };
  for (std::size_t a = 0; a < lists.counts.size(); ++a) {
    out.raw(std::string_view(reinterpret_cast<const char*>(lists.ids.data() + a * kMaxRelatedCandidates),
                             lists.counts[a] * sizeof(ArticleId)));
    written();
  }
  out.varint(memory.buckets.size());
  for (const auto& [fingerprint, hash] : memory.buckets) {
    out.raw(fingerprint);
    out.raw(hash);
    written();
  }
  out.string(memory.layout);
  out.varint(memory.records.size());
  add(out.bytes());
  add(memory.records);  // 8 bytes an article: written as it is
  if (!why_.empty()) return false;
  // The archive file first: the state names it by its tag.
  if (archive_file_ && !archive_file_->commit()) return false;
  return file_.write(crc_.bytes()) && file_.commit();
}

bool write_pack_state(const std::string& path, const std::string& key, const RelatedLists& lists,
                      const Bundle& archive, const PackMemory& memory) {
  return PackStateWriter(path, archive_parts(archive)).finish(key, "", lists, memory);
}

}  // namespace encart::cli
