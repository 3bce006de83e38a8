// libFuzzer target for the pack reader (src/pack/reader.cpp): a real pack of a small generated
// bundle, with one of its files (chosen by the input's first byte) replaced by the rest of the
// input, then asked a few questions. Nothing may crash, hang or read out of bounds; errors are
// fine. Build and run: tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "generate.h"
#include "pack/bytes.h"
#include "pack/reader.h"
#include "pack/writer.h"

namespace {

std::string hash8(std::string_view content) {
  const std::uint64_t h = encart::pack::fnv1a64(content);
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>(h >> (8 * i));
  return out;
}

const encart::pack::Pack& pack() {
  static const encart::pack::Pack p = [] {
    static encart::Engine engine;
    encart::LoadOptions options;
    options.now_ms = encart::bench::kBenchNowMs;
    (void)engine.load(encart::bench::generate_bundle(300), options);
    return encart::pack::write_pack(engine, encart::Site{}, hash8);
  }();
  return p;
}

}  // namespace

// With ENCART_FUZZ_SEEDS=DIR, writes one seed per pack file (its index byte, then its bytes):
// mutating real files reaches far deeper than random bytes.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  const char* dir = std::getenv("ENCART_FUZZ_SEEDS");
  if (dir == nullptr) return 0;
  const auto& p = pack();
  for (std::size_t i = 0; i < p.files.size() && i < 256; ++i) {
    std::ofstream out(std::string(dir) + "/seed-" + std::to_string(i), std::ios::binary);
    out.put(static_cast<char>(i));
    out << p.files[i].bytes;
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& p = pack();
  const std::size_t target = data[0] % std::min<std::size_t>(p.files.size(), 256);
  const std::string& fuzzed_name = p.files[target].name;
  const std::string_view fuzzed(reinterpret_cast<const char*>(data + 1), size - 1);
  std::map<std::string, std::string_view> files;
  for (const auto& f : p.files) files[f.name] = f.bytes;
  files[fuzzed_name] = fuzzed;
  encart::pack::Reader reader(p.manifest);
  (void)reader.add_file(p.manifest.head, files[p.manifest.head]);
  if (fuzzed_name != p.manifest.head) (void)reader.add_file(fuzzed_name, fuzzed);
  // Questions answered as the page does: what is missing is added (the fuzzed file as fuzzed).
  const encart::QueryClock clock{encart::bench::kBenchNowMs, 60};
  for (const char* q : {"", "ma", "maroc", "securte"}) {
    encart::SidebarRequest request;
    request.filter.q = q;
    request.article = "a-1";
    request.latest_limit = 7;
    request.most_read_limit = 7;
    if (q[0] == 's') request.filter.date = "today";
    for (int round = 0; round < 6; ++round) {
      const auto answer = reader.sidebar(request, clock);
      if (!answer.ok() || answer.value().missing.empty()) break;
      for (const auto& name : answer.value().missing) {
        const auto it = files.find(name);
        if (it == files.end() || reader.add_file(name, it->second).has_value()) reader.mark_unavailable(name);
      }
    }
  }
  return 0;
}
