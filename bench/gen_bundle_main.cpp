// encart_gen_bundle N [SEED] > bundle.json
// Writes the benchmark bundle to stdout, byte for byte what engine_bench loads, so browser and
// Node benchmarks can measure the same input as the native ones.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "generate.h"

namespace {

// Strict decimal: "10k" or "-1" must be an error, not a silent 10 or a huge size_t.
bool parse_count(const char* text, unsigned long long max, unsigned long long& out) {
  if (text == nullptr || *text == '\0') return false;
  out = 0;
  for (const char* p = text; *p != '\0'; ++p) {
    if (*p < '0' || *p > '9') return false;
    out = out * 10 + static_cast<unsigned long long>(*p - '0');
    if (out > max) return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned long long articles = 0;
  unsigned long long seed = encart::bench::kDefaultSeed;
  // 1,000,000 is the engine's default max_articles (ParseOptions); more would be skipped anyway.
  if (argc < 2 || argc > 3 || !parse_count(argv[1], 1'000'000, articles) ||
      (argc == 3 && !parse_count(argv[2], 0xFFFFFFFFull, seed))) {
    std::fprintf(stderr,
                 "usage: %s ARTICLES [SEED] > bundle.json\n"
                 "  ARTICLES  0..1000000\n"
                 "  SEED      0..4294967295 (default %u)\n",
                 argc > 0 ? argv[0] : "encart_gen_bundle",
                 static_cast<unsigned>(encart::bench::kDefaultSeed));
    return 2;
  }
  const std::string bundle =
      encart::bench::generate_bundle(static_cast<std::size_t>(articles), static_cast<std::uint32_t>(seed));
  if (std::fwrite(bundle.data(), 1, bundle.size(), stdout) != bundle.size() || std::fflush(stdout) != 0) {
    std::perror("encart_gen_bundle: write");
    return 1;
  }
  return 0;
}
