// A JSON document read as a stream (bundle/parser.cpp, bundle/feed_readers.cpp): the elements of
// one list (a bundle's "articles", a JSON Feed's "items", the top-level array of WordPress posts)
// are built one at a time, each as a small DOM without the fields nobody reads, handed over and
// dropped; other members are kept whole or read past without being built. Memory follows the largest item,
// not the document: 99 MB of empty WordPress objects once cost 10.5 GB as one tree, mapped, written out and
// read again.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace encart::detail {

// What the document is read for: the stream asks as it goes.
class StreamReader {
 public:
  enum class Use { kPast, kKeep, kList };
  StreamReader() = default;
  StreamReader(const StreamReader&) = delete;
  StreamReader& operator=(const StreamReader&) = delete;
  virtual ~StreamReader() = default;

  // A member of the top-level object starts (`key`), or the top-level value itself when it is
  // an array (`key` ""), with the value's type: read past, kept whole (keep), or, for an array,
  // streamed item by item (take, item).
  virtual Use use(std::string_view key, nlohmann::json::value_t type) = 0;
  virtual void keep(const std::string& /*key*/, nlohmann::json& /*value*/) {}
  // Whether a field of `list`'s items is built; the others are read past.
  virtual bool field(std::string_view list, std::string_view name) = 0;
  // Whether the next item of `list` is built (false: read past, though it still counts).
  virtual bool take(std::string_view list) = 0;
  virtual void item(std::string_view list, nlohmann::json& value, std::size_t index) = 0;
};

// Reads `text` through `reader`. The error is a syntax error with its line and column, or
// values nested deeper than `max_depth` (refused while reading, so nothing later recurses over
// a hostile depth); which comes first in the text. `top` receives the top-level value's type.
std::optional<Error> stream_json(std::string_view text, StreamReader& reader, std::size_t max_depth,
                                 nlohmann::json::value_t& top);

}  // namespace encart::detail
