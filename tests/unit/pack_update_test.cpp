// encart pack CHANGES --update (tools/cli/pack_update.h): changes replace or add articles by id,
// and the related lists an update ranks again are exactly a full ranking's, the others the last
// pack's (the state's archive: pack_state_test.cpp).
#include "pack_update.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "bundle/feeds.h"
#include "bundle/parser.h"
#include "files.h"
#include "generated_bundle.h"
#include "pack/writer.h"
#include "pack_state.h"

namespace encart::cli {
namespace {

RelatedLists rank_all(const Engine& engine) {
  std::vector<ArticleId> every(engine.index().size());
  for (std::size_t a = 0; a < every.size(); ++a) every[a] = static_cast<ArticleId>(a);
  RelatedLists lists;
  rank_lists(engine, every, 2, lists);
  return lists;
}

// Article a's list, as ids (comparable across engines).
std::vector<std::string> list_of(const Engine& engine, const RelatedLists& lists, ArticleId a) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < lists.counts[a]; ++i)
    ids.push_back(engine.index().articles()[lists.ids[a * kMaxRelatedCandidates + i]].id);
  return ids;
}

TEST(PackUpdateHeap, FourTimesTheStateUpToOneGibibyteThenNothing) {
  EXPECT_EQ(update_heap_bytes(0), 0u);
  EXPECT_EQ(update_heap_bytes(95'979'182), 383'916'728u);  // the 100,000-article state and archive
  constexpr std::uintmax_t kLargestState = (std::uintmax_t{1} << 30) / 4;
  EXPECT_EQ(update_heap_bytes(kLargestState), kLargestState * 4);
  EXPECT_EQ(update_heap_bytes(kLargestState + 1), 0u);
  EXPECT_EQ(update_heap_bytes(1'040'000'000), 0u);  // the 1,000,000-article state
  EXPECT_EQ(update_heap_bytes(UINTMAX_MAX), 0u);    // no wrap-around
}

TEST(PackUpdateChanges, ReplaceByIdAndAddTheRest) {
  Bundle archive = generated(10);
  Bundle changes;
  changes.articles = {archive.articles[4], archive.articles[0]};
  changes.articles[0].title = "Titre corrigé";
  changes.articles[1].id = "nouveau";
  const auto changed = apply_changes(archive, std::move(changes));
  EXPECT_EQ(changed, (std::unordered_set<std::string>{archive.articles[4].id, "nouveau"}));
  ASSERT_EQ(archive.articles.size(), 11u);
  EXPECT_EQ(archive.articles[4].title, "Titre corrigé");
  EXPECT_EQ(archive.articles[10].id, "nouveau");

  Bundle twice;
  twice.articles = {archive.articles[10], archive.articles[10], archive.articles[3]};
  twice.articles[1].title = "La seconde";
  twice.articles[2].id = "autre";
  twice.articles.push_back(twice.articles[2]);
  twice.articles[3].title = "Autre, seconde";
  apply_changes(archive, std::move(twice));
  ASSERT_EQ(archive.articles.size(), 12u) << "an id given twice is one article, the last given";
  EXPECT_EQ(archive.articles[10].title, "La seconde");
  EXPECT_EQ(archive.articles[11].title, "Autre, seconde");
}

// An article added (the newest) and one edited in a 1,500-article archive: their lists, and every
// list ranked again, are a full ranking's; every other list is the last pack's.
TEST(PackUpdateLists, RankedAgainAreExactTheRestKept) {
  Bundle before = generated(1500);
  Engine old_engine;
  ASSERT_TRUE(old_engine.load_bundle(before, LoadOptions{}).ok());
  const RelatedLists old_lists = rank_all(old_engine);
  std::vector<std::string> old_ids;
  for (const Article& a : old_engine.index().articles()) old_ids.push_back(a.id);

  Bundle changes;
  Article added = old_engine.index().articles()[0];
  added.id = "nouveau";
  added.url += "nouveau/";
  added.published.epoch_ms += 3600000;
  added.text = old_engine.index().articles()[700].title + " " + old_engine.index().articles()[900].title;
  Article edited = before.articles[300];
  edited.title = old_engine.index().articles()[40].title;
  changes.articles = {added, edited};
  const auto changed = apply_changes(before, std::move(changes));
  Engine engine;
  ASSERT_TRUE(engine.load_bundle(before, LoadOptions{}).ok());
  const RelatedLists full = rank_all(engine);

  std::size_t ranked = 0;
  std::vector<ArticleId> was;
  std::vector<bool> same;
  const RelatedLists patched = patch_related_lists(engine, old_ids, StoredLists(old_lists), changed, false,
                                                   ranked, &was, nullptr, &same);
  EXPECT_GT(ranked, 2u);
  EXPECT_LT(ranked, 1501u) << "an update ranks some lists, not all";
  std::size_t kept = 0, exact = 0;
  for (ArticleId a = 0; a < engine.index().size(); ++a) {
    const std::string& id = engine.index().articles()[a].id;
    const auto mine = list_of(engine, patched, a);
    if (changed.contains(id)) {
      EXPECT_EQ(mine, list_of(engine, full, a)) << id;
      continue;
    }
    const auto o = static_cast<ArticleId>(std::find(old_ids.begin(), old_ids.end(), id) - old_ids.begin());
    if (mine == list_of(old_engine, old_lists, o)) ++kept;
    if (mine == list_of(engine, full, a)) ++exact;
    EXPECT_TRUE(mine == list_of(old_engine, old_lists, o) || mine == list_of(engine, full, a)) << id;
  }
  EXPECT_GT(kept, 0u);
  EXPECT_GT(exact, 0u);
  // `same` says which lists hold what they held (only those ranked again are compared): the
  // lists kept, and those ranked again to the same articles in the same order.
  ASSERT_EQ(same.size(), engine.index().size());
  std::size_t same_count = 0;
  for (ArticleId a = 0; a < engine.index().size(); ++a) {
    const bool added = was[a] == pack::kNotBefore;
    EXPECT_EQ(added, engine.index().articles()[a].id == "nouveau");
    const bool expected = !added && list_of(engine, patched, a) == list_of(old_engine, old_lists, was[a]);
    EXPECT_EQ(same[a], expected) << engine.index().articles()[a].id;
    same_count += same[a] ? 1 : 0;
  }
  EXPECT_GT(same_count, 0u);
  EXPECT_LT(same_count, engine.index().size()) << "the added article had no list";
  // Every list a full ranking puts the added article in was ranked again, so has it where a full
  // ranking does; and the articles it scores best with were ranked again.
  ASSERT_EQ(engine.index().articles()[0].id, "nouveau");
  std::size_t entered = 0;
  for (ArticleId a = 0; a < engine.index().size(); ++a) {
    const auto expected = list_of(engine, full, a);
    if (std::find(expected.begin(), expected.end(), "nouveau") == expected.end()) continue;
    ++entered;
    EXPECT_EQ(list_of(engine, patched, a), expected) << engine.index().articles()[a].id;
  }
  EXPECT_GT(entered, 0u) << "the added article enters some lists";
  RelatedIndex::Scratch scratch;
  std::size_t ranked_same =
      0;  // lists ranked again (the added article reaches them) that came out as they were
  for (const RelatedHit& hit : engine.related_neighbours(0, kUpdateReach, scratch)) {
    EXPECT_EQ(list_of(engine, patched, hit.id), list_of(engine, full, hit.id));
    ranked_same += same[hit.id] ? 1 : 0;
  }
  EXPECT_GT(ranked_same, 0u) << "the comparison of the lists ranked again is exercised";

  const RelatedLists all =
      patch_related_lists(engine, old_ids, StoredLists(old_lists), changed, true, ranked);
  EXPECT_EQ(ranked, engine.index().size());
  for (ArticleId a = 0; a < engine.index().size(); ++a)
    EXPECT_EQ(list_of(engine, all, a), list_of(engine, full, a));
}

// encart pack --state: a bucket of the last pack whose fingerprint comes again is not built again,
// and the pack is the one built whole (every bucket's name, hence the related pages, the same).
// The publish adds an article, edits a title and brings new view counts, which change no related
// list but the records that buckets carry inline.
TEST(PackUpdateBuckets, BucketsRecalledByTheirFingerprintAreTheBucketsBuiltAgain) {
  std::string text = bench::generate_bundle(3000);
  LoadOptions options;
  options.now_ms = bench::kBenchNowMs;
  Engine before;
  ASSERT_TRUE(before.load(text, options).ok());
  std::map<std::string, std::string> known;  // fingerprint -> hash
  pack::BucketMemo remember;
  remember.remember = [&](const std::string& fingerprint, const std::string& hash) {
    known[fingerprint] = hash;
  };
  const pack::Pack first = pack::write_pack(before, Site{}, sha256, nullptr, nullptr, remember);
  EXPECT_EQ(first.manifest.related_pages, pack::write_pack(before, Site{}, sha256).manifest.related_pages)
      << "remembering changes nothing";
  EXPECT_EQ(known.size(), first.manifest.related_buckets);

  const std::size_t edited = text.find("\"title\":\"", text.find("art-0001500"));
  text.insert(edited + 9, "Mis à jour : ");
  text.insert(text.find("\"articles\":[") + 12,
              "\n{\"id\":\"nouveau\",\"url\":\"https://bench.encart.example/a/new\",\"title\":\"Rabat\","
              "\"published\":\"2024-12-10T23:30:00+01:00\"},");
  std::string views = "{";
  for (int i = 1000; i < 1400; ++i)
    views += (i == 1000 ? "" : ",") + ("\"art-000" + std::to_string(i) + "\": 77");
  views += "}";
  options.views = views;
  Engine after;
  const auto loaded = after.load(text, options);
  ASSERT_TRUE(loaded.ok());
  ASSERT_TRUE(loaded.value().warnings.empty()) << loaded.value().warnings[0];
  std::size_t recalled = 0;
  pack::BucketMemo recall;
  recall.recall = [&](const std::string& fingerprint) -> std::optional<std::string> {
    const auto it = known.find(fingerprint);
    if (it == known.end()) return std::nullopt;
    ++recalled;
    return it->second;
  };
  const pack::Pack updated = pack::write_pack(after, Site{}, sha256, nullptr, nullptr, recall);
  const pack::Pack whole = pack::write_pack(after, Site{}, sha256);
  EXPECT_EQ(updated.manifest.related_pages, whole.manifest.related_pages);
  EXPECT_EQ(updated.manifest.head, whole.manifest.head);
  EXPECT_EQ(updated.manifest.directory, whole.manifest.directory);
  const auto buckets = [](const pack::Pack& p) {
    return std::count_if(p.files.begin(), p.files.end(),
                         [](const pack::PackFile& f) { return f.name[0] == 'r'; });
  };
  EXPECT_GT(recalled, 0u);
  EXPECT_EQ(static_cast<std::size_t>(buckets(updated)) + recalled, static_cast<std::size_t>(buckets(whole)));
  EXPECT_GT(buckets(updated), 0) << "new lists and records: some buckets are built again";
}

// A publish through --update's pack::PackBefore: the pack before is written remembering its
// buckets, then `changes` (and `views`) are applied as pack_update does.
struct Publish {
  pack::Pack updated;  // with PackBefore
  pack::Pack whole;    // the same engine and lists, every bucket built
  std::vector<std::pair<std::string, std::string>> handed, fresh;  // remembered by each
  std::size_t checked = 0;  // buckets whose file PackBefore::still_there was asked for
};

pack::RelatedCandidates candidates_of(const RelatedLists& lists) {
  return [&lists](ArticleId a) {
    std::vector<RelatedHit> hits(lists.counts[a]);
    for (std::size_t i = 0; i < hits.size(); ++i) hits[i].id = lists.ids[a * kMaxRelatedCandidates + i];
    return hits;
  };
}

Publish publish(Bundle archive, Bundle changes, const std::string& views) {
  Publish out;
  Engine old_engine;
  EXPECT_TRUE(old_engine.load_bundle(archive, LoadOptions{}).ok());
  const RelatedLists old_lists = rank_all(old_engine);
  std::vector<std::string> old_ids;
  for (const Article& a : old_engine.index().articles()) old_ids.push_back(a.id);
  pack::BucketMemo first_memo;
  pack::PackBefore before;
  first_memo.remember = [&](const std::string& f, const std::string& h) {
    before.buckets.emplace_back(f, h);
  };
  pack::Pack first =
      pack::write_pack(old_engine, Site{}, sha256, nullptr, candidates_of(old_lists), first_memo);
  before.layout = first.layout;
  before.records = first.records;

  const auto changed = apply_changes(archive, std::move(changes), &before.urls);
  apply_views(archive, views);
  Engine engine;
  EXPECT_TRUE(engine.load_bundle(archive, LoadOptions{}).ok());
  std::size_t ranked = 0;
  const RelatedLists lists = patch_related_lists(engine, old_ids, StoredLists(old_lists), changed, false,
                                                 ranked, &before.was, &before.changed, &before.same_list);
  before.list = [&](ArticleId a) {
    return std::span<const ArticleId>(lists.ids).subspan(a * kMaxRelatedCandidates, lists.counts[a]);
  };
  before.still_there = [&](const std::string&) { return ++out.checked > 0; };
  pack::BucketMemo memo;
  memo.remember = [&](const std::string& f, const std::string& h) { out.handed.emplace_back(f, h); };
  memo.before = &before;
  out.updated = pack::write_pack(engine, Site{}, sha256, nullptr, candidates_of(lists), memo);
  pack::BucketMemo fresh;
  fresh.remember = [&](const std::string& f, const std::string& h) { out.fresh.emplace_back(f, h); };
  out.whole = pack::write_pack(engine, Site{}, sha256, nullptr, candidates_of(lists), fresh);
  return out;
}

std::size_t bucket_files(const pack::Pack& p) {
  return static_cast<std::size_t>(std::count_if(p.files.begin(), p.files.end(),
                                                [](const pack::PackFile& f) { return f.name[0] == 'r'; }));
}

// The pack is the one built whole: every bucket's name, hence the related pages, the same, and
// the fingerprints handed on to the next state are those of every bucket.
void expect_the_whole_pack(const Publish& p) {
  EXPECT_EQ(p.updated.manifest.related_pages, p.whole.manifest.related_pages);
  EXPECT_EQ(p.updated.manifest.head, p.whole.manifest.head);
  EXPECT_EQ(p.updated.manifest.directory, p.whole.manifest.directory);
  EXPECT_TRUE(p.handed == p.fresh) << "the fingerprints handed on";
  EXPECT_EQ(p.updated.layout, p.whole.layout);
  EXPECT_EQ(p.updated.records, p.whole.records);
  EXPECT_EQ(bucket_files(p.updated) + p.updated.buckets_unchanged, bucket_files(p.whole));
}

Article newest_article(const Bundle& archive) {
  Article added = *std::max_element(
      archive.articles.begin(), archive.articles.end(),
      [](const Article& x, const Article& y) { return x.published.epoch_ms < y.published.epoch_ms; });
  added.id = "nouveau";
  added.url += "nouveau/";
  added.published.epoch_ms += 3600000;
  return added;
}

std::string views_of(int first, int count, int views) {
  std::string json = "{";
  for (int i = first; i < first + count; ++i)
    json += (i == first ? "" : ",") + ("\"art-000" + std::to_string(i) + "\": " + std::to_string(views));
  return json + "}";
}

// The publish adds the newest article (which pushes one out of the head), edits a title and an
// address, and brings new view counts, which change records that buckets carry inline. In 2,000
// articles, the lists these reach are in most buckets (at 100,000, in 49 of 16,384).
TEST(PackUpdateBuckets, BucketsUntouchedByTheChangesAreNamedAsBeforeUnfingerprinted) {
  const Bundle archive = generated(2000);
  Bundle changes;
  Article edited = archive.articles[1200];
  edited.title = "Mis à jour : " + edited.title;
  edited.url = "https://ailleurs.example/nouvelle-adresse";
  changes.articles = {newest_article(archive), edited};
  const Publish p = publish(archive, changes, views_of(1000, 20, 77));
  expect_the_whole_pack(p);
  EXPECT_EQ(p.checked, p.updated.buckets_unchanged) << "each file checked, once";
  EXPECT_GT(p.updated.buckets_unchanged, 0u);
  EXPECT_GT(bucket_files(p.updated), 0u) << "new lists, records and addresses: some are built again";

  // New view counts only: the buckets that carry the records of those articles change.
  const Publish views = publish(archive, Bundle{}, views_of(1000, 10, 77));
  expect_the_whole_pack(views);
  EXPECT_GT(views.updated.buckets_unchanged, views.whole.manifest.related_buckets / 2);
  EXPECT_GT(bucket_files(views.updated), 0u);

  // An article related to none (no list changes), which pushes the 64th newest out of the head
  // (buckets that list it now carry its record), and an article's address and category edited
  // (the buckets of the old and the new address change, and its own).
  Bundle unrelated;
  Article added;
  added.id = "nouveau";
  added.url = "https://bench.encart.example/a/nouveau";
  added.title = "Zzxq";
  added.published = newest_article(archive).published;
  Article moved = archive.articles[1200];
  moved.url = "https://ailleurs.example/nouvelle-adresse";
  // and its category another the archive has (the member's facet rank in its bucket changes)
  moved.category = std::find_if(archive.articles.begin(), archive.articles.end(), [&](const Article& a) {
                     return !a.category.empty() && a.category != moved.category;
                   })->category;
  unrelated.articles = {added, moved};
  const Publish quiet = publish(archive, unrelated, "{}");
  expect_the_whole_pack(quiet);
  EXPECT_GT(quiet.updated.buckets_unchanged, quiet.whole.manifest.related_buckets / 2);
}

// When pack ids move (an article published in the past) or the facet values' order does (a new
// author), any bucket may hold what moved: every bucket is fingerprinted, and the pack is the same.
TEST(PackUpdateBuckets, WhenPackIdsOrFacetRanksMoveEveryBucketIsFingerprinted) {
  const Bundle archive = generated(2000);
  Bundle backdated;
  Article old = newest_article(archive);
  old.published.epoch_ms = archive.articles[1200].published.epoch_ms - 1;
  backdated.articles = {old};
  const Publish moved = publish(archive, backdated, "{}");
  expect_the_whole_pack(moved);
  EXPECT_EQ(moved.updated.buckets_unchanged, 0u);

  Bundle author;
  Article added = newest_article(archive);
  added.authors = {"Aaron Premier-Auteur"};
  author.articles = {added};
  const Publish ranks = publish(archive, author, "{}");
  expect_the_whole_pack(ranks);
  EXPECT_EQ(ranks.updated.buckets_unchanged, 0u);
}

}  // namespace
}  // namespace encart::cli
