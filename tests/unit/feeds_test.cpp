// Feeds publishers already have (issue 5): JSON Feed 1.1, WordPress REST posts, and the HTML
// their titles and excerpts carry.
#include "bundle/feeds.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/engine.h"
#include "test_bundles.h"
#include "text/html_text.h"

namespace encart {
namespace {

using test::contains;

TEST(HtmlText, DecodesNamedAndNumericReferencesAndDropsTags) {
  EXPECT_EQ(
      text::html_to_text("<p>L&#8217;&eacute;t&eacute; &laquo;&nbsp;chaud&nbsp;&raquo; [&hellip;]</p>\n"),
      "L’été «\u00A0chaud\u00A0» […]");
  EXPECT_EQ(text::html_to_text("Justice &#038; libert&#xE9;s"), "Justice & libertés");
  EXPECT_EQ(text::html_to_text("<p>un</p><p>deux<br/>trois</p>"), "un deux trois");
  EXPECT_EQ(text::html_to_text("a <b title=\"x > y\">gras</b> b"), "a gras b");
  EXPECT_EQ(text::html_to_text("<script>alert(1)</script>texte<style>p{}</style><!-- note -->"), "texte");
  EXPECT_EQ(text::html_to_text("1 < 2 &unknown; & &#0; &#x110000;"), "1 < 2 &unknown; & \uFFFD \uFFFD");
}

std::string json_feed(const std::string& items, const std::string& extra = "") {
  return R"({"version": "https://jsonfeed.org/version/1.1", "title": "Le Quotidien", "home_page_url": "https://q.example/",
             "language": "fr", )" +
         extra + R"("items": [)" + items + "]}";
}

TEST(JsonFeed, MapsItemsAuthorsTagsImageAndTheEncartExtension) {
  const auto text =
      json_feed(R"(
    {"id": "1", "url": "/a", "title": "Un titre", "summary": "Résumé", "content_html": "<p>Corps</p>",
     "date_published": "2024-12-09T10:15:00+01:00", "authors": [{"name": "Mbaye Gueye"}], "tags": ["Maroc"],
     "image": "https://q.example/i.jpg", "_encart": {"category": "Politique", "views": 12, "views_7d": 3}},
    {"id": 2, "url": "https://q.example/b", "content_text": "Un billet sans titre, assez long pour servir de titre.",
     "date_published": "2024-12-08T10:15:00Z"})",
                R"("authors": [{"name": "La rédaction"}], "_encart": {"related": {"limit": 3}}, )");
  EXPECT_EQ(detect_format(text), InputFormat::kJsonFeed);
  const auto bundle = parse_input(text, InputFormat::kAuto, {});
  ASSERT_TRUE(bundle.ok()) << bundle.error().message;
  const auto& b = bundle.value();
  ASSERT_EQ(b.articles.size(), 2u);
  EXPECT_EQ(b.site.name, "Le Quotidien");
  const Article& a = b.articles[0];
  EXPECT_EQ(a.url, "https://q.example/a");  // relative to home_page_url
  EXPECT_EQ(a.category, "Politique");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Mbaye Gueye"});
  EXPECT_EQ(a.tags, std::vector<std::string>{"Maroc"});
  EXPECT_EQ(a.views[0], 12);
  EXPECT_EQ(a.views[2], 3);
  ASSERT_TRUE(a.image.has_value());
  EXPECT_EQ(a.text, "Corps");
  EXPECT_EQ(b.related.limit, 3.0);
  const Article& untitled = b.articles[1];
  EXPECT_EQ(untitled.id, "2");  // numeric ids become strings
  EXPECT_EQ(untitled.title, "Un billet sans titre, assez long pour servir de titre.");
  EXPECT_EQ(untitled.authors, std::vector<std::string>{"La rédaction"});  // the feed's authors
}

TEST(JsonFeed, ReadsSubscribersOnlyAndExpiresFromTheEncartExtensionNamingThemWhenBad) {
  const auto text = json_feed(R"(
    {"id": "1", "url": "/a", "title": "T", "date_published": "2024-12-09T10:15:00Z",
     "_encart": {"isAccessibleForFree": "false", "expires": "2025-01-01T00:00:00+01:00"}},
    {"id": "2", "url": "/b", "title": "T", "date_published": "2024-12-09T10:15:00Z", "_encart": {"expires": "demain"}},
    {"id": "3", "url": "/c", "title": "T", "date_published": "2024-12-09T10:15:00Z",
     "_encart": {"isAccessibleForFree": []}})");
  const auto bundle = parse_input(text, InputFormat::kJsonFeed, {});
  ASSERT_TRUE(bundle.ok()) << bundle.error().message;
  const auto& b = bundle.value();
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_FALSE(b.articles[0].accessible_for_free);
  ASSERT_TRUE(b.articles[0].expires.has_value());
  EXPECT_EQ(b.articles[0].expires_text, "2025-01-01T00:00:00+01:00");
  ASSERT_EQ(b.skipped.size(), 2u);
  EXPECT_TRUE(contains(b.skipped[0].reason(), "items[1]._encart.expires: \"demain\" is not"))
      << b.skipped[0].reason();
  EXPECT_EQ(b.skipped[1].reason(),
            "items[2]._encart.isAccessibleForFree: expected true or false, found an array");
}

TEST(JsonFeed, SkipsNameTheFeedsOwnFields) {
  const auto text = json_feed(R"({"id": "1", "url": "/a", "title": "T", "date_published": "hier"},
                                 {"id": "2", "title": "T", "date_published": "2024-12-09T10:15:00Z"},
                                 "pas un objet")");
  const auto bundle = parse_input(text, InputFormat::kJsonFeed, {});
  ASSERT_TRUE(bundle.ok()) << bundle.error().message;
  ASSERT_EQ(bundle.value().skipped.size(), 3u);
  EXPECT_TRUE(contains(bundle.value().skipped[0].reason(), "items[0].date_published: \"hier\" is not"))
      << bundle.value().skipped[0].reason();
  EXPECT_TRUE(contains(bundle.value().skipped[1].reason(), "items[1].url: missing"))
      << bundle.value().skipped[1].reason();
  EXPECT_TRUE(contains(bundle.value().skipped[2].reason(), "items[2]: expected an object"));
}

TEST(JsonFeed, AMalformedFeedIsAClearError) {
  const auto not_json = parse_input("{\"version\": \"https://jsonfeed.org/version/1.1\",\n \"items\": [,]}",
                                    InputFormat::kAuto, {});
  ASSERT_FALSE(not_json.ok());
  EXPECT_EQ(not_json.error().code, ErrorCode::kBadJson);
  EXPECT_EQ(not_json.error().line, 2u);
  const auto no_items = parse_input(json_feed("").replace(json_feed("").find("\"items\""), 7, "\"things\""),
                                    InputFormat::kJsonFeed, {});
  ASSERT_FALSE(no_items.ok());
  EXPECT_TRUE(contains(no_items.error().message, "no \"items\" array")) << no_items.error().message;
  const auto items_object =
      parse_input(R"({"version": "https://jsonfeed.org/version/1.1", "items": {}})", InputFormat::kAuto, {});
  ASSERT_FALSE(items_object.ok());
  EXPECT_TRUE(contains(items_object.error().message, "\"items\" must be an array"))
      << items_object.error().message;
}

const char* kWordPressPost = R"({
  "id": 101, "date": "2024-12-09T10:15:00", "date_gmt": "2024-12-09T09:15:00",
  "modified_gmt": "2024-12-09T11:00:00", "link": "https://q.example/2024/12/09/hammouchi/",
  "title": {"rendered": "Hammouchi &#8211; &laquo;&nbsp;coop&eacute;ration&nbsp;&raquo; &#038; s&#233;curit&#233;"},
  "excerpt": {"rendered": "<p>Le patron de la DGSN l&#8217;a dit [&hellip;]</p>\n", "protected": false},
  "content": {"rendered": "<p>Premier paragraphe.</p>\n<p>Second.</p>"},
  "author": 3, "categories": [4], "tags": [7, 8],
  "_embedded": {
    "author": [{"id": 3, "name": "Mbaye Gueye"}],
    "wp:featuredmedia": [{"id": 9, "source_url": "https://q.example/wp-content/uploads/h.jpg", "alt_text": "Hammouchi",
                          "media_details": {"width": 1200, "height": 675}}],
    "wp:term": [[{"id": 4, "name": "Politique", "taxonomy": "category"}],
                [{"id": 7, "name": "S&eacute;curit&eacute;", "taxonomy": "post_tag"}, {"id": 8, "name": "France", "taxonomy": "post_tag"}]]
  }
})";

TEST(WordPress, MapsRenderedFieldsEmbeddedTermsAuthorAndImage) {
  const std::string text = std::string("[") + kWordPressPost + "]";
  EXPECT_EQ(detect_format(text), InputFormat::kWordPress);
  const auto bundle = parse_input(text, InputFormat::kAuto, {});
  ASSERT_TRUE(bundle.ok()) << bundle.error().message;
  ASSERT_EQ(bundle.value().articles.size(), 1u);
  const Article& a = bundle.value().articles[0];
  EXPECT_EQ(a.id, "101");
  EXPECT_EQ(a.title, "Hammouchi – «\u00A0coopération\u00A0» & sécurité");
  EXPECT_EQ(a.summary, "Le patron de la DGSN l’a dit…");
  EXPECT_EQ(a.published.epoch_ms, test::ms("2024-12-09T09:15:00Z"));  // date_gmt is UTC
  EXPECT_EQ(a.category, "Politique");
  EXPECT_EQ(a.tags, (std::vector<std::string>{"Sécurité", "France"}));
  EXPECT_EQ(a.authors, std::vector<std::string>{"Mbaye Gueye"});
  ASSERT_TRUE(a.image.has_value());
  EXPECT_EQ(a.image->width, 1200);
  EXPECT_EQ(a.text, "Premier paragraphe. Second.");
}

// A post published at 00:30 in Casablanca or Paris (UTC+1) is a post of that day, not of the
// evening before: `date` − `date_gmt` is the site's offset, kept for display.
TEST(WordPress, APostAtHalfPastMidnightLocalTimeIsShownOnItsLocalDay) {
  const auto bundle = parse_input(R"([
    {"id": 105, "link": "https://q.example/105/", "title": {"rendered": "Minuit"}, "date": "2026-11-30T00:30:00", "date_gmt": "2026-11-29T23:30:00",
     "modified": "2026-11-30T09:00:00", "modified_gmt": "2026-11-30T08:00:00"},
    {"id": 106, "link": "https://q.example/106/", "title": {"rendered": "Katmandou"}, "date": "2026-11-30T05:15:00", "date_gmt": "2026-11-29T23:30:00"},
    {"id": 107, "link": "https://q.example/107/", "title": {"rendered": "Sans date locale"}, "date_gmt": "2026-11-29T23:30:00"},
    {"id": 108, "link": "https://q.example/108/", "title": {"rendered": "Absurde"}, "date": "2026-12-30T00:30:00", "date_gmt": "2026-11-29T23:30:00"}])",
                                  InputFormat::kAuto, {});
  ASSERT_TRUE(bundle.ok()) << bundle.error().message;
  const auto& articles = bundle.value().articles;
  ASSERT_EQ(articles.size(), 4u);
  for (const Article& a : articles) EXPECT_EQ(a.published.epoch_ms, test::ms("2026-11-29T23:30:00Z")) << a.id;
  const CivilDate paris = local_date(articles[0].published);
  EXPECT_EQ(articles[0].published.offset_minutes, 60);
  EXPECT_EQ(std::tuple(paris.year, paris.month, paris.day), std::tuple(2026, 11u, 30u));
  ASSERT_TRUE(articles[0].updated.has_value());
  EXPECT_EQ(articles[0].updated->offset_minutes, 60);
  EXPECT_EQ(articles[1].published.offset_minutes, 5 * 60 + 45);  // Nepal: +05:45
  EXPECT_EQ(articles[2].published.offset_minutes, 0);            // no `date`: UTC, as before
  EXPECT_EQ(articles[3].published.offset_minutes, 0);            // a month apart is no offset: UTC
}

TEST(WordPress, SkipsNameThePostFieldsAndMalformedInputIsAnError) {
  const auto bundle =
      parse_input(R"([{"id": 1, "title": {"rendered": "T"}, "date_gmt": "2024-12-09T09:15:00"},
                                      {"id": 2, "link": "https://q.example/2", "title": {"rendered": "T"}}])",
                  InputFormat::kWordPress, {});
  ASSERT_TRUE(bundle.ok()) << bundle.error().message;
  ASSERT_EQ(bundle.value().skipped.size(), 2u);
  EXPECT_TRUE(contains(bundle.value().skipped[0].reason(), "[0].link: missing"))
      << bundle.value().skipped[0].reason();
  EXPECT_TRUE(contains(bundle.value().skipped[1].reason(), "[1].date_gmt: missing"))
      << bundle.value().skipped[1].reason();
  const auto truncated =
      parse_input(std::string("[") + kWordPressPost + ",\n{\"id\": 2, \"ti", InputFormat::kAuto, {});
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().code, ErrorCode::kBadJson);
  const auto object = parse_input("{\"id\": 1}", InputFormat::kWordPress, {});
  ASSERT_FALSE(object.ok());
  EXPECT_TRUE(contains(object.error().message, "must be a JSON array")) << object.error().message;
}

TEST(Formats, XmlIsLeftToTheHostWithAClearMessage) {
  const auto rss = parse_input("  <?xml version=\"1.0\"?><rss></rss>", InputFormat::kAuto, {});
  ASSERT_FALSE(rss.ok());
  EXPECT_TRUE(contains(rss.error().message, "XML (RSS or Atom)")) << rss.error().message;
  EXPECT_EQ(parse_format_name("wordpress"), InputFormat::kWordPress);
  EXPECT_EQ(parse_format_name("json-feed"), InputFormat::kJsonFeed);
  EXPECT_FALSE(parse_format_name("yaml").has_value());
}

}  // namespace
}  // namespace encart

namespace encart {
namespace {

// --- the fixture feeds: each gives the same lists as the equivalent bundle ---------------------

std::string fixture(const std::string& name) { return test::read_fixture("feeds/" + name); }

struct Loaded {
  Engine engine;
  std::vector<std::string> warnings;
};

std::unique_ptr<Loaded> load_fixture(const std::string& name, const std::string& views = "") {
  auto out = std::make_unique<Loaded>();
  LoadOptions o;
  o.now_ms = test::ms("2024-12-10T12:00:00Z");
  const std::string text = fixture(name);
  const std::string views_text = views.empty() ? std::string() : fixture(views);
  o.views = views_text;
  auto report = out->engine.load(text, o);
  EXPECT_TRUE(report.ok()) << name << ": " << (report.ok() ? "" : report.error().message);
  if (report.ok()) {
    EXPECT_EQ(report.value().skipped_total, 0u) << name << ": " << report.value().skipped.front().reason();
    out->warnings = report.value().warnings;
  }
  return out;
}

std::vector<std::string> list(const Engine& e, bool most_read,
                              const std::function<std::string(const Article&)>& field) {
  ListOptions o;
  o.limit = 100;
  const auto ids = most_read ? e.most_read(ViewWindow::kAll, o) : e.latest(o);
  std::vector<std::string> out;
  for (const ArticleId a : ids.value()) out.push_back(field(e.index().articles()[a]));
  return out;
}

TEST(FeedFixtures, EveryFormatGivesTheListsOfTheEquivalentBundle) {
  const auto expected = load_fixture("bundle.json");
  const auto id = [](const Article& a) { return a.id; };
  const auto title = [](const Article& a) { return a.title; };
  const auto summary = [](const Article& a) { return a.summary; };
  const auto category = [](const Article& a) { return a.category; };
  const auto first_author = [](const Article& a) { return a.authors.empty() ? std::string() : a.authors[0]; };
  const auto tags = [](const Article& a) {
    std::string out;
    for (const auto& t : a.tags) out += t + "|";
    return out;
  };
  const auto url = [](const Article& a) { return a.url; };
  ASSERT_EQ(list(expected->engine, false, id).size(), 6u);
  for (const auto& [file, views] :
       {std::pair{"wordpress.json", "views.json"}, std::pair{"jsonfeed.json", ""}}) {
    SCOPED_TRACE(file);
    const auto got = load_fixture(file, views);
    EXPECT_TRUE(got->warnings.empty()) << got->warnings.front();
    EXPECT_EQ(list(got->engine, false, id), list(expected->engine, false, id));
    EXPECT_EQ(list(got->engine, false, title), list(expected->engine, false, title));
    EXPECT_EQ(list(got->engine, false, summary), list(expected->engine, false, summary));
    EXPECT_EQ(list(got->engine, false, category), list(expected->engine, false, category));
    EXPECT_EQ(list(got->engine, false, first_author), list(expected->engine, false, first_author));
    EXPECT_EQ(list(got->engine, false, tags), list(expected->engine, false, tags));
    EXPECT_EQ(list(got->engine, false, url), list(expected->engine, false, url));
    EXPECT_EQ(list(got->engine, true, id), list(expected->engine, true, id));  // views merged or from _encart
  }
  // Without the extension: the same articles and latest order; no categories, no most read.
  const auto plain = load_fixture("jsonfeed-plain.json");
  EXPECT_EQ(list(plain->engine, false, id), list(expected->engine, false, id));
  EXPECT_TRUE(list(plain->engine, true, id).empty());
}

TEST(FeedFixtures, MalformedFeedsAreClearErrors) {
  Engine engine;
  const auto wordpress = engine.load(fixture("bad-wordpress.json"), {});
  ASSERT_FALSE(wordpress.ok());
  EXPECT_EQ(wordpress.error().code, ErrorCode::kBadJson);
  EXPECT_GT(wordpress.error().line, 1u);
  const auto feed = engine.load(fixture("bad-jsonfeed.json"), {});
  ASSERT_FALSE(feed.ok());
  EXPECT_TRUE(test::contains(feed.error().message, "\"items\"")) << feed.error().message;
}

TEST(FeedFixtures, ViewsMergeByIdOrUrlAndReportWhatTheyCannotUse) {
  Bundle bundle = test::parse_ok(fixture("bundle.json"));
  for (auto& a : bundle.articles) a.views = {};
  std::vector<std::string> warnings;
  const auto merged = merge_views(
      bundle,
      R"({"101": 5, "https://www.lequotidien.example/2024/12/07/can-2025-regragui-liste-26-lions-atlas/": {"views": 7, "views_7d": 2},
                                              "102": "beaucoup", "103x": 1, "104": {"views_24h": -1}})",
      warnings);
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(merged.value(), 3u);
  EXPECT_EQ(bundle.articles[0].views[0], 5);
  const auto can = std::find_if(bundle.articles.begin(), bundle.articles.end(),
                                [](const Article& a) { return a.id == "103"; });
  EXPECT_EQ(can->views[0], 7);
  EXPECT_EQ(can->views[2], 2);
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_TRUE(test::contains(warnings[0], "views[\"102\"]: expected a count")) << warnings[0];
  EXPECT_TRUE(test::contains(warnings[1], "views[\"104\"].views_24h: expected a whole number"))
      << warnings[1];
  EXPECT_TRUE(test::contains(warnings[2], "1 key(s) match no article, first \"103x\"")) << warnings[2];
  const auto broken = merge_views(bundle, "{\"101\": ", warnings);
  ASSERT_FALSE(broken.ok());
  EXPECT_TRUE(test::contains(broken.error().message, "views: not valid JSON at line 1"))
      << broken.error().message;
}

// A key that is one article's address and a later article's id counts for the first: the
// articles' order decides, as when every id and address was a key of one map.
TEST(FeedFixtures, AViewsKeyCountsForTheFirstArticleWithThatIdOrAddress) {
  Bundle bundle;
  bundle.articles.resize(3);
  bundle.articles[0].id = "a";
  bundle.articles[0].url = "https://x.example/b";
  bundle.articles[1].id = "https://x.example/b";
  bundle.articles[1].url = "https://x.example/1";
  bundle.articles[2].id = "c";
  bundle.articles[2].url = "https://x.example/c";
  std::vector<std::string> warnings;
  const auto merged =
      merge_views(bundle, R"({"https://x.example/b": 9, "https://x.example/c": 4})", warnings);
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(merged.value(), 2u);
  EXPECT_EQ(bundle.articles[0].views[0], 9);
  EXPECT_FALSE(bundle.articles[1].views[0].has_value());
  EXPECT_EQ(bundle.articles[2].views[0], 4);
  EXPECT_TRUE(warnings.empty());
}

}  // namespace
}  // namespace encart

namespace encart {
namespace {

TEST(WordPress, AnImageErrorNamesTheFeaturedMediaField) {
  const auto bundle = parse_input(R"([{"id": 1, "link": "https://q.example/1", "title": {"rendered": "T"},
      "date_gmt": "2024-12-09T09:15:00", "_embedded": {"wp:featuredmedia": [{"source_url": "ftp://q.example/i.jpg"}]}}])",
                                  InputFormat::kWordPress, {});
  ASSERT_TRUE(bundle.ok()) << bundle.error().message;
  ASSERT_EQ(bundle.value().skipped.size(), 1u);
  EXPECT_TRUE(
      contains(bundle.value().skipped[0].reason(), "[0]._embedded.wp:featuredmedia[0].source_url: \"ftp:"))
      << bundle.value().skipped[0].reason();
}

TEST(JsonFeed, AFeedsLongAuthorListIsNotCopiedIntoEveryItem) {
  std::string authors;
  for (int i = 0; i < 100; ++i)
    authors += std::string(i ? "," : "") + R"({"name": "Auteur numéro )" + std::to_string(i) + "\"}";
  const auto text =
      json_feed(R"({"id": "1", "url": "/a", "title": "T", "date_published": "2024-12-09T10:15:00Z"})",
                "\"authors\": [" + authors + "], ");
  const auto bundle = parse_input(text, InputFormat::kJsonFeed, {});
  ASSERT_TRUE(bundle.ok()) << bundle.error().message;
  EXPECT_TRUE(bundle.value().articles[0].authors.empty());
}

TEST(HtmlText, AnExcerptEndsWithOneEllipsisAfterItsLastWord) {
  EXPECT_EQ(text::excerpt_text("<p>Le patron a parlé [&hellip;]</p>\n"), "Le patron a parlé…");
  EXPECT_EQ(text::excerpt_text("<p>Le patron a parlé&#8230; [...]</p>"), "Le patron a parlé…");
  EXPECT_EQ(text::excerpt_text("Le patron a parlé …"), "Le patron a parlé…");
  EXPECT_EQ(text::excerpt_text("Le patron a parlé."), "Le patron a parlé.");
  EXPECT_EQ(text::collapse_white_space("  «\u00A0oui\u00A0»\n\t non  "), "«\u00A0oui\u00A0» non");
}

TEST(HtmlText, AReferenceIsLookedForOnlyNearItsAmpersand) {
  EXPECT_EQ(text::decode_html_entities("& " + std::string(50, 'x') + ";"), "& " + std::string(50, 'x') + ";");
  EXPECT_EQ(text::decode_html_entities("&CounterClockwiseContourIntegral;"), "\u2233");  // the longest name
}

}  // namespace
}  // namespace encart

namespace encart {
namespace {

// A draft without a date is skipped: the report names the post (its id and link, which a
// publisher can find in the CMS), and its view count is not blamed on the views file.
TEST(WordPress, ASkippedPostIsNamedAndItsViewsKeyIsNotReportedAsUnknown) {
  const std::string posts = test::read_fixture("first-hour/posts.json");
  const std::string views =
      R"({"105": 900, "106": 10, "https://www.lequotidien.example/2026/11/30/brouillon/": 3,
                                "999": 1})";
  Engine engine;
  LoadOptions o;
  o.now_ms = test::ms("2026-11-30T12:00:00Z");
  o.views = views;
  const auto report = engine.load(posts, o);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report.value().skipped.size(), 1u);
  const SkippedArticle& skip = report.value().skipped[0];
  EXPECT_EQ(skip.reason(), "[4].date_gmt: missing");
  EXPECT_EQ(skip.url, "https://www.lequotidien.example/2026/11/30/brouillon/");
  EXPECT_EQ(skip.post(), "id \"106\", https://www.lequotidien.example/2026/11/30/brouillon/");
  // Only "999" is unknown: the skipped post's keys (by id and by link) are not counted.
  const auto& warnings = report.value().warnings;
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "views: 1 key(s) match no article, first \"999\"");
}

// A JSON Feed date keeps the offset it was written with: the item shows on its local day.
TEST(JsonFeed, ADateWithAnOffsetIsShownOnItsLocalDay) {
  const auto bundle = parse_input(R"({"version": "https://jsonfeed.org/version/1.1", "items": [
    {"id": "105", "url": "https://q.example/105/", "title": "Minuit", "date_published": "2026-11-30T00:30:00+01:00"}]})",
                                  InputFormat::kAuto, {});
  ASSERT_TRUE(bundle.ok()) << bundle.error().message;
  ASSERT_EQ(bundle.value().articles.size(), 1u);
  const DateTime& t = bundle.value().articles[0].published;
  EXPECT_EQ(t.epoch_ms, test::ms("2026-11-29T23:30:00Z"));
  EXPECT_EQ(local_date(t).day, 30u);
}

// Feed-level values are read once and inherited in bounded form (issue 12): a 1 MB "language"
// and 100,000 feed authors once cost gigabytes and minutes, copied and re-read per item.
TEST(JsonFeed, FeedLevelLanguageAndAuthorsAreReadOnceAndInheritedBounded) {
  nlohmann::json feed = {{"language", std::string(1 << 20, 'x')},
                         {"authors", nlohmann::json::array()},
                         {"items", nlohmann::json::array()}};
  for (int i = 0; i < 100000; ++i) feed["authors"].push_back({{"name", "A" + std::to_string(i)}});
  for (int i = 0; i < 2000; ++i) {
    feed["items"].push_back({{"id", std::to_string(i)},
                             {"url", "https://q.example/" + std::to_string(i)},
                             {"title", "T"},
                             {"date_published", "2026-11-30T10:00:00+01:00"}});
  }
  // "version" first, as feeds write it (the format is detected from the first keys).
  const std::string text = R"({"version": "https://jsonfeed.org/version/1.1", )" + feed.dump().substr(1);
  const auto bundle = parse_input(text, InputFormat::kAuto, {});
  ASSERT_TRUE(bundle.ok()) << bundle.error().message;
  ASSERT_EQ(bundle.value().articles.size(), 2000u);
  for (const Article& a : bundle.value().articles) {
    ASSERT_LE(a.lang.size(), 35u);   // the "lang" limit, not 1 MB per item
    ASSERT_TRUE(a.authors.empty());  // a 100,000-name list is nobody's byline: not inherited
  }
}

TEST(SkippedArticle, NamesThePostByWhatCouldBeRead) {
  EXPECT_EQ((SkippedArticle{0, "7", "[0].title", "missing", ""}).post(), "id \"7\"");
  EXPECT_EQ((SkippedArticle{0, "", "[0].id", "missing", "https://e.ma/a"}).post(), "https://e.ma/a");
  EXPECT_EQ((SkippedArticle{0, "", "[0]", "expected an object", ""}).post(), "");
}

}  // namespace
}  // namespace encart

namespace encart {
namespace {

// An item with nothing its mapping reads is skipped without being mapped (issue 12: 33 million
// `{}`), for the same reason as an item whose id is null: its id is empty.
TEST(Feeds, AnItemWithNothingToReadIsSkippedForItsIdLikeAnItemWithoutOne) {
  const auto posts =
      parse_input(R"([{}, {"id": null}, {"guid": {"rendered": "x"}}, [1]])", InputFormat::kAuto, {});
  ASSERT_TRUE(posts.ok()) << posts.error().message;
  ASSERT_EQ(posts.value().skipped.size(), 4u);
  for (std::size_t i = 0; i < 3; ++i)
    EXPECT_EQ(posts.value().skipped[i].reason(), "[" + std::to_string(i) + "].id: empty");
  EXPECT_EQ(posts.value().skipped[3].reason(), "[3]: expected an object, found an array");
  const auto feed = parse_input(R"({"version": "https://jsonfeed.org/version/1.1", "authors": [{"name": "A"}],
    "items": [{}, {"id": null, "url": "https://q.example/1"}, {"_links": {}}]})",
                                InputFormat::kAuto, {});
  ASSERT_TRUE(feed.ok()) << feed.error().message;
  ASSERT_EQ(feed.value().skipped.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i)
    EXPECT_EQ(feed.value().skipped[i].reason(), "items[" + std::to_string(i) + "].id: empty");
  EXPECT_EQ(feed.value().skipped[1].url, "https://q.example/1");
}

}  // namespace
}  // namespace encart
