// A generated bundle (tools/generate), parsed: the archive the pack and index tests start from.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "bundle/parser.h"
#include "engine/engine.h"
#include "generate.h"

namespace encart {

inline Bundle generated(std::size_t articles) {
  auto parsed = parse_bundle(bench::generate_bundle(articles), ParseOptions{});
  EXPECT_TRUE(parsed.ok());
  return std::move(parsed).value();
}

// A publish, as encart pack --update meets one: a new article, the newest, with words and a tag
// no other has (and the authors of article 10), and the title of article 500 edited, whose id
// this returns. `archive` needs 701 articles at least.
inline std::string publish(Bundle& archive) {
  Article added = archive.articles[10];
  added.id = "nouveau";
  added.url += "nouveau/";
  added.published.epoch_ms += 86400000LL * 3650;
  added.title = "Abdellatif Hammouchi à Bruxelles : " + archive.articles[600].title;
  added.summary = "Coopération sécuritaire, l'échange d'informations";
  added.tags = {"Coopération sécuritaire"};
  archive.articles.push_back(added);
  archive.articles[500].title = "Titre corrigé : " + archive.articles[700].title;
  return archive.articles[500].id;
}

// Every `stride`th article's related candidates are the same in both engines, scores to the
// last bit (an index rebuilt from kept counts must be the index the texts give).
inline void expect_same_related(const Engine& actual, const Engine& expected, ArticleId stride) {
  ASSERT_EQ(actual.index().size(), expected.index().size());
  std::size_t compared = 0;
  for (ArticleId a = 0; a < expected.index().size(); a += stride) {
    const auto want = expected.related_candidates(a, expected.related_settings());
    const auto got = actual.related_candidates(a, actual.related_settings());
    ASSERT_EQ(got.size(), want.size()) << a;
    for (std::size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(got[i].id, want[i].id) << a << " #" << i;
      EXPECT_EQ(got[i].score, want[i].score) << a << " #" << i;
    }
    ++compared;
  }
  EXPECT_GT(compared, 100u);
}

}  // namespace encart
