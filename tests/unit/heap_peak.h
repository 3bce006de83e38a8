// What a piece of code costs, measured as the issue 12 tests judge it: the most heap it held at
// once (every operator new of the test program is counted, heap_peak.cpp), and its CPU time, to
// be compared with an ordinary input of the same size as a ratio, never against a budget in
// milliseconds.
#pragma once

#include <cstddef>
#include <functional>

namespace encart::test {

// The most bytes `run` held on the heap at once beyond what was held when it started.
std::size_t heap_peak_of(const std::function<void()>& run);

// The least CPU time of `reps` runs, in milliseconds: the least is the run the machine's other
// work disturbed least.
double cpu_ms_of(const std::function<void()>& run, int reps = 3);

}  // namespace encart::test
