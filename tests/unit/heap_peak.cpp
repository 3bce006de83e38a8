// Counts the bytes held through operator new, for heap_peak_of. malloc_usable_size gives the
// size back at delete (AddressSanitizer answers it too), so unsized deletes count correctly.
#include "heap_peak.h"

#include <malloc.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <new>

namespace {

std::atomic<std::size_t> g_live{0};
std::atomic<std::size_t> g_peak{0};

void* counted_or_null(std::size_t n) noexcept {
  void* p = std::malloc(n == 0 ? 1 : n);
  if (p == nullptr) return nullptr;
  const std::size_t live = g_live += malloc_usable_size(p);
  std::size_t peak = g_peak.load();
  while (live > peak && !g_peak.compare_exchange_weak(peak, live)) {
  }
  return p;
}

void* counted(std::size_t n) {
  void* p = counted_or_null(n);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

void released(void* p) noexcept {
  if (p == nullptr) return;
  g_live -= malloc_usable_size(p);
  std::free(p);
}

}  // namespace

void* operator new(std::size_t n) { return counted(n); }
void* operator new[](std::size_t n) { return counted(n); }
void* operator new(std::size_t n, const std::nothrow_t& /*tag*/) noexcept { return counted_or_null(n); }
void* operator new[](std::size_t n, const std::nothrow_t& /*tag*/) noexcept { return counted_or_null(n); }
void operator delete(void* p) noexcept { released(p); }
void operator delete(void* p, const std::nothrow_t& /*tag*/) noexcept { released(p); }
void operator delete[](void* p, const std::nothrow_t& /*tag*/) noexcept { released(p); }
void operator delete[](void* p) noexcept { released(p); }
void operator delete(void* p, std::size_t /*n*/) noexcept { released(p); }
void operator delete[](void* p, std::size_t /*n*/) noexcept { released(p); }

namespace encart::test {

std::size_t heap_peak_of(const std::function<void()>& run) {
  const std::size_t before = g_live.load();
  g_peak = before;
  run();
  return g_peak.load() - before;
}

double cpu_ms_of(const std::function<void()>& run, int reps) {
  double best = 0;
  for (int i = 0; i < reps; ++i) {
    timespec start{};
    timespec end{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start);
    run();
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &end);
    const double ms = static_cast<double>(end.tv_sec - start.tv_sec) * 1e3 +
                      static_cast<double>(end.tv_nsec - start.tv_nsec) / 1e6;
    best = i == 0 ? ms : std::min(best, ms);
  }
  return best;
}

}  // namespace encart::test
