// What readers type: elisions, typos, date presets.
#include <gtest/gtest.h>

#include "engine/engine.h"
#include "test_bundles.h"
#include "text/fold.h"

namespace encart {
namespace {

using test::article;
using test::bundle;
using test::js;
using Words = std::vector<std::string>;

TEST(Elision, DropsFrenchElidedWordsBeforeAnApostrophe) {
  EXPECT_EQ(text::words("l'économie d’Agadir qu'il jusqu’à"), (Words{"economie", "agadir", "il", "a"}));
  EXPECT_EQ(text::words("L’ÉTÉ"), (Words{"ete"}));
}

TEST(Elision, DropsEnglishClitics) {
  EXPECT_EQ(text::words("Morocco's plan, don't"), (Words{"morocco", "plan", "don"}));
}

TEST(Elision, KeepsALoneLetterWithoutApostrophe) {
  EXPECT_EQ(text::words("l d s"), (Words{"l", "d", "s"}));
  // "l'" typed so far: the word is coming, the article is already dropped (no empty results).
  EXPECT_TRUE(text::words("l'").empty());
  EXPECT_EQ(text::words("L‘école They're"), (Words{"ecole", "they"}));
}

class Matching : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string json = bundle({
        article("eco", {{"title", js("L'économie marocaine accélère")},
                        {"published", js("2024-12-10T09:00:00+01:00")}}),
        article("secu", {{"title", js("Sécurité : Rabat et Paris coopèrent")},
                         {"published", js("2024-12-09T23:30:00+01:00")}}),
        article("vieux",
                {{"title", js("Un été record à Agadir")}, {"published", js("2024-11-01T10:00:00+01:00")}}),
        article("semaine",
                {{"title", js("Réforme de l'école")}, {"published", js("2024-12-05T10:00:00+01:00")}}),
    });
    LoadOptions options;
    options.now_ms = test::ms("2024-12-10T12:00:00Z");
    options.utc_offset_minutes = 60;
    ASSERT_TRUE(engine_.load(json, options).ok());
  }

  Words find(const std::string& q, const std::string& date = "") {
    ListOptions options;
    options.filter.q = q;
    options.filter.date = date;
    const auto result = engine_.latest(options);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    Words ids;
    if (result.ok()) {
      for (const ArticleId a : result.value()) ids.push_back(engine_.index().articles()[a].id);
    }
    return ids;
  }

  Engine engine_;
};

TEST_F(Matching, FindsAWordAfterAnElisionEitherWay) {
  EXPECT_EQ(find("l'économie"), (Words{"eco"}));
  EXPECT_EQ(find("économie"), (Words{"eco"}));
  EXPECT_EQ(find("l’eco"), (Words{"eco", "semaine"}));  // économie, and école by prefix
}

TEST_F(Matching, ToleratesOneTypoInLongWordsThatMatchNothing) {
  EXPECT_EQ(find("securté"), (Words{"secu"}));    // a letter missing
  EXPECT_EQ(find("sécuritée"), (Words{"secu"}));  // one too many
  EXPECT_EQ(find("secrutie"), Words{});           // two edits: nothing
  EXPECT_EQ(find("sceurité"), (Words{"secu"}));   // two letters swapped
  EXPECT_EQ(find("securt"), (Words{"secu"}));     // a prefix with a typo, while typing
  EXPECT_EQ(find("ecole"), (Words{"semaine"}));   // exact match: no fallback needed
}

TEST_F(Matching, GivesShortWordsNoTypoSlack) {
  EXPECT_EQ(find("rabta"), (Words{"secu"}));  // five letters: one edit allowed
  EXPECT_EQ(find("ete "), (Words{"vieux"}));
  EXPECT_EQ(find("eta "), Words{});  // three letters: exact only
}

TEST_F(Matching, KeepsDatePresetsRelativeToThePassedInNow) {
  // now = 2024-12-10T12:00Z, the reader at +01:00: "today" is 10 December for them.
  EXPECT_EQ(find("", "today"), (Words{"eco"}));
  EXPECT_EQ(find("", "7d"), (Words{"eco", "secu", "semaine"}));
  EXPECT_EQ(find("", "30d"), (Words{"eco", "secu", "semaine"}));
  EXPECT_EQ(find(""), (Words{"eco", "secu", "semaine", "vieux"}));
}

TEST_F(Matching, RejectsAnUnknownDatePresetNamingTheField) {
  ListOptions options;
  options.filter.date = "yesterday";
  const auto result = engine_.latest(options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kBadFilter);
  EXPECT_NE(result.error().message.find("filter.date"), std::string::npos) << result.error().message;
}

}  // namespace
}  // namespace encart
