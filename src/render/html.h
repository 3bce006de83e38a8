// The only code that emits markup. Every value from a bundle passes through escape_html, and
// only http(s) URLs (checked at load) reach an href or src.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "index/index.h"
#include "query/filter.h"
#include "render/locale.h"

namespace encart {

// Escapes & < > " ' so the result is inert both as text and inside a quoted attribute.
std::string escape_html(std::string_view text);

// The reader's history as render_items and the sidebar read it: ids sorted, each once.
std::vector<std::string> sorted_ids(std::vector<std::string> ids);
bool is_read(const std::vector<std::string>& sorted, std::string_view id);

// <li> items: a link with the title, then the labels (subscribers only, already read: words, not
// only a colour), category, authors and date. `read`: sorted_ids of the reader's history.
std::string render_items(const Index& index, const std::vector<ArticleId>& items, const Locale& locale,
                         const std::vector<std::string>& read = {});
// The same from the articles themselves (a pack reader holds records, not an Index).
std::string render_items(std::span<const Article* const> items, const Locale& locale,
                         const std::vector<std::string>& read = {});

// <option>s for a facet menu: "all" first, then each value with its count; `selected` is
// marked (and kept even when its count fell to zero, so the menu never loses the choice).
std::string render_facet_options(const std::vector<FacetCount>& counts, Facet facet,
                                 std::string_view selected, const Locale& locale);

// How the lists are arranged: one under the other (the default), or "latest" and "most read" as
// the two tabs of one box (the WAI-ARIA tabs pattern) with "related" below it.
enum class Layout { kStacked, kTabs };

// "tabs" is the tabs layout; anything else (the attribute absent, a typo) is the default.
Layout parse_layout(std::string_view name);

// The windows that have view counts (Sidebar::windows): the most-read period control offers
// these; it shows only when one besides "all" has counts.
using WindowSet = std::array<bool, kViewWindowCount>;

// The window "most read" ranks by: `wanted` when it has counts, else "all" (so a page asking for
// 7 days over a bundle without views_7d still shows its most read).
ViewWindow effective_window(ViewWindow wanted, const WindowSet& windows);

struct ShellOptions {
  Layout layout = Layout::kStacked;
  ViewWindow window = ViewWindow::kAll;  // the period shown as chosen
  WindowSet windows{};                   // none known before a bundle is loaded: the control is hidden
};

// The widget's skeleton: filters, status line, the three lists (stacked or tabs), a message line.
// The shim fills the parts named by data-part; no bundle data is in it.
std::string render_shell(const Locale& locale, const ShellOptions& options = {});

// What a pre-rendered shell shows (encart render): each list's items and whether it has more,
// and the menus' options.
struct ShellContent {
  std::string latest, most_read, related;  // render_items markup
  bool more_latest = false, more_most_read = false, more_related = false;
  std::string category_options, author_options;
};

// The shell with its lists filled and its filters shown, as the widget shows it once ready, and
// marked data-prerendered: the widget adopts it instead of building its own (no layout shift).
std::string render_shell(const Locale& locale, const ShellContent& content, const ShellOptions& options = {});

// What a pre-rendered <encart-sidebar> element says it was rendered from: the widget loads the
// same (or its lists differ). An empty views_url is left out.
struct ElementSource {
  std::string bundle_url;
  std::string format = "auto";  // as given to encart render; "auto" is left out
  std::string views_url;
  std::string article;
  std::string lang;
  Layout layout = Layout::kStacked;  // "tabs" is written out; the default is left out
  std::string most_read_window;      // written out when not empty
};

// The whole <encart-sidebar> element (encart render --bundle-url): its attributes, then a
// declarative shadow root holding the widget's stylesheet `css` and `shell` (render_shell's
// markup with content). Browsers show it before (and without) JavaScript; the widget adopts it.
std::string render_element(const ElementSource& source, std::string_view css, std::string_view shell);

// The lists as static HTML, for the page to carry before (or without) JavaScript: inside
// <encart-sidebar> it is the fallback the widget replaces. Empty lists are left out. Item markup
// is render_items'; `latest`, `most_read`, `related` are such markup.
std::string render_static(const std::string& latest, const std::string& most_read, const std::string& related,
                          const Locale& locale);

}  // namespace encart
