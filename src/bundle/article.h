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
  // For related articles, read once at load and then released (Index::release_text):
  std::vector<std::string> related;  // the editor's related article ids, in their order
  std::vector<std::string> links;    // URLs the body links to, as written (relative ones too)
};

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
  std::string reason() const { return path + ": " + message; }
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
