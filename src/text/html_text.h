// Plain text out of the HTML fragments feeds carry (WordPress titles and excerpts, JSON Feed's
// content_html): tags removed, character references decoded, white space collapsed. The result
// is text, never markup: the renderer escapes it again like any other field.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace encart::text {

// "<p>L&rsquo;&eacute;t&eacute; [&hellip;]</p>" gives "L’été […]". Contents of <script>,
// <style> and comments are dropped; block ends (</p>, <br>) become spaces.
std::string html_to_text(std::string_view html);

// The text of an excerpt: html_to_text, then the mark of a cut ("[…]", "[...]", as WordPress
// ends automatic excerpts, or "…") becomes one "…" right after the last word.
std::string excerpt_text(std::string_view html);

// Runs of ASCII white space as one space, trimmed; U+00A0 stays (French « » keep theirs).
std::string collapse_white_space(std::string_view text);

// Character references alone: "&laquo;&nbsp;Oui&nbsp;&raquo;" gives "« Oui »" (with U+00A0).
// Unknown or malformed references are kept as written.
std::string decode_html_entities(std::string_view text);

// The links of a body, HTML or plain text, in order, each once, at most `max`: the values of
// href attributes (character references decoded) and bare http(s) URLs written in the text
// ("voir https://site.example/a." gives "https://site.example/a"). Related articles read them:
// an editor who links an earlier story says the two are related.
std::vector<std::string> find_links(std::string_view body, std::size_t max);

}  // namespace encart::text
