// What the feed readers share (bundle/feeds.cpp, json_feeds.cpp, views.cpp, xml_tree.cpp): a
// whole-document JSON parse with a depth limit, forgiving member access, and the JSON Feed and
// WordPress mappings to the bundle's JSON form, with the names their fields had.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "bundle/field_names.h"
#include "common/result.h"

namespace encart::detail {

// The document, or its syntax error with line and column like a bundle's. A document nesting
// deeper than `max_depth` is refused while it is read, so that nothing later recurses over a
// hostile depth.
Result<nlohmann::json> parse_document(std::string_view text, std::size_t max_depth = 64);

// object[key], or null when absent or null (or when `object` is not an object).
const nlohmann::json* member(const nlohmann::json& object, std::string_view key);

// A string, or an integer written as digits (numeric ids); "" for anything else.
std::string string_of(const nlohmann::json* v);

// JSON Feed 1.1 (jsonfeed.org/version/1.1) as a bundle; "items" must be an array.
nlohmann::json map_json_feed(const nlohmann::json& feed);
FieldNames json_feed_names();

// WordPress REST API posts (an array) as a bundle.
nlohmann::json map_wordpress_posts(const nlohmann::json& posts);
FieldNames wordpress_names();

}  // namespace encart::detail
