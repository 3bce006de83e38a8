// The only file that includes Emscripten headers: turns core results into plain JS values and
// core errors into {ok: false, code, message, ...}, which web/api.js turns into EncartError.
// Inputs arrive already normalised by web/api.js (arrays of strings, numbers, ISO strings).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "render/html.h"

namespace {

using emscripten::val;
using namespace encart;

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

ListOptions to_list_options(const val& o) {
  ListOptions options;
  options.limit = static_cast<std::size_t>(o["limit"].as<double>());
  options.exclude = strings(o["exclude"]);
  options.filter = to_filter(o["filter"]);
  return options;
}

ViewWindow to_window(const std::string& w) {
  if (w == "24h") return ViewWindow::k24h;
  if (w == "7d") return ViewWindow::k7d;
  if (w == "30d") return ViewWindow::k30d;
  return ViewWindow::kAll;
}

val article_value(const Article& a) {
  val out = val::object();
  out.set("id", a.id);
  out.set("url", a.url);
  out.set("title", a.title);
  out.set("summary", a.summary);
  out.set("category", a.category);
  out.set("tags", val::array(a.tags));
  out.set("author", a.authors.empty() ? std::string() : a.authors.front());
  out.set("authors", val::array(a.authors));
  out.set("published", a.published_text);
  out.set("views", a.views[0] ? val(static_cast<double>(*a.views[0])) : val::null());
  if (a.image) {
    val image = val::object();
    image.set("url", a.image->url);
    image.set("alt", a.image->alt);
    image.set("width", a.image->width);
    image.set("height", a.image->height);
    out.set("image", image);
  } else {
    out.set("image", val::null());
  }
  return out;
}

val list_value(const Engine& engine, const Result<std::vector<ArticleId>>& ids) {
  if (!ids) return error_value(ids.error());
  val items = val::array();
  for (const ArticleId a : ids.value()) items.call<void>("push", article_value(engine.index().articles()[a]));
  val out = ok_value();
  out.set("items", items);
  return out;
}

RelatedOverrides to_related(const val& v) {
  RelatedOverrides o;
  if (v.isUndefined() || v.isNull()) return o;
  const auto number = [](const val& x, std::optional<double>& target) {
    if (x.isNumber()) target = x.as<double>();
  };
  const val w = v["weights"];
  if (!w.isUndefined() && !w.isNull()) {
    number(w["text"], o.text);
    number(w["names"], o.names);
    number(w["tags"], o.tags);
    number(w["category"], o.category);
    number(w["author"], o.author);
  }
  number(v["minScore"], o.min_score);
  number(v["halfLifeDays"], o.half_life_days);
  number(v["limit"], o.limit);
  const val repeats = v["repeats"];
  if (repeats.isTrue() || repeats.isFalse()) o.repeats = repeats.as<bool>();
  return o;
}

val settings_value(const RelatedSettings& s) {
  val weights = val::object();
  weights.set("text", s.text);
  weights.set("names", s.names);
  weights.set("tags", s.tags);
  weights.set("category", s.category);
  weights.set("author", s.author);
  val out = val::object();
  out.set("weights", weights);
  out.set("minScore", s.min_score);
  out.set("halfLifeDays", s.half_life_days);
  out.set("limit", s.limit);
  out.set("repeats", s.repeats);
  return out;
}

const char* source_name(RelatedSource s) {
  switch (s) {
    case RelatedSource::kCategory:
      return "category";
    case RelatedSource::kLatest:
      return "latest";
    case RelatedSource::kScore:
      break;
  }
  return "score";
}

val related_value(const Engine& engine, const Result<std::vector<RelatedItem>>& items) {
  if (!items) return error_value(items.error());
  val list = val::array();
  for (const RelatedItem& item : items.value()) {
    val a = article_value(engine.index().articles()[item.id]);
    a.set("score", item.score);
    a.set("source", std::string(source_name(item.source)));
    val reasons = val::object();
    reasons.set("names", val::array(item.reasons.names));
    reasons.set("words", val::array(item.reasons.words));
    reasons.set("tags", val::array(item.reasons.tags));
    reasons.set("authors", val::array(item.reasons.authors));
    reasons.set("sameCategory", item.reasons.same_category);
    a.set("reasons", reasons);
    list.call<void>("push", a);
  }
  val out = ok_value();
  out.set("items", list);
  return out;
}

val counts_value(const std::vector<FacetCount>& counts) {
  val out = val::array();
  for (const auto& c : counts) {
    val item = val::object();
    item.set("value", c.value);
    item.set("count", c.count);
    out.call<void>("push", item);
  }
  return out;
}

val sidebar_list_value(const SidebarList& list) {
  val out = val::object();
  out.set("html", list.html);
  out.set("shown", list.shown);
  out.set("hasMore", list.has_more);
  return out;
}

class WebEngine {
 public:
  // Loading takes two calls so that the bundle is copied into WebAssembly memory once: JS
  // writes its bytes into the view this returns, then calls load(). (Passing a Uint8Array as a
  // std::string made embind hold two copies for the whole load, and WebAssembly memory never
  // shrinks back.)
  val input_buffer(double size) {
    const std::size_t limit = ParseOptions{}.max_bytes;
    if (!(size >= 0 && size <= static_cast<double>(limit))) {  // api.js passes a byte length
      const bool countable = size >= 0 && size < 1e18;         // else not a length: say so, not UB
      return error_value(
          Error{ErrorCode::kTooLarge,
                "the bundle is " +
                    (countable ? std::to_string(static_cast<std::uint64_t>(size)) : std::string("?")) +
                    " bytes, over the limit of " + std::to_string(limit)});
    }
    input_.assign(static_cast<std::size_t>(size), '\0');
    val out = ok_value();
    out.set("view", val(emscripten::typed_memory_view(input_.size(),
                                                      reinterpret_cast<unsigned char*>(input_.data()))));
    return out;
  }

  val load(const std::string& base_url, double now_ms, double utc_offset, const std::string& format,
           const std::string& views) {
    std::string bytes = std::move(input_);
    input_.clear();
    LoadOptions options;
    // api.js keeps "now" within the Date range; the clamp only guards the cast.
    options.now_ms = static_cast<std::int64_t>(std::clamp(now_ms, -8.64e15, 8.64e15));
    options.parse.base_url = base_url;
    options.utc_offset_minutes = static_cast<std::int32_t>(std::clamp(utc_offset, -1440.0, 1440.0));
    options.format = parse_format_name(format).value_or(InputFormat::kAuto);  // api.js checked the name
    options.views = views;
    auto report = engine_.load_owned(std::move(bytes), options);
    if (!report) return error_value(report.error());
    val skipped = val::array();
    for (const auto& s : report.value().skipped) {
      val item = val::object();
      item.set("index", s.index);
      item.set("id", s.id);
      item.set("reason", s.reason);
      skipped.call<void>("push", item);
    }
    val out = ok_value();
    out.set("articles", report.value().articles);
    out.set("skipped", skipped);
    out.set("skippedTotal", report.value().skipped_total);
    out.set("warnings", val::array(report.value().warnings));
    return out;
  }

  val latest(const val& o) const { return list_value(engine_, engine_.latest(to_list_options(o))); }
  val most_read(const std::string& window, const val& o) const {
    return list_value(engine_, engine_.most_read(to_window(window), to_list_options(o)));
  }
  val related(const std::string& id, const val& o) const {
    ListOptions options = to_list_options(o);
    options.related = to_related(o["settings"]);
    return related_value(engine_, engine_.related(id, options));
  }

  val related_settings() const { return settings_value(engine_.related_settings()); }

  val facets(const val& f) const {
    auto facets = engine_.facets(to_filter(f));
    if (!facets) return error_value(facets.error());
    val out = ok_value();
    out.set("category", counts_value(facets.value().category));
    out.set("author", counts_value(facets.value().author));
    out.set("tag", counts_value(facets.value().tag));
    return out;
  }

  val sidebar(const val& r) const {
    SidebarRequest request;
    request.article = string_or_empty(r["article"]);
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
    auto sidebar = engine_.sidebar(request);
    if (!sidebar) return error_value(sidebar.error());
    const Sidebar& s = sidebar.value();
    val out = ok_value();
    out.set("latest", sidebar_list_value(s.latest));
    out.set("mostRead", sidebar_list_value(s.most_read));
    out.set("related", sidebar_list_value(s.related));
    out.set("categoryOptions", s.category_options);
    out.set("authorOptions", s.author_options);
    out.set("status", s.status);
    out.set("matching", s.matching);
    out.set("articleFound", s.article_found);
    return out;
  }

 private:
  Engine engine_;
  std::string input_;  // the next bundle, between input_buffer() and load()
};

std::string render_shell_for(const std::string& lang) { return render_shell(parse_locale(lang)); }

val ui_messages(const std::string& lang) {
  const UiStrings& s = ui_strings(parse_locale(lang));
  val out = val::object();
  out.set("lang", std::string(s.lang_tag));
  out.set("dir", std::string(s.dir));
  out.set("loading", std::string(s.loading));
  out.set("loadFailed", std::string(s.load_failed));
  out.set("noArticles", std::string(s.no_articles));
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(encart) {
  emscripten::class_<WebEngine>("WebEngine")
      .constructor<>()
      .function("inputBuffer", &WebEngine::input_buffer)
      .function("load", &WebEngine::load)
      .function("latest", &WebEngine::latest)
      .function("mostRead", &WebEngine::most_read)
      .function("related", &WebEngine::related)
      .function("relatedSettings", &WebEngine::related_settings)
      .function("facets", &WebEngine::facets)
      .function("sidebar", &WebEngine::sidebar);
  emscripten::function("renderShell", &render_shell_for);
  emscripten::function("uiMessages", &ui_messages);
}
