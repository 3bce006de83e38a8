// Interning of the words met while loading: each distinct word gets the next id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace encart {

// The distinct words met while loading, each numbered in order of arrival: an open-addressing
// hash table over one text arena. 100k articles hold some 8 million words; a node-based map
// allocated per distinct word and hashed each one with a slower function.
class WordTable {
 public:
  std::uint32_t intern(std::string_view w) {
    const std::uint32_t h = hash(w);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const std::uint32_t id = slots_[i];
      if (id == kEmpty) {
        const auto fresh = static_cast<std::uint32_t>(hashes_.size());
        arena_.append(w);
        ends_.push_back(arena_.size());
        hashes_.push_back(h);
        slots_[i] = fresh;
        if (hashes_.size() * 2 > slots_.size()) grow();  // at most half full: short probes
        return fresh;
      }
      if (hashes_[id] == h && word(id) == w) return id;
    }
  }
  std::size_t size() const { return hashes_.size(); }
  std::string_view word(std::uint32_t id) const {
    const std::size_t begin = id == 0 ? 0 : ends_[id - 1];
    return std::string_view(arena_).substr(begin, ends_[id] - begin);
  }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  static std::uint32_t hash(std::string_view w) {  // FNV-1a: words are short
    std::uint32_t h = 2166136261U;
    for (const char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619U;
    return h;
  }
  void grow() {
    std::vector<std::uint32_t> slots(slots_.size() * 2, kEmpty);
    const std::size_t mask = slots.size() - 1;
    for (std::uint32_t id = 0; id < hashes_.size(); ++id) {
      std::size_t i = hashes_[id] & mask;
      while (slots[i] != kEmpty) i = (i + 1) & mask;
      slots[i] = id;
    }
    slots_ = std::move(slots);
    mask_ = mask;
  }

  std::string arena_;
  std::vector<std::size_t> ends_;      // by id: where its word ends in arena_
  std::vector<std::uint32_t> hashes_;  // by id
  std::vector<std::uint32_t> slots_ = std::vector<std::uint32_t>(1024, kEmpty);
  std::size_t mask_ = 1023;
};

}  // namespace encart
