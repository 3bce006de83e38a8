// encart pack --state (tools/cli/pack_state.h): the related lists of one pack come back only to
// a pack of the same articles (their views aside) and settings, and only whole; anything else is
// refused with a reason, and the lists are ranked again.
#include "pack_state.h"

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

class PackState : public ::testing::Test {
 protected:
  void TearDown() override {
    std::filesystem::remove(path_);
    std::filesystem::remove(archive_path(path_));
  }
  const std::string path_ = (std::filesystem::temp_directory_path() /
                             ("encart-state-test-" + std::to_string(::getpid()) + "-" +
                              ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                                .string();
};

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

}  // namespace
}  // namespace encart::cli
