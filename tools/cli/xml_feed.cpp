#include "xml_feed.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <utility>

namespace encart::cli {
namespace {

std::string chars(const xmlChar* s) { return s != nullptr ? reinterpret_cast<const char*>(s) : ""; }

std::string content_of(const xmlNode* n) {
  xmlChar* content = xmlNodeGetContent(n);
  std::string out = chars(content);
  xmlFree(content);
  return out;
}

bool is_character_data(const xmlNode* n) {
  return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

Result<XmlElement> element_of(const xmlNode* n, std::size_t depth) {
  if (depth > kMaxXmlDepth) {
    return Error{ErrorCode::kBadBundle,
                 "elements nest deeper than " + std::to_string(kMaxXmlDepth) + " levels: this is not a feed"};
  }
  XmlElement e;
  e.name = chars(n->name);
  if (n->ns != nullptr) e.ns = chars(n->ns->href);
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    const std::string prefix = a->ns != nullptr && a->ns->prefix != nullptr ? chars(a->ns->prefix) + ":" : "";
    e.attributes.emplace_back(prefix + chars(a->name), content_of(reinterpret_cast<const xmlNode*>(a)));
  }
  // Character data goes to the element's text until its first child element, then to the tail
  // of the child element before it.
  std::string* into = &e.text;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (is_character_data(c)) {
      *into += chars(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      auto child = element_of(c, depth + 1);
      if (!child) return child.error();
      e.children.push_back(std::move(child).value());
      into = &e.children.back().tail;
    }
  }
  return e;
}

Error xml_error() {
  const xmlError* e = xmlGetLastError();
  std::string message = e != nullptr && e->message != nullptr ? e->message : "unknown error";
  while (!message.empty() && message.back() == '\n') message.pop_back();
  Error error{ErrorCode::kBadJson, "not well-formed XML", 0, 0, 0};
  if (e != nullptr) {
    error.line = static_cast<std::size_t>(e->line);
    error.column = static_cast<std::size_t>(e->int2);
    error.message += " at line " + std::to_string(e->line) + ", column " + std::to_string(e->int2);
  }
  error.message += ": " + message;
  return error;
}

}  // namespace

bool looks_like_xml(std::string_view text) {
  for (const char c : text.substr(0, 512)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || static_cast<unsigned char>(c) >= 0xBB) continue;
    return c == '<';
  }
  return false;
}

Result<XmlElement> read_xml_tree(const std::string& xml) {
  // No network and no entity substitution (XML_PARSE_NOENT stays off): a feed cannot make the
  // command read other files. A DTD that declares entities is refused outright, so that no
  // expansion (the "billion laughs") happens anywhere, the browser included (web/xml-tree.js).
  const std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "feed.xml", nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
      &xmlFreeDoc);
  if (!doc) return xml_error();
  if (doc->intSubset != nullptr &&
      (doc->intSubset->entities != nullptr || doc->intSubset->pentities != nullptr)) {
    return Error{ErrorCode::kBadBundle,
                 "the XML declares entities (<!ENTITY> in its DTD): a feed has no need of them"};
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return Error{ErrorCode::kBadBundle, "an XML document without a root element"};
  return element_of(root, 0);
}

}  // namespace encart::cli
