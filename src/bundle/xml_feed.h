// RSS 2.0 and Atom 1.0 (docs/connect.md), mapped once for every host from the element tree the
// host built (bundle/xml_tree.h), to a JSON Feed and then to the bundle like any JSON Feed.
#pragma once

#include <nlohmann/json.hpp>

#include "bundle/field_names.h"
#include "bundle/xml_tree.h"
#include "common/result.h"

namespace encart::detail {

enum class XmlFeedKind { kRss, kAtom, kNeither };
XmlFeedKind xml_feed_kind(const XmlElement& root);

struct MappedXmlFeed {
  nlohmann::json feed;  // a JSON Feed 1.1
  FieldNames names;     // its items' fields as the XML named them: "item[3].pubDate"
};

// Errors for a document that is neither RSS nor Atom, or RSS without a <channel>.
Result<MappedXmlFeed> map_xml_feed(const XmlElement& root);

}  // namespace encart::detail
