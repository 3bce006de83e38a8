// The related settings as JSON, from the table in common/vocabulary.json: a bundle's "related"
// object (encart convert) and a pack manifest's (encart pack).
#pragma once

#include <cmath>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "common/vocabulary.h"

namespace encart::cli {

inline nlohmann::ordered_json related_json(const RelatedOverrides& o) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const RelatedSettingSpec& spec : kRelatedSettings) {
    const std::optional<double>& v = o.*spec.override_value;
    if (!v) continue;
    nlohmann::ordered_json& to = spec.group.empty() ? out : out[std::string(spec.group)];
    const std::string name(spec.name);
    if (spec.kind == SettingKind::kFlag) {
      to[name] = *v != 0;
    } else if (spec.kind == SettingKind::kCount && *v == std::floor(*v) && std::abs(*v) < 1e15) {
      to[name] = static_cast<std::int64_t>(*v);  // "limit": 5, not 5.0
    } else {
      to[name] = *v;
    }
  }
  return out;
}

inline nlohmann::ordered_json related_json(const RelatedSettings& s) {
  RelatedOverrides all;
  for (const RelatedSettingSpec& spec : kRelatedSettings) all.*spec.override_value = spec.get(s);
  return related_json(all);
}

}  // namespace encart::cli
