// Reads an encart bundle v1 (docs/bundle.md).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "bundle/article.h"
#include "bundle/field_names.h"
#include "common/result.h"

namespace encart {

struct ParseOptions {
  // Base for relative article and image URLs: the URL the bundle was fetched from. When
  // empty, the bundle's own site.url is used; a relative URL with neither is skipped.
  std::string base_url;
  std::size_t max_bytes = 256u << 20;        // larger input is refused with kTooLarge
  std::size_t max_articles = 1'000'000;      // articles past this index are skipped (reported once)
  std::size_t max_reported_skips = 1000;     // Bundle::skipped keeps the first ones by index
  std::size_t max_reported_warnings = 1000;  // article warnings past these are counted in one
  // Names for skip reasons when the text is a mapped feed (bundle/feeds.h); null: the bundle's.
  const FieldNames* names = nullptr;
};

// The skip record of article `index`, named as `options.names` says (bundle/field_names.cpp).
SkippedArticle skipped_article(const ParseOptions& options, std::size_t index, std::string id,
                               std::string_view field, std::string message);

// Fatal errors (not JSON, no "articles" array, too large) return an Error. Invalid articles are
// skipped and listed in Bundle::skipped; the valid ones load.
Result<Bundle> parse_bundle(std::string_view json_text, const ParseOptions& options);

// The kBadJson error for a syntax error nlohmann reported at `position` (bytes read): line,
// column (in characters) and byte offset, and the token quoted in printable ASCII only.
Error json_syntax_error(std::string_view text, std::size_t position, const std::string& last_token);

}  // namespace encart
