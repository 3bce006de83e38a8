#include "quality/related_quality.h"

#include <map>

#include <nlohmann/json.hpp>

#include "engine/engine.h"

namespace encart::quality {

Result<QualityReport> measure(const std::string& bundle_json, const std::string& labels_json,
                              const RelatedOverrides& settings) {
  const auto labels = nlohmann::json::parse(labels_json, nullptr, false);
  if (labels.is_discarded() || !labels.contains("threads") || !labels["threads"].is_object()) {
    return Error{ErrorCode::kBadBundle, "labels: expected {\"threads\": {...}}"};
  }
  std::map<std::string, std::string> thread_of;
  for (const auto& [thread, body] : labels["threads"].items()) {
    for (const auto& id : body["articles"]) thread_of[id.get<std::string>()] = thread;
  }
  Engine engine;
  LoadOptions options;
  options.now_ms = 4'102'444'800'000;  // 2100-01-01: every article is published
  auto loaded = engine.load(bundle_json, options);
  if (!loaded) return loaded.error();
  if (loaded.value().skipped_total > 0) {
    return Error{ErrorCode::kBadBundle,
                 "the labelled bundle lost articles: " + loaded.value().skipped.front().reason()};
  }

  QualityReport report;
  std::map<std::string, ThreadScore> threads;
  double total = 0;
  for (const auto& [id, thread] : thread_of) {
    ListOptions request;
    request.limit = 3;
    request.related = settings;
    const auto related = engine.related(id, request);
    if (!related) return related.error();
    std::size_t hits = 0;
    std::string missed;
    for (const RelatedItem& item : related.value()) {
      const std::string& other = engine.index().articles()[item.id].id;
      if (item.source != RelatedSource::kScore) ++report.fallback_picks;
      const auto it = thread_of.find(other);
      if (it != thread_of.end() && it->second == thread) {
        ++hits;
      } else {
        missed += (missed.empty() ? "" : ", ") + other + " (" +
                  (it == thread_of.end() ? "unrelated" : it->second) + ")";
      }
    }
    const double p = static_cast<double>(hits) / 3.0;
    auto& t = threads[thread];
    t.thread = thread;
    ++t.articles;
    t.precision_at_3 += p;
    total += p;
    ++report.subjects;
    if (!missed.empty()) report.misses.push_back(id + " (" + thread + "): " + missed);
  }
  for (auto& [name, t] : threads) {
    t.precision_at_3 /= static_cast<double>(t.articles);
    report.threads.push_back(t);
  }
  report.precision_at_3 = report.subjects > 0 ? total / static_cast<double>(report.subjects) : 0;
  return report;
}

}  // namespace encart::quality
