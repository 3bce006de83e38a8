#include "text/html_text.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <utility>

#include "text/fold.h"
#include "text/html_entities.h"

namespace encart::text {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Decodes the reference starting at s[pos] == '&' into `out`; returns the bytes consumed, or 0
// when it is not a reference (then the "&" is kept as text).
std::size_t decode_reference(std::string_view s, std::size_t pos, std::string& out) {
  // The longest reference name is 31 letters: look no further (a page of "&" stays linear).
  const std::size_t near = s.substr(pos + 1, 41).find(';');
  if (near == std::string_view::npos) return 0;
  const std::size_t semi = pos + 1 + near;
  const std::string_view body = s.substr(pos + 1, semi - pos - 1);
  if (body.empty()) return 0;
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return 0;
    std::uint32_t cp = 0;
    for (const char c : digits) {
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
    }
    // As browsers do: NUL, surrogates and values past Unicode become U+FFFD.
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    append_utf8(out, cp);
    return semi - pos + 1;
  }
  const auto* end = detail::kHtmlEntities + detail::kHtmlEntityCount;
  const auto* it =
      std::lower_bound(detail::kHtmlEntities, end, body,
                       [](const detail::HtmlEntity& e, std::string_view k) { return e.name < k; });
  if (it == end || it->name != body) return 0;
  out += it->utf8;
  return semi - pos + 1;
}

// Elements that end a run of text: a tag of theirs separates words. Inline ones (em, a, span)
// do not.
bool is_block_tag(std::string_view tag) {
  if (!tag.empty() && tag.front() == '/') tag.remove_prefix(1);
  std::string name;
  for (const char c : tag) {
    if (!std::isalnum(static_cast<unsigned char>(c))) break;
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  static constexpr std::string_view kBlocks[] = {
      "address", "article",    "aside",   "blockquote", "br", "dd",   "div", "dl",
      "dt",      "figcaption", "figure",  "footer",     "h1", "h2",   "h3",  "h4",
      "h5",      "h6",         "header",  "hr",         "li", "main", "nav", "ol",
      "p",       "pre",        "section", "table",      "td", "th",   "tr",  "ul"};
  return std::find(std::begin(kBlocks), std::end(kBlocks), name) != std::end(kBlocks);
}

bool starts_with_ci(std::string_view s, std::size_t pos, std::string_view word) {
  if (pos + word.size() > s.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = s[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  return true;
}

}  // namespace

std::string decode_html_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    if (s[pos] == '&') {
      if (const std::size_t used = decode_reference(s, pos, out); used > 0) {
        pos += used;
        continue;
      }
    }
    out += s[pos++];
  }
  return out;
}

std::string html_to_text(std::string_view s) {
  std::string text;  // tags removed, references still encoded
  text.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    if (s[pos] != '<') {
      text += s[pos++];
      continue;
    }
    if (s.substr(pos, 4) == "<!--") {
      const std::size_t close = s.find("-->", pos + 4);
      pos = close == std::string_view::npos ? s.size() : close + 3;
      continue;
    }
    // Not a tag ("a < b"): kept as text.
    if (pos + 1 >= s.size() || !(std::isalpha(static_cast<unsigned char>(s[pos + 1])) || s[pos + 1] == '/' ||
                                 s[pos + 1] == '!' || s[pos + 1] == '?')) {
      text += s[pos++];
      continue;
    }
    for (const std::string_view raw : {std::string_view("script"), std::string_view("style")}) {
      if (starts_with_ci(s, pos + 1, raw)) {
        const std::string closing = "</" + std::string(raw);
        std::size_t close = pos;
        while ((close = s.find("</", close + 1)) != std::string_view::npos &&
               !starts_with_ci(s, close, closing)) {
        }
        pos = close == std::string_view::npos ? s.size() : close;
        break;
      }
    }
    if (pos >= s.size()) break;
    // Skip the tag, quotes included (an attribute may hold ">").
    char quote = 0;
    std::size_t end = pos + 1;
    for (; end < s.size(); ++end) {
      if (quote != 0) {
        if (s[end] == quote) quote = 0;
      } else if (s[end] == '"' || s[end] == '\'') {
        quote = s[end];
      } else if (s[end] == '>') {
        break;
      }
    }
    // "<p>a</p><p>b</p>" reads "a b", not "ab"; "l'<em>été</em>" stays one word.
    if (is_block_tag(s.substr(pos + 1, end - pos - 1))) text += ' ';
    pos = end + 1;
  }
  return collapse_white_space(decode_html_entities(text));
}

std::string collapse_white_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (const char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string excerpt_text(std::string_view html) {
  std::string s = html_to_text(html);
  for (const std::string_view more : {"[…]", "[...]", "…"}) {
    if (s.ends_with(more)) {
      s.resize(s.size() - more.size());
      while (!s.empty() && s.back() == ' ') s.pop_back();
      if (!s.ends_with("…")) s += "…";
      break;
    }
  }
  return s;
}

namespace {

bool starts_with_nocase(std::string_view s, std::size_t pos, std::string_view prefix) {
  if (s.size() - pos < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[pos + i])) != prefix[i]) return false;
  }
  return true;
}

// The value of the href attribute whose "href" starts at `pos`, and where it ends; nullopt
// when "href" is not followed by "=" (a word of the text).
std::optional<std::pair<std::string_view, std::size_t>> href_value(std::string_view s, std::size_t pos) {
  std::size_t i = pos + 4;
  while (i < s.size() && is_space(s[i])) ++i;
  if (i == s.size() || s[i] != '=') return std::nullopt;
  ++i;
  while (i < s.size() && is_space(s[i])) ++i;
  if (i == s.size()) return std::nullopt;
  if (s[i] == '"' || s[i] == '\'') {
    const std::size_t end = s.find(s[i], i + 1);
    if (end == std::string_view::npos) return std::nullopt;
    return std::pair{s.substr(i + 1, end - i - 1), end + 1};
  }
  std::size_t end = i;
  while (end < s.size() && !is_space(s[end]) && s[end] != '>') ++end;
  return std::pair{s.substr(i, end - i), end};
}

// A bare URL runs to white space, a quote or an angle bracket; the punctuation of the
// sentence after it is not part of it.
std::size_t bare_url_end(std::string_view s, std::size_t pos) {
  std::size_t end = pos;
  while (end < s.size() && !is_space(s[end]) && s[end] != '"' && s[end] != '\'' && s[end] != '<' &&
         s[end] != '>') {
    ++end;
  }
  while (end > pos && std::strchr(".,;:!?)]}", s[end - 1]) != nullptr) --end;
  return end;
}

}  // namespace

constexpr std::string_view kLinkStarts[] = {"href", "http", "HREF", "HTTP"};

std::vector<std::string> find_links(std::string_view body, std::size_t max) {
  std::vector<std::string> out;
  const auto add = [&](std::string link) {
    if (!link.empty() && std::find(out.begin(), out.end(), link) == out.end()) out.push_back(std::move(link));
  };
  // Every body is read at every load, and plain text seldom holds a link: memchr-fast searches
  // rule that out first. (A body whose only links are written "Href" or "hTTp" is passed over.)
  const bool any = std::any_of(std::begin(kLinkStarts), std::end(kLinkStarts), [&](std::string_view start) {
    return body.find(start) != std::string_view::npos;
  });
  if (!any) return out;
  // Both start with an "h": the scan jumps from one to the next.
  for (std::size_t i = body.find_first_of("hH"); i < body.size() && out.size() < max;
       i = body.find_first_of("hH", i)) {
    if (starts_with_nocase(body, i, "href")) {
      if (const auto value = href_value(body, i)) {
        add(collapse_white_space(decode_html_entities(value->first)));
        i = value->second;
        continue;
      }
    }
    if (starts_with_nocase(body, i, "http://") || starts_with_nocase(body, i, "https://")) {
      const std::size_t end = bare_url_end(body, i);
      add(decode_html_entities(body.substr(i, end - i)));
      i = end;
      continue;
    }
    ++i;
  }
  return out;
}

}  // namespace encart::text
