// The pack module's bindings (dist/encart-pack.wasm): a pack read part by part, as the page
// fetches it (docs/pack.md). No JSON parser, feed reader or related-index builder is linked in:
// the page that reads a pack downloads only this.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <string>

#include "pack/reader.h"
#include "values.h"

namespace {

using emscripten::val;
using namespace encart;
using namespace encart::web;

// The manifest's fields, read from JSON by web/pack.js and checked there.
pack::Manifest to_manifest(const val& m) {
  pack::Manifest manifest;
  manifest.format = m["format"].as<int>();
  manifest.articles = static_cast<std::size_t>(m["articles"].as<double>());
  manifest.head = m["head"].as<std::string>();
  manifest.directory = m["directory"].as<std::string>();
  manifest.related_buckets = static_cast<std::size_t>(m["relatedBuckets"].as<double>());
  manifest.related_pages = strings(m["relatedPages"]);
  manifest.related = apply(RelatedSettings{}, to_related(m["related"]));
  return manifest;
}

class WebPack {
 public:
  explicit WebPack(const val& manifest) : reader_(to_manifest(manifest)) {}

  // Like WebEngine::input_buffer: JS writes a fetched file into this view, then calls addFile().
  val input_buffer(double size) {
    constexpr double kLimit = 256.0 * 1024 * 1024;  // no file of a pack comes near it
    if (!(size >= 0 && size <= kLimit)) {
      return error_value(Error{ErrorCode::kTooLarge, "a pack file over 256 MB"});
    }
    input_.assign(static_cast<std::size_t>(size), '\0');
    val out = ok_value();
    out.set("view", val(emscripten::typed_memory_view(input_.size(),
                                                      reinterpret_cast<unsigned char*>(input_.data()))));
    return out;
  }

  val add_file(const std::string& name) {
    const std::string bytes = std::move(input_);
    input_.clear();
    if (const auto error = reader_.add_file(name, bytes)) return error_value(*error);
    return ok_value();
  }

  void mark_unavailable(const std::string& name) { reader_.mark_unavailable(name); }

  val sidebar(const val& r, double now_ms, double utc_offset) const {
    const QueryClock clock{static_cast<std::int64_t>(std::clamp(now_ms, -8.64e15, 8.64e15)),
                           static_cast<std::int32_t>(std::clamp(utc_offset, -1440.0, 1440.0))};
    auto answer = reader_.sidebar(to_sidebar_request(r), clock);
    if (!answer) return error_value(answer.error());
    val out = sidebar_value(answer.value().view);
    out.set("missing", val::array(answer.value().missing));
    out.set("complete", answer.value().complete);
    out.set("degraded", answer.value().degraded);
    return out;
  }

 private:
  pack::Reader reader_;
  std::string input_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(encart_pack) {
  emscripten::class_<WebPack>("WebPack")
      .constructor<const val&>()
      .function("inputBuffer", &WebPack::input_buffer)
      .function("addFile", &WebPack::add_file)
      .function("markUnavailable", &WebPack::mark_unavailable)
      .function("sidebar", &WebPack::sidebar);
  emscripten::function("renderShell", &render_shell_for);
  emscripten::function("uiMessages", &ui_messages);
}
