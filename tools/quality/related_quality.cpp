#include "quality/related_quality.h"

#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "engine/engine.h"

namespace encart::quality {

struct Fixture::State {
  Engine engine;
  std::map<std::string, std::string> thread_of;  // article id -> thread
  std::string first_subject, first_expected;
};

Fixture::Fixture(std::unique_ptr<State> state) : state_(std::move(state)) {}
Fixture::Fixture(Fixture&&) noexcept = default;
Fixture& Fixture::operator=(Fixture&&) noexcept = default;
Fixture::~Fixture() = default;

Result<Fixture> Fixture::load(const std::string& bundle_json, const std::string& labels_json) {
  const auto labels = nlohmann::json::parse(labels_json, nullptr, false);
  if (labels.is_discarded() || !labels.contains("threads") || !labels["threads"].is_object()) {
    return Error{ErrorCode::kBadBundle, "labels: expected {\"threads\": {...}}"};
  }
  auto state = std::make_unique<State>();
  for (const auto& [thread, body] : labels["threads"].items()) {
    for (const auto& id : body["articles"]) state->thread_of[id.get<std::string>()] = thread;
  }
  if (labels.contains("first") && labels["first"].is_object()) {
    state->first_subject = labels["first"].value("subject", "");
    state->first_expected = labels["first"].value("expected", "");
  }
  LoadOptions options;
  options.now_ms = 4'102'444'800'000;  // 2100-01-01: every article is published
  auto loaded = state->engine.load(bundle_json, options);
  if (!loaded) return loaded.error();
  if (loaded.value().skipped_total > 0) {
    return Error{ErrorCode::kBadBundle,
                 "the labelled bundle lost articles: " + loaded.value().skipped.front().reason()};
  }
  return Fixture(std::move(state));
}

Result<QualityReport> Fixture::measure(const RelatedOverrides& settings) const {
  const Engine& engine = state_->engine;
  QualityReport report;
  std::map<std::string, ThreadScore> threads;
  double total2 = 0, total3 = 0;
  ListOptions request;
  request.limit = 3;
  request.related = settings;
  for (const auto& [id, thread] : state_->thread_of) {
    const auto related = engine.related(id, request);
    if (!related) return related.error();
    std::size_t hits2 = 0, hits3 = 0, rank = 0;
    std::string missed;
    for (const RelatedItem& item : related.value()) {
      const std::string& other = engine.index().articles()[item.id].id;
      if (item.source != RelatedSource::kScore) ++report.fallback_picks;
      const auto it = state_->thread_of.find(other);
      if (it != state_->thread_of.end() && it->second == thread) {
        hits3 += 1, hits2 += rank < 2 ? 1 : 0;
      } else {
        missed += (missed.empty() ? "" : ", ") + std::to_string(rank + 1) + ". " + other + " (" +
                  (it == state_->thread_of.end() ? "unrelated" : it->second) + ")";
      }
      ++rank;
    }
    if (id == state_->first_subject) {
      report.has_first_case = true;
      const std::string first =
          related.value().empty() ? "nothing" : engine.index().articles()[related.value()[0].id].id;
      report.first_case_holds = first == state_->first_expected;
      report.first_case = id + " -> " + first + " (expected " + state_->first_expected + ")";
    }
    auto& t = threads[thread];
    t.thread = thread;
    ++t.articles;
    t.precision_at_2 += static_cast<double>(hits2) / 2.0;
    t.precision_at_3 += static_cast<double>(hits3) / 3.0;
    total2 += static_cast<double>(hits2) / 2.0;
    total3 += static_cast<double>(hits3) / 3.0;
    ++report.subjects;
    if (!missed.empty()) report.misses.push_back(id + " (" + thread + "): " + missed);
  }
  for (auto& [name, t] : threads) {
    t.precision_at_2 /= static_cast<double>(t.articles);
    t.precision_at_3 /= static_cast<double>(t.articles);
    report.threads.push_back(t);
  }
  const auto n = static_cast<double>(report.subjects);
  report.precision_at_2 = report.subjects > 0 ? total2 / n : 0;
  report.precision_at_3 = report.subjects > 0 ? total3 / n : 0;
  return report;
}

Result<QualityReport> measure(const std::string& bundle_json, const std::string& labels_json,
                              const RelatedOverrides& settings) {
  auto fixture = Fixture::load(bundle_json, labels_json);
  if (!fixture) return fixture.error();
  return fixture.value().measure(settings);
}

Result<Tuned> tune(const Fixture& fixture) {
  std::optional<Tuned> best;
  for (const double names : {1.0, 2.0, 3.0, 5.0}) {
    for (const double tags : {0.0, 0.1, 0.3}) {
      for (const double category : {0.0, 0.02, 0.1}) {
        for (const double author : {0.0, 0.02, 0.1}) {
          for (const double half_life : {0.0, 90.0, 365.0}) {
            RelatedOverrides o;
            o.text = 1.0, o.names = names, o.tags = tags, o.category = category, o.author = author;
            o.half_life_days = half_life;
            auto report = fixture.measure(o);
            if (!report) return report.error();
            const QualityReport& r = report.value();
            if (!best || r.precision_at_2 > best->report.precision_at_2 ||
                (r.precision_at_2 == best->report.precision_at_2 &&
                 r.precision_at_3 > best->report.precision_at_3)) {
              best = Tuned{o, r};
            }
          }
        }
      }
    }
  }
  return *best;
}

std::string describe(const RelatedOverrides& s) {
  char out[160];
  std::snprintf(out, sizeof out, "text=%g names=%g tags=%g category=%g author=%g half_life_days=%g",
                s.text.value_or(-1), s.names.value_or(-1), s.tags.value_or(-1), s.category.value_or(-1),
                s.author.value_or(-1), s.half_life_days.value_or(-1));
  return out;
}

}  // namespace encart::quality
