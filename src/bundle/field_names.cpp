#include "bundle/field_names.h"

#include <utility>

#include "bundle/article_reader.h"
#include "bundle/parser.h"
#include "common/compact.h"

ENCART_COMPACT_BEGIN

namespace encart {
namespace {

// The entry for `field` itself, else for its first segment ("image" for "image.alt", "tags" for
// "tags[2]"), whose rest is then kept after the input's name.
const FieldName* find_name(const std::vector<FieldName>& names, std::string_view field,
                           std::string_view head) {
  for (const FieldName& n : names) {
    if (n.field == field) return &n;
  }
  for (const FieldName& n : names) {
    if (n.field == head) return &n;
  }
  return nullptr;
}

}  // namespace

NamedPlace FieldNames::place(std::size_t index, std::string_view field) const {
  NamedPlace out{list + "[" + std::to_string(index) + "]", {}};
  if (field.empty()) return out;
  const std::string_view head = field.substr(0, field.find_first_of(".["));
  const FieldName* name = index < items.size() ? find_name(items[index], field, head) : nullptr;
  if (name == nullptr) name = find_name(common, field, head);
  if (name == nullptr) {
    out.path += "." + std::string(field);
    return out;
  }
  out.path += "." + name->name;
  if (name->field != field) out.path += field.substr(head.size());
  out.message = name->message;
  return out;
}

// Skips are rare, and reading them is not a hot path: compact like the rest of this file.
ENCART_COMPACT_ENTRY SkippedArticle skipped_article(const ParseOptions& options, std::size_t index,
                                                    std::string id, std::string_view field,
                                                    std::string message) {
  static const FieldNames kBundleNames;
  NamedPlace place = (options.names != nullptr ? *options.names : kBundleNames).place(index, field);
  if (!place.message.empty()) message = std::move(place.message);
  return {index, std::move(id), std::move(place.path), std::move(message), {}};
}

}  // namespace encart

namespace encart::detail {

// How a reason names a value of the wrong type: "expected a string, found an array".
const char* json_type_name(const nlohmann::json& v) {
  using nlohmann::json;
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a number";
    default:
      return "an unsupported value";
  }
}

// Next to read_article in spirit: the names it reads, for the streaming parser to skip the rest.
bool is_article_field(std::string_view name) {
  static constexpr std::string_view kFields[] = {
      "id",      "url",     "title",   "published", "summary", "text", "category",
      "tags",    "author",  "authors", "image",     "updated", "lang", "isAccessibleForFree",
      "expires", "related", "links"};
  for (const std::string_view field : kFields) {
    if (field == name) return true;
  }
  for (const ViewWindowName& w : kViewWindows) {
    if (w.field == name) return true;
  }
  return false;
}

}  // namespace encart::detail

ENCART_COMPACT_END
