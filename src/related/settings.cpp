#include "related/settings.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace encart {

RelatedSettings apply(RelatedSettings base, const RelatedOverrides& o, std::vector<std::string>* warnings) {
  const auto shown = [](double x) {
    std::string t = std::to_string(x);
    t.erase(t.find_last_not_of('0') + 1);
    if (!t.empty() && t.back() == '.') t.pop_back();
    return t;
  };
  for (const RelatedSettingSpec& spec : kRelatedSettings) {
    const std::optional<double>& value = o.*spec.override_value;
    if (!value || std::isnan(*value)) continue;
    double v = spec.kind == SettingKind::kFlag ? (*value != 0 ? 1.0 : 0.0) : *value;
    if (v < spec.min || v > spec.max) {
      const double clamped = std::clamp(v, spec.min, spec.max);
      if (warnings != nullptr) {
        warnings->push_back("related." + std::string(spec.path) + ": " + shown(v) +
                            (v < spec.min ? " is below " : " is above ") + shown(clamped) + ", using " +
                            shown(clamped));
      }
      v = clamped;
    }
    spec.set(base, spec.kind == SettingKind::kCount ? std::floor(v) : v);
  }
  return base;
}

}  // namespace encart
