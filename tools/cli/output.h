// How the command line writes what came from its input. Data is written with its length, never
// through printf("%s"), which stops at the first NUL (a U+0000 in a title once cut `encart
// render` inside an open <a href>); and what lands on a terminal (ids, reasons, warnings) has its
// control characters escaped, so that a bundle cannot move the cursor or recolour the screen.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace encart::cli {

// `text` with C0 controls, DEL and backslash written as \xNN and \\ (so an escape in the output
// always means one in the input): "a\x1b[31m" for a, ESC, "[31m".
inline std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\\') {
      out += "\\\\";
    } else if (c < 0x20 || c == 0x7F) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += ch;
    }
  }
  return out;
}

// All of `bytes`, NULs included.
inline void write_bytes(std::FILE* to, std::string_view bytes) {
  std::fwrite(bytes.data(), 1, bytes.size(), to);
}

// One line of text for a person: escaped, then a newline.
inline void write_line(std::FILE* to, std::string_view text) {
  write_bytes(to, escape_controls(text));
  std::fputc('\n', to);
}

}  // namespace encart::cli
