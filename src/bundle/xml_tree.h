// RSS and Atom are XML, which the engine does not parse: the host does (the browser's DOMParser,
// libxml2 in the command line) and hands over this plain element tree, which bundle/xml_feed.h
// maps to articles. Entities are the host's business: both refuse documents that declare any.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace encart {

// Deeper documents are refused by the hosts and by read_xml_tree_json: feeds nest a few levels
// (an Atom XHTML content a few more), and the tree is walked recursively.
inline constexpr std::size_t kMaxXmlDepth = 100;

struct XmlElement {
  std::string ns;                                               // namespace URI; "" for none
  std::string name;                                             // local name: "encoded" for <content:encoded>
  std::vector<std::pair<std::string, std::string>> attributes;  // name as written ("xml:lang")
  std::string text;  // character data (text and CDATA, decoded) before the first child element
  std::string tail;  // character data after this element's end tag, before the next sibling
  std::vector<XmlElement> children;
};

// The attribute's value; "" when absent.
std::string attribute(const XmlElement& e, std::string_view name);

// Every character data inside `e`, its descendants' included, in order (the DOM's textContent).
std::string text_content(const XmlElement& e);

// What is inside `e` as markup (text escaped), for html_to_text: Atom's type="xhtml" content.
std::string inner_markup(const XmlElement& e);

// The children named `name` in namespace `ns`.
std::vector<const XmlElement*> children_named(const XmlElement& e, std::string_view ns,
                                              std::string_view name);
const XmlElement* first_child(const XmlElement& e, std::string_view ns, std::string_view name);

// The tree as the browser host sends it: {"encart_xml_tree": 1, "root": E}, where an element E
// is [name, ns, {attribute: value}, text, [E...], tail] (web/xml-tree.js).
inline constexpr std::string_view kXmlTreeMark = "{\"encart_xml_tree\"";
Result<XmlElement> read_xml_tree_json(std::string_view text);

}  // namespace encart
