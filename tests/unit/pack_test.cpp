// encart pack against the in-memory engine: a generated bundle is packed, the pack is read file by
// file as the page would fetch it, and for many random sidebar requests (words, typos, prefixes,
// categories, authors, tags, dates, limits, windows, the article on screen, an earlier "now")
// both must give the same lists, the same menus and the same counts, to the byte.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <ctime>
#include <functional>
#include <map>
#include <random>
#include <set>

#include "engine/engine.h"
#include "generate.h"
#include "pack/bytes.h"
#include "pack/format.h"
#include "pack/reader.h"
#include "pack/writer.h"

namespace encart::pack {
namespace {

// Any hash of 8 bytes does for tests: names only need to differ when contents do.
std::string test_hash(std::string_view content) {
  std::uint64_t h = fnv1a64(content) ^ (content.size() * 0x9E3779B97F4A7C15ULL);
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>(h >> (8 * i));
  return out;
}

struct Packed {
  Engine engine;
  Pack pack;
  std::map<std::string, std::string> files;  // name -> bytes
};

// `edit` may change the generated bundle first (tests of fields the generator does not write).
std::unique_ptr<Packed> pack_of(std::size_t articles, std::int64_t now = bench::kBenchNowMs,
                                const std::function<void(nlohmann::json&)>& edit = nullptr) {
  auto p = std::make_unique<Packed>();
  LoadOptions options;
  options.now_ms = now;
  std::string text = bench::generate_bundle(articles);
  if (edit) {
    nlohmann::json bundle = nlohmann::json::parse(text);
    edit(bundle);
    text = bundle.dump();
  }
  const auto report = p->engine.load(text, options);
  EXPECT_TRUE(report.ok());
  p->pack = write_pack(p->engine, Site{}, test_hash);
  for (const auto& f : p->pack.files) p->files[f.name] = f.bytes;
  return p;
}

// Answers `request` as the page does: ask, fetch what is missing, ask again.
PackSidebar answer(Reader& reader, const Packed& p, const SidebarRequest& request, const QueryClock& clock,
                   int* rounds = nullptr) {
  for (int round = 1;; ++round) {
    auto result = reader.sidebar(request, clock);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    if (!result.ok()) return {};
    PackSidebar out = std::move(result).value();
    if (out.complete || round > 8) {
      if (rounds != nullptr) *rounds = round;
      return out;
    }
    EXPECT_FALSE(out.missing.empty()) << "incomplete, yet nothing to fetch";
    for (const auto& name : out.missing) {
      const auto it = p.files.find(name);
      EXPECT_NE(it, p.files.end()) << name << " is not in the pack";
      if (it == p.files.end()) return out;
      const auto error = reader.add_file(name, it->second);
      EXPECT_FALSE(error.has_value()) << error->message;
    }
  }
}

void expect_same(const Sidebar& expected, const Sidebar& actual) {
  const auto same_list = [](const SidebarList& e, const SidebarList& a, const char* name) {
    EXPECT_EQ(e.html, a.html) << name;
    EXPECT_EQ(e.shown, a.shown) << name;
    EXPECT_EQ(e.has_more, a.has_more) << name;
  };
  same_list(expected.latest, actual.latest, "latest");
  same_list(expected.related, actual.related, "related");
  same_list(expected.most_read, actual.most_read, "most read");
  EXPECT_EQ(expected.category_options, actual.category_options);
  EXPECT_EQ(expected.author_options, actual.author_options);
  EXPECT_EQ(expected.matching, actual.matching);
  EXPECT_EQ(expected.status, actual.status);
  EXPECT_EQ(expected.article_found, actual.article_found);
  EXPECT_EQ(expected.article_id, actual.article_id);
  EXPECT_EQ(expected.article_url, actual.article_url);
  EXPECT_EQ(expected.windows, actual.windows);  // the period control offers the same windows
  EXPECT_EQ(expected.window, actual.window);
}

// Another spelling of the same address, as a page may carry it: http, the host in capitals, a
// trailing slash, a fragment.
std::string respelled(const std::string& url, std::uint32_t how) {
  std::string out = url;
  if (how & 1U && out.starts_with("https://")) out = "http://" + out.substr(8);
  if (how & 2U) {
    const std::size_t host = out.find("//") + 2;
    for (std::size_t i = host; i < out.size() && out[i] != '/'; ++i) {
      out[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[i])));
    }
  }
  if (how & 4U) out += "/#commentaires";
  return out;
}

// Random requests over the bundle's own words, facets and ids.
class Requests {
 public:
  // `reader`: also the page's addresses instead of an id, and a reading history.
  Requests(const Index& index, std::uint32_t seed, bool reader = false) : rng_(seed), reader_(reader) {
    for (const auto& term : index.dictionary()) {
      if (term.size() >= 3) words_.push_back(term);
    }
    for (const Facet f : {Facet::kCategory, Facet::kAuthor, Facet::kTag}) {
      for (const auto& v : index.facet(f).display) values_[static_cast<std::size_t>(f)].push_back(v);
    }
    for (const auto& a : index.articles()) {
      ids_.push_back(a.id);
      urls_.push_back(a.url);
    }
  }

  SidebarRequest next() {
    SidebarRequest r;
    const auto pick = [&](const std::vector<std::string>& from) { return from[rng_() % from.size()]; };
    const int article = static_cast<int>(rng_() % 10);
    if (article < 7) r.article = pick(ids_);
    if (article == 7) r.article = "no-such-article";
    if (reader_ && article == 8) {  // no id: the page's addresses, the first one not an article's
      r.article_urls = {"https://elsewhere.example/x", respelled(pick(urls_), rng_()), pick(urls_)};
    }
    if (reader_ && rng_() % 3 == 0) {  // a reading history
      for (std::uint32_t k = rng_() % 40; k > 0; --k) r.read.push_back(pick(ids_));
    }
    // Words: whole, typed halfway (a prefix), with a typo, or two of them.
    switch (rng_() % 7) {
      case 0:
      case 1:
        break;
      case 2:
        r.filter.q = pick(words_);
        break;
      case 3:
        r.filter.q = pick(words_).substr(0, 1 + rng_() % 3);
        break;
      case 4: {
        std::string w = pick(words_);
        if (w.size() >= 5) w[2 + rng_() % (w.size() - 3)] = 'x';
        r.filter.q = w;
        break;
      }
      case 5:
        r.filter.q = pick(words_) + " " + pick(words_).substr(0, 2);
        break;
      default:
        r.filter.q = pick(words_) + " ";
    }
    if (rng_() % 4 == 0) r.filter.categories.push_back(pick(values_[0]));
    if (rng_() % 6 == 0) r.filter.authors.push_back(pick(values_[1]));
    if (rng_() % 8 == 0) r.filter.tags.push_back(pick(values_[2]));
    switch (rng_() % 8) {
      case 0:
        r.filter.date = "7d";
        break;
      case 1:
        r.filter.date = "30d";
        break;
      case 2:
        r.filter.date = "today";
        break;
      case 3:
        r.filter.since = "2024-0" + std::to_string(1 + rng_() % 9) + "-15";
        break;
      case 4:
        r.filter.until = "2024-0" + std::to_string(1 + rng_() % 9) + "-15T12:00:00+01:00";
        break;
      default:
        break;
    }
    r.latest_limit = rng_() % 12;
    r.most_read_limit = rng_() % 12;
    if (rng_() % 3 == 0) r.related_limit = rng_() % 12;
    if (rng_() % 4 == 0) r.related.repeats = true;
    r.window = static_cast<ViewWindow>(rng_() % kViewWindowCount);
    return r;
  }

 private:
  std::mt19937 rng_;
  bool reader_;
  std::vector<std::string> words_;
  std::vector<std::string> values_[3];
  std::vector<std::string> ids_;
  std::vector<std::string> urls_;
};

void compare_on_random_requests(const Packed& p, int rounds, std::uint32_t seed, std::int64_t now,
                                bool reader_fields = false) {
  Reader reader(p.pack.manifest);
  ASSERT_FALSE(reader.add_file(p.pack.manifest.head, p.files.at(p.pack.manifest.head)).has_value());
  Requests requests(p.engine.index(), seed, reader_fields);
  const QueryClock clock{now, 60};
  // What the random requests reached: the comparison means little unless lists were not empty.
  int with_words = 0, related = 0, most_read = 0, fetched_more = 0;
  for (int i = 0; i < rounds; ++i) {
    const SidebarRequest request = requests.next();
    SCOPED_TRACE("request " + std::to_string(i) + ": article \"" + request.article + "\" q \"" +
                 request.filter.q + "\" date \"" + request.filter.date + request.filter.since +
                 request.filter.until + "\"");
    const auto expected = p.engine.sidebar(request);
    ASSERT_TRUE(expected.ok());
    int fetch_rounds = 0;
    const PackSidebar actual = answer(reader, p, request, clock, &fetch_rounds);
    ASSERT_TRUE(actual.complete);
    EXPECT_LE(fetch_rounds, 6);
    expect_same(expected.value(), actual.view);
    with_words += !request.filter.q.empty() && actual.view.latest.shown > 0 ? 1 : 0;
    related += actual.view.related.shown > 0 ? 1 : 0;
    most_read += actual.view.most_read.shown > 0 ? 1 : 0;
    fetched_more += fetch_rounds > 1 ? 1 : 0;
  }
  EXPECT_GT(with_words, rounds / 10);
  EXPECT_GT(related, rounds / 4);
  EXPECT_GT(most_read, rounds / 4);
  EXPECT_GT(fetched_more, rounds / 4);
}

TEST(PackProperty, AnswersAsTheBundleOnRandomRequests) {
  const auto p = pack_of(700);
  compare_on_random_requests(*p, 300, 7, bench::kBenchNowMs);
}

TEST(PackProperty, AnswersAsTheBundleOverSeveralChunksWithScheduledArticles) {
  // 9000 articles: three epoch chunks, many shards and pages. "Now" falls among the 150 newest,
  // past the head: scheduled articles stay hidden in both.
  const std::int64_t probe_now = bench::kBenchNowMs;
  auto probe = pack_of(9000, probe_now);
  const std::int64_t now = probe->engine.index().articles()[150].published.epoch_ms;
  auto p = pack_of(9000, now);
  compare_on_random_requests(*p, 120, 11, now);
}

// Every 5th article for subscribers; every 7th expires, half of them before `now`, half after.
void add_reader_fields(nlohmann::json& bundle, std::int64_t now) {
  auto& articles = bundle["articles"];
  for (std::size_t i = 0; i < articles.size(); ++i) {
    if (i % 5 == 0) articles[i]["isAccessibleForFree"] = i % 10 == 0 ? nlohmann::json(false) : "False";
    if (i % 7 == 0) {
      const std::int64_t day = 86'400'000;
      const std::int64_t at = now + (i % 14 == 0 ? -day : day) * static_cast<std::int64_t>(1 + i % 30);
      const std::time_t seconds = at / 1000;
      std::tm utc{};
      gmtime_r(&seconds, &utc);
      char text[32];
      std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
      articles[i]["expires"] = text;
    }
  }
}

TEST(PackProperty, AnswersAsTheBundleWithExpiredSubscriberOnlyAndReadArticles) {
  const std::int64_t now = bench::kBenchNowMs;
  const auto p = pack_of(1500, now, [&](nlohmann::json& bundle) { add_reader_fields(bundle, now); });
  std::size_t expiring = 0, subscribers = 0;
  for (const Article& a : p->engine.index().articles()) {
    expiring += a.expires ? 1 : 0;
    subscribers += a.accessible_for_free ? 0 : 1;
  }
  ASSERT_GT(expiring, 100u);  // the fields were read, not dropped
  ASSERT_GT(subscribers, 200u);
  compare_on_random_requests(*p, 200, 23, now, true);
}

TEST(PackHead, ShowsTheFirstSidebarFromTheHeadAndOneBucket) {
  const auto p = pack_of(700);
  Reader reader(p->pack.manifest);
  ASSERT_FALSE(reader.add_file(p->pack.manifest.head, p->files.at(p->pack.manifest.head)).has_value());
  SidebarRequest request;
  request.article = p->engine.index().articles()[3].id;
  const QueryClock clock{bench::kBenchNowMs, 60};
  auto first = reader.sidebar(request, clock);
  ASSERT_TRUE(first.ok());
  // Latest and most read are complete from the head; related waits for the article's bucket.
  const auto expected = p->engine.sidebar(request).value();
  EXPECT_EQ(first.value().view.latest.html, expected.latest.html);
  EXPECT_FALSE(first.value().complete);
  ASSERT_FALSE(first.value().missing.empty());
  EXPECT_EQ(first.value().missing.front().substr(0, 2), "q-");  // the page of related buckets
  int rounds = 0;
  const auto full = answer(reader, *p, request, clock, &rounds);
  EXPECT_EQ(rounds, 3);  // bucket page, then bucket (and the records of its hits), then done
  expect_same(expected, full.view);
}

TEST(PackHead, ShowsTheNewestMatchesWhileTheArchiveIsFetched) {
  const auto p = pack_of(700);
  Reader reader(p->pack.manifest);
  ASSERT_FALSE(reader.add_file(p->pack.manifest.head, p->files.at(p->pack.manifest.head)).has_value());
  SidebarRequest request;
  request.filter.categories.push_back(p->engine.index().articles()[0].category);
  const auto partial = reader.sidebar(request, {bench::kBenchNowMs, 60}).value();
  EXPECT_FALSE(partial.complete);
  EXPECT_GT(partial.view.latest.shown, 0U);
  EXPECT_EQ(partial.view.status, "Recherche dans les archives…");
  const auto expected = p->engine.sidebar(request).value();
  // What shows at once is the top of the final list.
  EXPECT_TRUE(expected.latest.html.starts_with(partial.view.latest.html));
}

TEST(PackFiles, AreNamedByTheirContentAndWrittenOnce) {
  const auto p = pack_of(300);
  for (const auto& f : p->pack.files) {
    const std::string expected =
        file_name(FileKind{static_cast<std::uint8_t>(f.bytes[5])}, test_hash(f.bytes));
    EXPECT_EQ(f.name, expected);
  }
  EXPECT_EQ(p->files.size(), p->pack.files.size());
  // The same input packs to the same files.
  const auto again = pack_of(300);
  EXPECT_EQ(again->files, p->files);
}

TEST(PackFiles, AHeadOfTheSameSizeAtAnyArchiveSize) {
  const auto small = pack_of(300);
  const auto large = pack_of(6000);
  const std::size_t small_head = small->files.at(small->pack.manifest.head).size();
  const std::size_t large_head = large->files.at(large->pack.manifest.head).size();
  // The same number of articles and tops; only the facet counts' digits grow.
  EXPECT_LT(large_head, small_head * 5 / 4) << small_head << " vs " << large_head;
}

TEST(PackReader, RefusesATruncatedFileNamingItAndTheByte) {
  const auto p = pack_of(300);
  Reader reader(p->pack.manifest);
  const std::string& head = p->files.at(p->pack.manifest.head);
  const auto error =
      reader.add_file(p->pack.manifest.head, std::string_view(head).substr(0, head.size() / 2));
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->code, ErrorCode::kBadPack);
  EXPECT_NE(error->message.find(p->pack.manifest.head + ": byte "), std::string::npos) << error->message;
  EXPECT_NE(error->message.find("truncated"), std::string::npos) << error->message;
}

TEST(PackReader, RefusesANewerFormatNamingBothVersions) {
  const auto p = pack_of(300);
  Reader reader(p->pack.manifest);
  std::string head = p->files.at(p->pack.manifest.head);
  head[4] = static_cast<char>(kFormatVersion + 1);
  const auto error = reader.add_file("h.bin", head);
  ASSERT_TRUE(error.has_value());
  const std::string expected = "pack format " + std::to_string(kFormatVersion + 1) + ", this reader reads " +
                               std::to_string(kFormatVersion);
  EXPECT_NE(error->message.find(expected), std::string::npos) << error->message;
}

TEST(PackReader, SurvivesCorruptFilesAndAnswersWithoutUnavailableOnes) {
  const auto p = pack_of(300);
  Reader reader(p->pack.manifest);
  ASSERT_FALSE(reader.add_file(p->pack.manifest.head, p->files.at(p->pack.manifest.head)).has_value());
  std::mt19937 rng(3);
  // Every file, flipped at random places: an error or a file read, never a crash (ASan watches).
  for (const auto& [name, bytes] : p->files) {
    for (int k = 0; k < 8; ++k) {
      std::string broken = bytes;
      for (int flips = 0; flips < 3; ++flips)
        broken[6 + rng() % (broken.size() - 6)] ^= static_cast<char>(1 + rng() % 255);
      Reader scratch(p->pack.manifest);
      (void)scratch.add_file(p->pack.manifest.head, p->files.at(p->pack.manifest.head));
      (void)scratch.add_file(p->pack.manifest.directory, p->files.at(p->pack.manifest.directory));
      (void)scratch.add_file(name, broken);
      SidebarRequest request;
      request.filter.q = "maroc";
      (void)scratch.sidebar(request, {bench::kBenchNowMs, 0});
    }
  }
  // A file that cannot be fetched: the answer completes without it, marked degraded.
  SidebarRequest request;
  request.filter.q = "maroc";
  auto first = reader.sidebar(request, {bench::kBenchNowMs, 0}).value();
  ASSERT_FALSE(first.missing.empty());
  for (const auto& name : first.missing) reader.mark_unavailable(name);
  const auto after = reader.sidebar(request, {bench::kBenchNowMs, 0}).value();
  EXPECT_TRUE(after.degraded);
  EXPECT_TRUE(after.missing.empty());
}

}  // namespace
}  // namespace encart::pack

namespace encart::pack {
namespace {

// What a publish changes: the archive again with one new article (the newest) and one title
// edited. Articles are numbered oldest first in the files, shards are cut by their terms and the
// bucket count only changes when the archive doubles: most files keep their content, hence their
// name, and CDN caches stay warm.
TEST(PackRepack, AfterAPublishMostFilesKeepTheirNames) {
  std::string text = bench::generate_bundle(3000);
  auto before = std::make_unique<Packed>();
  LoadOptions options;
  options.now_ms = bench::kBenchNowMs;
  ASSERT_TRUE(before->engine.load(text, options).ok());
  before->pack = write_pack(before->engine, Site{}, test_hash);

  const std::size_t start = text.find("\"articles\":[") + 12;
  text.insert(start,
              "\n{\"id\":\"publie-a-l-instant\",\"url\":\"https://bench.encart.example/a/new\","
              "\"title\":\"Hammouchi reçu à Bruxelles par son homologue belge\","
              "\"published\":\"2024-12-10T23:30:00+01:00\",\"category\":\"Politique\",\"author\":\"Salma "
              "Benjelloun\"},");
  const std::size_t edited = text.find("\"title\":\"", text.find("art-0001500"));
  text.insert(edited + 9, "Mis à jour : ");
  auto after = std::make_unique<Packed>();
  ASSERT_TRUE(after->engine.load(text, options).ok());
  after->pack = write_pack(after->engine, Site{}, test_hash);
  ASSERT_EQ(after->engine.index().size(), 3001U);

  std::set<std::string> old_names;
  for (const auto& f : before->pack.files) old_names.insert(f.name);
  std::map<char, std::pair<std::size_t, std::size_t>> by_kind;  // prefix -> (kept, total)
  std::size_t kept = 0;
  for (const auto& f : after->pack.files) {
    const bool same = old_names.contains(f.name);
    kept += same ? 1 : 0;
    by_kind[f.name[0]].first += same ? 1 : 0;
    by_kind[f.name[0]].second += 1;
  }
  std::string summary;
  for (const auto& [kind, counts] : by_kind) {
    summary += std::string(1, kind) + " " + std::to_string(counts.first) + "/" +
               std::to_string(counts.second) + "  ";
  }
  RecordProperty("kept", summary);
  // Records: only the chunk of the new article and that of the edited one change; the most-read
  // pages not at all (the new article has no views yet). Related buckets move the most: the two
  // articles enter and leave other lists, and their words' weights change (docs/pack.md).
  EXPECT_GE(by_kind['a'].first + 2, by_kind['a'].second) << summary;
  EXPECT_EQ(by_kind['m'].first, by_kind['m'].second) << summary;
  EXPECT_GT(kept * 10, after->pack.files.size() * 4)
      << "kept " << kept << " of " << after->pack.files.size() << ": " << summary;
}

}  // namespace
}  // namespace encart::pack
