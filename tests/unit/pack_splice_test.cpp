// encart pack --update (tools/cli/pack_state.h's splice_counts): the related counts and search
// words of the articles an update did not read again go to the new state as the last one held
// them, and read back they give the index the texts give.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include <gtest/gtest.h>

#include "generated_bundle.h"
#include "pack_state.h"
#include "pack_state_fixture.h"
#include "text/fold.h"

namespace encart::cli {
namespace {

// An update's state holds the related counts and search words of the articles it did not read
// again as the last state held them, byte for byte, and the others' in its numbers, a feature
// or word new to it numbered after its own (splice_counts). The next update, reading them for
// every article, builds the index that reading every text gives: the same features, counts,
// words and rankings.
TEST_F(PackState, SplicedCountsGiveTheIndexTheTextsGive) {
  constexpr std::size_t kArticles = 800;
  const Bundle before = generated(kArticles);
  RelatedCounts counts;
  SearchWords words;
  Engine full;
  LoadOptions keeping;
  keeping.related_counts.keep = &counts;
  keeping.search_words.keep = &words;
  ASSERT_TRUE(full.load_bundle(before, keeping).ok());
  ASSERT_TRUE(PackStateWriter(path_, archive_parts(before))
                  .finish(std::string(32, 'k'), "", RelatedLists{{}, std::vector<std::uint8_t>(kArticles, 0)},
                          {}, &counts, &words));
  PackStateContents last;
  std::string why;
  ASSERT_TRUE(read_pack_state_contents(path_, last, why, false)) << why;
  ASSERT_EQ(last.kept.counts.at.size(), kArticles);
  ASSERT_EQ(last.kept.words.at.size(), kArticles);
  const std::size_t last_features = last.counts.keys.size();
  const std::size_t last_words = last.words.words.size();

  // A publish: a new article, the newest, with words and a tag no other has; a title edited.
  Bundle after = before;
  const std::string edited = publish(after);
  // Its authors: an older article's two, the one the full pack numbered last first. Met first
  // now, they are numbered the other way round (ValueIds), which must not change the order
  // the older article's counts are kept in.
  const FacetValues& authors = full.index().facet(Facet::kAuthor);
  const auto two = std::find_if(before.articles.begin() + 20, before.articles.end(),
                                [](const Article& a) { return a.authors.size() == 2; });
  ASSERT_NE(two, before.articles.end());
  const std::int64_t first_id = authors.find(text::fold(two->authors[0]));
  const std::int64_t second_id = authors.find(text::fold(two->authors[1]));
  ASSERT_TRUE(first_id >= 0 && second_id >= 0);
  after.articles.back().authors = {two->authors[first_id < second_id ? 1 : 0]};

  std::unordered_map<std::string, std::int64_t> position;  // id -> ArticleId in the last state
  for (std::size_t o = 0; o < last.archive.articles.size(); ++o) position[last.archive.articles[o].id] = o;
  const auto reuse = [&](const Article& a) -> std::int64_t {
    const auto it = position.find(a.id);
    return it == position.end() || a.id == edited ? -1 : it->second;
  };
  RelatedCounts counted;
  SearchWords worded;
  std::vector<std::uint32_t> count_numbers, word_numbers;
  Engine update;
  LoadOptions options;
  options.related_counts = {&last.counts, reuse, &counted};
  options.related_counts.numbers = &count_numbers;
  options.related_counts.keep_reused = false;  // spliced from the state
  options.search_words = {&last.words, reuse, &worded};
  options.search_words.numbers = &word_numbers;
  options.search_words.keep_reused = false;
  ASSERT_TRUE(update.load_bundle(after, options).ok());
  std::vector<std::int64_t> source(update.index().size());
  for (ArticleId a = 0; a < source.size(); ++a) source[a] = reuse(update.index().articles()[a]);
  ASSERT_EQ(std::count(source.begin(), source.end(), -1), 2);
  PackStateWriter writer(path_, archive_parts(after));
  writer.counts_section(splice_counts(last.kept, source, counted, count_numbers, worded, word_numbers));
  ASSERT_TRUE(writer.finish("", "", RelatedLists{{}, std::vector<std::uint8_t>(kArticles + 1, 0)}, {}));

  PackStateContents next;
  ASSERT_TRUE(read_pack_state_contents(path_, next, why, false)) << why;
  EXPECT_FALSE(next.texts);
  EXPECT_GT(next.counts.keys.size(), last_features);  // the new tag, the new words
  EXPECT_GT(next.words.words.size(), last_words);
  // An article not read again: its entries as the last state held them, byte for byte.
  const ArticleId kept_article = source[0] < 0 ? 2 : 0;  // the newest is the added one
  const auto entries = [](const KeptSection& kept, const KeptSection::Part& part, std::size_t a) {
    const std::size_t end = a + 1 < part.at.size() ? part.at[a + 1] : part.end;
    return kept.bytes.substr(part.at[a], end - part.at[a]);
  };
  const auto was = static_cast<std::size_t>(source[kept_article]);
  EXPECT_EQ(entries(next.kept, next.kept.counts, kept_article), entries(last.kept, last.kept.counts, was));
  EXPECT_EQ(entries(next.kept, next.kept.words, kept_article), entries(last.kept, last.kept.words, was));

  // The next update's load, every article's counts and words from the state (the archive it
  // read has no texts), against a load reading every text.
  RelatedCounts counts_text, counts_state;
  SearchWords words_text, words_state;
  Engine text, state;
  LoadOptions by_text;
  by_text.related_counts.keep = &counts_text;
  by_text.search_words.keep = &words_text;
  ASSERT_TRUE(text.load_bundle(after, by_text).ok());
  std::unordered_map<std::string, std::int64_t> at_next;
  for (std::size_t o = 0; o < next.archive.articles.size(); ++o) at_next[next.archive.articles[o].id] = o;
  const auto from_state = [&](const Article& a) -> std::int64_t { return at_next.at(a.id); };
  LoadOptions by_state;
  by_state.related_counts = {&next.counts, from_state, &counts_state};
  by_state.search_words = {&next.words, from_state, &words_state};
  ASSERT_TRUE(state.load_bundle(next.archive, by_state).ok());
  EXPECT_EQ(counts_state.keys, counts_text.keys);
  EXPECT_EQ(counts_state.offsets, counts_text.offsets);
  EXPECT_EQ(counts_state.entries, counts_text.entries);
  EXPECT_EQ(words_state.words, words_text.words);
  EXPECT_EQ(words_state.entries, words_text.entries);
  EXPECT_EQ(state.index().dictionary(), text.index().dictionary());
  expect_same_related(state, text, 5);
}

}  // namespace
}  // namespace encart::cli
