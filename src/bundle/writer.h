// A Bundle written back as a bundle v1 (docs/bundle.md): what `encart convert` writes for any
// input it read. Parsing the result gives the same articles, site and related settings.
#pragma once

#include <string>

#include "bundle/article.h"

namespace encart {

// Pretty-printed JSON (two spaces), ending with a newline. Fields in the documented order;
// empty and absent fields are left out; each date as written in the input (published_text).
// Invalid UTF-8 cannot reach it (the parsers reject it) but would be replaced, never thrown.
std::string write_bundle(const Bundle& bundle);

// A bundle's "related" object, on one line: the settings `overrides` gives, or every setting
// (a pack manifest's). Names as in bundles ("min_score", "weights": {...}).
std::string write_related(const RelatedOverrides& overrides);
std::string write_related(const RelatedSettings& settings);

}  // namespace encart
