// encart_related_quality [BUNDLE LABELS] [--misses]: prints precision@3 of related articles on a
// labelled bundle, by thread and overall (defaults: tests/fixtures/related/threads-fr.*).
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "quality/related_quality.h"

namespace {

bool read(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  out = text.str();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string bundle_path = ENCART_SOURCE_DIR "/tests/fixtures/related/threads-fr.json";
  std::string labels_path = ENCART_SOURCE_DIR "/tests/fixtures/related/threads-fr.labels.json";
  bool misses = false;
  int positional = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--misses") {
      misses = true;
    } else if (positional == 0) {
      bundle_path = arg, ++positional;
    } else if (positional == 1) {
      labels_path = arg, ++positional;
    } else {
      std::fprintf(stderr, "usage: %s [BUNDLE LABELS] [--misses]\n", argv[0]);
      return 2;
    }
  }
  std::string bundle, labels;
  if (!read(bundle_path, bundle) || !read(labels_path, labels)) {
    std::fprintf(stderr, "encart_related_quality: cannot read %s or %s\n", bundle_path.c_str(),
                 labels_path.c_str());
    return 2;
  }
  const auto report = encart::quality::measure(bundle, labels);
  if (!report) {
    std::fprintf(stderr, "encart_related_quality: %s\n", report.error().message.c_str());
    return 1;
  }
  std::printf("| thread | articles | precision@3 |\n|---|---:|---:|\n");
  for (const auto& t : report.value().threads) {
    std::printf("| %s | %zu | %.2f |\n", t.thread.c_str(), t.articles, t.precision_at_3);
  }
  std::printf("\nprecision@3 = %.3f over %zu articles in %zu threads (%zu of %zu picks from the fallback)\n",
              report.value().precision_at_3, report.value().subjects, report.value().threads.size(),
              report.value().fallback_picks, report.value().subjects * 3);
  if (misses) {
    for (const auto& m : report.value().misses) std::printf("  miss: %s\n", m.c_str());
  }
  return 0;
}
