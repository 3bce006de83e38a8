// libFuzzer target for HTML to text (text/html_text.h), what WordPress titles and excerpts and
// JSON Feed's content_html go through, and for the renderer's escaping of what comes out.
// Invariants: valid UTF-8 in gives valid UTF-8 out; white space collapsing is idempotent and
// html_to_text's result is already collapsed; escape_html leaves none of & < > " ' bare.
// The markup check is sound because it is differential: an article whose title, category and
// authors are the fuzzed text renders with exactly as many `<`, `>` and `"` as the same article
// with each of those fields replaced by "x" (the renderer's own markup is all there is).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bundle/article.h"
#include "fuzz_support.h"
#include "render/html.h"
#include "text/html_text.h"

namespace {

using encart::fuzz::check;
using encart::fuzz::count;

std::string placeholder(const std::string& s) { return s.empty() ? std::string() : std::string("x"); }

void check_rendering(const std::string& title, const std::string& category, const std::string& author,
                     bool utf8) {
  encart::Article a;
  a.id = "a-1";
  a.url = "https://fuzz.example/a-1";
  a.published_text = "2024-12-09T10:15:00+01:00";
  a.published.epoch_ms = 1'733'735'700'000;
  a.published.offset_minutes = 60;
  a.title = title;
  a.category = category;
  a.authors = {author, title};
  encart::Article plain = a;
  plain.title = placeholder(title);
  plain.category = placeholder(category);
  plain.authors = {placeholder(author), placeholder(title)};
  for (int language = 0; language < 3; ++language) {
    const encart::Locale locale{static_cast<encart::Language>(language), language == 2};
    const encart::Article* items[] = {&a};
    const encart::Article* plain_items[] = {&plain};
    const std::string html = encart::render_items(items, locale, {"a-1"});
    const std::string expected = encart::render_items(plain_items, locale, {"a-1"});
    for (const char c : {'<', '>', '"'}) {
      check(count(html, c) == count(expected, c), "a value added markup characters to the rendered item",
            html);
    }
    if (utf8) encart::fuzz::check_markup(html, "an item with the fuzzed title");
  }
}

}  // namespace

// Seeds: every string of the fixtures (titles, excerpts, content_html...).
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)encart::fuzz::write_seeds(encart::fuzz::fixture_strings());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html = encart::fuzz::as_text(data, size);
  const bool utf8 = encart::fuzz::valid_utf8(html);
  const std::string text = encart::text::html_to_text(html);
  const std::string excerpt = encart::text::excerpt_text(html);
  const std::string decoded = encart::text::decode_html_entities(html);
  const std::string collapsed = encart::text::collapse_white_space(html);
  if (utf8) {
    for (const std::string* s : {&text, &excerpt, &decoded, &collapsed}) {
      check(encart::fuzz::valid_utf8(*s), "valid UTF-8 in, invalid UTF-8 out", *s);
    }
  }
  check(encart::text::collapse_white_space(collapsed) == collapsed,
        "collapsing white space twice changed the text", collapsed);
  check(encart::text::collapse_white_space(text) == text, "html_to_text left white space uncollapsed", text);
  const std::string escaped = encart::escape_html(html);
  check(escaped.find_first_of("<>\"'") == std::string::npos, "escape_html left a markup character bare",
        escaped);
  check(count(escaped, '&') ==
            count(html, '&') + count(html, '<') + count(html, '>') + count(html, '"') + count(html, '\''),
        "escape_html wrote a character reference for something else", escaped);
  check_rendering(text, excerpt, decoded, utf8);
  return 0;
}
