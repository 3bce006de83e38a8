// RelatedCounts (related/related.h): a related index built from the counts an earlier build kept,
// the changed articles read again, is the index reading every text gives: the same features,
// numbers and counts, hence the same rankings to the last bit (encart pack --update relies on it).
#include <gtest/gtest.h>

#include <unordered_map>

#include "bundle/parser.h"
#include "engine/engine.h"
#include "generated_bundle.h"

namespace encart {
namespace {

TEST(RelatedCounts, AnIndexFromKeptCountsIsTheIndexFromTheText) {
  Bundle before = generated(1200);
  before.articles[3].lang = "en";  // both languages' background ranks
  before.articles[3].tags.push_back("Sécurité");
  RelatedCounts kept;
  Engine first;
  LoadOptions keeping;
  keeping.related_counts.keep = &kept;
  ASSERT_TRUE(first.load_bundle(before, keeping).ok());
  ASSERT_EQ(kept.offsets.size(), 1201u);
  std::unordered_map<std::string, std::int64_t> position;  // id -> ArticleId in `first`
  for (ArticleId a = 0; a < first.index().size(); ++a) position[first.index().articles()[a].id] = a;

  // A publish: a new article (the newest, with a new tag and words of others), a title edited.
  Bundle after = before;
  const std::string edited = publish(after);

  RelatedCounts from_text, from_counts;
  Engine text, counted;
  LoadOptions by_text;
  by_text.related_counts.keep = &from_text;
  ASSERT_TRUE(text.load_bundle(after, by_text).ok());
  LoadOptions by_counts;
  by_counts.related_counts = {&kept,
                              [&](const Article& a) -> std::int64_t {
                                const auto it = position.find(a.id);
                                return it == position.end() || a.id == edited ? -1 : it->second;
                              },
                              &from_counts};
  // encart pack --update frees the counts it read from the state when `done` says they are read.
  // Here `done` garbles them instead: a count read after it would change the index.
  int done_calls = 0;
  by_counts.related_counts.done = [&] {
    ++done_calls;
    for (auto& entry : kept.entries) entry.second += 7;
  };
  ASSERT_TRUE(counted.load_bundle(after, by_counts).ok());
  EXPECT_EQ(done_calls, 1);

  EXPECT_EQ(from_counts.keys, from_text.keys);
  EXPECT_EQ(from_counts.offsets, from_text.offsets);
  EXPECT_EQ(from_counts.entries, from_text.entries);
  expect_same_related(counted, text, 7);
}

}  // namespace
}  // namespace encart
