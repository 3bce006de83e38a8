#include "bundle/xml_tree.h"

#include <nlohmann/json.hpp>

#include "bundle/feed_json.h"
#include "common/compact.h"

ENCART_COMPACT_BEGIN

namespace encart {
namespace {

using nlohmann::json;

void append_escaped(std::string& out, std::string_view text) {
  for (const char c : text) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else {
      out += c;
    }
  }
}

void append_markup(std::string& out, const XmlElement& e) {
  out += "<" + e.name + ">";
  append_escaped(out, e.text);
  for (const XmlElement& c : e.children) {
    append_markup(out, c);
    append_escaped(out, c.tail);
  }
  out += "</" + e.name + ">";
}

Error tree_error(const std::string& where, const std::string& what) {
  return Error{ErrorCode::kBadBundle, "not an XML element tree: " + where + ": " + what};
}

const std::string* string_at(const json& element, std::size_t i) {
  if (i >= element.size()) return nullptr;
  return element[i].get_ptr<const std::string*>();
}

// [name, ns, {attributes}, text, [children], tail]; everything after the name may be left out.
Result<XmlElement> read_element(const json& value, const std::string& where, std::size_t depth) {
  if (depth > kMaxXmlDepth) {
    return tree_error(where, "elements nest deeper than " + std::to_string(kMaxXmlDepth) + " levels");
  }
  if (!value.is_array() || string_at(value, 0) == nullptr) return tree_error(where, "expected [name, ...]");
  XmlElement e;
  e.name = *string_at(value, 0);
  if (const std::string* ns = string_at(value, 1)) e.ns = *ns;
  if (value.size() > 2 && value[2].is_object()) {
    for (const auto& [name, v] : value[2].items()) {
      if (const auto* s = v.get_ptr<const std::string*>()) e.attributes.emplace_back(name, *s);
    }
  }
  if (const std::string* text = string_at(value, 3)) e.text = *text;
  if (const std::string* tail = string_at(value, 5)) e.tail = *tail;
  if (value.size() > 4 && value[4].is_array()) {
    for (std::size_t i = 0; i < value[4].size(); ++i) {
      auto child = read_element(value[4][i], where + "/" + e.name + "[" + std::to_string(i) + "]", depth + 1);
      if (!child) return child.error();
      e.children.push_back(std::move(child).value());
    }
  }
  return e;
}

}  // namespace

std::string attribute(const XmlElement& e, std::string_view name) {
  for (const auto& [key, value] : e.attributes) {
    if (key == name) return value;
  }
  return {};
}

std::string text_content(const XmlElement& e) {
  std::string out = e.text;
  for (const XmlElement& c : e.children) out += text_content(c) + c.tail;
  return out;
}

std::string inner_markup(const XmlElement& e) {
  std::string out;
  append_escaped(out, e.text);
  for (const XmlElement& c : e.children) {
    append_markup(out, c);
    append_escaped(out, c.tail);
  }
  return out;
}

std::vector<const XmlElement*> children_named(const XmlElement& e, std::string_view ns,
                                              std::string_view name) {
  std::vector<const XmlElement*> out;
  for (const XmlElement& c : e.children) {
    if (c.ns == ns && c.name == name) out.push_back(&c);
  }
  return out;
}

const XmlElement* first_child(const XmlElement& e, std::string_view ns, std::string_view name) {
  for (const XmlElement& c : e.children) {
    if (c.ns == ns && c.name == name) return &c;
  }
  return nullptr;
}

Result<XmlElement> read_xml_tree_json(std::string_view text) {
  // Each element level is two JSON levels (the element, its children), plus the wrapper.
  auto document = detail::parse_document(text, 2 * kMaxXmlDepth + 4);
  if (!document) return document.error();
  const json* root = detail::member(document.value(), "root");
  if (root == nullptr) return tree_error("root", "missing");
  return read_element(*root, "", 0);
}

}  // namespace encart

ENCART_COMPACT_END
