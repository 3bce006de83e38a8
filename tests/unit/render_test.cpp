#include "render/html.h"
#include "render/locale.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_bundles.h"

namespace encart {
namespace {

using test::contains;
using test::js;
using test::js_list;

DateTime at(std::string_view iso) {
  const auto t = parse_iso8601(iso, OffsetRule::kRequired);
  EXPECT_TRUE(t) << iso;
  return t.value_or(DateTime{});
}

Locale french() { return parse_locale("fr"); }
Locale english() { return parse_locale("en"); }

std::vector<ArticleId> all(const Index& index) {
  std::vector<ArticleId> out;
  for (ArticleId a = 0; a < index.articles().size(); ++a) out.push_back(a);
  return out;
}

// Every value of `attribute="..."` in `html`.
std::vector<std::string> attribute_values(const std::string& html, const std::string& attribute) {
  std::vector<std::string> out;
  const std::string open = " " + attribute + "=\"";
  for (std::size_t pos = html.find(open); pos != std::string::npos; pos = html.find(open, pos + 1)) {
    const std::size_t start = pos + open.size();
    out.push_back(html.substr(start, html.find('"', start) - start));
  }
  return out;
}

std::size_t occurrences(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + 1))
    ++n;
  return n;
}

// --- escaping -------------------------------------------------------------------------------

TEST(EscapeHtml, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(escape_html("&<>\"'"), "&amp;&lt;&gt;&quot;&#39;");
  EXPECT_EQ(escape_html("Tom & Jerry <b>\"l'été\"</b>"),
            "Tom &amp; Jerry &lt;b&gt;&quot;l&#39;été&quot;&lt;/b&gt;");
}

TEST(EscapeHtml, LeavesOtherTextUnchanged) {
  EXPECT_EQ(escape_html(""), "");
  EXPECT_EQ(escape_html("Sécurité routière — الأَمْن"), "Sécurité routière — الأَمْن");
  EXPECT_EQ(escape_html("&amp;"), "&amp;amp;");  // never "already escaped"
}

// --- items ----------------------------------------------------------------------------------

constexpr const char* kHostileTitle = "<img src=x onerror=alert(1)>Titre piégé";
constexpr const char* kHostileBreakout = "\"><script>alert(2)</script>";

std::string hostile_bundle() {
  return test::bundle({
      test::article("xss", {{"title", js(kHostileTitle)},
                            {"category", js(kHostileBreakout)},
                            {"author", js(std::string(kHostileBreakout) + " & <b>Gueye</b>")},
                            {"tags", js_list({kHostileBreakout})},
                            {"image", "{\"url\":\"https://example.org/i.png\",\"alt\":" +
                                          js(kHostileBreakout) + ",\"width\":640,\"height\":360}"}}),
  });
}

TEST(RenderItems, EscapesHostileTitleCategoryAuthorAndAlt) {
  const Index index = test::index_of(hostile_bundle());
  const std::string html = render_items(index, all(index), french());
  EXPECT_FALSE(contains(html, "<img src=x")) << html;
  EXPECT_FALSE(contains(html, "<script")) << html;
  EXPECT_FALSE(contains(html, "<b>")) << html;
  EXPECT_TRUE(contains(html, "&lt;img src=x onerror=alert(1)&gt;Titre piégé")) << html;
  EXPECT_TRUE(contains(html, "&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;")) << html;
  EXPECT_TRUE(contains(html, "&amp; &lt;b&gt;Gueye&lt;/b&gt;")) << html;
  EXPECT_EQ(occurrences(html, "<img"), 1u);  // the thumbnail itself
  EXPECT_EQ(occurrences(html, "<a "), 1u);
}

TEST(RenderItems, EscapesQuotesInsideLinks) {
  const Index index = test::index_of(test::bundle(
      {test::article("attr", {{"url", js("https://example.org/c?x=\"><script>alert(3)</script>&y='")},
                              {"title", js("Guillemets \" et apostrophes ' & esperluette")}})}));
  const std::string html = render_items(index, all(index), french());
  EXPECT_FALSE(contains(html, "<script")) << html;
  EXPECT_TRUE(contains(
      html, "href=\"https://example.org/c?x=&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;&amp;y=&#39;\""))
      << html;
  EXPECT_TRUE(contains(html, "Guillemets &quot; et apostrophes &#39; &amp; esperluette")) << html;
}

TEST(RenderItems, EmitsOnlyHttpLinksFromTheHostileFixture) {
  Bundle b = test::parse_ok(test::read_fixture("hostile.json"));
  EXPECT_EQ(b.skipped_total, 3u);  // javascript: and data: links, javascript: image
  const Index hostile(std::move(b.articles));
  const std::string html = render_items(hostile, all(hostile), french());
  const auto hrefs = attribute_values(html, "href");
  const auto srcs = attribute_values(html, "src");
  EXPECT_EQ(hrefs.size(), 3u);
  EXPECT_EQ(srcs.size(), 1u);
  for (const auto& url : hrefs) EXPECT_EQ(url.rfind("https://", 0), 0u) << url;
  for (const auto& url : srcs) EXPECT_EQ(url.rfind("https://", 0), 0u) << url;
  EXPECT_FALSE(contains(html, "javascript:")) << html;
  EXPECT_FALSE(contains(html, "data:")) << html;
  EXPECT_FALSE(contains(html, "<script")) << html;
  EXPECT_FALSE(contains(html, "<svg")) << html;
  EXPECT_FALSE(contains(html, "<img src")) << html;
  EXPECT_FALSE(contains(html, "onerror=\"")) << html;
}

TEST(RenderItems, ShowsTitleCategoryAuthorsAndDate) {
  const Index index = test::index_of(
      test::bundle({test::article("a", {{"url", js("https://www.example.ma/politique/a")},
                                        {"title", js("Coopération sécuritaire")},
                                        {"published", js("2024-12-09T10:15:00+01:00")},
                                        {"category", js("Politique")},
                                        {"authors", js_list({"Mbaye Gueye", "Nadia Tazi"})}})}));
  EXPECT_EQ(render_items(index, all(index), french()),
            "<li class=\"item\"><a class=\"link\" href=\"https://www.example.ma/politique/a\">"
            "<span class=\"title\" dir=\"auto\">Coopération sécuritaire</span></a><p class=\"meta\">"
            "<bdi class=\"category\">Politique</bdi> <span class=\"byline\"><bdi>Mbaye Gueye</bdi>, "
            "<bdi>Nadia Tazi</bdi> – "
            "<time datetime=\"2024-12-09T10:15:00+01:00\">9 décembre 2024</time></span></p></li>");
}

TEST(RenderItems, OmitsMissingCategoryAndAuthor) {
  const Index index = test::index_of(test::bundle({test::article("a")}));
  const std::string html = render_items(index, all(index), english());
  EXPECT_FALSE(contains(html, "class=\"category\"")) << html;
  EXPECT_FALSE(contains(html, " – ")) << html;
  EXPECT_TRUE(contains(html, ">9 December 2024</time>")) << html;
}

TEST(RenderItems, AddsThumbnailWithEmptyAltAndKnownSize) {
  const Index index = test::index_of(test::bundle({
      test::article("sized", {{"image",
                               "{\"url\":\"https://example.org/a.jpg\",\"width\":640,\"height\":360,"
                               "\"alt\":\"Réunion\"}"}}),
      test::article("unsized", {{"image", "{\"url\":\"https://example.org/b.jpg\"}"}}),
  }));
  const std::string sized = render_items(index, {test::id_of(index, "sized")}, french());
  EXPECT_TRUE(contains(sized, "<img class=\"thumb\" src=\"https://example.org/a.jpg\" alt=\"\"")) << sized;
  EXPECT_TRUE(contains(sized, "width=\"640\" height=\"360\"")) << sized;
  const std::string unsized = render_items(index, {test::id_of(index, "unsized")}, french());
  EXPECT_TRUE(contains(unsized, "src=\"https://example.org/b.jpg\"")) << unsized;
  EXPECT_FALSE(contains(unsized, "width=")) << unsized;
}

TEST(RenderItems, KeepsTheGivenOrder) {
  const Index index = test::index_of(test::bundle({test::article("un"), test::article("deux")}));
  const std::string html =
      render_items(index, {test::id_of(index, "deux"), test::id_of(index, "un")}, french());
  EXPECT_LT(html.find("Article deux"), html.find("Article un"));
  EXPECT_EQ(render_items(index, {}, french()), "");
}

// --- dates ----------------------------------------------------------------------------------

TEST(FormatDate, WritesFrenchDates) {
  EXPECT_EQ(format_date(at("2024-12-09T10:15:00+01:00"), french()), "9 décembre 2024");
  EXPECT_EQ(format_date(at("2024-08-15T10:00:00+02:00"), french()), "15 août 2024");
  EXPECT_EQ(format_date(at("2024-02-29T10:00:00Z"), french()), "29 février 2024");
}

TEST(FormatDate, WritesTheFirstOfTheMonthAsPremierInFrench) {
  EXPECT_EQ(format_date(at("2024-12-01T08:00:00+01:00"), french()), "1er décembre 2024");
  EXPECT_EQ(format_date(at("2025-01-01T00:00:00+01:00"), french()), "1er janvier 2025");
  EXPECT_EQ(format_date(at("2024-12-01T08:00:00Z"), english()), "1 December 2024");
}

TEST(FormatDate, WritesEnglishDates) {
  EXPECT_EQ(format_date(at("2024-12-09T10:15:00+01:00"), english()), "9 December 2024");
  EXPECT_EQ(format_date(at("2024-07-04T12:00:00-04:00"), english()), "4 July 2024");
}

TEST(FormatDate, UsesTheDatesOwnOffset) {
  // 23:30 on 8 December at -01:00 is already the 9th in UTC; the site's readers saw the 8th.
  EXPECT_EQ(format_date(at("2024-12-08T23:30:00-01:00"), french()), "8 décembre 2024");
  EXPECT_EQ(format_date(at("2024-12-09T00:30:00+01:00"), french()), "9 décembre 2024");
}

TEST(FormatDate, WritesArabicMonthNames) {
  const Locale ar = parse_locale("ar");
  EXPECT_EQ(format_date(at("2024-12-09T10:00:00+01:00"), ar), "9 ديسمبر 2024");
  EXPECT_EQ(format_date(at("2024-08-01T10:00:00+01:00"), ar), "1 أغسطس 2024");
}

TEST(FormatDate, WritesMoroccanMonthNamesForArMa) {
  const Locale ma = parse_locale("ar-MA");
  EXPECT_EQ(format_date(at("2024-12-09T10:00:00+01:00"), ma), "9 دجنبر 2024");
  EXPECT_EQ(format_date(at("2024-07-09T10:00:00+01:00"), ma), "9 يوليوز 2024");
  EXPECT_EQ(format_date(at("2024-08-09T10:00:00+01:00"), ma), "9 غشت 2024");
  EXPECT_EQ(format_date(at("2024-05-09T10:00:00+01:00"), ma), "9 ماي 2024");
}

TEST(FormatDate, WritesDatesBefore1970) {
  EXPECT_EQ(format_date(at("1969-07-20T20:17:40Z"), french()), "20 juillet 1969");
}

// --- locales --------------------------------------------------------------------------------

TEST(ParseLocale, ReadsLanguageTags) {
  EXPECT_EQ(parse_locale("fr").language, Language::kFrench);
  EXPECT_EQ(parse_locale("fr-MA").language, Language::kFrench);
  EXPECT_EQ(parse_locale("en").language, Language::kEnglish);
  EXPECT_EQ(parse_locale("en-GB").language, Language::kEnglish);
  EXPECT_EQ(parse_locale("EN_us").language, Language::kEnglish);
  EXPECT_EQ(parse_locale("ar").language, Language::kArabic);
  EXPECT_FALSE(parse_locale("ar").moroccan);
}

TEST(ParseLocale, RecognisesMoroccanArabic) {
  for (const char* tag : {"ar-MA", "ar-ma", "AR_MA"}) {
    const Locale l = parse_locale(tag);
    EXPECT_EQ(l.language, Language::kArabic) << tag;
    EXPECT_TRUE(l.moroccan) << tag;
  }
  EXPECT_FALSE(parse_locale("ar-EG").moroccan);
  EXPECT_FALSE(parse_locale("fr-MA").moroccan);
}

TEST(ParseLocale, FallsBackToFrench) {
  for (const char* tag : {"", "de", "es-ES", "english", "arabic", "e", "-", "zz-ZZ"}) {
    const Locale l = parse_locale(tag);
    EXPECT_EQ(l.language, Language::kFrench) << tag;
    EXPECT_FALSE(l.moroccan) << tag;
  }
}

TEST(ResultsStatus, CountsInEachLanguage) {
  EXPECT_EQ(results_status(0, french()), "Aucun article ne correspond");
  EXPECT_EQ(results_status(1, french()), "1 article correspond");
  EXPECT_EQ(results_status(12, french()), "12 articles correspondent");
  EXPECT_EQ(results_status(0, english()), "No article matches");
  EXPECT_EQ(results_status(1, english()), "1 article matches");
  EXPECT_EQ(results_status(12, english()), "12 articles match");
  EXPECT_TRUE(contains(results_status(12, parse_locale("ar")), "12"));
}

// --- facet menus ----------------------------------------------------------------------------

TEST(RenderFacetOptions, ListsAllThenValuesWithCounts) {
  const std::vector<FacetCount> counts = {{"Politique", 3}, {"Économie", 1}};
  EXPECT_EQ(render_facet_options(counts, Facet::kCategory, "", french()),
            "<option value=\"\">Toutes les rubriques</option>"
            "<option value=\"Politique\">Politique (3)</option>"
            "<option value=\"Économie\">Économie (1)</option>");
}

TEST(RenderFacetOptions, MarksTheSelectedValueComparingFolded) {
  const std::vector<FacetCount> counts = {{"Politique", 3}, {"Économie", 1}};
  const std::string html = render_facet_options(counts, Facet::kCategory, "economie", french());
  EXPECT_TRUE(contains(html, "<option value=\"Économie\" selected>Économie (1)</option>")) << html;
  EXPECT_EQ(occurrences(html, " selected"), 1u) << html;
}

TEST(RenderFacetOptions, KeepsASelectedValueWhoseCountFellToZero) {
  const std::vector<FacetCount> counts = {{"Politique", 3}};
  const std::string html = render_facet_options(counts, Facet::kCategory, "Culture", french());
  EXPECT_TRUE(contains(html, "<option value=\"Culture\" selected>Culture (0)</option>")) << html;
  EXPECT_EQ(occurrences(html, " selected"), 1u) << html;
  EXPECT_EQ(occurrences(html, "<option"), 3u) << html;
}

TEST(RenderFacetOptions, EscapesValuesAndSelection) {
  const std::vector<FacetCount> counts = {{kHostileBreakout, 2}};
  const std::string html =
      render_facet_options(counts, Facet::kAuthor, "<img src=x onerror=alert(1)>", french());
  EXPECT_FALSE(contains(html, "<script")) << html;
  EXPECT_FALSE(contains(html, "<img src=x")) << html;
  EXPECT_TRUE(contains(html, "&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt; (2)")) << html;
  EXPECT_TRUE(contains(html, "&lt;img src=x onerror=alert(1)&gt; (0)")) << html;
}

TEST(RenderFacetOptions, NamesTheAllOptionPerFacetAndLanguage) {
  EXPECT_TRUE(contains(render_facet_options({}, Facet::kAuthor, "", french()), ">Tous les auteurs<"));
  EXPECT_TRUE(contains(render_facet_options({}, Facet::kCategory, "", english()), ">All sections<"));
  EXPECT_TRUE(contains(render_facet_options({}, Facet::kAuthor, "", english()), ">All authors<"));
  EXPECT_TRUE(contains(render_facet_options({}, Facet::kCategory, "", parse_locale("ar")), ">كل الأقسام<"));
}

// --- shell ----------------------------------------------------------------------------------

TEST(RenderShell, HasTheFrenchSectionTitles) {
  const std::string html = render_shell(french());
  EXPECT_TRUE(contains(html, "lang=\"fr\" dir=\"ltr\"")) << html;
  for (const char* title : {">Derniers articles</h2>", ">Les plus lus</h2>", ">À lire aussi</h2>",
                            ">Voir plus<", "placeholder=\"Rechercher…\""}) {
    EXPECT_TRUE(contains(html, title)) << title;
  }
  EXPECT_EQ(occurrences(html, "<section"), 3u);
}

TEST(RenderShell, HasTheEnglishSectionTitles) {
  const std::string html = render_shell(english());
  EXPECT_TRUE(contains(html, "lang=\"en\" dir=\"ltr\"")) << html;
  for (const char* title : {">Latest articles</h2>", ">Most read</h2>", ">Read also</h2>", ">Show more<"}) {
    EXPECT_TRUE(contains(html, title)) << title;
  }
}

TEST(RenderShell, IsRightToLeftInArabic) {
  const std::string html = render_shell(parse_locale("ar-MA"));
  EXPECT_TRUE(contains(html, "lang=\"ar\" dir=\"rtl\"")) << html;
  EXPECT_TRUE(contains(html, ">آخر المقالات</h2>")) << html;
  EXPECT_TRUE(contains(html, ">الأكثر قراءة</h2>")) << html;
}

TEST(RenderShell, HasTheLivePartsTheShimFills) {
  const std::string html = render_shell(french());
  for (const char* part : {"data-part=\"q\"", "data-part=\"category\"", "data-part=\"author\"",
                           "data-part=\"status\"", "aria-live=\"polite\"", "data-list=\"latest\"",
                           "data-list=\"mostRead\"", "data-list=\"related\"", "data-part=\"message\""}) {
    EXPECT_TRUE(contains(html, part)) << part;
  }
}

TEST(RenderShell, StacksTheListsByDefaultWithoutTabs) {
  const std::string html = render_shell(french());
  EXPECT_FALSE(contains(html, "role=\"tab")) << html;
  EXPECT_FALSE(contains(html, "data-layout")) << html;
}

TEST(RenderShell, PutsLatestAndMostReadInTabsWithTheFirstSelectedAndRelatedBelow) {
  const std::string html = render_shell(french(), ShellOptions{.layout = Layout::kTabs});
  EXPECT_TRUE(contains(html, "data-layout=\"tabs\"")) << html;
  EXPECT_TRUE(contains(html, "role=\"tablist\" aria-label=\"Articles\"")) << html;
  EXPECT_EQ(occurrences(html, "role=\"tab\""), 2u);
  EXPECT_EQ(occurrences(html, "role=\"tabpanel\""), 2u);
  EXPECT_TRUE(contains(html,
                       "id=\"encart-tab-latest\" aria-controls=\"encart-panel-latest\" "
                       "aria-selected=\"true\" tabindex=\"0\""))
      << html;
  EXPECT_TRUE(contains(html,
                       "id=\"encart-tab-mostRead\" aria-controls=\"encart-panel-mostRead\" "
                       "aria-selected=\"false\" tabindex=\"-1\""))
      << html;
  EXPECT_TRUE(contains(html,
                       "id=\"encart-panel-mostRead\" aria-labelledby=\"encart-tab-mostRead\" "
                       "tabindex=\"0\" hidden>"))
      << html;
  EXPECT_TRUE(contains(html, ">Derniers articles</button>")) << html;
  EXPECT_TRUE(contains(html, ">Les plus lus</button>")) << html;
  // Related is not a tab: it stays a section of its own with its heading, after the tab box.
  EXPECT_TRUE(contains(html, ">À lire aussi</h2>")) << html;
  EXPECT_GT(html.find("data-list=\"related\""), html.find("encart-panel-mostRead")) << html;
  EXPECT_TRUE(contains(render_shell(parse_locale("ar"), ShellOptions{.layout = Layout::kTabs}),
                       "aria-label=\"المقالات\""));
}

TEST(RenderShell, ReadsTheTabsLayoutByNameAndAnythingElseAsStacked) {
  EXPECT_EQ(parse_layout("tabs"), Layout::kTabs);
  EXPECT_EQ(parse_layout("stacked"), Layout::kStacked);
  EXPECT_EQ(parse_layout("Tabs"), Layout::kStacked);
  EXPECT_EQ(parse_layout(""), Layout::kStacked);
}

TEST(RenderShell, HidesThePeriodControlWhenOnlyAllTimeHasCounts) {
  ShellOptions options;
  options.windows = {true, false, false, false};
  EXPECT_TRUE(contains(render_shell(french(), options), "data-part=\"windows\" hidden>"));
  EXPECT_TRUE(contains(render_shell(french()), "data-part=\"windows\" hidden>"));
}

TEST(RenderShell, OffersThePeriodsWithCountsAndAllTimeWithTheChosenOnePressed) {
  ShellOptions options;
  options.windows = {true, false, true, true};  // all, 7d, 30d: no 24h
  options.window = ViewWindow::k7d;
  const std::string html = render_shell(french(), options);
  EXPECT_TRUE(contains(html, "role=\"group\" aria-label=\"Période\" data-part=\"windows\">")) << html;
  EXPECT_TRUE(contains(html, "data-window=\"24h\" aria-pressed=\"false\" hidden>24 h<")) << html;
  EXPECT_TRUE(contains(html, "data-window=\"7d\" aria-pressed=\"true\">7 jours<")) << html;
  EXPECT_TRUE(contains(html, "data-window=\"30d\" aria-pressed=\"false\">30 jours<")) << html;
  EXPECT_TRUE(contains(html, "data-window=\"all\" aria-pressed=\"false\">Tout<")) << html;
  // Shortest first, all time last.
  EXPECT_LT(html.find("data-window=\"30d\""), html.find("data-window=\"all\""));
  EXPECT_TRUE(contains(render_shell(english(), options), ">All time<"));
  EXPECT_TRUE(contains(render_shell(parse_locale("ar"), options), ">7 أيام<"));
}

TEST(RenderShell, PressesAllTimeWhenTheChosenPeriodHasNoCounts) {
  ShellOptions options;
  options.windows = {true, true, false, false};
  options.window = ViewWindow::k30d;
  EXPECT_TRUE(contains(render_shell(french(), options), "data-window=\"all\" aria-pressed=\"true\""));
  EXPECT_EQ(effective_window(ViewWindow::k30d, options.windows), ViewWindow::kAll);
  EXPECT_EQ(effective_window(ViewWindow::k24h, options.windows), ViewWindow::k24h);
}

TEST(RenderShell, PrerenderedTabsShowTheMostReadTabOnlyWithViewCounts) {
  const ShellContent content{"<li>a</li>", "", "", false, false, false, "", ""};
  const std::string without = render_shell(french(), content, ShellOptions{.layout = Layout::kTabs});
  EXPECT_TRUE(contains(without, "data-tab=\"mostRead\" hidden>")) << without;
  EXPECT_TRUE(contains(without, "data-part=\"tabbox\">")) << without;
  ShellOptions with{.layout = Layout::kTabs};
  with.windows = {true, false, false, false};
  EXPECT_FALSE(contains(render_shell(french(), content, with), "data-tab=\"mostRead\" hidden>"));
}

}  // namespace
}  // namespace encart

namespace encart {
namespace {

TEST(RenderElement, EscapesEveryAttributeAndLeavesAutoFormatAndNoViewsOut) {
  const ElementSource source{"/a\"&<b>.json", "auto", "", "x\"y", "fr"};
  EXPECT_EQ(render_element(source, "p{}", "<div></div>"),
            "<encart-sidebar bundle=\"/a&quot;&amp;&lt;b&gt;.json\" article=\"x&quot;y\" lang=\"fr\">"
            "<template shadowrootmode=\"open\"><style>p{}</style><div></div></template></encart-sidebar>");
}

TEST(RenderElement, NamesTheLayoutAndPeriodTheShellWasRenderedWith) {
  ElementSource source{"/a.json", "auto", "", "1", "fr"};
  source.layout = Layout::kTabs;
  source.most_read_window = "7d";
  const std::string html = render_element(source, "", "");
  EXPECT_EQ(html.substr(0, html.find('>') + 1),
            "<encart-sidebar bundle=\"/a.json\" article=\"1\" lang=\"fr\" layout=\"tabs\" "
            "most-read-window=\"7d\">");
}

TEST(RenderElement, NamesTheFormatAndViewsTheWidgetMustLoad) {
  const ElementSource source{"/posts.json", "wordpress", "/views.json", "101", "ar-MA"};
  const std::string html = render_element(source, "", "");
  EXPECT_EQ(
      html.substr(0, html.find('>') + 1),
      "<encart-sidebar bundle=\"/posts.json\" format=\"wordpress\" views=\"/views.json\" article=\"101\" "
      "lang=\"ar-MA\">");
}

}  // namespace
}  // namespace encart
