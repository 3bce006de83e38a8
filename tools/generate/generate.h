// Synthetic encart bundles (format v1, docs/bundle.md) for benchmarks: realistic French news
// text, facets and view counts, at any size. The same (articles, seed) gives the same bytes on
// every platform and compiler, so figures measured on different machines compare like for like.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace encart::bench {

inline constexpr std::uint32_t kDefaultSeed = 20241210;

// The reader's "now" the bundles are built around: 2024-12-11T00:00:00Z, in UTC milliseconds.
// Every article is published on or before 2024-12-10 (+01:00), so all of them are visible.
inline constexpr std::int64_t kBenchNowMs = 1'733'875'200'000;

// A bundle of `articles` valid, uniquely identified articles, newest first, over the two years
// ending 2024-12-10; 8 categories, 40 authors, 300 tags (3 to 5 per article), ~20% with images.
// Pure function of its arguments: no clock, no locale, no std:: random distributions.
std::string generate_bundle(std::size_t articles, std::uint32_t seed = kDefaultSeed);

}  // namespace encart::bench
