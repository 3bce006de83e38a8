// A fixed-size set of ArticleIds, one bit each: the currency of the query engine. At 100,000
// articles a set is 12.5 KB, intersects in about a microsecond and counts with popcount.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace encart {

class Bitset {
 public:
  class Reference {
   public:
    Reference(std::uint64_t& word, std::uint64_t mask) : word_(word), mask_(mask) {}
    Reference& operator=(bool value) {
      word_ = value ? (word_ | mask_) : (word_ & ~mask_);
      return *this;
    }
    operator bool() const { return (word_ & mask_) != 0; }  // NOLINT: behaves like bool&

   private:
    std::uint64_t& word_;
    std::uint64_t mask_;
  };

  Bitset() = default;
  explicit Bitset(std::size_t size, bool value = false)
      : size_(size), words_((size + 63) / 64, value ? ~std::uint64_t{0} : 0) {
    trim();
  }

  std::size_t size() const { return size_; }
  bool operator[](std::size_t i) const { return (words_[i >> 6] >> (i & 63)) & 1; }
  Reference operator[](std::size_t i) { return {words_[i >> 6], std::uint64_t{1} << (i & 63)}; }
  void set(std::size_t i) { words_[i >> 6] |= std::uint64_t{1} << (i & 63); }
  void reset(std::size_t i) { words_[i >> 6] &= ~(std::uint64_t{1} << (i & 63)); }

  // Sets [first, last).
  void set_range(std::size_t first, std::size_t last) {
    while (first < last && (first & 63) != 0) set(first++);
    for (; first + 64 <= last; first += 64) words_[first >> 6] = ~std::uint64_t{0};
    while (first < last) set(first++);
  }

  Bitset& operator&=(const Bitset& other) {
    for (std::size_t w = 0; w < words_.size(); ++w) words_[w] &= other.words_[w];
    return *this;
  }
  Bitset& operator|=(const Bitset& other) {
    for (std::size_t w = 0; w < words_.size(); ++w) words_[w] |= other.words_[w];
    return *this;
  }

  std::size_t count() const {
    std::size_t n = 0;
    for (const std::uint64_t w : words_) n += static_cast<std::size_t>(std::popcount(w));
    return n;
  }

  // Calls f(i) for each member in ascending order while f returns true.
  template <typename F>
  void for_each_until(F&& f) const {
    for (std::size_t w = 0; w < words_.size(); ++w) {
      for (std::uint64_t bits = words_[w]; bits != 0; bits &= bits - 1) {
        if (!f(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)))) return;
      }
    }
  }

 private:
  void trim() {
    if (size_ % 64 != 0 && !words_.empty()) words_.back() &= (std::uint64_t{1} << (size_ % 64)) - 1;
  }

  std::size_t size_ = 0;
  std::vector<std::uint64_t> words_;
};

}  // namespace encart
