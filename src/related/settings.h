// Related settings: RelatedSettings, RelatedOverrides and the table of their names and ranges
// are generated from common/vocabulary.json; docs/bundle.md documents each range.
#pragma once

#include <string>
#include <vector>

#include "common/vocabulary.h"

namespace encart {

// `base` with `overrides` applied, each value clamped to its range. When `warnings` is given,
// each clamped value adds a message naming the field ("related.limit: 50 is above 20, using 20").
RelatedSettings apply(RelatedSettings base, const RelatedOverrides& overrides,
                      std::vector<std::string>* warnings = nullptr);

}  // namespace encart
