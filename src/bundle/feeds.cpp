#include "bundle/feeds.h"

#include <optional>
#include <utility>

#include "bundle/feed_json.h"
#include "bundle/xml_feed.h"
#include "common/compact.h"

ENCART_COMPACT_BEGIN

namespace encart {

using nlohmann::json;

namespace detail {
namespace {

// Counts nesting while nlohmann builds the document, and keeps the syntax error's position.
class ErrorCapture : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  ErrorCapture(json& root, std::size_t max_depth) : json_sax_dom_parser(root, false), max_depth_(max_depth) {}
  bool start_object(std::size_t n) { return deeper() && json_sax_dom_parser::start_object(n); }
  bool start_array(std::size_t n) { return deeper() && json_sax_dom_parser::start_array(n); }
  bool end_object() {
    --depth_;
    return json_sax_dom_parser::end_object();
  }
  bool end_array() {
    --depth_;
    return json_sax_dom_parser::end_array();
  }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& /*e*/) {
    error = std::pair{position, last_token};
    return false;
  }
  std::optional<std::pair<std::size_t, std::string>> error;
  bool too_deep = false;

 private:
  bool deeper() {
    if (++depth_ <= max_depth_) return true;
    too_deep = true;
    return false;
  }
  std::size_t max_depth_;
  std::size_t depth_ = 0;
};

}  // namespace

Result<json> parse_document(std::string_view text, std::size_t max_depth) {
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return json_syntax_error(text, nul + 1, std::string(1, '\0'));
  }
  json root;
  ErrorCapture sax(root, max_depth);
  const bool ok = json::sax_parse(text.begin(), text.end(), &sax);
  if (sax.too_deep) {
    return Error{ErrorCode::kBadBundle,
                 "values nest deeper than " + std::to_string(max_depth) + " levels: this is not a feed"};
  }
  if (!ok || sax.error) {
    const auto [position, token] = sax.error.value_or(std::pair{text.size() + 1, std::string()});
    return json_syntax_error(text, position, token);
  }
  return root;
}

const json* member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string string_of(const json* v) {
  if (v == nullptr) return {};
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number_integer() || v->is_number_unsigned()) return v->dump();  // numeric ids
  return {};
}

}  // namespace detail

namespace {

constexpr std::string_view kJsonFeedVersion = "https://jsonfeed.org/version/";

bool starts_like_xml(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size() &&
         (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\r' || text[pos] == '\t'))
    ++pos;
  return text.substr(pos, 1) == "<";
}

}  // namespace

std::optional<InputFormat> parse_format_name(std::string_view name) {
  if (name.empty() || name == "auto") return InputFormat::kAuto;
  if (name == "bundle") return InputFormat::kBundle;
  if (name == "jsonfeed" || name == "json-feed") return InputFormat::kJsonFeed;
  if (name == "wordpress") return InputFormat::kWordPress;
  if (name == "rss") return InputFormat::kRss;
  if (name == "atom") return InputFormat::kAtom;
  if (name == "xml-tree") return InputFormat::kXmlTree;
  return std::nullopt;
}

const char* format_name(InputFormat format) {
  switch (format) {
    case InputFormat::kBundle:
      return "bundle";
    case InputFormat::kJsonFeed:
      return "jsonfeed";
    case InputFormat::kWordPress:
      return "wordpress";
    case InputFormat::kRss:
      return "rss";
    case InputFormat::kAtom:
      return "atom";
    case InputFormat::kXmlTree:
      return "xml-tree";
    case InputFormat::kAuto:
      break;
  }
  return "auto";
}

InputFormat detect_format(std::string_view text) {
  std::size_t pos = 0;
  if (text.starts_with("\xEF\xBB\xBF")) pos = 3;  // a UTF-8 byte order mark
  while (pos < text.size() &&
         (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r'))
    ++pos;
  if (pos < text.size() && text[pos] == '[') return InputFormat::kWordPress;
  if (text.substr(pos).starts_with(kXmlTreeMark)) return InputFormat::kXmlTree;
  // JSON Feed puts "version" first by convention; look at the start only.
  const std::string_view head = text.substr(pos, 4096);
  if (head.find(kJsonFeedVersion) != std::string_view::npos &&
      head.find("\"version\"") != std::string_view::npos) {
    return InputFormat::kJsonFeed;
  }
  return InputFormat::kBundle;
}

ENCART_COMPACT_ENTRY Result<Bundle> parse_xml_feed(const XmlElement& root, const ParseOptions& options) {
  auto mapped = detail::map_xml_feed(root);
  if (!mapped) return mapped.error();
  return detail::read_json_feed_dom(mapped.value().feed, mapped.value().names, options);
}

InputFormat xml_feed_format(const XmlElement& root) {
  switch (detail::xml_feed_kind(root)) {
    case detail::XmlFeedKind::kRss:
      return InputFormat::kRss;
    case detail::XmlFeedKind::kAtom:
      return InputFormat::kAtom;
    case detail::XmlFeedKind::kNeither:
      break;
  }
  return InputFormat::kXmlTree;
}

ENCART_COMPACT_ENTRY Result<Bundle> parse_input(std::string_view text, InputFormat format,
                                                const ParseOptions& options) {
  if (format == InputFormat::kAuto) format = detect_format(text);
  const bool xml =
      format == InputFormat::kRss || format == InputFormat::kAtom || format == InputFormat::kXmlTree;
  if (starts_like_xml(text) && (xml || format == InputFormat::kBundle)) {
    return Error{ErrorCode::kBadBundle,
                 "this looks like XML (RSS or Atom): the page reads it with the browser's DOMParser and the "
                 "encart command converts it; the engine itself reads JSON only"};
  }
  if (format == InputFormat::kBundle) return parse_bundle(text, options);
  if (text.size() > options.max_bytes) {
    return Error{ErrorCode::kTooLarge, "the feed is " + std::to_string(text.size()) +
                                           " bytes, over the limit of " + std::to_string(options.max_bytes)};
  }
  if (xml) {
    auto tree = read_xml_tree_json(text);
    if (!tree) return tree.error();
    return parse_xml_feed(tree.value(), options);
  }
  if (format == InputFormat::kJsonFeed) return detail::read_json_feed_text(text, options);
  return detail::read_wordpress_text(text, options);
}

}  // namespace encart

ENCART_COMPACT_END
