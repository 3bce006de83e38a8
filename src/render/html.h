// The only code that emits markup. Every value from a bundle passes through escape_html, and
// only http(s) URLs (checked at load) reach an href or src.
#pragma once

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

// The widget's skeleton: filters, status line, the three sections, a message line. The shim
// fills the parts named by data-part; no bundle data is in it.
std::string render_shell(const Locale& locale);

// What a pre-rendered shell shows (encart render): each list's items and whether it has more,
// and the menus' options.
struct ShellContent {
  std::string latest, most_read, related;  // render_items markup
  bool more_latest = false, more_most_read = false, more_related = false;
  std::string category_options, author_options;
};

// The shell with its lists filled and its filters shown, as the widget shows it once ready, and
// marked data-prerendered: the widget adopts it instead of building its own (no layout shift).
std::string render_shell(const Locale& locale, const ShellContent& content);

// What a pre-rendered <encart-sidebar> element says it was rendered from: the widget loads the
// same (or its lists differ). An empty views_url is left out.
struct ElementSource {
  std::string bundle_url;
  std::string format = "auto";  // as given to encart render; "auto" is left out
  std::string views_url;
  std::string article;
  std::string lang;
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
