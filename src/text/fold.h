// Text normalisation for matching: case folding, accent removal and word splitting, so that
// "securite" finds "Sécurité", "ÉTÉ" finds "été" and "أمن" finds "أَمْن".
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace encart::text {

// Decodes one UTF-8 code point at `pos` and advances it. Invalid sequences yield U+FFFD and
// advance by one byte, so a bad byte can never stall a loop.
char32_t next_code_point(std::string_view s, std::size_t& pos);

// The last code point of `s` (0 when empty).
char32_t last_code_point(std::string_view s);

void append_utf8(std::string& out, char32_t cp);

// True for code points that belong to words (letters, digits, combining marks, format
// characters); everything else separates words.
bool is_word_char(char32_t cp);

// True for upper- and titlecase letters ("É", "A", "ǅ"); Arabic has no case.
bool is_upper(char32_t cp);

// Case-folded, accent-free form of the whole string; separators are kept as they are.
std::string fold(std::string_view s);

// The folded words of `s`, in order, duplicates kept. Elided French articles and pronouns
// ("l'", "d'", "qu'"...) and English clitics ("'s", "'t") are left out, so "l'économie" gives
// "economie" and "Morocco's" gives "morocco".
std::vector<std::string> words(std::string_view s);

// The same words, handed to `emit` one by one without allocating each (the view is valid only
// during the call): what the index uses on every article.
void for_each_word(std::string_view s, const std::function<void(std::string_view)>& emit);

// A word with what related articles need to spot proper names.
struct WordToken {
  std::string_view folded;      // as for_each_word gives it
  std::string_view original;    // as written ("Hammouchi", "l'économie" gives "économie")
  bool capitalised = false;     // its first letter is upper- or titlecase
  bool sentence_start = false;  // first word of the text, or after . ! ? … or a line break
  bool after_break = false;     // separated from the previous word by more than spaces and hyphens
};

// The words of for_each_word, with their original spelling and position flags.
void for_each_token(std::string_view s, const std::function<void(const WordToken&)>& emit);

// At most `max_bytes` of `s`, cut on a code point boundary: for quoting input in messages
// without producing invalid UTF-8. Appends "…" when something was cut.
std::string shorten(std::string_view s, std::size_t max_bytes);

// Number of code points (not bytes).
std::size_t length(std::string_view s);

}  // namespace encart::text
