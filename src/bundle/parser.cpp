#include "bundle/parser.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "bundle/article_reader.h"
#include "bundle/article_sink.h"
#include "bundle/json_stream.h"
#include "text/fold.h"

namespace encart {
namespace {

using nlohmann::json;

// The bundle read as a stream (bundle/json_stream.h): each element of "articles" is built as a
// small DOM, without the fields the article reader does not read, validated and dropped before
// the next one, so memory follows the articles kept rather than the whole JSON tree. A
// structural problem ("articles" not an array, or twice) is remembered and the rest read on, so
// that input which is not even JSON is reported as a syntax error with its position rather than
// as a shape problem.
class BundleReader final : public detail::StreamReader {
 public:
  // Articles go to `sink` one at a time; the site and settings to `bundle`.
  BundleReader(detail::ArticleSink& sink, Bundle& bundle) : sink_(sink), bundle_(bundle) {}

  std::optional<Error>& fatal() { return fatal_; }
  std::optional<json>& version() { return version_; }
  bool saw_articles() const { return saw_articles_; }

  Use use(std::string_view key, json::value_t type) override {
    if (key == "articles") {
      const bool again = std::exchange(saw_articles_, true);
      if (type != json::value_t::array) {
        structural("\"articles\" must be an array");
        return Use::kPast;
      }
      if (!again) return Use::kList;
      structural("\"articles\" appears twice");
      return Use::kPast;
    }
    // Unknown members (and a top-level array, key "") are read past without being built.
    return key == "version" || key == "site" || key == "related" ? Use::kKeep : Use::kPast;
  }

  void keep(const std::string& key, json& value) override {
    if (key == "version") {
      version_ = std::move(value);
    } else if (key == "site") {
      bundle_.site = detail::read_site(value);
    } else if (key == "related") {
      detail::read_related(value, bundle_.related, bundle_.warnings);
    }
  }

  // A field the article reader does not read is not built: one holding 33 million `[]` once
  // cost gigabytes per article.
  bool field(std::string_view /*list*/, std::string_view name) override {
    return detail::is_article_field(name);
  }

  bool take(std::string_view /*list*/) override {
    if (!sink_.full()) return true;
    sink_.over_limit();
    return false;
  }

  void item(std::string_view /*list*/, json& value, std::size_t index) override { sink_.add(value, index); }

 private:
  void structural(std::string message) {
    if (!fatal_) fatal_ = Error{ErrorCode::kBadBundle, std::move(message)};
  }

  detail::ArticleSink& sink_;
  Bundle& bundle_;
  std::optional<Error> fatal_;
  std::optional<json> version_;
  bool saw_articles_ = false;
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
  Bundle bundle;
  detail::ArticleSink sink(options, bundle);
  BundleReader reader(sink, bundle);
  json::value_t top = json::value_t::discarded;
  // No depth limit: nothing built from a bundle is walked recursively, and a syntax error deep
  // in hostile nesting is reported as one (kBadJson), with its position.
  if (auto error = detail::stream_json(text, reader, std::numeric_limits<std::size_t>::max(), top)) {
    return *error;
  }
  if (top != json::value_t::object) {
    return Error{ErrorCode::kBadBundle, "the bundle must be a JSON object with an \"articles\" array"};
  }
  if (reader.fatal()) return *reader.fatal();
  if (const auto& v = reader.version(); v && !(v->is_number_unsigned() && v->get<std::uint64_t>() == 1)) {
    // Numbers are shown (short by nature); anything else by its type, never dumped whole.
    const std::string found = v->is_number() ? v->dump() : std::string(v->type_name());
    return Error{ErrorCode::kUnsupportedVersion,
                 "version: this engine reads bundle version 1, found " + found};
  }
  if (!reader.saw_articles()) {
    return Error{ErrorCode::kBadBundle, "the bundle has no \"articles\" array"};
  }

  sink.finish();
  return bundle;
}

}  // namespace encart
