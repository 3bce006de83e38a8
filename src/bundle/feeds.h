// The feeds publishers already have, mapped to the bundle's article model (docs/connect.md):
// JSON Feed 1.1 (with encart's "_encart" extension) and WordPress REST API posts. RSS and Atom
// are XML: the host parses them (the browser's DOMParser, libxml2 in the CLI) into a JSON Feed,
// so that no XML parser is compiled into the engine.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/article.h"
#include "bundle/parser.h"
#include "common/result.h"

namespace encart {

enum class InputFormat { kAuto, kBundle, kJsonFeed, kWordPress };

// "auto", "bundle", "jsonfeed", "wordpress"; nullopt for anything else.
std::optional<InputFormat> parse_format_name(std::string_view name);
const char* format_name(InputFormat format);

// From the text itself: a JSON array is WordPress posts, an object whose "version" is a JSON
// Feed URL is a JSON Feed, any other object a bundle. XML (RSS, Atom) is reported as
// kBundle's error by parse_input: the host converts it first.
InputFormat detect_format(std::string_view text);

// Reads any supported input. Skip reasons name the input's own fields: "items[3].date_published:
// missing" for a JSON Feed, "[3].date_gmt: ..." for WordPress posts.
Result<Bundle> parse_input(std::string_view text, InputFormat format, const ParseOptions& options);

// Merges view counts kept elsewhere (a views.json file, for feeds that carry none):
// {"<id or url>": count} or {"<id or url>": {"views": n, "views_24h": n, "views_7d": n,
// "views_30d": n}}. A key matches an article's id, or its URL (as resolved). Values replace the
// article's own. Values of the wrong type, and keys that match no article, are reported in
// `warnings` naming the key; the rest is merged. Not JSON, or not an object: an Error, and the
// bundle is left as it was.
Result<std::size_t> merge_views(Bundle& bundle, std::string_view views_json,
                                std::vector<std::string>& warnings);

// merge_views into bundle.warnings, where a views file that cannot be read at all is one more
// warning: it costs the counts, not the articles. Nothing happens for empty `views_json`.
void apply_views(Bundle& bundle, std::string_view views_json);

}  // namespace encart
