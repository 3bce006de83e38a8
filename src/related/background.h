// Which words are common in French, English and Arabic news before the archive says so: a site
// with 40 articles cannot learn from its own that "taux", "niveau" or "résultats" say little about
// a story. Ranks from frequency lists (generated/word_ranks.cpp, docs/bundle.md "Common words")
// become an estimated share of articles holding the word, which the related index blends with
// the archive's own document frequencies as pseudo-articles.
#pragma once

#include <cstdint>
#include <string_view>

namespace encart::related {

// The rank (1 = most common) of a word in its language's list, the best rank of the listed words
// that fold and stem to `stemmed` ("résultats" and "résultat" both give "resultat"); 0 when none
// of the kept words does. The language is Arabic for Arabic script, English when `english`,
// French otherwise, as for stem(). Stop words: the index drops them before asking.
std::uint32_t background_rank(std::string_view stemmed, bool english);

// How many words of each list the build kept (ENCART_BACKGROUND_WORDS): no rank is above it.
std::uint32_t background_words();

// Pseudo-articles of everyday prose added to every archive, holding the listed words only: more
// than a small site's own articles, so that on 40 articles the lists decide which words are
// common, and few beside 100,000, where the archive does. 200 and kZipfScale = 10 were measured
// best among 100-400 and 5-20 on both labelled fixtures (docs/benchmarks.md, "Related quality").
inline constexpr double kBackgroundArticles = 200.0;
inline constexpr double kZipfScale = 10.0;

// The share of those pseudo-articles that hold a word of rank `rank` (0: not listed, none):
// 1 - exp(-kZipfScale / rank). Zipf: a word's share of running text falls as 1 / rank, so the
// chance that an article holds it falls the same way once it is rare ("taux", rank 97: 10%).
double background_share(std::uint32_t rank);

// Inverse document frequency of a feature held by `df` of `articles` articles, with the
// background pseudo-articles counted in: BM25's idf over articles + kBackgroundArticles.
float blended_idf(double articles, double df, double share);

}  // namespace encart::related
