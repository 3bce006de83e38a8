// Tables generated at build time by tools/gen_unicode_tables.py from the Unicode Character
// Database (Debian's unicode-data package). Only text/fold.cpp reads them.
#pragma once

#include <cstddef>
#include <cstdint>

namespace encart::text::detail {

struct FoldEntry {
  std::uint16_t code_point;  // BMP only, sorted ascending
  std::uint16_t offset;      // into kFoldPool
  std::uint8_t length;       // bytes of UTF-8; 0 means the code point folds to nothing
};

struct CodeRange {
  std::uint32_t first;
  std::uint32_t last;  // inclusive
};

extern const FoldEntry kFoldEntries[];
extern const std::size_t kFoldEntryCount;
extern const char kFoldPool[];
extern const CodeRange kWordRanges[];
extern const std::size_t kWordRangeCount;
extern const CodeRange kUpperRanges[];  // general categories Lu and Lt
extern const std::size_t kUpperRangeCount;

}  // namespace encart::text::detail
