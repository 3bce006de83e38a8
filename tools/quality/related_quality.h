// Precision@3 of related articles on a labelled bundle (issue 4): for every article of a story
// thread, the share of its three related articles that belong to the same thread.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "related/settings.h"

namespace encart::quality {

struct ThreadScore {
  std::string thread;
  std::size_t articles = 0;
  double precision_at_3 = 0;
};

struct QualityReport {
  double precision_at_3 = 0;  // mean over every article of every thread
  std::size_t subjects = 0;
  std::size_t fallback_picks = 0;  // picks that came from the fallback chain
  std::vector<ThreadScore> threads;
  std::vector<std::string> misses;  // "a012 (thread): a040 (other thread), ..."
};

// `labels_json`: {"threads": {"<name>": {"articles": [ids]}}, "unrelated": [ids]}.
Result<QualityReport> measure(const std::string& bundle_json, const std::string& labels_json,
                              const RelatedOverrides& settings = {});

}  // namespace encart::quality
