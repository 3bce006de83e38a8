// encart_related_quality: precision@2 and @3 of related articles on labelled bundles.
//   encart_related_quality [BUNDLE LABELS] [--misses]   one bundle, default settings: per thread,
//                                                      overall, and with --misses what went wrong
//   encart_related_quality --cross [--misses]          both fixtures of tests/fixtures/related/:
//                                                      default settings on each, then weights tuned
//                                                      on one reported on the other, both ways
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "quality/related_quality.h"

namespace {

using encart::quality::Fixture;
using encart::quality::QualityReport;

bool read(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  out = text.str();
  return true;
}

void print(const std::string& title, const QualityReport& r, bool threads, bool misses) {
  std::printf("\n## %s\n", title.c_str());
  if (threads) {
    std::printf("\n| thread | articles | precision@2 | precision@3 |\n|---|---:|---:|---:|\n");
    for (const auto& t : r.threads) {
      std::printf("| %s | %zu | %.2f | %.2f |\n", t.thread.c_str(), t.articles, t.precision_at_2,
                  t.precision_at_3);
    }
  }
  std::printf(
      "\nprecision@2 = %.3f, precision@3 = %.3f over %zu articles in %zu threads (%zu of %zu picks from "
      "the fallback)\n",
      r.precision_at_2, r.precision_at_3, r.subjects, r.threads.size(), r.fallback_picks, r.subjects * 3);
  if (r.has_first_case) {
    std::printf("first case: %s: %s\n", r.first_case.c_str(), r.first_case_holds ? "holds" : "FAILS");
  }
  if (misses) {
    for (const auto& m : r.misses) std::printf("  miss: %s\n", m.c_str());
  }
}

std::optional<Fixture> load(const std::string& bundle_path, const std::string& labels_path) {
  std::string bundle, labels;
  if (!read(bundle_path, bundle) || !read(labels_path, labels)) {
    std::fprintf(stderr, "encart_related_quality: cannot read %s or %s\n", bundle_path.c_str(),
                 labels_path.c_str());
    return std::nullopt;
  }
  auto fixture = Fixture::load(bundle, labels);
  if (!fixture) {
    std::fprintf(stderr, "encart_related_quality: %s: %s\n", bundle_path.c_str(),
                 fixture.error().message.c_str());
    return std::nullopt;
  }
  return std::move(fixture.value());
}

int cross(bool misses) {
  const std::string dir = ENCART_SOURCE_DIR "/tests/fixtures/related/";
  const char* names[2] = {"threads-fr", "threads-mixed"};
  std::optional<Fixture> fixtures[2];
  for (int i = 0; i < 2; ++i) {
    fixtures[i] = load(dir + names[i] + ".json", dir + names[i] + ".labels.json");
    if (!fixtures[i]) return 2;
  }
  for (int i = 0; i < 2; ++i) {
    const auto r = fixtures[i]->measure();
    if (!r) return 1;
    print(std::string(names[i]) + ", default settings", r.value(), true, misses);
  }
  for (int i = 0; i < 2; ++i) {
    const auto tuned = encart::quality::tune(*fixtures[i]);
    if (!tuned) return 1;
    const auto other = fixtures[1 - i]->measure(tuned.value().settings);
    if (!other) return 1;
    const std::string how =
        "tuned on " + std::string(names[i]) + " (" + encart::quality::describe(tuned.value().settings) + ")";
    print(std::string(names[i]) + ", " + how, tuned.value().report, false, false);
    print(std::string(names[1 - i]) + ", " + how, other.value(), true, misses);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string bundle_path = ENCART_SOURCE_DIR "/tests/fixtures/related/threads-fr.json";
  std::string labels_path = ENCART_SOURCE_DIR "/tests/fixtures/related/threads-fr.labels.json";
  bool misses = false, cross_validate = false;
  int positional = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--misses") {
      misses = true;
    } else if (arg == "--cross") {
      cross_validate = true;
    } else if (positional == 0) {
      bundle_path = arg, ++positional;
    } else if (positional == 1) {
      labels_path = arg, ++positional;
    } else {
      std::fprintf(stderr, "usage: %s [BUNDLE LABELS | --cross] [--misses]\n", argv[0]);
      return 2;
    }
  }
  if (cross_validate) return cross(misses);
  auto fixture = load(bundle_path, labels_path);
  if (!fixture) return 2;
  const auto report = fixture->measure();
  if (!report) {
    std::fprintf(stderr, "encart_related_quality: %s\n", report.error().message.c_str());
    return 1;
  }
  print(bundle_path, report.value(), true, misses);
  return 0;
}
