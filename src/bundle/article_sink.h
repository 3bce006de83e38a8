// Where streamed articles go, whatever the input's format (a bundle, a JSON Feed, WordPress
// posts): each article object is validated as it arrives and dropped, and what needs the whole
// input (URLs against site.url, duplicate ids, the count over the limit) is done at the end.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "bundle/article.h"
#include "bundle/parser.h"
#include "common/result.h"

namespace encart::detail {

class ArticleSink {
 public:
  // Valid articles go to bundle.articles; skips and warnings to the bundle's lists.
  ArticleSink(const ParseOptions& options, Bundle& bundle) : options_(options), bundle_(bundle) {}

  // Whether the article limit is reached: later articles are only counted (over_limit), not built.
  bool full() const { return indices_.size() + bundle_.skipped_total >= options_.max_articles; }
  void over_limit() { ++over_limit_; }

  // Reads the article object of input index `index` (in the bundle's form; strings are moved
  // out of it), keeping it or recording why it was skipped.
  void add(nlohmann::json& article, std::size_t index);
  // Records article `index` as skipped for `field`'s `message` without reading it: what add
  // would have found for an item with nothing in it.
  void skip(std::size_t index, std::string_view field, std::string message);

  // Once the whole input is read: URLs resolved against options.base_url or site.url,
  // duplicate ids skipped, the articles over the limit reported, skips in index order.
  void finish();

 private:
  const ParseOptions& options_;
  Bundle& bundle_;
  std::vector<std::size_t> indices_;  // by position in bundle.articles: the input index
  std::size_t over_limit_ = 0;
  std::size_t warnings_over_ = 0;
};

}  // namespace encart::detail
