// encart_hostile: what hostile bundles cost next to ordinary ones of the same size (issue 12).
// Prints ratios, not budgets: time is compared, never asserted, so a slower machine changes the
// milliseconds and not the verdict. Each figure is the median of --reps=N runs (default 5).
//
//   - word table: 131,072 words crafted to share one 32-bit FNV-1a hash (the old hash) against
//     131,072 random words of the same length, interned directly and loaded as bundle text;
//   - tags: one article with 100,000 tags against a bundle of the same size in bytes whose
//     article holds that much text;
//   - WordPress: 99 MB of empty objects against 99 MB of ordinary posts (Engine load).
//
//   encart_hostile --wordpress-files=DIR   writes those two files (wordpress-empty.json,
//                                          wordpress-posts.json), for:
//   encart_hostile --load=FILE             loads FILE once as the page does (Engine::load, its
//                                          limits) and prints the counts: under /usr/bin/time -v,
//                                          the peak memory of one load
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"
#include "generate.h"
#include "hostile.h"
#include "index/word_table.h"

namespace {

volatile std::size_t g_sink = 0;  // results feed it, so that no call is optimised away

double median_ms(int reps, const std::function<void()>& run) {
  std::vector<double> ms;
  for (int i = 0; i < reps; ++i) {
    const auto start = std::chrono::steady_clock::now();
    run();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

double intern_ms(int reps, const std::vector<std::string>& words) {
  return median_ms(reps, [&] {
    encart::WordTable table;
    for (const std::string& w : words) g_sink = g_sink + table.intern(w);
    g_sink = g_sink + table.longest_probe();
  });
}

double load_ms(int reps, const std::string& bundle) {
  return median_ms(reps, [&] {
    encart::Engine engine;
    auto report = engine.load(bundle, {encart::bench::kBenchNowMs, {}});
    if (!report) std::abort();
    g_sink = g_sink + report.value().articles;
  });
}

void print(const char* what, double hostile, double ordinary) {
  std::printf("%-44s hostile %9.1f ms   ordinary %9.1f ms   ratio %5.2f\n", what, hostile, ordinary,
              hostile / ordinary);
}

constexpr std::size_t kWordPressBytes = 99'000'000;

int write_wordpress_files(const std::string& dir) {
  for (const auto& [name, text] :
       {std::pair{"/wordpress-empty.json", encart::bench::wordpress_empty_objects(kWordPressBytes)},
        std::pair{"/wordpress-posts.json", encart::bench::wordpress_posts_of_size(kWordPressBytes)}}) {
    std::ofstream(dir + name, std::ios::binary) << text;
    std::printf("%s%s: %zu bytes\n", dir.c_str(), name, text.size());
  }
  return 0;
}

int load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);  // the file once in memory, no more
  std::string text(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0).read(text.data(), static_cast<std::streamsize>(text.size()));
  encart::Engine engine;
  const auto start = std::chrono::steady_clock::now();
  auto report = engine.load(text, {encart::bench::kBenchNowMs, {}});
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!report) {
    std::printf("%s: %s (%.0f ms)\n", path.c_str(), report.error().message.c_str(), ms);
    return 1;
  }
  std::printf("%s: %zu bytes, %zu article(s), %zu skipped, %.0f ms\n", path.c_str(), text.size(),
              report.value().articles, report.value().skipped_total, ms);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("--reps=")) reps = std::max(1, std::atoi(argv[i] + 7));
    if (arg.starts_with("--wordpress-files=")) return write_wordpress_files(std::string(arg.substr(18)));
    if (arg.starts_with("--load=")) return load_file(std::string(arg.substr(7)));
  }
  const auto crafted = encart::bench::fnv1a_collisions(17);
  const auto random = encart::bench::random_words(17);
  print("word table: 131,072 FNV-1a collisions", intern_ms(reps, crafted), intern_ms(reps, random));
  print("load: the same words as article text", load_ms(reps, encart::bench::bundle_with_words(crafted)),
        load_ms(reps, encart::bench::bundle_with_words(random)));
  const std::string tags = encart::bench::bundle_with_tags(100000);
  std::printf("(a 100,000-tag article: %zu bytes)\n", tags.size());
  print("load: one article with 100,000 tags", load_ms(reps, tags),
        load_ms(reps, encart::bench::bundle_with_text_of_size(tags.size())));
  const std::string empty = encart::bench::wordpress_empty_objects(kWordPressBytes);
  const std::string posts = encart::bench::wordpress_posts_of_size(kWordPressBytes);
  print("load: 99 MB WordPress, empty objects", load_ms(reps, empty), load_ms(reps, posts));
  return g_sink == 42 ? 1 : 0;
}
