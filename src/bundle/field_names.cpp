#include "bundle/field_names.h"

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

}  // namespace encart
