// RSS and Atom mapped once, in the core (issue 10): the fixture feeds through libxml2's tree (the
// command line's host) and through the tree's JSON form (what the browser host sends) give the
// articles of the equivalent bundle; skip reasons name the feed's own fields.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bundle/datetime.h"
#include "bundle/feeds.h"
#include "test_bundles.h"
#include "xml_feed.h"

namespace encart {
namespace {

using test::contains;

XmlElement tree_of(const std::string& xml) {
  auto tree = cli::read_xml_tree(xml);
  EXPECT_TRUE(tree.ok()) << (tree.ok() ? "" : tree.error().message);
  return tree.ok() ? std::move(tree).value() : XmlElement{};
}

// The JSON form web/xml-tree.js writes: [name, ns, {attributes}, text, [children], tail].
nlohmann::json element_json(const XmlElement& e) {
  nlohmann::json attributes = nlohmann::json::object();
  for (const auto& [name, value] : e.attributes) attributes[name] = value;
  nlohmann::json children = nlohmann::json::array();
  for (const XmlElement& c : e.children) children.push_back(element_json(c));
  return nlohmann::json::array({e.name, e.ns, attributes, e.text, children, e.tail});
}

std::string tree_json(const XmlElement& root) {
  return nlohmann::json{{"encart_xml_tree", 1}, {"root", element_json(root)}}.dump();
}

Bundle feed_ok(const std::string& xml) {
  auto bundle = parse_xml_feed(tree_of(xml), {});
  EXPECT_TRUE(bundle.ok()) << (bundle.ok() ? "" : bundle.error().message);
  return bundle.ok() ? std::move(bundle).value() : Bundle{};
}

std::string fixture(const std::string& name) { return test::read_fixture("feeds/" + name); }

// What RSS and Atom carry of the bundle (fixtures/feeds/README.md): no views, no image alt.
void expect_same_articles(const Bundle& got, const Bundle& expected, bool images) {
  ASSERT_EQ(got.skipped_total, 0u) << got.skipped.front().reason();
  ASSERT_EQ(got.articles.size(), expected.articles.size());
  for (std::size_t i = 0; i < got.articles.size(); ++i) {
    const Article& a = got.articles[i];
    const Article& e = expected.articles[i];
    EXPECT_EQ(a.id, e.id);
    EXPECT_EQ(a.url, e.url) << a.id;
    EXPECT_EQ(a.title, e.title) << a.id;
    EXPECT_EQ(a.summary, e.summary) << a.id;
    EXPECT_EQ(a.published.epoch_ms, e.published.epoch_ms) << a.id;
    EXPECT_EQ(a.category, e.category) << a.id;
    EXPECT_EQ(a.tags, e.tags) << a.id;
    EXPECT_EQ(a.authors, e.authors) << a.id;
    EXPECT_FALSE(a.text.empty()) << a.id;
    if (images) {
      EXPECT_EQ(a.image.has_value(), e.image.has_value()) << a.id;
      if (a.image && e.image) EXPECT_EQ(a.image->url, e.image->url) << a.id;
    }
  }
}

TEST(XmlFeed, TheRssFixtureGivesTheArticlesOfTheBundle) {
  const XmlElement root = tree_of(fixture("rss.xml"));
  EXPECT_EQ(xml_feed_format(root), InputFormat::kRss);
  const Bundle b = feed_ok(fixture("rss.xml"));
  expect_same_articles(b, test::parse_ok(fixture("bundle.json")), true);
  EXPECT_EQ(b.site.name, "Le Quotidien de Rabat");
  EXPECT_EQ(b.site.lang, "fr");
  EXPECT_EQ(b.articles[0].published_text, "2024-12-09T10:15:00+01:00");  // the offset as written
}

TEST(XmlFeed, TheAtomFixtureGivesTheArticlesOfTheBundle) {
  const XmlElement root = tree_of(fixture("atom.xml"));
  EXPECT_EQ(xml_feed_format(root), InputFormat::kAtom);
  expect_same_articles(feed_ok(fixture("atom.xml")), test::parse_ok(fixture("bundle.json")), false);
}

TEST(XmlFeed, TheTreesJsonFormGivesWhatTheTreeGives) {
  for (const char* name : {"rss.xml", "atom.xml", "rss-latin1-gmt.xml"}) {
    const XmlElement root = tree_of(fixture(name));
    const std::string text = tree_json(root);
    EXPECT_EQ(detect_format(text), InputFormat::kXmlTree);
    auto via_json = parse_input(text, InputFormat::kAuto, {});
    ASSERT_TRUE(via_json.ok()) << via_json.error().message;
    const Bundle direct = feed_ok(fixture(name));
    ASSERT_EQ(via_json.value().articles.size(), direct.articles.size()) << name;
    for (std::size_t i = 0; i < direct.articles.size(); ++i) {
      EXPECT_EQ(via_json.value().articles[i].title, direct.articles[i].title);
      EXPECT_EQ(via_json.value().articles[i].text, direct.articles[i].text);
      EXPECT_EQ(via_json.value().articles[i].published_text, direct.articles[i].published_text);
    }
  }
}

TEST(XmlFeed, ALatin1FeedWithGmtDatesReadsAsWritten) {
  const Bundle b = feed_ok(fixture("rss-latin1-gmt.xml"));
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.articles[0].title, "Sécurité routière : un été sous haute surveillance à Tanger");
  EXPECT_EQ(b.articles[0].published_text, "2024-12-02T09:00:00Z");
}

const char* kRssHead = R"(<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Q</title>
  <atom:link href="https://q.example/feed/" rel="self"/><link>https://q.example/</link>)";

TEST(XmlFeed, RssSkipReasonsNameTheItemsOwnFields) {
  const Bundle b = feed_ok(std::string(kRssHead) + R"(
    <item><title>Sans lien</title><guid>1</guid><pubDate>Mon, 09 Dec 2024 10:15:00 +0100</pubDate></item>
    <item><title>Date</title><link>/2</link><pubDate>hier</pubDate></item>
    <item><title>Sans date</title><link>/3</link></item>
    <item><title>DC</title><link>/4</link><dc:date>2024-12-09T10:15:00</dc:date></item>
    <item><title>Bien</title><link>/5</link><pubDate>9 Dec 24 10:15 GMT</pubDate></item>
    <item><title>Image</title><link>/6</link><pubDate>9 Dec 24 10:15 GMT</pubDate>
      <enclosure url="javascript:x" type="image/jpeg"/></item>
  </channel></rss>)");
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.site.url, "https://q.example/");  // <link>, not the <atom:link> before it
  EXPECT_EQ(b.articles[0].url, "https://q.example/5");
  EXPECT_EQ(b.articles[0].published_text, "2024-12-09T10:15:00Z");
  ASSERT_EQ(b.skipped.size(), 5u);
  EXPECT_EQ(b.skipped[4].reason(), "item[5].enclosure@url: \"javascript:x\" is not an http(s) URL");
  EXPECT_EQ(b.skipped[0].reason(), "item[0].link: missing");
  EXPECT_EQ(b.skipped[1].path, "item[1].pubDate");
  EXPECT_TRUE(contains(b.skipped[1].message, "\"hier\" is not an RFC 822 date")) << b.skipped[1].message;
  EXPECT_EQ(b.skipped[2].reason(), "item[2].pubDate: missing");
  EXPECT_EQ(b.skipped[3].path, "item[3].dc:date");
  EXPECT_TRUE(contains(b.skipped[3].message, "ISO 8601")) << b.skipped[3].message;
}

TEST(XmlFeed, AtomSkipReasonsNameTheEntrysOwnFields) {
  const Bundle b = feed_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>Q</title>
    <link href="https://q.example/"/>
    <entry><id>1</id><title>T</title><updated>2024-12-09T10:15:00Z</updated></entry>
    <entry><id>2</id><title>T</title><link href="/2"/><published>demain</published></entry>
    <entry><id>3</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Un <b>titre</b>
      &amp; <p>deux</p></div></title><link rel="alternate" href="/3"/><updated>2024-12-09T10:15:00Z</updated></entry>
  </feed>)");
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.articles[0].title, "Un titre & deux");
  EXPECT_EQ(b.articles[0].url, "https://q.example/3");
  ASSERT_EQ(b.skipped.size(), 2u);
  EXPECT_EQ(b.skipped[0].reason(), "entry[0].link@href: missing");
  EXPECT_EQ(b.skipped[1].path, "entry[1].published");
}

TEST(XmlFeed, BadDocumentsAreClearErrors) {
  const auto neither = parse_xml_feed(tree_of("<html><body/></html>"), {});
  ASSERT_FALSE(neither.ok());
  EXPECT_TRUE(contains(neither.error().message, "<html>: neither RSS")) << neither.error().message;
  const auto no_channel = parse_xml_feed(tree_of("<rss version=\"2.0\"/>"), {});
  ASSERT_FALSE(no_channel.ok());
  EXPECT_TRUE(contains(no_channel.error().message, "no <channel>"));
  const auto bad = cli::read_xml_tree(fixture("bad-rss.xml"));
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(contains(bad.error().message, "not well-formed XML at line")) << bad.error().message;
  EXPECT_GT(bad.error().line, 1u);
  const auto entities = cli::read_xml_tree(
      "<!DOCTYPE rss [<!ENTITY a \"aaaaaaaa\"><!ENTITY b "
      "\"&a;&a;&a;&a;\">]><rss><channel>&b;</channel></rss>");
  ASSERT_FALSE(entities.ok());
  EXPECT_TRUE(contains(entities.error().message, "declares entities")) << entities.error().message;
  std::string deep;
  for (int i = 0; i < 150; ++i) deep += "<a>";
  for (int i = 0; i < 150; ++i) deep += "</a>";
  const auto too_deep = cli::read_xml_tree(deep);
  ASSERT_FALSE(too_deep.ok());
  EXPECT_TRUE(contains(too_deep.error().message, "deeper than")) << too_deep.error().message;
}

TEST(XmlFeed, TreeJsonThatIsNotATreeIsAnErrorNotACrash) {
  for (const char* text :
       {R"({"encart_xml_tree": 1})", R"({"encart_xml_tree": 1, "root": 3})",
        R"({"encart_xml_tree": 1, "root": ["rss", "", {}, "", [7]]})",
        R"({"encart_xml_tree": 1, "root": ["rss", 1, [], 2, {}, null]})", "{\"encart_xml_tree\": [", "[1]"}) {
    const auto bundle = parse_input(text, InputFormat::kXmlTree, {});
    EXPECT_FALSE(bundle.ok()) << text;
  }
  std::string deep = R"({"encart_xml_tree": 1, "root": )";
  for (int i = 0; i < 150; ++i) deep += R"(["a", "", {}, "", [)";
  for (int i = 0; i < 150; ++i) deep += "]]";
  deep += "}";
  const auto too_deep = parse_input(deep, InputFormat::kXmlTree, {});
  ASSERT_FALSE(too_deep.ok());
  EXPECT_TRUE(contains(too_deep.error().message, "deeper than")) << too_deep.error().message;
}

TEST(Rfc822, DatesBecomeIso8601WithTheirOffset) {
  EXPECT_EQ(rfc822_to_iso8601("Mon, 09 Dec 2024 10:15:00 +0100"), "2024-12-09T10:15:00+01:00");
  EXPECT_EQ(rfc822_to_iso8601("  9 Dec 2024 10:15 GMT "), "2024-12-09T10:15:00Z");
  EXPECT_EQ(rfc822_to_iso8601("Sun, 08 dec 24 16:30:00 EST"), "2024-12-08T16:30:00-05:00");
  EXPECT_EQ(rfc822_to_iso8601("Mon, 09 Dec 2024 10:15:00 -0000"), "2024-12-09T10:15:00Z");
  for (const char* bad : {"", "hier", "Mon, 31 Feb 2024 10:15:00 +0100", "09 Dec 2024 25:15:00 +0100",
                          "09 Foo 2024 10:15:00 +0100", "09 Dec 2024 10:15:00 +1", "09 Dec 2024 10:15:00",
                          "2024-12-09T10:15:00Z", "009 Dec 2024 10:15:00 GMT"}) {
    EXPECT_FALSE(rfc822_to_iso8601(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace encart

namespace encart {
namespace {

// An RSS item at 00:30 in Casablanca keeps its offset: shown on 30 November, not the 29th.
TEST(XmlFeed, AnRssDateKeepsItsOffsetForTheLocalDay) {
  const Bundle b = feed_ok(R"(<rss version="2.0"><channel><title>Q</title><item><guid>105</guid>
    <link>https://q.example/105/</link><title>Minuit</title><pubDate>Mon, 30 Nov 2026 00:30:00 +0100</pubDate>
    </item></channel></rss>)");
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.articles[0].published.epoch_ms, test::ms("2026-11-29T23:30:00Z"));
  EXPECT_EQ(b.articles[0].published.offset_minutes, 60);
  EXPECT_EQ(local_date(b.articles[0].published).day, 30u);
}

}  // namespace
}  // namespace encart
