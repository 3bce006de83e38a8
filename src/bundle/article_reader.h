// Validation of one article object; kept apart from the streaming parser that feeds it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "bundle/article.h"

namespace encart::detail {

// An article that passed field validation; its URLs are resolved once the whole bundle (and
// so site.url) has been read.
struct ArticleCandidate {
  std::size_t index;
  Article article;
};

struct ArticleOrReason {
  std::optional<ArticleCandidate> candidate;
  std::string id;                     // for the report, when readable
  std::string url;                    // likewise: with the id, it names the post
  std::string field;                  // inside the article: "title", "image.url", "tags[2]"; "" for the whole
  std::string message;                // "missing"
  std::vector<std::string> warnings;  // fields cut or cleaned: "articles[3].tags: 12 more dropped ..."
};

ArticleOrReason read_article(nlohmann::json& value, std::size_t index);  // moves strings out

// Whether read_article reads a field of that name (docs/bundle.schema.json's article
// properties, which a test compares): the streaming parser does not even build the others.
bool is_article_field(std::string_view name);

// Site block; unknown or mistyped fields are ignored (the site is optional metadata).
Site read_site(const nlohmann::json& value);

// "null", "a string", "an integer", "an object"...: for messages.
const char* json_type_name(const nlohmann::json& v);

// The items of a list that only helps related articles (an article's "related" ids, its
// "links"; bundle/related_lists.cpp) as strings, each once, at most `max_items` after those
// already in `out`: an item of the wrong type is left out and reported in `problems` as
// (field suffix "[2]", message), the list's other items kept. With `ids`, whole numbers are
// ids too (WordPress writes them so).
void read_loose_list(const nlohmann::json& list, std::size_t max_items, bool ids,
                     std::vector<std::string>& out,
                     std::vector<std::pair<std::string, std::string>>& problems);

// The bundle's "related" settings; values of the wrong type are left out with a warning.
void read_related(const nlohmann::json& value, RelatedOverrides& out, std::vector<std::string>& warnings);

}  // namespace encart::detail
