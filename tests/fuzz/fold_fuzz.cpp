// libFuzzer target for text folding and word splitting (text/fold.h), which every title,
// query and facet value goes through. Invariants, for any bytes: folded text and words are
// valid UTF-8 (a bad byte becomes U+FFFD); folding twice is folding once; words are non-empty
// and the same whether collected or streamed, and the tokens' folded forms are those words,
// with their original spelling inside the input; shorten cuts on a code point boundary.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "text/fold.h"

namespace {

using encart::fuzz::check;
using encart::fuzz::valid_utf8;

void check_words(std::string_view s) {
  const std::vector<std::string> words = encart::text::words(s);
  std::vector<std::string> streamed, tokens;
  encart::text::for_each_word(s, [&](std::string_view w) { streamed.emplace_back(w); });
  check(streamed == words, "for_each_word and words disagree", s);
  encart::text::for_each_token(s, [&](const encart::text::WordToken& t) {
    tokens.emplace_back(t.folded);
    check(t.original.data() >= s.data() && t.original.data() + t.original.size() <= s.data() + s.size(),
          "a token's original spelling is not inside the text", s);
  });
  check(tokens == words, "for_each_token and words disagree", s);
  for (const std::string& w : words) {
    check(!w.empty(), "an empty word", s);
    check(valid_utf8(w), "a word that is not valid UTF-8", w);
  }
}

void check_shorten(std::string_view s, std::size_t max_bytes) {
  const std::string cut = encart::text::shorten(s, max_bytes);
  if (cut == s) return;
  const std::string_view ellipsis = "\xe2\x80\xa6";
  check(cut.size() >= ellipsis.size() &&
            cut.compare(cut.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0,
        "a shortened text without its mark", cut);
  const std::string_view kept = std::string_view(cut).substr(0, cut.size() - ellipsis.size());
  check(kept.size() <= max_bytes && s.substr(0, kept.size()) == kept,
        "shorten kept more than asked, or other text", cut);
  if (valid_utf8(s)) check(valid_utf8(cut), "shorten cut inside a code point", cut);
}

}  // namespace

// Seeds: every string of the fixtures (French, Arabic and English titles, names, tags).
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)encart::fuzz::write_seeds(encart::fuzz::fixture_strings());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s = encart::fuzz::as_text(data, size);
  const std::string folded = encart::text::fold(s);
  check(valid_utf8(folded), "folded text that is not valid UTF-8", folded);
  check(encart::text::fold(folded) == folded, "folding twice is not folding once", s);
  check_words(s);
  check_words(folded);
  check_shorten(s, size == 0 ? 0 : data[0] % 64);
  std::size_t code_points = 0;
  for (std::size_t pos = 0; pos < s.size(); ++code_points) (void)encart::text::next_code_point(s, pos);
  check(encart::text::length(s) == code_points, "length counts other code points than next_code_point", s);
  return 0;
}
