// SearchWords (index/index.h): a search index built from the words an earlier build kept, the
// changed articles read again, is the index reading every title and summary gives: the same
// dictionary and the same articles for every term (encart pack --update relies on it).
#include <gtest/gtest.h>

#include <unordered_map>

#include "bundle/parser.h"
#include "engine/engine.h"
#include "generated_bundle.h"

namespace encart {
namespace {

void expect_same_search(const Index& actual, const Index& expected) {
  ASSERT_EQ(actual.dictionary(), expected.dictionary());
  for (TermId t = 0; t < expected.dictionary().size(); ++t) {
    const auto want = expected.term_articles(t);
    const auto got = actual.term_articles(t);
    ASSERT_EQ(std::vector<ArticleId>(got.begin(), got.end()),
              std::vector<ArticleId>(want.begin(), want.end()))
        << expected.dictionary()[t];
  }
}

class SearchWordsReuse : public ::testing::Test {
 protected:
  void SetUp() override {
    Bundle before = generated(900);
    LoadOptions keeping;
    keeping.search_words.keep = &kept_;
    ASSERT_TRUE(first_.load_bundle(before, keeping).ok());
    for (ArticleId a = 0; a < first_.index().size(); ++a) position_[first_.index().articles()[a].id] = a;

    // A publish: a new article (the newest, with words no other has), a title edited.
    after_ = before;
    edited_ = publish(after_);
  }

  LoadOptions from(const SearchWords& words, SearchWords* keep) {
    LoadOptions options;
    options.search_words = {&words,
                            [this](const Article& a) -> std::int64_t {
                              const auto it = position_.find(a.id);
                              return it == position_.end() || a.id == edited_ ? -1 : it->second;
                            },
                            keep};
    return options;
  }

  SearchWords kept_;
  Engine first_;
  std::unordered_map<std::string, std::int64_t> position_;  // id -> ArticleId in first_
  Bundle after_;
  std::string edited_;
};

TEST_F(SearchWordsReuse, AnIndexFromKeptWordsIsTheIndexFromTheText) {
  ASSERT_EQ(kept_.offsets.size(), 901u);
  SearchWords from_text, from_words;
  Engine text, reused;
  LoadOptions by_text;
  by_text.search_words.keep = &from_text;
  ASSERT_TRUE(text.load_bundle(after_, by_text).ok());
  ASSERT_TRUE(reused.load_bundle(after_, from(kept_, &from_words)).ok());

  expect_same_search(reused.index(), text.index());
  EXPECT_GT(text.index().dictionary().size(), 500u);
  // What the next update reads is the same too: the words numbered as met, article by article.
  EXPECT_EQ(from_words.words, from_text.words);
  EXPECT_EQ(from_words.offsets, from_text.offsets);
  EXPECT_EQ(from_words.entries, from_text.entries);
  for (const char* word : {"hammouchi", "corrige", "bruxelles"}) {
    const auto [first, last] = reused.index().term_range(word, false);
    EXPECT_EQ(last - first, 1u) << word << ": the changed articles' words are read from their text";
  }
}

// encart pack --update frees the words it read from the state when `done` says they are read.
// Here `done` garbles them instead: a word read after it would change the index.
TEST_F(SearchWordsReuse, DoneIsCalledOnceAfterTheKeptWordsAreReadForTheLastTime) {
  SearchWords copy = kept_;
  LoadOptions options = from(copy, nullptr);
  int calls = 0;
  options.search_words.done = [&] {
    ++calls;
    for (std::string& word : copy.words) word = "garbled";
  };
  Engine text, reused;
  ASSERT_TRUE(text.load_bundle(after_, LoadOptions{}).ok());
  ASSERT_TRUE(reused.load_bundle(after_, options).ok());
  EXPECT_EQ(calls, 1);
  expect_same_search(reused.index(), text.index());
}

TEST_F(SearchWordsReuse, TheWordsOfUnchangedArticlesComeFromTheKeptOnesNotTheirText) {
  SearchWords altered = kept_;
  for (std::string& w : altered.words) {
    if (w == "calendrier") w = "calendrierx";
  }
  Engine reused;
  ASSERT_TRUE(reused.load_bundle(after_, from(altered, nullptr)).ok());
  const auto [first, last] = reused.index().term_range("calendrierx", false);
  EXPECT_EQ(last - first, 1u) << "the kept words were not used";
}

}  // namespace
}  // namespace encart
