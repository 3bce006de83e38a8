// RSS and Atom for the command line: libxml2 (Debian's libxml2-dev) parses the XML into the
// core's plain element tree (bundle/xml_tree.h), as web/xml-tree.js does with the browser's
// DOMParser; the core maps the tree (bundle/feeds.h parse_xml_feed).
#pragma once

#include <string>
#include <string_view>

#include "bundle/xml_tree.h"
#include "common/result.h"

namespace encart::cli {

bool looks_like_xml(std::string_view text);

// The document's elements. Not well-formed XML is a kBadJson error with line and column; a
// document whose DTD declares entities, or nesting deeper than kMaxXmlDepth, is refused.
Result<XmlElement> read_xml_tree(const std::string& xml);

}  // namespace encart::cli
