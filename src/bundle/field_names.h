// How an input names the place of an article and of its fields, for skip reasons: a bundle says
// "articles[3].published", a JSON Feed "items[3].date_published", an RSS feed "item[3].pubDate".
// The bundle reader reports a field of the article model ("published", "image.url", "tags[2]");
// the format that was mapped to it says what that field was called where it came from.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace encart {

struct FieldName {
  std::string field;    // the model's: "published", "image.url"; or a first segment: "image"
  std::string name;     // the input's: "date_published", "pubDate", "enclosure@url"
  std::string message;  // when set, replaces the reader's message (the mapping knows better)
};

struct NamedPlace {
  std::string path;
  std::string message;  // empty: keep the reader's
};

struct FieldNames {
  std::string list = "articles";              // "articles[3]"; "" gives "[3]" (a top-level array)
  std::vector<FieldName> common;              // for every article
  std::vector<std::vector<FieldName>> items;  // by article index; looked up before `common`

  // "articles[3].published" for index 3 and field "published"; "articles[3]" for field "".
  NamedPlace place(std::size_t index, std::string_view field) const;
};

}  // namespace encart
