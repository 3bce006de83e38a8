// What the feed readers share (bundle/feeds.cpp, json_feeds.cpp, feed_readers.cpp, views.cpp,
// xml_tree.cpp): a whole-document JSON parse with a depth limit, forgiving member access, the
// JSON Feed and WordPress mappings of one item to the bundle's article form, with the names
// their fields had, and the readers that stream a feed's items through those mappings.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "bundle/article.h"
#include "bundle/field_names.h"
#include "bundle/parser.h"
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

// A JSON Feed's (or a feed's) author names: 1.1's "authors", else 1.0's "author"; none at all
// past `max_bytes` of names.
nlohmann::json author_names(const nlohmann::json& from, std::size_t max_bytes);

// What items inherit from the feed, read once: a feed-level value must not be re-read or copied
// whole per item (a 1 MB "language" times 1000 items once exhausted WebAssembly's memory).
struct FeedDefaults {
  nlohmann::json authors = nlohmann::json::array();  // empty when the feed's list is long
  nlohmann::json lang;                               // null, or a string of at most the "lang" field's limit
};
// Copied into each item, so only a short list: a long one would multiply the feed's size by its
// number of items (and 100,000 feed authors were once re-read for every item).
inline constexpr std::size_t kInheritedAuthorBytes = 512;
FeedDefaults feed_defaults(const nlohmann::json& feed);

// JSON Feed 1.1 (jsonfeed.org/version/1.1): one item as a bundle article, the feed's site block
// and its "_encart.related" settings (null when absent).
nlohmann::json map_json_feed_item(const nlohmann::json& item, const FeedDefaults& feed);
Site json_feed_site(const nlohmann::json& feed);
const nlohmann::json* json_feed_related(const nlohmann::json& feed);
// Whether map_json_feed_item reads an item field of that name: the stream builds no other.
bool is_json_feed_item_field(std::string_view name);
FieldNames json_feed_names();

// One WordPress REST API post as a bundle article.
nlohmann::json map_wordpress_post(const nlohmann::json& post);
bool is_wordpress_field(std::string_view name);  // as is_json_feed_item_field
FieldNames wordpress_names();

// The feeds read into a bundle, item by item (bundle/feed_readers.cpp): the text of a JSON Feed
// or of WordPress posts, streamed; a JSON Feed already in memory (RSS and Atom mapped from their
// element tree). Skips are named as `names` says.
Result<Bundle> read_json_feed_text(std::string_view text, const ParseOptions& options);
Result<Bundle> read_wordpress_text(std::string_view text, const ParseOptions& options);
Result<Bundle> read_json_feed_dom(const nlohmann::json& feed, const FieldNames& names,
                                  const ParseOptions& options);

}  // namespace encart::detail
