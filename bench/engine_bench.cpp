// Engine benchmarks on generated bundles of 1k and 10k articles (issue 2, section 8).
// Run: ./build/native-release/bench/encart_bench   (docs/benchmarks.md explains each figure)
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bundle/parser.h"
#include "engine/engine.h"
#include "generate.h"

namespace {

using encart::Engine;
using encart::ListOptions;

// The reader's "now": fixed, so every run ranks and hides the same articles.
constexpr std::int64_t kNow = encart::bench::kBenchNowMs;

// What a reader types in the search box, one code point at a time ("s", "sé", ... "sécurité
// maroc"): the widget re-queries on every keystroke, so this is the latency that matters.
const std::vector<std::string>& keystrokes() {
  static const std::vector<std::string> trace = [] {
    const std::string typed = "sécurité maroc";
    std::vector<std::string> out;
    for (std::size_t i = 1; i <= typed.size(); ++i) {
      // Cut only before a UTF-8 lead byte: "s\xC3" is not something a reader can type.
      if (i == typed.size() || (static_cast<unsigned char>(typed[i]) & 0xC0) != 0x80) {
        out.push_back(typed.substr(0, i));
      }
    }
    return out;
  }();
  return trace;
}

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "encart_bench: %s\n", what.c_str());
  std::exit(1);
}

// Bundles are generated once per size and shared by all benchmarks: generating 10k articles
// takes longer than most of the operations measured, and must never land in a timing loop.
const std::string& bundle(std::size_t articles) {
  static std::map<std::size_t, std::string> cache;
  auto& text = cache[articles];
  if (text.empty()) text = encart::bench::generate_bundle(articles);
  return text;
}

// A loaded engine per size, for the query benchmarks. A bundle the engine does not load
// completely would measure something else than advertised: fail loudly instead.
const Engine& engine(std::size_t articles) {
  static std::map<std::size_t, std::unique_ptr<Engine>> cache;
  auto& slot = cache[articles];
  if (!slot) {
    slot = std::make_unique<Engine>();
    auto report = slot->load(bundle(articles), {kNow, {}});
    if (!report) die("load failed: " + report.error().message);
    if (report.value().articles != articles || report.value().skipped_total != 0) {
      die("the generated bundle lost articles: " + std::to_string(report.value().skipped_total) +
          " skipped, first: " +
          (report.value().skipped.empty() ? "?" : report.value().skipped.front().reason()));
    }
  }
  return *slot;
}

// Ids spread over the bundle (newest, a quarter, half, oldest): "related" scans everything,
// but how many articles score > 0 depends on the subject.
std::vector<std::string> sample_ids(const Engine& e) {
  const auto& order = e.index().by_date();
  std::vector<std::string> ids;
  for (const std::size_t at : {std::size_t{0}, order.size() / 4, order.size() / 2, order.size() - 1}) {
    ids.push_back(e.index().articles()[order[at]].id);
  }
  return ids;
}

// Reports time per unit (keystroke, related call) next to time per iteration, e.g.
// "per_keystroke=12.3us".
void per_unit(benchmark::State& state, const char* name, std::size_t units) {
  state.counters[name] =
      benchmark::Counter(static_cast<double>(units),
                         benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// --- load ------------------------------------------------------------------------------------

// What a page pays once: parse + validate + index. Destruction is left out of the timing (the
// widget never unloads); a fresh Engine each time so nothing is reused from the previous run.
void BM_Load(benchmark::State& state) {
  const std::string& text = bundle(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto e = std::make_unique<Engine>();
    auto report = e->load(text, {kNow, {}});
    benchmark::DoNotOptimize(report);
    state.PauseTiming();
    if (!report) die(report.error().message);
    e.reset();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_Load)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// Parsing alone (JSON + validation, no index): BM_Load minus this is the index build.
void BM_Parse(benchmark::State& state) {
  const std::string& text = bundle(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto parsed = std::make_unique<encart::Result<encart::Bundle>>(encart::parse_bundle(text, {}));
    benchmark::DoNotOptimize(parsed);
    state.PauseTiming();
    parsed.reset();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Parse)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// --- lists -----------------------------------------------------------------------------------

// The first list a reader sees: newest 10, no filter (walks the date order, stops at 10).
void BM_Latest(benchmark::State& state) {
  const Engine& e = engine(static_cast<std::size_t>(state.range(0)));
  ListOptions options;
  options.limit = 10;
  for (auto _ : state) {
    auto ids = e.latest(options);
    benchmark::DoNotOptimize(ids);
  }
}
BENCHMARK(BM_Latest)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// "latest" (limit 10) re-run with filter.q at each keystroke of "sécurité maroc". One iteration
// is the whole trace; per_keystroke is the average latency of one query.
void BM_LatestTyping(benchmark::State& state) {
  const Engine& e = engine(static_cast<std::size_t>(state.range(0)));
  std::vector<ListOptions> queries(keystrokes().size());
  for (std::size_t k = 0; k < queries.size(); ++k) {
    queries[k].limit = 10;
    queries[k].filter.q = keystrokes()[k];
  }
  for (auto _ : state) {
    for (const ListOptions& q : queries) {
      auto ids = e.latest(q);
      benchmark::DoNotOptimize(ids);
    }
  }
  per_unit(state, "per_keystroke", queries.size());
}
BENCHMARK(BM_LatestTyping)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// Worst case for a list: a query nothing matches (a typo), so "latest" walks every article
// instead of stopping after 10.
void BM_LatestNoMatch(benchmark::State& state) {
  const Engine& e = engine(static_cast<std::size_t>(state.range(0)));
  ListOptions options;
  options.limit = 10;
  options.filter.q = "sécurité xylophone";
  for (auto _ : state) {
    auto ids = e.latest(options);
    benchmark::DoNotOptimize(ids);
  }
}
BENCHMARK(BM_LatestNoMatch)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// Facet counts (category, author, tag) under a text filter: a full scan per facet.
void BM_FacetsText(benchmark::State& state) {
  const Engine& e = engine(static_cast<std::size_t>(state.range(0)));
  encart::Filter filter;
  filter.q = "maroc";
  for (auto _ : state) {
    auto facets = e.facets(filter);
    benchmark::DoNotOptimize(facets);
  }
}
BENCHMARK(BM_FacetsText)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// Related (limit 5) for four articles spread over the bundle; per_call is one article's list.
void BM_Related(benchmark::State& state) {
  const Engine& e = engine(static_cast<std::size_t>(state.range(0)));
  const std::vector<std::string> ids = sample_ids(e);
  ListOptions options;
  options.limit = 5;
  for (auto _ : state) {
    for (const std::string& id : ids) {
      auto related = e.related(id, options);
      benchmark::DoNotOptimize(related);
    }
  }
  per_unit(state, "per_call", ids.size());
}
BENCHMARK(BM_Related)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// --- the widget's call -------------------------------------------------------------------------

// Engine::sidebar as the widget calls it on every keystroke: three lists of 5 with HTML,
// the match count and the category/author menus, for an article a quarter down the bundle.
// per_keystroke is what a reader waits for (before the browser paints), WASM overhead aside.
void BM_SidebarTyping(benchmark::State& state) {
  const Engine& e = engine(static_cast<std::size_t>(state.range(0)));
  const std::string current = sample_ids(e)[1];
  std::vector<encart::SidebarRequest> requests(keystrokes().size());
  for (std::size_t k = 0; k < requests.size(); ++k) {
    requests[k].article = current;
    requests[k].filter.q = keystrokes()[k];
  }
  std::size_t last_matching = 0;
  for (auto _ : state) {
    for (const auto& request : requests) {
      auto sidebar = e.sidebar(request);
      benchmark::DoNotOptimize(sidebar);
      last_matching = sidebar.ok() ? sidebar.value().matching : 0;
    }
  }
  per_unit(state, "per_keystroke", requests.size());
  // How many articles the complete query keeps: context for reading the figure.
  state.counters["matching_at_end"] = static_cast<double>(last_matching);
}
BENCHMARK(BM_SidebarTyping)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
