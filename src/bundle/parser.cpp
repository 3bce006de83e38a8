#include "bundle/parser.h"

#include <algorithm>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "bundle/article_reader.h"
#include "bundle/article_sink.h"
#include "text/fold.h"

namespace encart {
namespace {

using nlohmann::json;

// Streams the bundle: each element of "articles" is built as a small DOM, validated and
// dropped before the next one, so memory follows the articles kept rather than the whole
// JSON tree. A structural problem (no object, "articles" not an array) is remembered and the
// rest is read past without being kept, so that input which is not even JSON is reported as a
// syntax error with its position rather than as a shape problem.
class BundleSax {
 public:
  // Articles go to `sink` one at a time; the site and settings to `bundle`.
  BundleSax(detail::ArticleSink& sink, Bundle& bundle) : sink_(sink), bundle_(bundle) {}

  std::optional<Error>& fatal() { return fatal_; }
  std::optional<json>& version() { return version_; }
  bool saw_articles() const { return saw_articles_; }

  // --- nlohmann SAX interface -------------------------------------------------------------
  bool null() {
    return value([&](auto& p) { return p.null(); }, false);
  }
  bool boolean(bool v) {
    return value([&](auto& p) { return p.boolean(v); }, false);
  }
  bool number_integer(json::number_integer_t v) {
    return value([&](auto& p) { return p.number_integer(v); }, false);
  }
  bool number_unsigned(json::number_unsigned_t v) {
    return value([&](auto& p) { return p.number_unsigned(v); }, false);
  }
  bool number_float(json::number_float_t v, const json::string_t& s) {
    return value([&](auto& p) { return p.number_float(v, s); }, false);
  }
  bool string(json::string_t& v) {
    return value([&](auto& p) { return p.string(v); }, false);
  }
  bool binary(json::binary_t& v) {
    return value([&](auto& p) { return p.binary(v); }, false);
  }
  bool start_object(std::size_t n) {
    if (depth_ == 0 && capture_ == Slot::kNone && !fatal_) {  // the top-level object itself
      depth_ = 1;
      return true;
    }
    return value([&](auto& p) { return p.start_object(n); }, true);
  }
  bool start_array(std::size_t n) {
    if (depth_ == 1 && capture_ == Slot::kNone && key_ == "articles") {
      if (saw_articles_) {
        structural("\"articles\" appears twice");
        return value([&](auto& p) { return p.start_array(n); }, true);
      }
      saw_articles_ = true;
      depth_ = 2;
      return true;
    }
    return value([&](auto& p) { return p.start_array(n); }, true);
  }
  bool key(json::string_t& k) {
    if (capture_ == Slot::kNone) {
      key_ = k;
      return true;
    }
    // A field the article reader does not read is not built: one holding 33 million `[]`
    // once cost gigabytes per article. Its value is read past (see value() and end()).
    if (capture_ == Slot::kArticle && capture_depth_ == 1) {
      skipping_field_ = !detail::is_article_field(k);
      if (skipping_field_) return true;
    }
    return forward([&](auto& p) { return p.key(k); });
  }
  bool end_object() {
    return end([&](auto& p) { return p.end_object(); });
  }
  bool end_array() {
    return end([&](auto& p) { return p.end_array(); });
  }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& /*ex*/) {
    syntax_error_ = std::pair{position, last_token};
    return false;
  }

  std::optional<std::pair<std::size_t, std::string>> syntax_error_;

 private:
  enum class Slot { kNone, kVersion, kSite, kRelated, kArticle, kSkip };
  using DomParser = nlohmann::detail::json_sax_dom_parser<json>;

  void structural(std::string message) {
    if (!fatal_) fatal_ = Error{ErrorCode::kBadBundle, std::move(message)};
  }

  template <typename F>
  bool forward(F&& f) {
    if (capture_ == Slot::kSkip || skipping_field_) return true;
    return f(*dom_);
  }

  // A value starts (scalar, or the opening of an object/array when `opens`).
  template <typename F>
  bool value(F&& f, bool opens) {
    if (capture_ != Slot::kNone) {
      if (opens) ++capture_depth_;
      const bool ok = forward(f);
      if (!opens && capture_depth_ == 1) skipping_field_ = false;  // a skipped scalar field ended
      return ok;
    }
    Slot slot = Slot::kSkip;  // unknown top-level keys are read past without being kept
    if (depth_ == 0) {
      structural("the bundle must be a JSON object with an \"articles\" array");
    } else if (depth_ == 1) {
      if (key_ == "articles") {
        structural("\"articles\" must be an array");
        saw_articles_ = true;
      }
      if (key_ == "version") slot = Slot::kVersion;
      if (key_ == "site") slot = Slot::kSite;
      if (key_ == "related") slot = Slot::kRelated;
    } else if (sink_.full()) {
      sink_.over_limit();
    } else {
      slot = Slot::kArticle;
    }
    capture_ = slot;
    capture_depth_ = opens ? 1 : 0;
    captured_ = json();
    if (slot != Slot::kSkip) dom_.emplace(captured_, false);
    forward(f);
    if (!opens) finish();
    return true;
  }

  template <typename F>
  bool end(F&& f) {
    if (capture_ == Slot::kNone) {
      --depth_;  // closing "articles" (2 -> 1) or the top-level object (1 -> 0)
      return true;
    }
    const bool ok = forward(f);
    if (--capture_depth_ == 1) skipping_field_ = false;  // a skipped field's object or array ended
    if (capture_depth_ == 0) finish();
    return ok;
  }

  void finish() {
    switch (capture_) {
      case Slot::kVersion:
        version_ = std::move(captured_);
        break;
      case Slot::kRelated:
        detail::read_related(captured_, bundle_.related, bundle_.warnings);
        break;
      case Slot::kSite:
        bundle_.site = detail::read_site(captured_);
        break;
      case Slot::kArticle:
        sink_.add(captured_, next_index_);
        break;
      case Slot::kSkip:
      case Slot::kNone:
        break;
    }
    if (depth_ == 2) ++next_index_;
    capture_ = Slot::kNone;
    dom_.reset();
    captured_ = json();
  }

  detail::ArticleSink& sink_;
  Bundle& bundle_;
  std::optional<Error> fatal_;
  std::optional<json> version_;
  int depth_ = 0;  // 0 outside, 1 inside the top object, 2 inside "articles"
  std::string key_;
  bool saw_articles_ = false;
  Slot capture_ = Slot::kNone;
  int capture_depth_ = 0;
  bool skipping_field_ = false;  // inside the value of an article field nobody reads
  json captured_;
  std::optional<DomParser> dom_;
  std::size_t next_index_ = 0;
};

}  // namespace

Error json_syntax_error(std::string_view text, std::size_t position, const std::string& last_token) {
  // nlohmann reports how many bytes it read, the offending one included.
  const std::size_t offset = position == 0 ? 0 : std::min(position - 1, text.size());
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    // LF, CRLF and a lone CR each end a line.
    const bool cr_alone = text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n');
    if (text[i] == '\n' || cr_alone) ++line, line_start = i + 1;
  }
  const std::size_t column = text::length(text.substr(line_start, offset - line_start)) + 1;
  std::string message = "not valid JSON at line " + std::to_string(line) + ", column " +
                        std::to_string(column) + " (byte " + std::to_string(offset) + "): ";
  if (offset >= text.size()) {
    message += "the text ends too early";
  } else {
    // Show what was read, printable ASCII only, so a hostile byte never reaches the message.
    std::string shown;
    for (const unsigned char c : last_token.substr(0, 24)) {
      shown += (c >= 0x20 && c < 0x7F) ? static_cast<char>(c) : '?';
    }
    message += "near \"" + shown + "\"";
  }
  return Error{ErrorCode::kBadJson, std::move(message), line, column, offset};
}

Result<Bundle> parse_bundle(std::string_view text, const ParseOptions& options) {
  if (text.size() > options.max_bytes) {
    return Error{ErrorCode::kTooLarge, "the bundle is " + std::to_string(text.size()) +
                                           " bytes, over the limit of " + std::to_string(options.max_bytes)};
  }
  // nlohmann reads a NUL byte as the end of input; JSON never contains a raw one.
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return json_syntax_error(text, nul + 1, std::string(1, '\0'));
  }
  Bundle bundle;
  detail::ArticleSink sink(options, bundle);
  BundleSax sax(sink, bundle);
  const bool parsed = json::sax_parse(text.begin(), text.end(), &sax);
  if (!parsed || sax.syntax_error_) {
    const auto [position, token] = sax.syntax_error_.value_or(std::pair{text.size() + 1, std::string()});
    return json_syntax_error(text, position, token);
  }
  if (sax.fatal()) return *sax.fatal();
  if (const auto& v = sax.version(); v && !(v->is_number_unsigned() && v->get<std::uint64_t>() == 1)) {
    // Numbers are shown (short by nature); anything else by its type, never dumped whole.
    const std::string found = v->is_number() ? v->dump() : std::string(v->type_name());
    return Error{ErrorCode::kUnsupportedVersion,
                 "version: this engine reads bundle version 1, found " + found};
  }
  if (!sax.saw_articles()) {
    return Error{ErrorCode::kBadBundle, "the bundle has no \"articles\" array"};
  }

  sink.finish();
  return bundle;
}

}  // namespace encart
