// The engine workloads of engine_bench.cpp as a plain program, so that the same source runs
// natively and as WebAssembly in Node (Google Benchmark has no Emscripten build).
// bench/ratio/run.sh runs both and prints the WASM/native ratio of each figure (issue 3, item 6).
//
//   encart_ratio [OPTIONS] [SIZE...]            native
//   node encart_ratio.js [OPTIONS] [SIZE...]    WebAssembly
//
// SIZE: articles per generated bundle, default 1000 10000 100000. OPTIONS:
//   --reps=N        samples per figure (default 5); figures are their median and minimum
//   --min-ms=MS     quick workloads repeat within a sample until it lasts about MS (default 50)
//   --only=GROUPS   comma-separated: load (parse, load, index build), filter, sidebar, facets
//   --clock=cpu     time with the process's CPU time instead of the wall clock
// Prints one JSON object per line: a "run" line, then per size a "bundle" line (bytes and a
// hash, to check both sides measured the same input) and one line per workload, times in ms.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten/em_js.h>
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#include <time.h>
#endif

#include "bundle/parser.h"
#include "engine/engine.h"
#include "generate.h"

namespace {

using Clock = std::chrono::steady_clock;

#ifdef __EMSCRIPTEN__
// The process's CPU time (user + system, all threads) from Node: Emscripten's clock_gettime has
// no CLOCK_PROCESS_CPUTIME_ID.
EM_JS(double, node_cpu_ms, (), {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
});
#endif

// Every result feeds this, so the optimiser cannot drop the calls that produce them.
volatile std::size_t g_sink = 0;

constexpr std::int64_t kNow = encart::bench::kBenchNowMs;
constexpr const char* kTyped = "sécurité maroc";

#ifdef __EMSCRIPTEN__
constexpr const char* kPlatform = "wasm";
#else
constexpr const char* kPlatform = "native";
#endif

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "encart_ratio: %s\n", what.c_str());
  std::exit(1);
}

// Which clock times the workloads: wall (std::chrono::steady_clock, the default) or the
// process's CPU time (--clock=cpu), which leaves out the time other processes hold the CPU: on a
// shared machine, what keeps the two platforms comparable.
bool g_cpu_clock = false;

double now_ms() {
  if (g_cpu_clock) {
#ifdef __EMSCRIPTEN__
    return node_cpu_ms();
#else
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
#endif
  }
  return std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch()).count();
}

double ms_since(double start) { return now_ms() - start; }

// What a reader types, one code point at a time: "s", "sé", ..., "sécurité maroc" (14 prefixes).
std::vector<std::string> keystrokes() {
  const std::string typed = kTyped;
  std::vector<std::string> out;
  for (std::size_t i = 1; i <= typed.size(); ++i) {
    if (i == typed.size() || (static_cast<unsigned char>(typed[i]) & 0xC0) != 0x80) {
      out.push_back(typed.substr(0, i));
    }
  }
  return out;
}

// FNV-1a over the bundle: native and WASM must have generated the same bytes.
std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

struct Options {
  int reps = 5;
  double min_sample_ms = 50;  // quick workloads are repeated within a sample up to this
  std::string only;           // comma-separated groups to run (load, filter, sidebar, facets); all if empty
  bool wants(std::string_view group) const {
    if (only.empty()) return true;
    const std::string padded = "," + only + ",";
    return padded.find("," + std::string(group) + ",") != std::string::npos;
  }
  std::vector<std::size_t> sizes;
};

struct Stats {
  double median_ms = 0;  // of one unit of work (one call, or one whole typing trace)
  double min_ms = 0;
  int reps = 0;
  long iters = 0;  // units of work per sample
};

Stats summarize(std::vector<double> per_unit, long iters) {
  std::sort(per_unit.begin(), per_unit.end());
  const std::size_t n = per_unit.size();
  const double median = n % 2 ? per_unit[n / 2] : (per_unit[n / 2 - 1] + per_unit[n / 2]) / 2;
  return {median, per_unit.front(), static_cast<int>(n), iters};
}

// Two untimed calls first: caches, the engine's related ranking, and in WASM V8's tier-up from
// its baseline compiler (Liftoff) to the optimising one (TurboFan). Then `iters` such that one
// sample lasts about min_sample_ms.
template <typename Sample>
long calibrate(const Options& opt, Sample&& sample) {
  sample(1L);
  long iters = 1;
  double ms = sample(iters);
  for (int round = 0; round < 4 && ms < opt.min_sample_ms && iters < 1'000'000; ++round) {
    const double wanted = 1.2 * opt.min_sample_ms / std::max(ms, 1e-3) * static_cast<double>(iters);
    iters = std::clamp(static_cast<long>(std::ceil(wanted)), iters + 1, 1'000'000L);
    ms = sample(iters);
  }
  return iters;
}

// `sample(iters)` runs the workload `iters` times and returns the milliseconds it timed (so it
// decides what is inside the clock).
template <typename Sample>
Stats measure(const Options& opt, Sample&& sample) {
  const long iters = calibrate(opt, sample);
  std::vector<double> per_unit;
  for (int r = 0; r < opt.reps; ++r) per_unit.push_back(sample(iters) / static_cast<double>(iters));
  return summarize(std::move(per_unit), iters);
}

void print_stats(std::size_t size, const char* workload, const char* unit, const Stats& s,
                 const std::string& extra = {}) {
  std::printf(
      "{\"platform\":\"%s\",\"size\":%zu,\"workload\":\"%s\",\"unit\":\"%s\",\"median_ms\":%.6f,"
      "\"min_ms\":%.6f,\"reps\":%d,\"iters\":%ld%s}\n",
      kPlatform, size, workload, unit, s.median_ms, s.min_ms, s.reps, s.iters, extra.c_str());
  std::fflush(stdout);
}

double peak_memory_mb() {
#ifdef __EMSCRIPTEN__
  return static_cast<double>(emscripten_get_heap_size()) / (1 << 20);  // heap only grows
#else
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024;  // KiB on Linux
#endif
}

void run_size(const Options& opt, std::size_t size) {
  const std::string text = encart::bench::generate_bundle(size);
  std::printf(
      "{\"platform\":\"%s\",\"size\":%zu,\"workload\":\"bundle\",\"bytes\":%zu,\"fnv1a\":\"%016llx\"}\n",
      kPlatform, size, text.size(), static_cast<unsigned long long>(fnv1a(text)));
  std::fflush(stdout);

  encart::LoadOptions load_options;
  load_options.now_ms = kNow;

  // parse: parse_bundle alone (JSON + validation, no index). Freeing the result is not timed.
  auto parse_sample = [&](long iters) {
    double ms = 0;
    for (long i = 0; i < iters; ++i) {
      const double start = now_ms();
      auto parsed = std::make_unique<encart::Result<encart::Bundle>>(encart::parse_bundle(text, {}));
      ms += ms_since(start);
      if (!*parsed) die("parse failed: " + parsed->error().message);
      g_sink = g_sink + parsed->value().articles.size();
    }
    return ms;
  };
  // load: Engine::load on a fresh engine (parse + index build). Destroying it is not timed.
  auto load_sample = [&](long iters) {
    double ms = 0;
    for (long i = 0; i < iters; ++i) {
      auto engine = std::make_unique<encart::Engine>();
      const double start = now_ms();
      auto report = engine->load(text, load_options);
      ms += ms_since(start);
      if (!report) die("load failed: " + report.error().message);
      g_sink = g_sink + report.value().articles;
    }
    return ms;
  };
  // index: the facade has no separate call, so load minus parse, taken from a parse sample and a
  // load sample run back to back (pairs cancel slow drifts of the machine's speed).
  if (opt.wants("load")) {
    load_sample(1L);
    const long iters = calibrate(opt, parse_sample);
    std::vector<double> parse_ms, load_ms, index_ms;
    for (int r = 0; r < opt.reps; ++r) {
      parse_ms.push_back(parse_sample(iters) / static_cast<double>(iters));
      load_ms.push_back(load_sample(iters) / static_cast<double>(iters));
      index_ms.push_back(load_ms.back() - parse_ms.back());
    }
    const Stats parse = summarize(parse_ms, iters);
    const double mb_per_s = static_cast<double>(text.size()) / (1 << 20) / (parse.median_ms / 1000);
    print_stats(size, "parse", "call", parse, ",\"mb_per_s\":" + std::to_string(mb_per_s));
    print_stats(size, "load", "call", summarize(load_ms, iters));
    print_stats(size, "index", "call", summarize(index_ms, iters), ",\"derived\":\"load-parse\"");
  }

  // One engine for the queries. A bundle that does not load completely would measure something
  // else than advertised.
  encart::Engine engine;
  {
    auto report = engine.load(text, load_options);
    if (!report) die("load failed: " + report.error().message);
    if (report.value().articles != size || report.value().skipped_total != 0) {
      die("the generated bundle lost articles: " + std::to_string(report.value().skipped_total) + " skipped");
    }
  }
  const std::vector<std::string> typed = keystrokes();
  const std::string per_keystroke = ",\"keystrokes\":" + std::to_string(typed.size());

  // filter: Engine::latest (limit 10) with filter.q at each prefix; one unit = the whole trace.
  std::vector<encart::ListOptions> lists(typed.size());
  for (std::size_t k = 0; k < typed.size(); ++k) {
    lists[k].limit = 10;
    lists[k].filter.q = typed[k];
  }
  if (opt.wants("filter")) {
    const Stats filter = measure(opt, [&](long iters) {
      const double start = now_ms();
      for (long i = 0; i < iters; ++i) {
        for (const auto& options : lists) {
          auto ids = engine.latest(options);
          g_sink = g_sink + (ids ? ids.value().size() : 1000);
        }
      }
      return ms_since(start);
    });
    print_stats(size, "filter", "trace", filter, per_keystroke);
  }

  // sidebar: Engine::sidebar at each prefix, for the article a quarter down the date order,
  // latest 10 / most read 10 / related 0 (the typing widget's lists, with HTML).
  const auto& index = engine.index();
  const std::string article = index.articles()[index.by_date()[index.by_date().size() / 4]].id;
  std::vector<encart::SidebarRequest> requests(typed.size());
  for (std::size_t k = 0; k < typed.size(); ++k) {
    requests[k].article = article;
    requests[k].filter.q = typed[k];
    requests[k].latest_limit = 10;
    requests[k].most_read_limit = 10;
    requests[k].related_limit = 0;
  }
  if (opt.wants("sidebar")) {
    std::size_t matching_at_end = 0;
    const Stats sidebar = measure(opt, [&](long iters) {
      const double start = now_ms();
      for (long i = 0; i < iters; ++i) {
        for (const auto& request : requests) {
          auto result = engine.sidebar(request);
          if (!result) die("sidebar failed: " + result.error().message);
          matching_at_end = result.value().matching;
          g_sink = g_sink + result.value().latest.html.size() + result.value().most_read.html.size();
        }
      }
      return ms_since(start);
    });
    print_stats(size, "sidebar", "trace", sidebar,
                per_keystroke + ",\"matching_at_end\":" + std::to_string(matching_at_end));
  }

  // facets: category, author and tag counts under q = "maroc".
  encart::Filter maroc;
  maroc.q = "maroc";
  if (opt.wants("facets")) {
    const Stats facets = measure(opt, [&](long iters) {
      const double start = now_ms();
      for (long i = 0; i < iters; ++i) {
        auto counts = engine.facets(maroc);
        if (!counts) die("facets failed: " + counts.error().message);
        g_sink = g_sink + counts.value().category.size() + counts.value().tag.size();
      }
      return ms_since(start);
    });
    print_stats(size, "facets", "call", facets);
  }

  std::printf("{\"platform\":\"%s\",\"size\":%zu,\"workload\":\"memory\",\"peak_mb\":%.1f}\n", kPlatform,
              size, peak_memory_mb());
  std::fflush(stdout);
}

bool parse_number(std::string_view text, double& out) {
  if (text.empty()) return false;
  char* end = nullptr;
  const std::string copy(text);
  out = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size() && out > 0 && out <= 1e7;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    double value = 0;
    if (arg.starts_with("--reps=") && parse_number(arg.substr(7), value)) {
      opt.reps = std::max(1, static_cast<int>(value));
    } else if (arg.starts_with("--min-ms=") && parse_number(arg.substr(9), value)) {
      opt.min_sample_ms = value;
    } else if (arg == "--clock=cpu" || arg == "--clock=wall") {
      g_cpu_clock = arg == "--clock=cpu";
    } else if (arg.starts_with("--only=")) {
      opt.only = arg.substr(7);
    } else if (parse_number(arg, value) && value == std::floor(value) && value <= 1'000'000) {
      opt.sizes.push_back(static_cast<std::size_t>(value));
    } else {
      std::fprintf(
          stderr,
          "usage: %s [--reps=N] [--min-ms=MS] [--only=load,filter,sidebar,facets] [--clock=wall|cpu]\n"
          "          [SIZE...]\n"
          "  (default: every workload, sizes 1000 10000 100000)\n",
          argv[0]);
      return 2;
    }
  }
  if (opt.sizes.empty()) opt.sizes = {1000, 10000, 100000};

  std::printf(
      "{\"platform\":\"%s\",\"workload\":\"run\",\"reps\":%d,\"min_sample_ms\":%g,\"clock\":\"%s\","
      "\"compiler\":\"%s\"}\n",
      kPlatform, opt.reps, opt.min_sample_ms, g_cpu_clock ? "cpu" : "wall", __VERSION__);
  const auto start = Clock::now();
  for (const std::size_t size : opt.sizes) run_size(opt, size);
  std::printf("{\"platform\":\"%s\",\"workload\":\"done\",\"wall_s\":%.1f,\"sink\":%zu}\n", kPlatform,
              std::chrono::duration<double>(Clock::now() - start).count(), static_cast<std::size_t>(g_sink));
  return 0;
}
