// The engine on a reader's page: expiry, the article found by address, the reading history.
#include "engine/engine.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_bundles.h"

namespace encart {
namespace {

using Ids = std::vector<std::string>;

// Four articles of one section; "gone" expired before kNow, "later" expires after it.
Engine reader_page_engine() {
  const auto art = [](const std::string& id, const std::string& day, test::Fields extra = {}) {
    extra.push_back({"published", test::js("2024-12-0" + day + "T10:00:00+01:00")});
    extra.push_back({"category", test::js("Politique")});
    extra.push_back({"tags", test::js_list({"Maroc"})});
    extra.push_back({"views", std::to_string(100 * std::stoi(day))});
    return test::article(id, extra);
  };
  Engine engine;
  LoadOptions options;
  options.now_ms = test::kNow;
  const auto report = engine.load(
      test::bundle({art("a1", "1"), art("gone", "2", {{"expires", test::js("2024-12-10T12:59:59+01:00")}}),
                    art("later", "3", {{"expires", test::js("2024-12-10T13:00:01+01:00")}}),
                    art("paid", "4", {{"isAccessibleForFree", "false"}}), art("a5", "5")}),
      options);
  EXPECT_TRUE(report.ok());
  return engine;
}

Ids shown_ids(const std::string& html) {
  Ids out;
  for (std::size_t at = html.find("/articles/"); at != std::string::npos;
       at = html.find("/articles/", at + 1)) {
    const std::size_t start = at + 10;
    out.push_back(html.substr(start, html.find('"', start) - start));
  }
  return out;
}

TEST(EngineReaderPage, AnExpiredArticleLeavesEveryListSearchAndCount) {
  const Engine engine = reader_page_engine();
  ListOptions all;
  all.limit = 100;
  const Ids latest = test::ids(engine.index(), engine.latest(all).value());
  EXPECT_EQ(latest, (Ids{"a5", "paid", "later", "a1"}));  // "later" expires one second after now
  EXPECT_EQ(test::ids(engine.index(), engine.most_read(ViewWindow::kAll, all).value()),
            (Ids{"a5", "paid", "later", "a1"}));
  all.filter.q = "gone";
  EXPECT_TRUE(engine.latest(all).value().empty());
  EXPECT_EQ(engine.facets({}).value().category.front().count, 4u);
  SidebarRequest r;
  r.article = "a1";
  r.related_limit = 10;
  const Sidebar s = engine.sidebar(r).value();
  EXPECT_EQ(s.matching, 3u);
  for (const Ids& list : {shown_ids(s.latest.html), shown_ids(s.most_read.html), shown_ids(s.related.html)}) {
    EXPECT_EQ(std::find(list.begin(), list.end(), "gone"), list.end());
  }
}

TEST(EngineReaderPage, TheArticleOnScreenIsFoundByTheFirstOfThePageAddressesThatMatches) {
  const Engine engine = reader_page_engine();
  SidebarRequest r;
  r.related.repeats = true;
  r.article_urls = {"https://example.org/tag/maroc", "http://EXAMPLE.org:80/articles/paid/#top",
                    "https://example.org/articles/a1"};
  const Sidebar s = engine.sidebar(r).value();
  EXPECT_TRUE(s.article_found);
  EXPECT_EQ(s.article_id, "paid");
  EXPECT_EQ(s.article_url, 1);
  EXPECT_FALSE(s.related.html.empty());  // "related" is about the article found
  const Ids latest = shown_ids(s.latest.html);
  EXPECT_EQ(std::find(latest.begin(), latest.end(), "paid"), latest.end());
}

TEST(EngineReaderPage, AnAddressOfNoArticleNamesNoneAndAnIdWinsOverAddresses) {
  const Engine engine = reader_page_engine();
  SidebarRequest r;
  r.article_urls = {"https://example.org/articles/nothing", "javascript:alert(1)", ""};
  Sidebar s = engine.sidebar(r).value();
  EXPECT_FALSE(s.article_found);
  EXPECT_EQ(s.article_url, -1);
  EXPECT_EQ(s.article_id, "");
  r.article = "a1";
  r.article_urls = {"https://example.org/articles/paid"};
  s = engine.sidebar(r).value();
  EXPECT_EQ(s.article_id, "a1");
  EXPECT_EQ(s.article_url, -1);
}

TEST(EngineReaderPage, ReadArticlesAreMarkedAndGoLastInRelatedInTheirOwnOrder) {
  const Engine engine = reader_page_engine();
  SidebarRequest r;
  r.article = "a1";
  r.related.repeats = true;
  r.related_limit = 10;
  const Ids before = shown_ids(engine.sidebar(r).value().related.html);
  const Ids related{"a5", "later", "paid"};  // in the order the ranking gives, whatever it is
  ASSERT_EQ(before.size(), related.size());
  ASSERT_TRUE(std::is_permutation(before.begin(), before.end(), related.begin()));
  r.read = {"a5", "later", "unknown-id"};
  const Sidebar s = engine.sidebar(r).value();
  // "paid" (unread) first, then the read ones in the order the ranking gave them.
  Ids expected{"paid"};
  for (const std::string& id : before) {
    if (id != "paid") expected.push_back(id);
  }
  EXPECT_EQ(shown_ids(s.related.html), expected);
  EXPECT_EQ(shown_ids(s.latest.html), (Ids{"a5", "paid", "later"}));  // rankings keep their order
  const std::string marked = "<span class=\"label read\">Déjà lu</span>";
  std::size_t count = 0;
  for (std::size_t at = s.latest.html.find(marked); at != std::string::npos;
       at = s.latest.html.find(marked, at + 1))
    ++count;
  EXPECT_EQ(count, 2u);
}

TEST(EngineReaderPage, ASubscribersOnlyArticleCarriesItsLabelInEveryLanguage) {
  const Engine engine = reader_page_engine();
  SidebarRequest r;
  r.latest_limit = 1;
  r.article = "a5";  // "paid" is then the newest
  for (const auto& [tag, label] :
       {std::pair{"fr", "Abonnés"}, std::pair{"en", "Subscribers"}, std::pair{"ar", "للمشتركين"}}) {
    r.locale = parse_locale(tag);
    const std::string html = engine.sidebar(r).value().latest.html;
    EXPECT_TRUE(test::contains(html, std::string("<span class=\"label subscribers\">") + label + "</span>"))
        << html;
  }
  r.article = "";
  r.locale = parse_locale("fr");
  EXPECT_FALSE(test::contains(engine.sidebar(r).value().latest.html, "Abonnés"));  // a5 is free
}

}  // namespace
}  // namespace encart
