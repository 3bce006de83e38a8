// ByteReader and ByteWriter (pack/bytes.h): the varints of pack files and states, read on a fast
// path far from the end and a checked one near it; both give the same numbers and the same errors.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "pack/bytes.h"

namespace encart::pack {
namespace {

TEST(PackBytes, VarintsComeBackWhereverTheyLie) {
  const std::vector<std::uint64_t> values = {0, 1, 127, 128, 300, 16383, 16384, UINT32_MAX, UINT64_MAX};
  ByteWriter out;
  for (const std::uint64_t v : values) out.varint(v);
  // Read from every start: the last values are near the end (the checked path), the first not.
  for (std::size_t skip = 0; skip < values.size(); ++skip) {
    ByteWriter head;
    for (std::size_t i = 0; i < skip; ++i) head.varint(values[i]);
    ByteReader in(out.bytes());
    in.raw(head.size());
    for (std::size_t i = skip; i < values.size(); ++i) EXPECT_EQ(in.varint(), values[i]) << i;
    EXPECT_TRUE(in.ok()) << in.error();
    EXPECT_TRUE(in.at_end());
  }
}

TEST(PackBytes, ALastVarintOfTenBytesEndingTheFileIsRead) {
  ByteWriter out;
  out.varint(UINT64_MAX);  // 10 bytes
  ASSERT_EQ(out.size(), 10u);
  ByteReader in(out.bytes());
  EXPECT_EQ(in.varint(), UINT64_MAX);
  EXPECT_TRUE(in.ok() && in.at_end());
}

TEST(PackBytes, TooLongOrCutVarintsAreErrorsThatSayWhere) {
  // Eleven continuation bytes: the fast path (10 bytes or more left) stops at the tenth.
  const std::string eleven(11, '\xFF'), ten_bytes(10, '\xFF'), nine(9, '\x80');  // the reader views them
  ByteReader too_long(eleven);
  EXPECT_EQ(too_long.varint(), 0u);
  EXPECT_EQ(too_long.error(), "byte 10: a number longer than 10 bytes");
  // Ten continuation bytes, the file's end: the checked path says the same.
  ByteReader ten(ten_bytes);
  EXPECT_EQ(ten.varint(), 0u);
  EXPECT_EQ(ten.error(), "byte 10: a number longer than 10 bytes");
  // Cut short, fewer than 10 bytes left.
  ByteReader cut(nine);
  EXPECT_EQ(cut.varint(), 0u);
  EXPECT_NE(cut.error().find("truncated"), std::string::npos) << cut.error();
  // An error sticks: later reads give zeros, and the first error is kept.
  EXPECT_EQ(cut.varint(), 0u);
  EXPECT_NE(cut.error().find("truncated"), std::string::npos) << cut.error();
}

TEST(PackBytes, FixedWidthNumbersAreLittleEndian) {
  ByteWriter out;
  out.u32(0x04030201U);
  out.f32(1.5F);
  EXPECT_EQ(out.bytes().substr(0, 4), std::string("\x01\x02\x03\x04", 4));
  ByteReader in(out.bytes());
  EXPECT_EQ(in.u32(), 0x04030201U);
  EXPECT_EQ(in.f32(), 1.5F);
  EXPECT_TRUE(in.ok() && in.at_end());
}

}  // namespace
}  // namespace encart::pack
