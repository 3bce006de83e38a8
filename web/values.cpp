#include "values.h"

#include "render/html.h"

namespace encart::web {

using emscripten::val;

val error_value(const Error& e) {
  val out = val::object();
  out.set("ok", false);
  out.set("code", std::string(error_code_name(e.code)));
  out.set("message", e.message);
  if (e.line > 0) {
    out.set("line", e.line);
    out.set("column", e.column);
    out.set("offset", e.offset);
  }
  return out;
}

val ok_value() {
  val out = val::object();
  out.set("ok", true);
  return out;
}

std::vector<std::string> strings(const val& v) {
  return v.isUndefined() || v.isNull() ? std::vector<std::string>{}
                                       : emscripten::vecFromJSArray<std::string>(v);
}

std::string string_or_empty(const val& v) { return v.isString() ? v.as<std::string>() : std::string(); }

Filter to_filter(const val& f) {
  Filter filter;
  if (f.isUndefined() || f.isNull()) return filter;
  filter.q = string_or_empty(f["q"]);
  filter.categories = strings(f["category"]);
  filter.authors = strings(f["author"]);
  filter.tags = strings(f["tag"]);
  filter.since = string_or_empty(f["since"]);
  filter.until = string_or_empty(f["until"]);
  filter.date = string_or_empty(f["date"]);
  return filter;
}

ViewWindow to_window(const std::string& w) {
  // options.js checked the name against the same table; anything else reads as "all".
  for (std::size_t i = 0; i < kViewWindowCount; ++i) {
    if (kViewWindows[i].name == w) return static_cast<ViewWindow>(i);
  }
  return ViewWindow::kAll;
}

RelatedOverrides to_related(const val& v) {
  RelatedOverrides o;
  if (v.isUndefined() || v.isNull()) return o;
  // options.js checked the types (bad_option names the field); ranges are clamped by apply().
  for (const RelatedSettingSpec& spec : kRelatedSettings) {
    const val container = spec.group.empty() ? v : v[std::string(spec.group)];
    if (container.isUndefined() || container.isNull()) continue;
    const val x = container[std::string(spec.js)];
    if (spec.kind == SettingKind::kFlag ? (x.isTrue() || x.isFalse()) : x.isNumber()) {
      o.*spec.override_value = spec.kind == SettingKind::kFlag ? (x.as<bool>() ? 1.0 : 0.0) : x.as<double>();
    }
  }
  return o;
}

val sidebar_list_value(const SidebarList& list) {
  val out = val::object();
  out.set("html", list.html);
  out.set("shown", list.shown);
  out.set("hasMore", list.has_more);
  return out;
}

SidebarRequest to_sidebar_request(const val& r) {
  SidebarRequest request;
  request.article = string_or_empty(r["article"]);
  request.article_urls = strings(r["articleUrls"]);
  request.read = strings(r["read"]);
  request.filter = to_filter(r["filter"]);
  request.latest_limit = static_cast<std::size_t>(r["latestLimit"].as<double>());
  request.most_read_limit = static_cast<std::size_t>(r["mostReadLimit"].as<double>());
  // api.js passes -1 when the page gives no limit: the related settings' limit applies.
  if (const double limit = r["relatedLimit"].as<double>(); limit >= 0) {
    request.related_limit = static_cast<std::size_t>(limit);
  }
  request.related = to_related(r["related"]);
  request.window = to_window(string_or_empty(r["window"]));
  request.locale = parse_locale(string_or_empty(r["lang"]));
  return request;
}

val sidebar_value(const Sidebar& s) {
  val out = ok_value();
  out.set("latest", sidebar_list_value(s.latest));
  out.set("mostRead", sidebar_list_value(s.most_read));
  out.set("related", sidebar_list_value(s.related));
  out.set("categoryOptions", s.category_options);
  out.set("authorOptions", s.author_options);
  out.set("status", s.status);
  out.set("matching", s.matching);
  out.set("articleFound", s.article_found);
  out.set("articleId", s.article_found ? val(s.article_id) : val::null());
  out.set("articleUrl", s.article_url);
  // The windows with view counts, in the vocabulary's order, and the one "most read" ranks by.
  val windows = val::array();
  for (std::size_t w = 0; w < kViewWindowCount; ++w) {
    if (s.windows[w]) windows.call<void>("push", std::string(kViewWindows[w].name));
  }
  out.set("windows", windows);
  out.set("window", std::string(kViewWindows[static_cast<std::size_t>(s.window)].name));
  return out;
}

std::string render_shell_for(const std::string& lang, const std::string& layout) {
  return render_shell(parse_locale(lang), ShellOptions{.layout = parse_layout(layout)});
}

val ui_messages(const std::string& lang) {
  const UiStrings& s = ui_strings(parse_locale(lang));
  val out = val::object();
  out.set("lang", std::string(s.lang_tag));
  out.set("dir", std::string(s.dir));
  out.set("loading", std::string(s.loading));
  out.set("loadFailed", std::string(s.load_failed));
  out.set("noArticles", std::string(s.no_articles));
  out.set("searching", std::string(s.searching));
  out.set("archiveUnavailable", std::string(s.archive_unavailable));
  out.set("historyCleared", std::string(s.history_cleared));
  return out;
}

}  // namespace encart::web
