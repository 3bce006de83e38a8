#include "bundle/limits.h"

#include <algorithm>

namespace encart {

const FieldLimit* field_limit(std::string_view field) {
  for (const FieldLimit& limit : kFieldLimits) {
    if (limit.field == field) return &limit;
  }
  return nullptr;
}

std::size_t remove_control_characters(std::string& s) {
  const auto is_removed = [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
  };
  // Most fields hold none: look before rewriting.
  const auto first = std::find_if(s.begin(), s.end(), is_removed);
  if (first == s.end()) return 0;
  const auto kept_end = std::remove_if(first, s.end(), is_removed);
  const auto removed = static_cast<std::size_t>(s.end() - kept_end);
  s.erase(kept_end, s.end());
  return removed;
}

bool truncate_utf8(std::string& s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return false;
  std::size_t end = max_bytes;
  // Back up over continuation bytes (10xxxxxx) so that no code point is split.
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  s.resize(end);
  return true;
}

}  // namespace encart
