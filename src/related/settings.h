// Run-time settings of "related articles" (common/related_settings.h): from the bundle's "related"
// object, overridden per call (API options, element attributes), clamped to their ranges here.
#pragma once

#include <string>
#include <vector>

#include "common/related_settings.h"

namespace encart {

// `base` with `overrides` applied, each value clamped to its range. When `warnings` is given,
// each clamped value adds a message naming the field ("related.limit: 50 is above 20, using 20").
RelatedSettings apply(RelatedSettings base, const RelatedOverrides& overrides,
                      std::vector<std::string>* warnings = nullptr);

}  // namespace encart
