#include "render/html.h"

#include <algorithm>

#include "text/fold.h"

namespace encart {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::vector<std::string> sorted_ids(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

bool is_read(const std::vector<std::string>& sorted, std::string_view id) {
  return std::binary_search(sorted.begin(), sorted.end(), id, std::less<>());
}

std::string render_items(const Index& index, const std::vector<ArticleId>& items, const Locale& locale,
                         const std::vector<std::string>& read) {
  std::vector<const Article*> articles;
  articles.reserve(items.size());
  for (const ArticleId id : items) articles.push_back(&index.articles()[id]);
  return render_items(articles, locale, read);
}

namespace {

// Labels are text, so that they read the same to every reader and screen reader; the class
// only styles them.
std::string labels(const Article& a, const Locale& locale, const std::vector<std::string>& read) {
  const UiStrings& s = ui_strings(locale);
  std::string out;
  if (!a.accessible_for_free)
    out += std::string("<span class=\"label subscribers\">") + s.subscribers + "</span> ";
  if (is_read(read, a.id)) out += std::string("<span class=\"label read\">") + s.already_read + "</span> ";
  return out;
}

}  // namespace

std::string render_items(std::span<const Article* const> items, const Locale& locale,
                         const std::vector<std::string>& read) {
  std::string out;
  for (const Article* item : items) {
    const Article& a = *item;
    // Each article keeps its own language and direction: an Arabic title in a French sidebar
    // (dir="auto"), names that cannot reorder the byline around them (<bdi>).
    out += "<li class=\"item\"";
    if (!a.lang.empty()) out += " lang=\"" + escape_html(a.lang) + "\"";
    out += "><a class=\"link\" href=\"" + escape_html(a.url) + "\">";
    if (a.image) {
      // alt="" on purpose: the title beside it is the link's text; a second reading is noise.
      out += "<img class=\"thumb\" src=\"" + escape_html(a.image->url) +
             "\" alt=\"\" loading=\"lazy\" decoding=\"async\"";
      if (a.image->width > 0 && a.image->height > 0) {
        out += " width=\"" + std::to_string(a.image->width) + "\" height=\"" +
               std::to_string(a.image->height) + "\"";
      }
      out += ">";
    }
    out += "<span class=\"title\" dir=\"auto\">" + escape_html(a.title) + "</span></a><p class=\"meta\">";
    out += labels(a, locale, read);
    if (!a.category.empty()) {
      out += "<bdi class=\"category\">" + escape_html(a.category) + "</bdi> ";
    }
    out += "<span class=\"byline\">";
    for (std::size_t i = 0; i < a.authors.size(); ++i) {
      out += (i > 0 ? ", " : "") + std::string("<bdi>") + escape_html(a.authors[i]) + "</bdi>";
    }
    if (!a.authors.empty()) out += " – ";
    out += "<time datetime=\"" + escape_html(a.published_text) + "\">" +
           escape_html(format_date(a.published, locale)) + "</time></span></p></li>";
  }
  return out;
}

std::string render_facet_options(const std::vector<FacetCount>& counts, Facet facet,
                                 std::string_view selected, const Locale& locale) {
  const UiStrings& s = ui_strings(locale);
  std::string out = "<option value=\"\">";
  out += facet == Facet::kAuthor ? s.all_authors : s.all_categories;
  out += "</option>";
  bool selected_seen = selected.empty();
  const std::string folded_selected = text::fold(selected);
  for (const FacetCount& c : counts) {
    const bool is_selected = !selected.empty() && text::fold(c.value) == folded_selected;
    selected_seen = selected_seen || is_selected;
    out += "<option value=\"" + escape_html(c.value) + "\"" + (is_selected ? " selected" : "") + ">" +
           escape_html(c.value) + " (" + std::to_string(c.count) + ")</option>";
  }
  if (!selected_seen) {
    out +=
        "<option value=\"" + escape_html(selected) + "\" selected>" + escape_html(selected) + " (0)</option>";
  }
  return out;
}

std::string render_static(const std::string& latest, const std::string& most_read, const std::string& related,
                          const Locale& locale) {
  const UiStrings& s = ui_strings(locale);
  std::string out =
      std::string("<div class=\"encart-static\" lang=\"") + s.lang_tag + "\" dir=\"" + s.dir + "\">";
  for (const auto& [items, title] :
       {std::pair{&latest, s.latest}, std::pair{&related, s.related}, std::pair{&most_read, s.most_read}}) {
    if (items->empty()) continue;
    out += std::string("<section class=\"list\"><h2 class=\"heading\">") + title +
           "</h2><ol class=\"items\">" + *items + "</ol></section>";
  }
  return out + "</div>";
}

Layout parse_layout(std::string_view name) { return name == "tabs" ? Layout::kTabs : Layout::kStacked; }

ViewWindow effective_window(ViewWindow wanted, const WindowSet& windows) {
  return windows[static_cast<std::size_t>(wanted)] ? wanted : ViewWindow::kAll;
}

namespace {
std::string render_shell(const Locale& locale, const ShellContent* content, const ShellOptions& options);
}  // namespace

std::string render_shell(const Locale& locale, const ShellOptions& options) {
  return render_shell(locale, nullptr, options);
}

std::string render_shell(const Locale& locale, const ShellContent& content, const ShellOptions& options) {
  return render_shell(locale, &content, options);
}

std::string render_element(const ElementSource& source, std::string_view css, std::string_view shell) {
  std::string out = "<encart-sidebar bundle=\"" + escape_html(source.bundle_url) + "\"";
  if (source.format != "auto") out += " format=\"" + escape_html(source.format) + "\"";
  if (!source.views_url.empty()) out += " views=\"" + escape_html(source.views_url) + "\"";
  out += " article=\"" + escape_html(source.article) + "\" lang=\"" + escape_html(source.lang) + "\"";
  if (source.layout == Layout::kTabs) out += " layout=\"tabs\"";
  if (!source.most_read_window.empty()) {
    out += " most-read-window=\"" + escape_html(source.most_read_window) + "\"";
  }
  out += ">";
  // The stylesheet is the widget's own (shim/styles.css), never bundle data.
  out += "<template shadowrootmode=\"open\"><style>";
  out += css;
  out += "</style>";
  out += shell;
  out += "</template></encart-sidebar>";
  return out;
}

namespace {

const char* hidden_unless(bool shown) { return shown ? "" : " hidden"; }

// Pre-rendered controls do nothing until the script adopts them: disabled, they do not invite a
// reader to type or choose in vain (without JavaScript, the links still work).
const char* inert_if(bool prerendered) { return prerendered ? " disabled data-inert" : ""; }

std::string render_filters(const UiStrings& s, const ShellContent* content) {
  const std::string inert = inert_if(content != nullptr);
  std::string out = std::string("<form class=\"filters\" role=\"search\" aria-label=\"") + s.filters_label +
                    "\" data-part=\"filters\"" + hidden_unless(content != nullptr) + ">";
  out += std::string("<label class=\"sr-only\" for=\"encart-q\">") + s.search_label + "</label>";
  out += std::string(
             "<input class=\"search\" id=\"encart-q\" type=\"search\" data-part=\"q\" "
             "autocomplete=\"off\" spellcheck=\"false\" placeholder=\"") +
         s.search_placeholder + "\"" + inert + ">";
  out += std::string("<label class=\"sr-only\" for=\"encart-category\">") + s.category_label + "</label>";
  out += "<select class=\"choice\" id=\"encart-category\" data-part=\"category\"" + inert + ">" +
         (content != nullptr ? content->category_options : std::string()) + "</select>";
  out += std::string("<label class=\"sr-only\" for=\"encart-author\">") + s.author_label + "</label>";
  out += "<select class=\"choice\" id=\"encart-author\" data-part=\"author\"" + inert + ">" +
         (content != nullptr ? content->author_options : std::string()) + "</select>";
  out += std::string("<label class=\"sr-only\" for=\"encart-date\">") + s.date_label + "</label>";
  out += "<select class=\"choice\" id=\"encart-date\" data-part=\"date\"" + inert + ">";
  const std::pair<const char*, const char*> dates[] = {
      {"", s.any_date}, {"today", s.today}, {"7d", s.last_7_days}, {"30d", s.last_30_days}};
  for (const auto& [value, label] : dates) {
    out += std::string("<option value=\"") + value + "\">" + label + "</option>";
  }
  return out + "</select></form>";
}

// The most-read periods as toggle buttons (aria-pressed), shortest first and "all" last. Only
// windows with counts are offered, "all" always; no control at all when "all" is the only one.
std::string render_windows(const UiStrings& s, const ShellOptions& options, bool prerendered) {
  bool any = false;
  for (std::size_t w = 1; w < kViewWindowCount; ++w) any = any || options.windows[w];
  std::string out = std::string("<div class=\"windows\" role=\"group\" aria-label=\"") + s.window_label +
                    "\" data-part=\"windows\"" + hidden_unless(any) + ">";
  for (std::size_t i = 1; i <= kViewWindowCount; ++i) {
    const std::size_t w = i % kViewWindowCount;  // 24h, 7d, 30d, then all
    const bool pressed = static_cast<std::size_t>(effective_window(options.window, options.windows)) == w;
    out += std::string("<button class=\"window\" type=\"button\" data-window=\"") +
           std::string(kViewWindows[w].name) + "\" aria-pressed=\"" + (pressed ? "true" : "false") + "\"" +
           hidden_unless(w == 0 || options.windows[w]) + inert_if(prerendered) + ">" + s.windows[w] +
           "</button>";
  }
  return out + "</div>";
}

struct ListPart {
  const char* list;
  const char* title;
  const std::string* items;  // nullptr before a bundle is loaded
  bool more;
};

// A list's items and its "show more" button (and, for most read, the period control).
std::string render_list_body(const UiStrings& s, const ListPart& part, const ShellOptions& options) {
  std::string out = std::string(part.list) == "mostRead" ? render_windows(s, options, part.items != nullptr)
                                                         : std::string();
  return out + "<ol class=\"items\" data-part=\"items\">" +
         (part.items != nullptr ? *part.items : std::string()) +
         "</ol><button class=\"more\" type=\"button\" data-part=\"more\"" + hidden_unless(part.more) +
         inert_if(part.items != nullptr) + ">" + s.more + "</button>";
}

std::string render_section(const UiStrings& s, const ListPart& part, const ShellOptions& options) {
  const bool shown = part.items != nullptr && !part.items->empty();
  return std::string("<section class=\"list\" data-list=\"") + part.list + "\" aria-labelledby=\"encart-h-" +
         part.list + "\"" + hidden_unless(shown) + "><h2 class=\"heading\" id=\"encart-h-" + part.list +
         "\">" + part.title + "</h2>" + render_list_body(s, part, options) + "</section>";
}

// WAI-ARIA tabs: the first tab selected and in the tab order (roving tabindex), each panel
// labelled by its tab and focusable. The shim moves the selection; before a bundle is loaded
// the box is hidden like the stacked sections. Most read's tab shows only with view counts.
std::string render_tabs(const UiStrings& s, const ListPart (&parts)[2], const ShellOptions& options,
                        bool loaded) {
  std::string out = std::string("<div class=\"tabbox\" data-part=\"tabbox\"") + hidden_unless(loaded) +
                    "><div class=\"tablist\" role=\"tablist\" aria-label=\"" + s.tabs_label + "\">";
  const bool most_read =
      std::find(options.windows.begin(), options.windows.end(), true) != options.windows.end();
  for (std::size_t i = 0; i < 2; ++i) {
    const std::string list = parts[i].list;
    const bool first = i == 0;
    out += "<button class=\"tab\" type=\"button\" role=\"tab\" id=\"encart-tab-" + list;
    out += "\" aria-controls=\"encart-panel-" + list;
    out += std::string("\" aria-selected=\"") + (first ? "true" : "false");
    out += std::string("\" tabindex=\"") + (first ? "0" : "-1");
    out += "\" data-tab=\"" + list;
    out +=
        std::string("\"") + hidden_unless(first || !loaded || most_read) + ">" + parts[i].title + "</button>";
  }
  out += "</div>";
  for (std::size_t i = 0; i < 2; ++i) {
    const std::string list = parts[i].list;
    out += "<section class=\"list panel\" data-list=\"" + list;
    out += "\" role=\"tabpanel\" id=\"encart-panel-" + list;
    out += "\" aria-labelledby=\"encart-tab-" + list;
    out += std::string("\" tabindex=\"0\"") + hidden_unless(i == 0) + ">";
    out += render_list_body(s, parts[i], options) + "</section>";
  }
  return out + "</div>";
}

std::string render_shell(const Locale& locale, const ShellContent* content, const ShellOptions& options) {
  const UiStrings& s = ui_strings(locale);
  const bool loaded = content != nullptr;
  const ListPart latest{"latest", s.latest, loaded ? &content->latest : nullptr,
                        loaded && content->more_latest};
  const ListPart most_read{"mostRead", s.most_read, loaded ? &content->most_read : nullptr,
                           loaded && content->more_most_read};
  const ListPart related{"related", s.related, loaded ? &content->related : nullptr,
                         loaded && content->more_related};
  std::string out = std::string("<div class=\"encart\" lang=\"") + s.lang_tag + "\" dir=\"" + s.dir + "\"" +
                    (options.layout == Layout::kTabs ? " data-layout=\"tabs\"" : "") +
                    (loaded ? " data-prerendered" : "") + ">";
  out += render_filters(s, content);
  out += "<p class=\"status\" role=\"status\" aria-live=\"polite\" data-part=\"status\"></p>";
  out += std::string("<div class=\"empty\" data-part=\"empty\" hidden><p>") + s.no_match +
         "</p><button class=\"more\" type=\"button\" data-part=\"reset\">" + s.reset + "</button></div>";
  if (options.layout == Layout::kTabs) {
    out += render_tabs(s, {latest, most_read}, options, loaded);
  } else {
    out += render_section(s, latest, options) + render_section(s, most_read, options);
  }
  out += render_section(s, related, options);
  // Shown by the widget only when it keeps a reading history (the history attribute).
  out += std::string("<button class=\"more history\" type=\"button\" data-part=\"clear-history\" hidden>") +
         s.clear_history + "</button>";
  out += std::string("<p class=\"message\" data-part=\"message\"") + hidden_unless(!loaded) + ">" +
         s.loading + "</p>";
  return out + "</div>";
}
}  // namespace

}  // namespace encart
