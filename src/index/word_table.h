// Interning of the words met while loading: each distinct word gets the next id.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace encart {

// The distinct words met while loading, each numbered in order of arrival: an open-addressing
// hash table over one text arena. 100k articles hold some 8 million words; a node-based map
// allocated per distinct word and hashed each one with a slower function.
//
// Hostile input (issue 12): with a fixed, unkeyed hash, words crafted to collide (131,072
// FNV-1a collisions) made every insert walk one long cluster, 25 times slower than random words.
// Two defences:
// - The hash is keyed (SipHash-1-3, made for hash flooding), and rekeyed each time the table
//   grows, from a hash of every word held so far: deterministic (same input, same table), and
//   collisions crafted for one key are scattered by the next. The key decides slots only: ids
//   follow arrival, so no list and no order depends on it.
// - Probes are bounded: a word whose kMaxProbe slots are all taken goes to an ordered overflow
//   map instead. Whatever the input, a lookup costs at most kMaxProbe slots and a log-time
//   search, so even words crafted against a known key cannot make loading quadratic.
class WordTable {
 public:
  // Slots visited before the overflow map. Random words at half load almost never reach 40.
  static constexpr std::size_t kMaxProbe = 64;

  WordTable() = default;
  // A smaller bound, for tests of the overflow map.
  explicit WordTable(std::size_t max_probe) : max_probe_(max_probe) {}

  std::uint32_t intern(std::string_view w) {
    const std::uint32_t h = hash(w, key_);
    std::size_t i = h & mask_;
    for (std::size_t probe = 1; probe <= max_probe_; ++probe, i = (i + 1) & mask_) {
      const std::uint32_t id = slots_[i];
      if (id == kEmpty) {
        longest_probe_ = std::max(longest_probe_, probe);
        const std::uint32_t fresh = add(w, h);
        slots_[i] = fresh;
        grow_if_half_full();
        return fresh;
      }
      if (hashes_[id] == h && word(id) == w) {
        longest_probe_ = std::max(longest_probe_, probe);
        return id;
      }
    }
    // Every slot of the window is taken: the word is in the overflow map if it is anywhere
    // (no slot is ever emptied, so its window was full when it was added too).
    longest_probe_ = max_probe_;
    if (const auto it = overflow_.find(w); it != overflow_.end()) return it->second;
    const std::uint32_t fresh = add(w, h);
    overflow_.emplace(std::string(w), fresh);
    grow_if_half_full();
    return fresh;
  }
  std::size_t size() const { return hashes_.size(); }
  std::string_view word(std::uint32_t id) const {
    const std::size_t begin = id == 0 ? 0 : ends_[id - 1];
    return std::string_view(arena_).substr(begin, ends_[id] - begin);
  }
  // The longest lookup so far, in slots visited (tests: crafted collisions stay bounded).
  std::size_t longest_probe() const { return longest_probe_; }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  struct Key {
    std::uint64_t k0;
    std::uint64_t k1;
  };

  static std::uint64_t rotl(std::uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }
  static void sip_round(std::uint64_t (&v)[4]) {
    v[0] += v[1], v[1] = rotl(v[1], 13), v[1] ^= v[0], v[0] = rotl(v[0], 32);
    v[2] += v[3], v[3] = rotl(v[3], 16), v[3] ^= v[2];
    v[0] += v[3], v[3] = rotl(v[3], 21), v[3] ^= v[0];
    v[2] += v[1], v[1] = rotl(v[1], 17), v[1] ^= v[2], v[2] = rotl(v[2], 32);
  }
  // SipHash-1-3 (one compression round, three finalisation rounds), as Rust's HashMap uses it.
  static std::uint64_t siphash(std::string_view s, Key key) {
    std::uint64_t v[4] = {key.k0 ^ 0x736f6d6570736575ULL, key.k1 ^ 0x646f72616e646f6dULL,
                          key.k0 ^ 0x6c7967656e657261ULL, key.k1 ^ 0x7465646279746573ULL};
    // Blocks in the machine's byte order (little-endian on x86 and WebAssembly): slots only.
    const std::size_t whole = s.size() & ~std::size_t{7};
    for (std::size_t i = 0; i < whole; i += 8) {
      std::uint64_t m = 0;
      std::memcpy(&m, s.data() + i, 8);
      v[3] ^= m;
      sip_round(v);
      v[0] ^= m;
    }
    std::uint64_t last = static_cast<std::uint64_t>(s.size()) << 56;
    for (std::size_t i = whole; i < s.size(); ++i) {
      last |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[i])) << (8 * (i - whole));
    }
    v[3] ^= last;
    sip_round(v);
    v[0] ^= last;
    v[2] ^= 0xFF;
    sip_round(v), sip_round(v), sip_round(v);
    return v[0] ^ v[1] ^ v[2] ^ v[3];
  }
  static std::uint32_t hash(std::string_view w, Key key) {
    return static_cast<std::uint32_t>(siphash(w, key));
  }

  std::uint32_t add(std::string_view w, std::uint32_t h) {
    const auto fresh = static_cast<std::uint32_t>(hashes_.size());
    arena_.append(w);
    ends_.push_back(arena_.size());
    hashes_.push_back(h);
    return fresh;
  }

  void grow_if_half_full() {  // at most half full: short probes
    if (hashes_.size() * 2 > slots_.size()) grow();
  }

  // Rekeys from the words held (deterministic: the same words give the same key) and places
  // every word again in twice as many slots, the overflow map included.
  void grow() {
    key_ = Key{siphash(arena_, key_), siphash(arena_, Key{key_.k1, key_.k0})};
    slots_.assign(slots_.size() * 2, kEmpty);
    mask_ = slots_.size() - 1;
    overflow_.clear();
    for (std::uint32_t id = 0; id < hashes_.size(); ++id) {
      hashes_[id] = hash(word(id), key_);
      std::size_t i = hashes_[id] & mask_;
      std::size_t probe = 1;
      while (slots_[i] != kEmpty && probe < max_probe_) i = (i + 1) & mask_, ++probe;
      if (slots_[i] == kEmpty) {
        slots_[i] = id;
      } else {
        overflow_.emplace(std::string(word(id)), id);
      }
    }
  }

  std::string arena_;
  std::vector<std::size_t> ends_;      // by id: where its word ends in arena_
  std::vector<std::uint32_t> hashes_;  // by id, under key_
  std::vector<std::uint32_t> slots_ = std::vector<std::uint32_t>(1024, kEmpty);
  std::size_t mask_ = 1023;
  Key key_{0x656e636172742d31ULL, 0x776f72642d746162ULL};  // "encart-1", "word-tab": any fixed start
  std::size_t max_probe_ = kMaxProbe;
  std::size_t longest_probe_ = 0;
  std::map<std::string, std::uint32_t, std::less<>> overflow_;  // words whose window was full
};

}  // namespace encart
