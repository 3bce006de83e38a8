// Little-endian bytes and LEB128 varints for the pack files (docs/pack.md): a writer that
// appends, and a reader that checks every length against what is left before it reads, so that a
// truncated or tampered file is an error naming the byte, never a read out of bounds.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace encart::pack {

class ByteWriter {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void varint(std::uint64_t v) {
    // Into a buffer, then appended at once: a push_back per byte checked the capacity each time
    // (a state file is some 10 million varints).
    char buffer[10];
    std::size_t n = 0;
    while (v >= 0x80) {
      buffer[n++] = static_cast<char>(v | 0x80);
      v >>= 7;
    }
    buffer[n++] = static_cast<char>(v);
    out_.append(buffer, n);
  }
  // Signed values (dates before 1970, offsets west of UTC) as zigzag varints.
  void svarint(std::int64_t v) {
    varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void u32(std::uint32_t v) {
    const char bytes[4] = {static_cast<char>(v), static_cast<char>(v >> 8), static_cast<char>(v >> 16),
                           static_cast<char>(v >> 24)};
    out_.append(bytes, 4);
  }
  void f32(float v) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    u32(bits);
  }
  void string(std::string_view s) {
    varint(s.size());
    out_.append(s);
  }
  void raw(std::string_view s) { out_.append(s); }
  void reserve(std::size_t bytes) { out_.reserve(bytes); }
  void clear() { out_.clear(); }  // its memory kept, for what is written next
  std::size_t size() const { return out_.size(); }
  std::string take() { return std::move(out_); }
  const std::string& bytes() const { return out_; }

 private:
  std::string out_;
};

// Reads until the first error, which sticks: later reads return zeros, and error() says where
// the first one happened. Callers check ok() once after a block of reads.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : in_(bytes) {}

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool at_end() const { return pos_ == in_.size(); }
  std::size_t position() const { return pos_; }
  std::size_t remaining() const { return in_.size() - pos_; }

  std::uint8_t u8() {
    if (!need(1, "a byte")) return 0;
    return static_cast<std::uint8_t>(in_[pos_++]);
  }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    if (error_.empty() && in_.size() - pos_ >= 10) {
      // The common case, far from the end: no length check per byte.
      const auto* p = reinterpret_cast<const unsigned char*>(in_.data()) + pos_;
      for (std::size_t i = 0; i < 10; ++i) {
        v |= static_cast<std::uint64_t>(p[i] & 0x7F) << (7 * i);
        if ((p[i] & 0x80) == 0) {
          pos_ += i + 1;
          return v;
        }
      }
      pos_ += 10;  // where the slow path stops too
      fail("a number longer than 10 bytes");
      return 0;
    }
    for (int shift = 0; shift < 64; shift += 7) {
      if (!need(1, "a number")) return 0;
      const auto b = static_cast<std::uint8_t>(in_[pos_++]);
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
    fail("a number longer than 10 bytes");
    return 0;
  }
  // A count of items that each take at least `min_bytes`: refused when the rest of the file
  // cannot hold that many, so that a forged count never drives a huge allocation.
  std::size_t count(std::size_t min_bytes = 1) {
    const std::uint64_t n = varint();
    if (ok() && n > remaining() / (min_bytes == 0 ? 1 : min_bytes)) {
      fail("a count of " + std::to_string(n) + " that the file cannot hold");
      return 0;
    }
    return ok() ? static_cast<std::size_t>(n) : 0;
  }
  // A value that must be below `limit` (an ArticleId, a ValueId...).
  std::uint32_t below(std::uint64_t limit, const char* what) {
    const std::uint64_t v = varint();
    if (ok() && v >= limit) {
      fail(std::string(what) + " " + std::to_string(v) + " out of range (below " + std::to_string(limit) +
           ")");
      return 0;
    }
    return static_cast<std::uint32_t>(v);
  }
  std::int64_t svarint() {
    const std::uint64_t z = varint();
    return static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
  }
  std::uint32_t u32() {
    if (!need(4, "4 bytes")) return 0;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(in_[pos_++])) << (8 * i);
    return v;
  }
  float f32() {
    const std::uint32_t bits = u32();
    float v = 0;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  std::string_view string() {
    const std::uint64_t n = varint();
    if (!ok() || !need(n, "a string")) return {};
    const std::string_view s = in_.substr(pos_, static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    return s;
  }
  std::string_view raw(std::size_t n) {
    if (!need(n, "bytes")) return {};
    const std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  void fail(const std::string& what) {
    if (error_.empty()) error_ = "byte " + std::to_string(pos_) + ": " + what;
  }

 private:
  bool need(std::uint64_t n, const char* what) {
    if (!error_.empty()) return false;
    if (n > in_.size() - pos_) {
      fail(std::string("truncated: ") + what + " needs " + std::to_string(n) + " bytes, " +
           std::to_string(in_.size() - pos_) + " left");
      return false;
    }
    return true;
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  std::string error_;
};

// FNV-1a, 64 bits: which related bucket an article id falls in (not a file name: those are
// SHA-256, computed by the CLI).
inline std::uint64_t fnv1a64(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : s) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace encart::pack
