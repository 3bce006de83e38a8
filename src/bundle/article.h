// The article model every input format is mapped to (docs/bundle.md).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bundle/datetime.h"
#include "common/vocabulary.h"

namespace encart {

struct Image {
  std::string url;  // absolute http(s)
  std::string alt;
  std::int32_t width = 0;  // pixels, 0 when unknown
  std::int32_t height = 0;
};

struct Article {
  std::string id;
  std::string url;  // absolute http(s), resolved against the base URL when relative
  std::string title;
  DateTime published;
  std::string published_text;  // as written in the bundle, returned unchanged by the API
  std::string summary;
  std::string text;  // the body as plain text, for related articles; released once indexed
  std::string category;
  std::vector<std::string> tags;
  std::vector<std::string> authors;
  std::array<std::optional<std::int64_t>, kViewWindowCount> views;  // indexed by ViewWindow
  std::optional<Image> image;
  std::optional<DateTime> updated;
  std::string lang;
  // schema.org's isAccessibleForFree: false marks an article for subscribers only (a label).
  bool accessible_for_free = true;
  // Hidden from every list once the reader's "now" reaches it (an embargo lifted, a right to
  // show that ends); expires_text is as written, returned unchanged by the API.
  std::optional<DateTime> expires;
  std::string expires_text;
  // For related articles, read once at load and then released (Index::release_text):
  std::vector<std::string> related;  // the editor's related article ids, in their order
  std::vector<std::string> links;    // URLs the body links to, as written (relative ones too)
};

// Whether the lists may show `a` at `now_ms` (UTC ms): published at or before it, not expired.
inline bool shown_at(const Article& a, std::int64_t now_ms) {
  return a.published.epoch_ms <= now_ms && (!a.expires || now_ms < a.expires->epoch_ms);
}

struct Site {
  std::string name;
  std::string url;
  std::string lang;
  // For related articles, read once at load and then released (Index::release_text):
  std::vector<std::string> related;  // the editor's related article ids, in their order
  std::vector<std::string> links;    // URLs the body links to, as written (relative ones too)
};

// Why an article was left out, as a place and a message, both in the input's own terms.
struct SkippedArticle {
  std::size_t index;    // position in the input's list of articles (articles, items, posts)
  std::string id;       // empty when the article had no readable id
  std::string path;     // "articles[12].published"; a feed's: "item[3].pubDate", "[3].date_gmt"
  std::string message;  // "not an ISO 8601 date with a time zone offset", "missing"
  std::string url;      // the article's link as written, when readable: with the id, finds the post
  std::string reason() const { return path + ": " + message; }
  // The post itself, for a publisher reading a warning: `id "105", https://e.ma/105/`; "" when
  // neither could be read. An index alone ("[4]") is hard to find in a CMS.
  std::string post() const {
    std::string out = id.empty() ? std::string() : "id \"" + id + "\"";
    if (!url.empty()) out += (out.empty() ? "" : ", ") + url;
    return out;
  }
};

struct Bundle {
  Site site;
  std::vector<Article> articles;
  std::vector<SkippedArticle> skipped;  // at most ParseOptions::max_reported_skips entries
  std::size_t skipped_total = 0;        // every skipped article, reported or not
  RelatedOverrides related;             // the bundle's "related" settings
  std::vector<std::string> warnings;    // settings ignored or clamped: "related.limit: ..."
};

}  // namespace encart
