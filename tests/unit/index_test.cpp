// The index's building blocks on their own: Bitset (one bit per article, 64 to a word), IdLists
// (id lists laid end to end) and WordTable (interning while loading).
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "hostile.h"
#include "index/bitset.h"
#include "index/index.h"
#include "index/word_table.h"

namespace {

using encart::Bitset;
using encart::IdLists;
using encart::WordTable;

std::vector<std::size_t> members(const Bitset& b) {
  std::vector<std::size_t> out;
  b.for_each_until([&](std::size_t i) {
    out.push_back(i);
    return true;
  });
  return out;
}

std::vector<std::uint32_t> list(const IdLists& lists, std::size_t key) {
  const auto span = lists[key];
  return {span.begin(), span.end()};
}

TEST(Bitset, FullSetOfOddSizeCountsOnlyItsMembers) {
  // 130 = two whole words and 2 bits: the unused bits of the last word must stay clear.
  const Bitset all(130, true);
  EXPECT_EQ(all.size(), 130u);
  EXPECT_EQ(all.count(), 130u);
  EXPECT_EQ(members(all).back(), 129u);
}

TEST(Bitset, FullSetOfWholeWordsKeepsEveryBit) {
  const Bitset all(128, true);
  EXPECT_EQ(all.count(), 128u);
  EXPECT_TRUE(all[63]);
  EXPECT_TRUE(all[64]);
  EXPECT_TRUE(all[127]);
}

TEST(Bitset, EmptySetHasNoMembers) {
  const Bitset none(0, true);
  EXPECT_EQ(none.count(), 0u);
  EXPECT_TRUE(members(none).empty());
  const Bitset clear(200);
  EXPECT_EQ(clear.count(), 0u);
}

TEST(Bitset, SetAndResetAtWordBoundaries) {
  Bitset b(200);
  for (const std::size_t i : {0, 63, 64, 127, 128, 199}) b.set(i);
  EXPECT_EQ(members(b), (std::vector<std::size_t>{0, 63, 64, 127, 128, 199}));
  b.reset(64);
  b.reset(63);
  EXPECT_EQ(members(b), (std::vector<std::size_t>{0, 127, 128, 199}));
  EXPECT_FALSE(b[63]);
  EXPECT_FALSE(b[64]);
}

TEST(Bitset, ReferenceAssignsOneBitLeavingItsNeighbours) {
  Bitset b(70);
  b[64] = true;
  EXPECT_TRUE(b[64]);
  EXPECT_FALSE(b[63]);
  EXPECT_FALSE(b[65]);
  b[64] = false;
  EXPECT_EQ(b.count(), 0u);
  const bool read = b[5];
  EXPECT_FALSE(read);
}

TEST(Bitset, SetRangeCoversPartialWholeAndPartialWords) {
  Bitset b(300);
  b.set_range(60, 200);  // the end of word 0, words 1 and 2 whole, the start of word 3
  EXPECT_EQ(b.count(), 140u);
  EXPECT_FALSE(b[59]);
  EXPECT_TRUE(b[60]);
  EXPECT_TRUE(b[199]);
  EXPECT_FALSE(b[200]);
}

TEST(Bitset, SetRangeWithinOneWordAndEmptyRange) {
  Bitset b(64);
  b.set_range(3, 7);
  EXPECT_EQ(members(b), (std::vector<std::size_t>{3, 4, 5, 6}));
  b.set_range(10, 10);
  EXPECT_EQ(b.count(), 4u);
  Bitset whole(128);
  whole.set_range(64, 128);  // exactly one aligned word
  EXPECT_EQ(whole.count(), 64u);
  EXPECT_FALSE(whole[63]);
}

TEST(Bitset, IntersectionAndUnion) {
  Bitset a(130), b(130);
  a.set_range(0, 100);
  b.set_range(64, 130);
  Bitset both = a;
  both &= b;
  EXPECT_EQ(both.count(), 36u);  // [64, 100)
  EXPECT_EQ(members(both).front(), 64u);
  Bitset either = a;
  either |= b;
  EXPECT_EQ(either.count(), 130u);
}

TEST(Bitset, ForEachUntilVisitsInAscendingOrderAndStopsWhenAsked) {
  Bitset b(256);
  for (const std::size_t i : {255, 3, 64, 130}) b.set(i);
  std::vector<std::size_t> seen;
  b.for_each_until([&](std::size_t i) {
    seen.push_back(i);
    return seen.size() < 3;
  });
  EXPECT_EQ(seen, (std::vector<std::size_t>{3, 64, 130}));
}

TEST(IdLists, AppendSortsAndDedupsEachList) {
  IdLists lists;
  std::vector<std::uint32_t> first{5, 1, 5, 3};
  lists.append(first);
  std::vector<std::uint32_t> empty;
  lists.append(empty);
  std::vector<std::uint32_t> third{2};
  lists.append(third);
  ASSERT_EQ(lists.size(), 3u);
  EXPECT_EQ(list(lists, 0), (std::vector<std::uint32_t>{1, 3, 5}));
  EXPECT_TRUE(lists[1].empty());
  EXPECT_EQ(list(lists, 2), (std::vector<std::uint32_t>{2}));
  EXPECT_EQ(lists.volume(0, 3), 4u);
  EXPECT_EQ(lists.volume(1, 2), 0u);
}

TEST(IdLists, AppendUnorderedKeepsTheOrderGiven) {
  IdLists lists;
  lists.append_unordered({9, 2, 4});
  EXPECT_EQ(list(lists, 0), (std::vector<std::uint32_t>{9, 2, 4}));
}

TEST(IdLists, InvertedTransposesIntoAscendingLists) {
  IdLists article_terms;  // article -> terms
  article_terms.append_unordered({2, 0});
  article_terms.append_unordered({});
  article_terms.append_unordered({0, 1, 2});
  const IdLists term_articles = article_terms.inverted(4);  // term 3 is in no article
  ASSERT_EQ(term_articles.size(), 4u);
  EXPECT_EQ(list(term_articles, 0), (std::vector<std::uint32_t>{0, 2}));
  EXPECT_EQ(list(term_articles, 1), (std::vector<std::uint32_t>{2}));
  EXPECT_EQ(list(term_articles, 2), (std::vector<std::uint32_t>{0, 2}));
  EXPECT_TRUE(term_articles[3].empty());
}

TEST(IdLists, InvertedWithRenameStoresEachListAtItsNewPosition) {
  IdLists lists;
  lists.append_unordered({0});
  lists.append_unordered({1, 0});
  const std::vector<std::uint32_t> rename{1, 0};  // value 0 is stored at 1, value 1 at 0
  const IdLists out = lists.inverted(2, &rename);
  EXPECT_EQ(list(out, 0), (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(list(out, 1), (std::vector<std::uint32_t>{0, 1}));
}

TEST(IdLists, RemapReplacesValuesAndKeepsListsSorted) {
  IdLists lists;
  std::vector<std::uint32_t> ids{0, 1, 2};
  lists.append(ids);
  lists.remap({2, 0, 1});
  EXPECT_EQ(list(lists, 0), (std::vector<std::uint32_t>{0, 1, 2}));
  IdLists two;
  std::vector<std::uint32_t> a{0}, b{1, 2};
  two.append(a);
  two.append(b);
  two.remap({7, 9, 3});
  EXPECT_EQ(list(two, 0), (std::vector<std::uint32_t>{7}));
  EXPECT_EQ(list(two, 1), (std::vector<std::uint32_t>{3, 9}));
}

TEST(WordTable, NumbersDistinctWordsInOrderOfArrival) {
  WordTable words;
  EXPECT_EQ(words.intern("maroc"), 0u);
  EXPECT_EQ(words.intern("securite"), 1u);
  EXPECT_EQ(words.intern("maroc"), 0u);
  EXPECT_EQ(words.size(), 2u);
  EXPECT_EQ(words.word(0), "maroc");
  EXPECT_EQ(words.word(1), "securite");
}

TEST(WordTable, KeepsEmptyAndPrefixWordsApart) {
  WordTable words;
  const auto empty = words.intern("");
  const auto ma = words.intern("ma");
  const auto maroc = words.intern("maroc");
  EXPECT_NE(ma, maroc);
  EXPECT_EQ(words.intern(""), empty);
  EXPECT_EQ(words.word(empty), "");
  EXPECT_EQ(words.word(ma), "ma");
}

TEST(WordTable, KeepsEveryWordThroughManyGrowths) {
  // The table starts with 1024 slots and doubles at half full: 5000 words grow it several times.
  WordTable words;
  for (std::uint32_t i = 0; i < 5000; ++i) ASSERT_EQ(words.intern("w" + std::to_string(i)), i);
  EXPECT_EQ(words.size(), 5000u);
  for (std::uint32_t i = 0; i < 5000; i += 499) {
    EXPECT_EQ(words.intern("w" + std::to_string(i)), i);
    EXPECT_EQ(words.word(i), "w" + std::to_string(i));
  }
  EXPECT_EQ(words.size(), 5000u);
}

// The 32-bit FNV-1a the table used before issue 12.
std::uint32_t old_hash(const std::string& w) {
  std::uint32_t h = 2166136261U;
  for (const char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619U;
  return h;
}

// Interns `words` twice: ids in order of arrival the first time, the same ids the second.
void expect_interned_in_order(WordTable& table, const std::vector<std::string>& words) {
  for (std::uint32_t i = 0; i < words.size(); ++i) ASSERT_EQ(table.intern(words[i]), i) << words[i];
  for (std::uint32_t i = 0; i < words.size(); ++i) ASSERT_EQ(table.intern(words[i]), i) << words[i];
  ASSERT_EQ(table.size(), words.size());
  for (std::uint32_t i = 0; i < words.size(); ++i) ASSERT_EQ(table.word(i), words[i]);
}

TEST(WordTable, KeepsProbesShortForWordsCraftedToCollideUnderTheOldHash) {
  const std::vector<std::string> crafted = encart::bench::fnv1a_collisions(16);
  ASSERT_EQ(crafted.size(), 65536u);
  for (const std::string& w : crafted) ASSERT_EQ(old_hash(w), old_hash(crafted[0]));
  WordTable table;
  expect_interned_in_order(table, crafted);
  // Random words at half load: some tens of slots at worst. The old hash put all of them in one
  // cluster of 65,536.
  EXPECT_LT(table.longest_probe(), WordTable::kMaxProbe);
}

TEST(WordTable, BoundsEveryLookupEvenWhenTheWindowIsFull) {
  // With a window of 2 slots, many words go to the overflow map: ids and words stay right.
  WordTable table(2);
  const std::vector<std::string> words = encart::bench::random_words(14);
  expect_interned_in_order(table, words);
  EXPECT_EQ(table.longest_probe(), 2u);
}

TEST(WordTable, GivesTheSameIdsWhateverTheKey) {
  // The key changes as the table grows; ids follow arrival only, so the same words in the
  // same order always get the same ids, and a word met again keeps its id.
  WordTable a;
  WordTable b;
  const std::vector<std::string> words = encart::bench::random_words(12, 7);
  for (const std::string& w : words) ASSERT_EQ(a.intern(w), b.intern(w));
  EXPECT_EQ(a.intern(words[100]), 100u);
}

}  // namespace
