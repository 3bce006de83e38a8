// RSS 2.0 and Atom for the command line, parsed with libxml2 (Debian's libxml2-dev) into a JSON
// Feed, as web/feeds.js does with the browser's DOMParser; the engine then reads the JSON Feed.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace encart::cli {

bool looks_like_xml(std::string_view text);

// The feed as JSON Feed text; not well-formed XML is a kBadJson-like error with line and column.
Result<std::string> xml_to_json_feed(const std::string& xml);

}  // namespace encart::cli
