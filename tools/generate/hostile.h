// Hostile inputs for the tests and benchmarks of issue 12: what a bundle crafted against the
// engine looks like, next to an ordinary input of the same size to compare it with.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace encart::bench {

// 2^doublings distinct lowercase words that all have the same 32-bit FNV-1a hash (the word
// table's hash until issue 12), built as a multicollision: each of `doublings` stages picks one
// of two 6-letter blocks that lead from the same hash state to the same state. Deterministic.
std::vector<std::string> fnv1a_collisions(int doublings);

// 2^doublings distinct random lowercase words of the same length as fnv1a_collisions' words.
std::vector<std::string> random_words(int doublings, std::uint32_t seed = 12);

// A bundle of one article whose "tags" holds `tags` distinct tags ("t0", "t1"...), and one of
// the same size in bytes whose article has as few tags and the same bytes as body text.
std::string bundle_with_tags(std::size_t tags);
std::string bundle_with_text_of_size(std::size_t bytes);

// A bundle whose articles' texts hold `words`, separated by spaces, `per_article` words each
// (an article's text is limited to 128 KiB).
std::string bundle_with_words(const std::vector<std::string>& words, std::size_t per_article = 1000);

// WordPress REST API posts (/wp-json/wp/v2/posts?_embed) of about `bytes` bytes: a JSON array of
// `{}` only (every post skipped, the count over the article limit reported once), and ordinary
// posts as WordPress writes them (rendered HTML, dates twice, embedded author, category and
// tags), distinct and valid, newest first. Deterministic.
std::string wordpress_empty_objects(std::size_t bytes);
std::string wordpress_posts_of_size(std::size_t bytes);

}  // namespace encart::bench
