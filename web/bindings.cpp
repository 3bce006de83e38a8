// The full module's bindings (dist/encart.wasm): bundles and feeds loaded and queried in memory.
// pack_bindings.cpp has the pack module's; values.cpp the conversions both share. These three are
// the only files that include Emscripten headers.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "render/html.h"
#include "values.h"

namespace {

using emscripten::val;
using namespace encart;
using namespace encart::web;

ListOptions to_list_options(const val& o) {
  ListOptions options;
  options.limit = static_cast<std::size_t>(o["limit"].as<double>());
  options.exclude = strings(o["exclude"]);
  options.filter = to_filter(o["filter"]);
  return options;
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
  out.set("isAccessibleForFree", a.accessible_for_free);
  out.set("expires", a.expires ? val(a.expires_text) : val::null());
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

val settings_value(const RelatedSettings& s) {
  val out = val::object();
  for (const RelatedSettingSpec& spec : kRelatedSettings) {
    if (!spec.group.empty() && out[std::string(spec.group)].isUndefined()) {
      out.set(std::string(spec.group), val::object());
    }
    val to = spec.group.empty() ? out : out[std::string(spec.group)];
    const double v = spec.get(s);
    if (spec.kind == SettingKind::kFlag) {
      to.set(std::string(spec.js), v != 0);
    } else {
      to.set(std::string(spec.js), v);
    }
  }
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
      item.set("reason", s.reason());
      item.set("path", s.path);
      item.set("message", s.message);
      item.set("url", s.url);
      item.set("post", s.post());
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
    auto sidebar = engine_.sidebar(to_sidebar_request(r));
    if (!sidebar) return error_value(sidebar.error());
    return sidebar_value(sidebar.value());
  }

 private:
  Engine engine_;
  std::string input_;  // the next bundle, between input_buffer() and load()
};

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
