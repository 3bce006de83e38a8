// Related articles (issue 4): text similarity, names, weights, fallback, no repeats, reasons.
#include "related/related.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/engine.h"
#include "related/language.h"
#include "test_bundles.h"
#include "text/fold.h"

namespace encart {
namespace {

using test::js;
using test::js_list;
using Ids = std::vector<std::string>;

// An article with an explicit title, summary and text; category and tags only when given.
std::string story(const std::string& id, const std::string& published, const std::string& title,
                  const std::string& summary = "", const std::string& body = "", test::Fields more = {}) {
  test::Fields fields = {{"title", js(title)}, {"published", js(published)}};
  if (!summary.empty()) fields.emplace_back("summary", js(summary));
  if (!body.empty()) fields.emplace_back("text", js(body));
  fields.insert(fields.end(), more.begin(), more.end());
  return test::article(id, fields);
}

LoadOptions at(const char* now = "2025-01-31T12:00:00Z") {
  LoadOptions o;
  o.now_ms = test::ms(now);
  return o;
}

class Related : public ::testing::Test {
 protected:
  void load(const std::vector<std::string>& articles, std::string_view top = "") {
    const auto report = engine_.load(test::bundle(articles, top), at());
    ASSERT_TRUE(report.ok()) << report.error().message;
    ASSERT_EQ(report.value().skipped_total, 0u) << report.value().skipped.front().reason();
    warnings_ = report.value().warnings;
  }
  std::vector<RelatedItem> items(const std::string& id, ListOptions o = {}) {
    auto r = engine_.related(id, o);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? r.value() : std::vector<RelatedItem>{};
  }
  Ids ids(const std::vector<RelatedItem>& items, bool scored_only = true) {
    Ids out;
    for (const RelatedItem& item : items) {
      if (!scored_only || item.source == RelatedSource::kScore)
        out.push_back(engine_.index().articles()[item.id].id);
    }
    return out;
  }
  Ids scored(const std::string& id, ListOptions o = {}) { return ids(items(id, std::move(o))); }
  std::string first_scored(const std::string& id, ListOptions o = {}) {
    const Ids got = scored(id, std::move(o));
    return got.empty() ? "(none)" : got.front();
  }

  Engine engine_;
  std::vector<std::string> warnings_;
};

// --- language ---------------------------------------------------------------------------------

TEST(RelatedLanguage, FoldsFrenchPluralsAndFeminines) {
  const auto same = [](const char* a, const char* b) {
    return related::stem(a, false) == related::stem(b, false);
  };
  EXPECT_TRUE(same("marocaines", "marocain"));
  EXPECT_TRUE(same("journaux", "journal"));
  EXPECT_TRUE(same("directrice", "directeur"));
  EXPECT_TRUE(same("sportive", "sportif"));
  EXPECT_TRUE(same("reformes", "reforme"));
  EXPECT_TRUE(same("europeenne", "europeen"));
  EXPECT_FALSE(same("police", "politique"));
}

TEST(RelatedLanguage, FoldsEnglishPluralsAndArabicAffixes) {
  EXPECT_EQ(related::stem("policies", true), related::stem("policy", true));
  EXPECT_EQ(related::stem("matches", true), related::stem("match", true));
  EXPECT_EQ(related::stem("status", true), "status");  // not every final s is a plural
  const std::string morocco = related::stem(text::fold("المغرب"), false);
  EXPECT_EQ(related::stem(text::fold("والمغرب"), false), morocco);
  EXPECT_EQ(related::stem(text::fold("بالمغرب"), false), morocco);
}

TEST(RelatedLanguage, KnowsStopWordsOfTheThreeLanguages) {
  for (const char* w : {"dans", "apres", "etaient", "the", "which", "في", "الى", "le", "a"}) {
    EXPECT_TRUE(related::is_stop_word(text::fold(w))) << w;
  }
  for (const char* w : {"securite", "maroc", "police", "الأمن"})
    EXPECT_FALSE(related::is_stop_word(text::fold(w))) << w;
}

TEST(RelatedLanguage, KnowsTheStopWordsOfStopwordsIsoThatASmallArchiveCannotLearn) {
  // Words of the stopwords-iso lists (generated/stop_words.cpp), not of our own short ones.
  for (const char* w : {"néanmoins", "toutefois", "whereas", "nevertheless", "لكن"}) {
    EXPECT_TRUE(related::is_stop_word(text::fold(w))) << w;
  }
  for (const char* w : {"barrage", "baccalaureat", "tomate", "dessalement", "أضحية"}) {
    EXPECT_FALSE(related::is_stop_word(text::fold(w))) << w;
  }
}

// --- ranking ----------------------------------------------------------------------------------

TEST_F(Related, SharedWordsRankByRarityAndTheTitleCountsMore) {
  load({
      story("sujet", "2025-01-10T10:00:00+01:00", "Le port de Tanger Med bat un record de conteneurs"),
      story("rare", "2025-01-09T10:00:00+01:00", "Nouveau terminal", "Les conteneurs arrivent en masse."),
      story("titre", "2025-01-09T10:00:00+01:00", "Les conteneurs de Tanger Med"),
      story("commun1", "2025-01-09T10:00:00+01:00", "Un record de chaleur"),
      story("commun2", "2025-01-08T10:00:00+01:00", "Record battu", "Encore un record."),
      story("commun3", "2025-01-07T10:00:00+01:00", "Record du monde"),
      // Four of six articles would not be many: 200 background pseudo-articles
      // (related/background.h) count beside the archive, and "record" is not a listed word.
      story("commun4", "2025-01-06T10:00:00+01:00", "Record de ventes"),
      story("commun5", "2025-01-05T10:00:00+01:00", "Record d'affluence"),
      story("commun6", "2025-01-04T10:00:00+01:00", "Record de pluie"),
      story("commun7", "2025-01-03T10:00:00+01:00", "Record des exportations"),
      story("commun8", "2025-01-02T10:00:00+01:00", "Record du froid"),
      story("commun9", "2025-01-01T10:00:00+01:00", "Record d'audience"),
      story("commun10", "2024-12-31T10:00:00+01:00", "Record de vitesse"),
  });
  ListOptions everything;
  everything.related.min_score = 0;  // this test is about the order, not the threshold
  everything.limit = 20;
  const Ids got = scored("sujet", everything);
  ASSERT_EQ(got.size(), 12u);
  EXPECT_EQ(got[0], "titre");  // shares the rare word and the names, in its title
  // The rare word "conteneurs" counts more than the word "record", shared by many.
  EXPECT_LT(std::find(got.begin(), got.end(), "rare") - got.begin(),
            std::find(got.begin(), got.end(), "commun1") - got.begin());
}

TEST_F(Related, ProperNamesAreStrongSignals) {
  load({
      story("sujet", "2025-01-10T10:00:00+01:00", "Coopération sécuritaire renforcée avec Paris",
            "Abdellatif Hammouchi a reçu son homologue français à Rabat."),
      story("nom", "2025-01-09T10:00:00+01:00", "Visite de travail en Espagne",
            "Le patron de la DGSN, Abdellatif Hammouchi, était à Madrid."),
      story("mots", "2025-01-09T10:00:00+01:00", "Coopération renforcée dans l'agriculture",
            "Un accord de coopération a été signé."),
  });
  const auto got = items("sujet");
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(ids(got).front(), "nom");
  const auto& reasons = got.front().reasons;
  EXPECT_NE(std::find(reasons.names.begin(), reasons.names.end(), "Abdellatif Hammouchi"),
            reasons.names.end());
  // The full name is listed, not its parts again.
  EXPECT_EQ(std::find(reasons.names.begin(), reasons.names.end(), "Hammouchi"), reasons.names.end());
}

TEST_F(Related, BodyTextAndFrenchInflectionsCount) {
  load({
      story("sujet", "2025-01-10T10:00:00+01:00", "Les barrages se remplissent", "",
            "Les pluies marocaines ont rempli les réservoirs."),
      story("corps", "2025-01-09T10:00:00+01:00", "Bilan hydrique", "",
            "Une pluie marocaine abondante et un réservoir plein."),
      story("rien", "2025-01-09T10:00:00+01:00", "Festival de musique"),
  });
  EXPECT_EQ(scored("sujet"), (Ids{"corps"}));
}

TEST_F(Related, WeightsChangeTheOrderAsDocumented) {
  const auto tagged = [](const std::string& id, const std::string& title, const std::string& category,
                         const std::vector<std::string>& tags) {
    return story(id, "2025-01-09T10:00:00+01:00", title, "", "",
                 {{"category", js(category)}, {"tags", js_list(tags)}});
  };
  load({
      tagged("sujet", "Inondations dans le Nord", "Régions", {"Météo"}),
      tagged("tag", "Alerte orange", "Société", {"Météo"}),
      tagged("mot", "Les inondations continuent", "Société", {}),
      tagged("rubrique", "Nord : la fête des amandiers", "Régions", {}),
  });
  ListOptions o;
  o.related.names = o.related.category = 0;  // words and tags only ("Nord" is a name too)
  o.related.text = 1;
  o.related.tags = 3;
  EXPECT_EQ(first_scored("sujet", o), "tag");
  o.related.tags = 0.2;
  EXPECT_EQ(first_scored("sujet", o), "mot");
  // The category weighs on candidates that share something else ("Nord" here): articles
  // sharing only the category come from the fallback.
  o = {};
  o.related.category = 0;
  EXPECT_NE(first_scored("sujet", o), "rubrique");
  o.related.category = 10;
  EXPECT_EQ(first_scored("sujet", o), "rubrique");
  // Every weight at zero: nothing scores, the fallback fills.
  o = {};
  o.related.text = o.related.names = o.related.tags = o.related.category = o.related.author = 0;
  const auto fallback = items("sujet", o);
  ASSERT_EQ(fallback.size(), 3u);
  EXPECT_TRUE(std::all_of(fallback.begin(), fallback.end(),
                          [](const RelatedItem& i) { return i.source != RelatedSource::kScore; }));
}

TEST_F(Related, RecencyHalvesRelevancePerHalfLife) {
  load({
      story("sujet", "2025-01-10T10:00:00+01:00", "Séisme dans le Haouz"),
      story("proche", "2025-01-09T10:00:00+01:00", "Séisme dans le Haouz"),
      story("loin", "2024-11-01T10:00:00+01:00", "Séisme dans le Haouz"),
  });
  ListOptions o;
  o.related.half_life_days = 10;
  o.related.min_score = 0;  // "loin" keeps 2^-6.9 of its relevance: under the default threshold
  const auto got = items("sujet", o);
  ASSERT_EQ(ids(got), (Ids{"proche", "loin"}));
  // 70 days apart against 1: a factor 2^(69/10) between the two scores.
  EXPECT_NEAR(got[0].score / got[1].score, std::exp2(69.0 / 10), 0.5);
  o.related.half_life_days = 0;  // off: equal scores, the newer first
  const auto flat = items("sujet", o);
  EXPECT_FLOAT_EQ(static_cast<float>(flat[0].score), static_cast<float>(flat[1].score));
  EXPECT_EQ(ids(flat), (Ids{"proche", "loin"}));
}

TEST_F(Related, TiesBreakByTheNewerThenId) {
  load({
      story("sujet", "2025-01-10T10:00:00+01:00", "Tramway de Casablanca"),
      story("b", "2025-01-09T10:00:00+01:00", "Tramway de Casablanca"),
      story("a", "2025-01-09T10:00:00+01:00", "Tramway de Casablanca"),
      story("c", "2025-01-11T10:00:00+01:00", "Tramway de Casablanca"),
  });
  ListOptions o;
  o.related.half_life_days = 0;
  EXPECT_EQ(scored("sujet", o), (Ids{"c", "a", "b"}));
}

TEST_F(Related, FillsFromTheSameCategoryThenTheLatestAndSaysSo) {
  const auto in = [](const std::string& id, const char* published, const std::string& title,
                     const std::string& category) {
    return story(id, published, title, "", "", {{"category", js(category)}});
  };
  load({
      in("sujet", "2025-01-10T10:00:00+01:00", "Tramway de Casablanca", "Régions"),
      in("lie", "2025-01-01T10:00:00+01:00", "Le tramway de Casablanca prolongé", "Économie"),
      in("region-vieux", "2025-01-02T10:00:00+01:00", "Festival", "Régions"),
      in("region-neuf", "2025-01-08T10:00:00+01:00", "Moussem", "Régions"),
      in("autre", "2025-01-09T10:00:00+01:00", "Bourse", "Économie"),
      in("futur", "2025-03-01T10:00:00+01:00", "Programmé", "Régions"),  // after "now": never shown
  });
  ListOptions o;
  o.limit = 5;
  const auto got = items("sujet", o);
  EXPECT_EQ(ids(got, false), (Ids{"lie", "region-neuf", "region-vieux", "autre"}));
  ASSERT_EQ(got.size(), 4u);  // every visible article but the subject
  EXPECT_EQ(got[0].source, RelatedSource::kScore);
  EXPECT_GT(got[0].score, 0);
  EXPECT_EQ(got[1].source, RelatedSource::kCategory);
  EXPECT_EQ(got[2].source, RelatedSource::kCategory);
  EXPECT_TRUE(got[1].reasons.same_category);
  EXPECT_EQ(got[3].source, RelatedSource::kLatest);
  EXPECT_EQ(got[3].score, 0);
  // The filter applies to the fallback too.
  o.filter.categories = {"Économie"};
  EXPECT_EQ(ids(items("sujet", o), false), (Ids{"lie", "autre"}));
  o.limit = 1;
  EXPECT_EQ(ids(items("sujet", o), false), (Ids{"lie"}));
}

TEST_F(Related, ReasonsNameSharedTagsWordsCategoryAndAuthors) {
  const test::Fields politics = {{"category", js("Politique")},
                                 {"tags", js_list({"Parlement", "Famille"})},
                                 {"author", js("Leïla Benjelloun")}};
  load({
      story("sujet", "2025-01-10T10:00:00+01:00", "La réforme de la Moudawana arrive au Parlement", "", "",
            politics),
      story("suite", "2025-01-12T10:00:00+01:00", "Moudawana : les députés amendent la réforme", "", "",
            politics),
  });
  const auto got = items("sujet");
  ASSERT_EQ(got.size(), 1u);
  const RelatedReasons& r = got[0].reasons;
  Ids tags = r.tags;
  std::sort(tags.begin(), tags.end());
  EXPECT_EQ(tags, (Ids{"Famille", "Parlement"}));
  EXPECT_EQ(r.authors, (Ids{"Leïla Benjelloun"}));
  EXPECT_TRUE(r.same_category);
  EXPECT_NE(std::find(r.words.begin(), r.words.end(), "réforme"), r.words.end());
  // "Moudawana" opens the second title: a lone capitalised word there is not taken for a name,
  // but it is still a shared word.
  EXPECT_NE(std::find(r.words.begin(), r.words.end(), "Moudawana"), r.words.end());
}

TEST_F(Related, ReadsSettingsFromTheBundleClampsThemAndWarns) {
  load({story("sujet", "2025-01-10T10:00:00+01:00", "Tramway"),
        story("x", "2025-01-09T10:00:00+01:00", "Tramway")},
       R"("related": {"limit": 50, "min_score": -1, "half_life_days": "long",
                      "weights": {"tags": 20, "names": 2}, "repeats": true})");
  const RelatedSettings& s = engine_.related_settings();
  EXPECT_EQ(s.limit, 20u);
  EXPECT_EQ(s.min_score, 0);
  EXPECT_EQ(s.half_life_days, RelatedSettings{}.half_life_days);
  EXPECT_EQ(s.tags, 10);
  EXPECT_EQ(s.names, 2);
  EXPECT_TRUE(s.repeats);
  const auto has = [&](const std::string& text) {
    return std::any_of(warnings_.begin(), warnings_.end(),
                       [&](const std::string& w) { return test::contains(w, text); });
  };
  EXPECT_TRUE(has("related.limit: 50 is above 20, using 20"));
  EXPECT_TRUE(has("related.min_score: -1 is below 0, using 0"));
  EXPECT_TRUE(has("related.half_life_days: expected a number, found a string (ignored)"));
  EXPECT_TRUE(has("related.weights.tags: 20 is above 10, using 10"));
}

TEST(RelatedSettingsApply, ClampsOverridesAndIgnoresNaN) {
  RelatedOverrides o;
  o.text = -3;
  o.names = NAN;
  o.limit = 7.9;
  o.half_life_days = 1e9;
  const RelatedSettings s = apply(RelatedSettings{}, o);
  EXPECT_EQ(s.text, 0);
  EXPECT_EQ(s.names, RelatedSettings{}.names);
  EXPECT_EQ(s.limit, 7u);
  EXPECT_EQ(s.half_life_days, 3650);
}

// --- the sidebar --------------------------------------------------------------------------------

// Issue 11: on a site of a dozen articles, "Les plus lus" starts with the most read even when it
// is also among the newest; only "related" leaves out what the other lists show.
TEST_F(Related, TheRankingsKeepTheirOrderAndRelatedShowsWhatTheyDoNot) {
  std::vector<std::string> articles;
  for (int i = 0; i < 12; ++i) {
    const std::string id = "t" + std::to_string(10 + i);
    // The newest are the most read: t21 first, then t20...
    articles.push_back(story(id, ("2025-01-" + std::to_string(10 + i) + "T10:00:00+01:00").c_str(),
                             "Tramway de Casablanca, épisode " + id, "", "",
                             {{"views", std::to_string(100 + i)}}));
  }
  load(articles);
  SidebarRequest request;
  request.article = "t20";
  request.latest_limit = request.most_read_limit = 3;
  request.related_limit = 3;
  // Words found in every article of this small bundle weigh next to nothing: no threshold.
  request.related.min_score = 0;
  const auto page = engine_.sidebar(request);
  ASSERT_TRUE(page.ok());
  const auto shown_ids = [&](const std::string& html) {
    Ids out;
    for (const auto& a : engine_.index().articles()) {
      if (test::contains(html, "/articles/" + a.id + "\"")) out.push_back(a.id);
    }
    return out;
  };
  // Both rankings leave out only the article on screen (t20), and overlap.
  EXPECT_EQ(shown_ids(page.value().latest.html), (Ids{"t21", "t19", "t18"}));
  EXPECT_EQ(shown_ids(page.value().most_read.html), (Ids{"t21", "t19", "t18"}));
  // Related: none of those, nor t20; the episodes closest in time come first (bundle order here).
  const Ids related = shown_ids(page.value().related.html);
  EXPECT_EQ(related, (Ids{"t17", "t16", "t15"}));

  request.related.repeats = true;
  const auto repeated = engine_.sidebar(request);
  ASSERT_TRUE(repeated.ok());
  // With repeats allowed, related shows the closest episodes, whatever the rankings show.
  EXPECT_EQ(shown_ids(repeated.value().related.html), (Ids{"t21", "t19", "t18"}));
  EXPECT_EQ(shown_ids(repeated.value().most_read.html), (Ids{"t21", "t19", "t18"}));
}

TEST_F(Related, ReleasesTheBodyTextOnceIndexed) {
  load({story("a", "2025-01-10T10:00:00+01:00", "Titre", "", "Un long corps de texte.")});
  EXPECT_TRUE(engine_.index().articles()[0].text.empty());
}

}  // namespace
}  // namespace encart

namespace encart {
namespace {

TEST(RelatedReasonsNames, AShortNameIsHiddenOnlyInsideALongerOneAsAWord) {
  // Also: a French title full of names ("Pour Ali, Alibaba Group vise le Maroc") is not Title Case.
  Engine engine;
  LoadOptions o;
  o.now_ms = test::ms("2025-01-31T12:00:00Z");
  std::vector<std::string> articles = {
      test::article("a", {{"title", test::js("Rencontre entre Ali et le patron de Alibaba Group à Rabat")},
                          {"published", test::js("2025-01-10T10:00:00Z")}}),
      test::article("b", {{"title", test::js("Pour Ali, Alibaba Group vise le Maroc")},
                          {"published", test::js("2025-01-11T10:00:00Z")}}),
  };
  // Other stories, so that what the two share is rare enough to count.
  for (const char* other :
       {"Festival de musique à Essaouira", "Pluies sur le Rif", "Le budget adopté", "Victoire du Wydad"}) {
    articles.push_back(
        test::article(other, {{"title", test::js(other)}, {"published", test::js("2025-01-05T10:00:00Z")}}));
  }
  const auto b = test::bundle(articles);
  ASSERT_TRUE(engine.load(b, o).ok());
  const auto related = engine.related("a", {});
  ASSERT_TRUE(related.ok());
  ASSERT_FALSE(related.value().empty());
  EXPECT_EQ(related.value()[0].source, RelatedSource::kScore);
  const auto& names = related.value()[0].reasons.names;
  EXPECT_NE(std::find(names.begin(), names.end(), "Ali"), names.end()) << names.size();
  EXPECT_NE(std::find(names.begin(), names.end(), "Alibaba Group"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "Alibaba"), names.end());  // part of "Alibaba Group"
}

}  // namespace
}  // namespace encart
