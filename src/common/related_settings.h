// The values of the related-articles settings, and overrides of them: vocabulary that the bundle
// (which carries the bundle's own "related" object) and the related ranking both speak, hence in
// common/, below both. apply() and the ranking are in related/. docs/bundle.md documents each range.
#pragma once

#include <cstddef>
#include <optional>

namespace encart {

struct RelatedSettings {
  // Weights of the signals, each in [0, 10]. A candidate's relevance is the weighted mean of
  // its similarities (each in [0, 1]) over the signals the subject carries, so only the ratios
  // between weights matter.
  double text = 1.0;            // shared words of title (boosted), summary and text, TF-IDF weighted
  double names = 3.0;           // shared proper names ("Abdellatif Hammouchi"): a boost within the text
  double tags = 0.1;            // shared tags, rarer tags weighing more
  double category = 0.02;       // same category
  double author = 0.02;         // a shared author
  double min_score = 0.05;      // [0, 1]: below it, an article is not related (fallback fills)
  double half_life_days = 365;  // [0, 3650]: relevance halves per this many days apart; 0: off
  std::size_t limit = 5;        // [0, 20]: how many the sidebar shows
  bool repeats = false;         // let "related" and "most read" repeat articles of "latest"

  bool operator==(const RelatedSettings&) const = default;
};

// Values given by the bundle or a call; absent ones keep the value underneath.
struct RelatedOverrides {
  std::optional<double> text, names, tags, category, author, min_score, half_life_days, limit;
  std::optional<bool> repeats;
};

}  // namespace encart
