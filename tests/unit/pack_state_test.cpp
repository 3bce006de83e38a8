// encart pack --state (tools/cli/pack_state.h): the related lists of one pack come back only to
// a pack of the same articles (their views aside) and settings, and only whole; anything else is
// refused with a reason, and the lists are ranked again. For --update, the archive comes back
// whole in the engine's order, and an update appends only the records it made to its file.
#include "pack_state.h"
#include "pack_state_fixture.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "bundle/parser.h"
#include "generated_bundle.h"
#include "test_bundles.h"

namespace encart::cli {
namespace {

using test::contains;

// Lists of every length from 0 to kMaxRelatedCandidates, with ids all over the archive.
RelatedLists some_lists(std::size_t articles) {
  RelatedLists lists;
  lists.counts.resize(articles);
  lists.ids.resize(articles * kMaxRelatedCandidates);
  for (std::size_t a = 0; a < articles; ++a) {
    lists.counts[a] = static_cast<std::uint8_t>(a % (kMaxRelatedCandidates + 1));
    for (std::size_t i = 0; i < lists.counts[a]; ++i) {
      lists.ids[a * kMaxRelatedCandidates + i] = static_cast<ArticleId>((a * 7919 + i * 31) % articles);
    }
  }
  return lists;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

TEST(PackStateDigest, ChangesWithEveryFieldButTheViewsAndTheOrder) {
  const Bundle original = generated(40);
  const std::string digest = related_inputs_digest(original);
  ASSERT_EQ(digest.size(), 32u);
  EXPECT_EQ(related_inputs_digest(generated(40)), digest) << "the same articles, the same digest";

  Bundle views = original;
  views.articles[3].views[0] = views.articles[3].views[0].value_or(0) + 1000;
  views.articles[7].views[1] = 1;
  EXPECT_EQ(related_inputs_digest(views), digest) << "views are not what related lists are ranked from";

  Bundle reordered = original;
  std::reverse(reordered.articles.begin(), reordered.articles.end());
  EXPECT_EQ(related_inputs_digest(reordered), digest)
      << "the engine numbers articles by date, not by input order";

  const std::vector<std::pair<std::string, std::function<void(Bundle&)>>> edits = {
      {"id", [](Bundle& b) { b.articles[5].id += "x"; }},
      {"url", [](Bundle& b) { b.articles[5].url += "x"; }},
      {"title", [](Bundle& b) { b.articles[5].title += " (mis à jour)"; }},
      {"published", [](Bundle& b) { b.articles[5].published.epoch_ms += 60000; }},
      {"summary", [](Bundle& b) { b.articles[5].summary += "."; }},
      {"text", [](Bundle& b) { b.articles[5].text += " Rabat"; }},
      {"category", [](Bundle& b) { b.articles[5].category = "Sport"; }},
      {"tags", [](Bundle& b) { b.articles[5].tags.emplace_back("CAN 2025"); }},
      {"authors", [](Bundle& b) { b.articles[5].authors.emplace_back("Mbaye Gueye"); }},
      {"lang", [](Bundle& b) { b.articles[5].lang = "en"; }},
      {"expires",
       [](Bundle& b) {
         b.articles[5].expires = DateTime{1, 0};
       }},
      {"related", [](Bundle& b) { b.articles[5].related.push_back(b.articles[6].id); }},
      {"links", [](Bundle& b) { b.articles[5].links.emplace_back("https://example.ma/"); }},
      {"published offset", [](Bundle& b) { b.articles[5].published.offset_minutes += 60; }},
      {"published_text", [](Bundle& b) { b.articles[5].published_text += " "; }},
      {"image",
       [](Bundle& b) {
         b.articles[5].image = Image{"https://example.ma/a.jpg", "", 0, 0};
       }},
      {"updated",
       [](Bundle& b) {
         b.articles[5].updated = DateTime{1, 0};
       }},
      {"accessible_for_free", [](Bundle& b) { b.articles[5].accessible_for_free = false; }},
      {"expires_text", [](Bundle& b) { b.articles[5].expires_text = "2030-01-01T00:00:00Z"; }},
      {"an article less", [](Bundle& b) { b.articles.pop_back(); }},
      {"site.name", [](Bundle& b) { b.site.name += "x"; }},
      {"site.url", [](Bundle& b) { b.site.url = "https://example.ma/"; }},
      {"site.lang", [](Bundle& b) { b.site.lang = "en"; }},
      {"site.related", [](Bundle& b) { b.site.related.emplace_back("x"); }},
      {"site.links", [](Bundle& b) { b.site.links.emplace_back("https://example.ma/"); }},
      // One field's end moved into the next: the same bytes, other fields.
      {"title/summary boundary",
       [](Bundle& b) {
         b.articles[5].summary = b.articles[5].title.back() + b.articles[5].summary;
         b.articles[5].title.pop_back();
       }},
  };
  for (const auto& [what, edit] : edits) {
    Bundle edited = original;
    edit(edited);
    EXPECT_NE(related_inputs_digest(edited), digest) << what;
  }
}

TEST(PackStateDigest, TheKeyChangesWithTheSettings) {
  const std::string digest = related_inputs_digest(generated(10));
  RelatedSettings other;
  other.min_score += 0.01;
  EXPECT_EQ(related_state_key(digest, RelatedSettings{}), related_state_key(digest, RelatedSettings{}));
  EXPECT_NE(related_state_key(digest, RelatedSettings{}), related_state_key(digest, other));
  EXPECT_NE(related_state_key(digest, RelatedSettings{}),
            related_state_key(std::string(32, 'x'), RelatedSettings{}));
}

// The state's checksum is the CRC-32 of its bytes however they were given, empty parts too (an
// empty archive: libdeflate takes a null buffer for "start again").
TEST(PackStateChecksum, IsTheCrc32OfTheWholeWhateverTheParts) {
  Crc32 parts;
  parts.add("abc");
  parts.add({});
  parts.add("def");
  Crc32 whole;
  whole.add("abcdef");
  EXPECT_EQ(parts.bytes(), whole.bytes());
  EXPECT_EQ(whole.bytes(), std::string("\xef\x39\x8e\x4b", 4));  // zlib.crc32(b"abcdef"), little-endian
}

// A file that cannot be written says why, in the system's words (the state's error names it).
TEST_F(PackState, AFileThatCannotBeWrittenSaysWhy) {
  write_bytes(path_, "a file, not a folder");
  AtomicFile file(path_ + "/state");
  EXPECT_FALSE(file.write("x"));
  EXPECT_FALSE(file.commit());
  EXPECT_EQ(file.why(), std::strerror(ENOTDIR));
  AtomicFile fine(path_ + ".other");
  EXPECT_TRUE(fine.write("x") && fine.commit());
  EXPECT_EQ(fine.why(), "");
  std::filesystem::remove(path_ + ".other");
}

TEST_F(PackState, ListsComeBackAsTheyWereWritten) {
  const std::string key = related_state_key(std::string(32, 'k'), RelatedSettings{});
  const RelatedLists lists = some_lists(300);
  ASSERT_TRUE(write_pack_state(path_, key, lists));
  RelatedLists back;
  std::string why;
  ASSERT_TRUE(read_pack_state(path_, key, 300, back, why)) << why;
  EXPECT_EQ(back.counts, lists.counts);
  EXPECT_EQ(back.ids, lists.ids);
}

TEST_F(PackState, AMissingFileIsTheFirstPackNotAnError) {
  RelatedLists lists;
  std::string why;
  EXPECT_FALSE(read_pack_state(path_, std::string(32, 'k'), 10, lists, why));
  EXPECT_EQ(why, "");
}

TEST_F(PackState, OtherArticlesOrSettingsAreRefused) {
  const std::string key = related_state_key(std::string(32, 'k'), RelatedSettings{});
  ASSERT_TRUE(write_pack_state(path_, key, some_lists(300)));
  RelatedLists lists;
  std::string why;
  EXPECT_FALSE(
      read_pack_state(path_, related_state_key(std::string(32, 'j'), RelatedSettings{}), 300, lists, why));
  EXPECT_TRUE(contains(why, "other articles")) << why;
  why.clear();
  EXPECT_FALSE(read_pack_state(path_, key, 301, lists, why));
  EXPECT_TRUE(contains(why, "other articles")) << why;
}

TEST_F(PackState, ADamagedFileIsRefused) {
  const std::string key = related_state_key(std::string(32, 'k'), RelatedSettings{});
  ASSERT_TRUE(write_pack_state(path_, key, some_lists(300)));
  const std::string good = read_bytes(path_);
  const std::vector<std::pair<std::string, std::string>> damaged = {
      {"a byte changed",
       [&] {
         std::string b = good;
         b[b.size() / 2] = static_cast<char>(b[b.size() / 2] ^ 0x01);
         return b;
       }()},
      {"truncated", good.substr(0, good.size() - 100)},
      {"empty", ""},
      {"something else", "{\"articles\": []}"},
  };
  for (const auto& [what, bytes] : damaged) {
    write_bytes(path_, bytes);
    RelatedLists lists;
    std::string why;
    EXPECT_FALSE(read_pack_state(path_, key, 300, lists, why)) << what;
    EXPECT_FALSE(why.empty()) << what;
  }
}

// Whole and of the right key, but with a list longer than a pack keeps.
TEST_F(PackState, ListsLongerThanAPackKeepsAreRefused) {
  const std::string key = related_state_key(std::string(32, 'k'), RelatedSettings{});
  RelatedLists lists = some_lists(300);
  lists.counts[10] = kMaxRelatedCandidates + 1;  // reads on into article 11's slots
  ASSERT_TRUE(write_pack_state(path_, key, lists));
  RelatedLists back;
  std::string why;
  EXPECT_FALSE(read_pack_state(path_, key, 300, back, why));
  EXPECT_TRUE(contains(why, "count 65 out of range")) << why;
}

// Whole and of the right key, but pointing past the archive (a state written by a broken
// build): every id is checked before the pack uses it.
TEST_F(PackState, ListsThatPointPastTheArchiveAreRefused) {
  const std::string key = related_state_key(std::string(32, 'k'), RelatedSettings{});
  RelatedLists lists = some_lists(300);
  lists.ids[10 * kMaxRelatedCandidates + 3] = 300;
  ASSERT_TRUE(write_pack_state(path_, key, lists));
  RelatedLists back;
  std::string why;
  EXPECT_FALSE(read_pack_state(path_, key, 300, back, why));
  EXPECT_TRUE(contains(why, "article 300 out of range")) << why;
}

// --update reads the whole state: the archive comes back, an update appends to its file.
TEST_F(PackState, TheArchiveComesBackWithEveryFieldInTheEnginesOrder) {
  Bundle original = generated(60);
  Article& a = original.articles[7];
  a.views = {12, std::nullopt, 0, 5};
  a.image = Image{"https://example.ma/a.jpg", "Rabat", 640, 480};
  a.expires = DateTime{1893456000000, 60};
  a.expires_text = "2030-01-01T01:00:00+01:00";
  a.updated = DateTime{1700000000000, -120};
  a.accessible_for_free = false;
  a.related = {original.articles[8].id};
  a.links = {"/autre-article/"};
  a.text = "Le corps de l'article, que les comptes du related index remplacent.";
  original.site.related = {"x"};
  original.related.min_score = 0.2;
  original.related.limit = 7;
  original.skipped_total = 10000;  // more than the archive has bytes: a number, not a count of bytes
  const std::string id = a.id;
  std::reverse(original.articles.begin(), original.articles.end());  // not the engine's order
  ASSERT_TRUE(write_pack_state(path_, std::string(32, 'k'),
                               RelatedLists{{}, std::vector<std::uint8_t>(60, 0)}, original));

  PackStateContents back;
  std::string why;
  ASSERT_TRUE(read_pack_state_contents(path_, back, why)) << why;
  EXPECT_TRUE(back.exact);
  EXPECT_TRUE(back.same_program);
  // Read back, it writes the same bytes: every field came back.
  EXPECT_EQ(write_archive(back.archive), write_archive(original));
  ASSERT_EQ(back.archive.articles.size(), 60u);
  for (std::size_t i = 1; i < 60; ++i) {
    EXPECT_GE(back.archive.articles[i - 1].published.epoch_ms, back.archive.articles[i].published.epoch_ms);
  }
  const auto it = std::find_if(back.archive.articles.begin(), back.archive.articles.end(),
                               [&](const Article& x) { return x.id == id; });
  ASSERT_NE(it, back.archive.articles.end());
  EXPECT_EQ(it->views[0], 12);
  EXPECT_FALSE(it->views[1].has_value());
  ASSERT_TRUE(it->image && it->expires);
  EXPECT_EQ(it->image->height, 480);
  EXPECT_EQ(it->expires->offset_minutes, 60);
  EXPECT_FALSE(it->accessible_for_free);
  EXPECT_EQ(back.archive.related.min_score, 0.2);
  EXPECT_EQ(back.archive.related.limit, 7);
  EXPECT_FALSE(back.archive.related.text.has_value());
  EXPECT_EQ(back.archive.skipped_total, 10000u);
  EXPECT_EQ(back.archive.site.related, std::vector<std::string>{"x"});

  // With related counts to stand for the texts, the archive is read without them, and each
  // article's record is used again as it lies in the archive file.
  RelatedCounts counts;
  counts.offsets.assign(61, 0);
  SearchWords words{{"rabat", "sécurité"}, std::vector<std::uint32_t>(61, 2), {1, 0}};
  words.offsets[0] = 0;  // the first article has both words, in the order it met them
  const RelatedLists no_lists{{}, std::vector<std::uint8_t>(60, 0)};
  ASSERT_TRUE(PackStateWriter(path_, archive_parts(original))
                  .finish(std::string(32, 'k'), "files-x.txt", no_lists, {}, &counts, &words));
  PackStateContents lean;
  ASSERT_TRUE(read_pack_state_contents(path_, lean, why, false)) << why;
  EXPECT_FALSE(lean.texts);
  EXPECT_EQ(lean.words.words, words.words);
  EXPECT_EQ(lean.words.offsets, words.offsets);
  EXPECT_EQ(lean.words.entries, words.entries);
  EXPECT_EQ(lean.listing, "files-x.txt");
  ASSERT_EQ(lean.records.size(), 60u);
  EXPECT_TRUE(lean.archive.articles[5].text.empty());
  EXPECT_FALSE(lean.archive.articles[5].title.empty());
  EXPECT_EQ(lean.archive_file.size, std::filesystem::file_size(archive_path(path_)));

  // An update: one article changed, the others' records kept. The archive file grows by the one
  // record made, and the bytes it held stay as they were.
  std::string before;
  {
    std::ifstream in(archive_path(path_), std::ios::binary);
    before.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  Bundle& changed = lean.archive;
  changed.articles[3].title = "Sécurité : un titre corrigé";
  const std::string changed_id = changed.articles[3].id;
  const auto archived = [&](const Article& x) -> std::optional<Record> {
    if (x.id == changed_id) return std::nullopt;
    return lean.records[static_cast<std::size_t>(&x - changed.articles.data())];
  };
  const Archive update = archive_parts(changed, archived, lean.archive_file.size);
  ASSERT_FALSE(update.appended.empty());
  ASSERT_TRUE(PackStateWriter(path_, update, &lean.archive_file)
                  .finish("", "files-y.txt", no_lists, {}, &counts, &words));
  std::string after;
  {
    std::ifstream in(archive_path(path_), std::ios::binary);
    after.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  EXPECT_EQ(after.size(), before.size() + update.appended.size());
  EXPECT_EQ(after.substr(0, before.size()), before);
  PackStateContents updated;
  ASSERT_TRUE(read_pack_state_contents(path_, updated, why)) << why;  // with the texts
  Bundle expected = original;
  for (Article& x : expected.articles) {
    if (x.id == changed_id) {
      x.title = "Sécurité : un titre corrigé";
      x.text.clear();  // read without it
    }
  }
  EXPECT_EQ(write_archive(updated.archive), write_archive(expected));
  EXPECT_EQ(updated.listing, "files-y.txt");
}

// An update that did not finish leaves records past the bytes the state uses: they are not
// read, and the next update writes over them.
TEST_F(PackState, RecordsPastWhatTheStateUsesAreDroppedByTheNextUpdate) {
  const Bundle b = generated(8);
  const RelatedLists no_lists{{}, std::vector<std::uint8_t>(8, 0)};
  ASSERT_TRUE(write_pack_state(path_, std::string(32, 'k'), no_lists, b));
  const std::uintmax_t used = std::filesystem::file_size(archive_path(path_));
  // Longer than the record the next update makes: left there, it would show past it.
  std::ofstream(archive_path(path_), std::ios::binary | std::ios::app) << std::string(8192, 'x');
  PackStateContents back;
  std::string why;
  ASSERT_TRUE(read_pack_state_contents(path_, back, why)) << why;
  EXPECT_EQ(back.archive_file.size, used);
  EXPECT_EQ(write_archive(back.archive), write_archive(b));
  back.archive.articles[0].summary = "Un résumé revu.";
  const Archive update = archive_parts(
      back.archive,
      [&](const Article& x) -> std::optional<Record> {
        if (&x == &back.archive.articles[0]) return std::nullopt;
        return back.records[static_cast<std::size_t>(&x - back.archive.articles.data())];
      },
      back.archive_file.size);
  ASSERT_TRUE(PackStateWriter(path_, update, &back.archive_file).finish("", "", no_lists, {}));
  EXPECT_EQ(std::filesystem::file_size(archive_path(path_)), used + update.appended.size());
  PackStateContents again;
  ASSERT_TRUE(read_pack_state_contents(path_, again, why)) << why;
  EXPECT_EQ(write_archive(again.archive), write_archive(back.archive));
}

// The archive file missing, cut short, damaged or another state's: the state is refused, and
// the reason names the file.
TEST_F(PackState, AStateWhoseArchiveFileIsNotItsOwnIsRefused) {
  const Bundle b = generated(8);
  const RelatedLists no_lists{{}, std::vector<std::uint8_t>(8, 0)};
  ASSERT_TRUE(write_pack_state(path_, std::string(32, 'k'), no_lists, b));
  const std::string file = archive_path(path_);
  std::string good;
  {
    std::ifstream in(file, std::ios::binary);
    good.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const std::string other = path_ + "-other";
  ASSERT_TRUE(write_pack_state(other, std::string(32, 'k'), no_lists, b));  // the same articles, another file
  std::string others;
  {
    std::ifstream in(archive_path(other), std::ios::binary);
    others.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::filesystem::remove(other);
  std::filesystem::remove(archive_path(other));
  std::string flipped = good;
  flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 1);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {good.substr(0, good.size() - 1), "truncated"},
      {flipped, "checksum"},
      {others, "not the archive of this state"},
  };
  const std::string name = std::filesystem::path(file).filename().string();
  for (const auto& [bytes, expected] : cases) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    PackStateContents back;
    std::string why;
    EXPECT_FALSE(read_pack_state_contents(path_, back, why)) << expected;
    EXPECT_NE(why.find(expected), std::string::npos) << why;
    EXPECT_EQ(why.rfind(name, 0), 0u) << why;
  }
  std::filesystem::remove(file);
  PackStateContents back;
  std::string why;
  EXPECT_FALSE(read_pack_state_contents(path_, back, why));
  EXPECT_EQ(why, name + ": cannot be read");
}

TEST_F(PackState, AStateWithoutItsArchiveOrDamagedIsRefused) {
  ASSERT_TRUE(
      write_pack_state(path_, std::string(32, 'k'), RelatedLists{{}, std::vector<std::uint8_t>(5, 0)}));
  PackStateContents back;
  std::string why;
  EXPECT_FALSE(read_pack_state_contents(path_, back, why));
  EXPECT_NE(why.find("byte"), std::string::npos) << why;  // where it ends too soon

  const Bundle b = generated(5);
  ASSERT_TRUE(
      write_pack_state(path_, std::string(32, 'k'), RelatedLists{{}, std::vector<std::uint8_t>(5, 0)}, b));
  std::string bytes;
  {
    std::ifstream in(path_, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
  std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes;
  why.clear();
  EXPECT_FALSE(read_pack_state_contents(path_, back, why));
  EXPECT_NE(why.find("checksum"), std::string::npos) << why;
  why.clear();
  EXPECT_FALSE(read_pack_state_contents(path_ + ".missing", back, why));
  EXPECT_EQ(why, "cannot be read");
}

TEST_F(PackState, PatchedListsAreNeverAFullPacksLists) {
  const Bundle b = generated(5);
  const std::string key = related_state_key(related_inputs_digest(b), RelatedSettings{});
  const RelatedLists lists{{}, std::vector<std::uint8_t>(5, 0)};
  ASSERT_TRUE(write_pack_state(path_, "", lists, b));
  RelatedLists back;
  std::string why;
  EXPECT_FALSE(read_pack_state(path_, key, 5, back, why));
  EXPECT_NE(why.find("--update"), std::string::npos) << why;
  PackStateContents contents;
  ASSERT_TRUE(read_pack_state_contents(path_, contents, why)) << why;
  EXPECT_FALSE(contents.exact);
  // The same lists under their key are a full pack's.
  ASSERT_TRUE(write_pack_state(path_, key, lists, b));
  EXPECT_TRUE(read_pack_state(path_, key, 5, back, why)) << why;
}

}  // namespace
}  // namespace encart::cli
