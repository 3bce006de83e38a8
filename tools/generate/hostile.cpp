#include "hostile.h"

#include <unordered_map>

namespace encart::bench {
namespace {

constexpr std::size_t kBlock = 6;

std::uint32_t fnv1a_from(std::uint32_t state, const std::string& s) {
  for (const char c : s) state = (state ^ static_cast<unsigned char>(c)) * 16777619U;
  return state;
}

// xorshift32: a fixed sequence on every platform.
struct Letters {
  std::uint32_t x;
  std::string block() {
    std::string out(kBlock, 'a');
    for (char& c : out) {
      x ^= x << 13, x ^= x >> 17, x ^= x << 5;
      c = static_cast<char>('a' + x % 26);
    }
    return out;
  }
};

const char* kHead =
    R"({"version":1,"site":{"url":"https://example.ma/"},"articles":[{"id":"a","url":"/a","title":"T","published":"2024-12-09T10:00:00+01:00",)";

}  // namespace

std::vector<std::string> fnv1a_collisions(int doublings) {
  std::uint32_t state = 2166136261U;
  std::vector<std::string> words{""};
  Letters letters{0x9E3779B9U};
  for (int stage = 0; stage < doublings; ++stage) {
    // Birthday search: about 2^16 blocks until two reach the same 32-bit state.
    std::unordered_map<std::uint32_t, std::string> seen;
    for (;;) {
      std::string block = letters.block();
      const std::uint32_t next = fnv1a_from(state, block);
      const auto [it, fresh] = seen.emplace(next, block);
      if (fresh || it->second == block) continue;
      std::vector<std::string> longer;
      longer.reserve(words.size() * 2);
      for (const std::string& w : words) longer.push_back(w + it->second), longer.push_back(w + block);
      words = std::move(longer);
      state = next;
      break;
    }
  }
  return words;
}

std::vector<std::string> random_words(int doublings, std::uint32_t seed) {
  Letters letters{seed};
  std::vector<std::string> words(std::size_t{1} << doublings);
  for (std::string& w : words) {
    for (int b = 0; b < doublings; ++b) w += letters.block();
  }
  return words;
}

std::string bundle_with_tags(std::size_t tags) {
  std::string out = std::string(kHead) + "\"tags\":[";
  for (std::size_t i = 0; i < tags; ++i) out += (i ? ",\"t" : "\"t") + std::to_string(i) + "\"";
  return out + "]}]}";
}

std::string bundle_with_text_of_size(std::size_t bytes) {
  const std::string head = std::string(kHead) + "\"tags\":[\"t0\"],\"text\":\"";
  std::string out = head;
  while (out.size() + 3 < bytes) out += out.size() % 7 == 0 ? ' ' : 'x';
  return out + "\"}]}";
}

std::string bundle_with_words(const std::vector<std::string>& words, std::size_t per_article) {
  std::string out = R"({"version":1,"site":{"url":"https://example.ma/"},"articles":[)";
  for (std::size_t first = 0, n = 0; first < words.size(); first += per_article, ++n) {
    out += n == 0 ? "" : ",";
    out += R"({"id":"a)" + std::to_string(n) +
           R"(","url":"/a","title":"T","published":"2024-12-09T10:00:00+01:00","text":")";
    for (std::size_t i = first; i < words.size() && i < first + per_article; ++i) out += words[i] + " ";
    out += "\"}";
  }
  return out + "]}";
}

}  // namespace encart::bench
