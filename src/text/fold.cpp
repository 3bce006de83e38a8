#include "text/fold.h"

#include <algorithm>
#include <array>
#include <functional>

#include "text/unicode_tables.h"

namespace encart::text {

char32_t next_code_point(std::string_view s, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  int extra = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    extra = 1, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++pos;
    return 0xFFFD;
  }
  if (pos + extra >= s.size()) {  // truncated sequence at the end
    ++pos;
    return 0xFFFD;
  }
  for (int i = 1; i <= extra; ++i) {
    const unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return 0xFFFD;
  }
  pos += extra + 1;
  return cp;
}

char32_t last_code_point(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t pos = s.size() - 1;
  // Step back over continuation bytes (at most three) to the lead byte.
  while (pos > 0 && s.size() - pos < 4 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  const char32_t cp = next_code_point(s, pos);
  // The sequence must reach the end; if not, the last byte is a stray continuation byte,
  // which a forward scan also reads as U+FFFD.
  return pos == s.size() ? cp : 0xFFFD;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_word_char(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  const auto* end = detail::kWordRanges + detail::kWordRangeCount;
  const auto* it = std::upper_bound(detail::kWordRanges, end, cp,
                                    [](char32_t c, const detail::CodeRange& r) { return c < r.first; });
  return it != detail::kWordRanges && cp <= (it - 1)->last;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  const auto* end = detail::kUpperRanges + detail::kUpperRangeCount;
  const auto* it = std::upper_bound(detail::kUpperRanges, end, cp,
                                    [](char32_t c, const detail::CodeRange& r) { return c < r.first; });
  return it != detail::kUpperRanges && cp <= (it - 1)->last;
}

namespace {

void append_folded(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
    return;
  }
  if (cp <= 0xFFFF) {
    const auto* end = detail::kFoldEntries + detail::kFoldEntryCount;
    const auto* it =
        std::lower_bound(detail::kFoldEntries, end, cp,
                         [](const detail::FoldEntry& e, char32_t c) { return e.code_point < c; });
    if (it != end && it->code_point == cp) {
      out.append(detail::kFoldPool + it->offset, it->length);
      return;
    }
  }
  append_utf8(out, cp);
}

}  // namespace

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) append_folded(out, next_code_point(s, pos));
  return out;
}

namespace {

bool is_apostrophe(char32_t cp) {
  return cp == U'\'' || cp == U'\u2018' || cp == U'\u2019' || cp == U'\u02BC';
}

// English clitics after an apostrophe: "Morocco's", "don't", "they're", "I'd"...
bool is_clitic(std::string_view w) {
  return w == "s" || w == "t" || w == "re" || w == "ve" || w == "ll" || w == "m" || w == "d";
}

// French elided words, folded: "l'économie" is about "économie", "qu'il" about "il".
constexpr std::string_view kElisions[] = {"c", "d",      "j",  "jusqu",  "l", "lorsqu", "m",
                                          "n", "puisqu", "qu", "quoiqu", "s", "t"};

bool is_elision(std::string_view w) {
  return std::find(std::begin(kElisions), std::end(kElisions), w) != std::end(kElisions);
}

}  // namespace

namespace {

// ASCII bytes as words see them: the folded letter or digit, or 0 for a separator. Most of a
// French or English text is ASCII, and this table spares it the decoder and the range search.
constexpr std::array<char, 128> kAsciiWordFold = [] {
  std::array<char, 128> t{};
  for (unsigned char c = '0'; c <= '9'; ++c) t[c] = static_cast<char>(c);
  for (unsigned char c = 'a'; c <= 'z'; ++c) t[c] = static_cast<char>(c);
  for (unsigned char c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<char>(c - 'A' + 'a');
  return t;
}();

}  // namespace

namespace {

// The one word splitter: `word(folded, begin, end)` for each word kept (bytes [begin, end) of
// `s`), `separator(cp, apostrophe)` after each separating code point. Elided French articles
// and English clitics are left out here, for every caller.
template <typename Word, typename Separator>
void scan_words(std::string_view s, Word&& word, Separator&& separator) {
  std::string current;
  std::size_t start = 0;          // byte where the current word starts
  bool after_apostrophe = false;  // the current word started right after an apostrophe
  const auto finish = [&](std::size_t end, bool apostrophe_follows) {
    if (current.empty()) return;
    // "l'" before a word is dropped; so are the English clitics of "Morocco's", "don't".
    // Also when nothing follows yet: a reader who has typed "l'" is about to type the word.
    const bool elided = apostrophe_follows && is_elision(current);
    const bool clitic = after_apostrophe && is_clitic(current);
    if (!elided && !clitic) word(std::string_view(current), start, end);
    current.clear();
  };
  for (std::size_t pos = 0; pos < s.size();) {
    // A run of ASCII letters and digits is folded in one go.
    std::size_t end = pos;
    while (end < s.size() && static_cast<unsigned char>(s[end]) < 0x80 &&
           kAsciiWordFold[static_cast<unsigned char>(s[end])] != 0) {
      ++end;
    }
    if (end > pos) {
      if (current.empty()) start = pos;
      const std::size_t old_size = current.size();
      current.resize(old_size + (end - pos));
      for (std::size_t i = pos; i < end; ++i) {
        current[old_size + (i - pos)] = kAsciiWordFold[static_cast<unsigned char>(s[i])];
      }
      pos = end;
      continue;
    }
    const std::size_t at = pos;
    const char32_t cp = next_code_point(s, pos);
    if (is_word_char(cp)) {
      if (current.empty()) start = at;
      append_folded(current, cp);
      continue;
    }
    const bool apostrophe = is_apostrophe(cp);
    std::size_t next = pos;
    const bool word_follows = next < s.size() && is_word_char(next_code_point(s, next));
    finish(at, apostrophe);
    after_apostrophe = apostrophe && word_follows;
    separator(cp, apostrophe);
  }
  finish(s.size(), false);
}

}  // namespace

void for_each_word(std::string_view s, const std::function<void(std::string_view)>& emit) {
  scan_words(
      s, [&](std::string_view folded, std::size_t, std::size_t) { emit(folded); }, [](char32_t, bool) {});
}

void for_each_token(std::string_view s, const std::function<void(const WordToken&)>& emit) {
  bool sentence_start = true;  // flags for the next word emitted
  bool after_break = true;
  scan_words(
      s,
      [&](std::string_view folded, std::size_t begin, std::size_t end) {
        const std::string_view original = s.substr(begin, end - begin);
        std::size_t pos = 0;
        emit(WordToken{folded, original, is_upper(next_code_point(original, pos)), sentence_start,
                       after_break});
        sentence_start = false;
        after_break = false;
      },
      [&](char32_t cp, bool apostrophe) {
        if (cp == U'.' || cp == U'!' || cp == U'?' || cp == U'\u2026' || cp == U'\n' || cp == U'\r') {
          sentence_start = true;
        }
        const bool joins =
            cp == U' ' || cp == U'\u00A0' || cp == U'\u202F' || cp == U'-' || cp == U'\u2011' || apostrophe;
        if (!joins) after_break = true;
      });
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  for_each_word(s, [&](std::string_view w) { out.emplace_back(w); });
  return out;
}

std::string shorten(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return std::string(s.substr(0, end)) + "…";
}

std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < s.size(); ++n) next_code_point(s, pos);
  return n;
}

}  // namespace encart::text
