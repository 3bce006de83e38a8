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

// Case-folded, accent-free form of the whole string; separators are kept as they are.
std::string fold(std::string_view s);

// The folded words of `s`, in order, duplicates kept. Elided French articles and pronouns
// ("l'", "d'", "qu'"...) and English clitics ("'s", "'t") are left out, so "l'économie" gives
// "economie" and "Morocco's" gives "morocco".
std::vector<std::string> words(std::string_view s);

// The same words, handed to `emit` one by one without allocating each (the view is valid only
// during the call): what the index uses on every article.
void for_each_word(std::string_view s, const std::function<void(std::string_view)>& emit);

// At most `max_bytes` of `s`, cut on a code point boundary: for quoting input in messages
// without producing invalid UTF-8. Appends "…" when something was cut.
std::string shorten(std::string_view s, std::size_t max_bytes);

// Number of code points (not bytes).
std::size_t length(std::string_view s);

}  // namespace encart::text
