// Precision of related articles on a labelled bundle (issues 4 and 13): for every article of a
// story thread, the share of its first two and first three related articles that belong to the
// same thread; and weights tuned on one labelled bundle, to be reported on another.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "related/settings.h"

namespace encart::quality {

struct ThreadScore {
  std::string thread;
  std::size_t articles = 0;
  double precision_at_2 = 0;
  double precision_at_3 = 0;
};

struct QualityReport {
  double precision_at_2 = 0;  // mean over every article of every thread
  double precision_at_3 = 0;
  std::size_t subjects = 0;
  std::size_t fallback_picks = 0;  // of the first three, picks that came from the fallback chain
  std::vector<ThreadScore> threads;
  std::vector<std::string> misses;  // "a012 (thread): a040 (other thread), ..." among the first three
  // The labels' "first" case, when they have one: whether `expected` is the first related of
  // `subject` (the model page's case), and what came first.
  bool has_first_case = false;
  bool first_case_holds = false;
  std::string first_case;  // "m100 -> m137 (expected m137)"
};

// A labelled bundle, loaded once to be measured under many settings.
// `labels_json`: {"threads": {"<name>": {"articles": [ids]}}, "unrelated": [ids],
//                 "first": {"subject": id, "expected": id}} ("unrelated" and "first" optional).
class Fixture {
 public:
  static Result<Fixture> load(const std::string& bundle_json, const std::string& labels_json);
  Fixture(Fixture&&) noexcept;
  Fixture& operator=(Fixture&&) noexcept;
  ~Fixture();
  Result<QualityReport> measure(const RelatedOverrides& settings = {}) const;

 private:
  struct State;
  explicit Fixture(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

Result<QualityReport> measure(const std::string& bundle_json, const std::string& labels_json,
                              const RelatedOverrides& settings = {});

// The weights (text, names, tags, category, author) and half-life of a small grid that score
// best on `fixture`: precision@2 first, then precision@3, then the earlier in the grid. What
// the other fixture is then measured with (cross-validation).
struct Tuned {
  RelatedOverrides settings;
  QualityReport report;  // on the fixture it was tuned on
};
Result<Tuned> tune(const Fixture& fixture);

// The settings as "text=1 names=3 ...", for reports.
std::string describe(const RelatedOverrides& settings);

}  // namespace encart::quality
