// The feeds publishers already have, mapped to the bundle's article model (docs/connect.md):
// JSON Feed 1.1 (with encart's "_encart" extension), WordPress REST API posts, RSS 2.0 and Atom.
// RSS and Atom are XML: the host parses them (the browser's DOMParser, libxml2 in the CLI) into
// a plain element tree (bundle/xml_tree.h), so that no XML parser is compiled into the engine;
// the mapping from that tree is this library's, the same for every host.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/article.h"
#include "bundle/parser.h"
#include "bundle/xml_tree.h"
#include "common/result.h"

namespace encart {

// kXmlTree is the element tree of an RSS or Atom feed in its JSON form, as the browser host
// sends it (read_xml_tree_json); kRss and kAtom read the same.
enum class InputFormat { kAuto, kBundle, kJsonFeed, kWordPress, kRss, kAtom, kXmlTree };

// "auto", "bundle", "jsonfeed", "wordpress", "rss", "atom", "xml-tree"; nullopt for anything else.
std::optional<InputFormat> parse_format_name(std::string_view name);
const char* format_name(InputFormat format);

// From the text itself: a JSON array is WordPress posts, an object whose "version" is a JSON
// Feed URL is a JSON Feed, an XML tree starts with kXmlTreeMark, any other object is a bundle.
// XML text (RSS, Atom) is reported as kBundle's error by parse_input: the host parses it first.
InputFormat detect_format(std::string_view text);

// Reads any supported input. Skip reasons name the input's own fields: "items[3].date_published:
// missing" for a JSON Feed, "[3].date_gmt: ..." for WordPress posts, "item[3].pubDate: ..." for
// RSS, "entry[3].published: ..." for Atom.
Result<Bundle> parse_input(std::string_view text, InputFormat format, const ParseOptions& options);

// An RSS 2.0 (<rss><channel><item>) or Atom (<feed><entry>) feed from its element tree, with the
// dc:, content: and media: extensions; anything else is a kBadBundle error.
Result<Bundle> parse_xml_feed(const XmlElement& root, const ParseOptions& options);

// kRss or kAtom by the root element; kXmlTree for neither.
InputFormat xml_feed_format(const XmlElement& root);

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
