// Per-article limits: a hostile or broken export must cost a warning, not the page (issue 12).
// Each limit is documented, with its warning or skip reason, in docs/bundle.md ("Limits").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace encart {

// Distinct tags and authors kept per article, in input order; the rest are dropped with one
// warning naming the article and how many were dropped. A sidebar shows a handful; 64 tags
// and 16 authors are far above any real article and keep related-article features small.
inline constexpr std::size_t kMaxTagsPerArticle = 64;
inline constexpr std::size_t kMaxAuthorsPerArticle = 16;
// An editor's related ids kept per article (a sidebar shows at most 20), and the links of a body
// that related articles read (more are not a sign of related stories, but of a link page).
inline constexpr std::size_t kMaxRelatedPerArticle = 20;
inline constexpr std::size_t kMaxLinksPerArticle = 200;

// A skipped article's link, as quoted in its report (a report names the post, not a page).
inline constexpr std::size_t kReportedUrlBytes = 200;

// What happens to a string field longer than its limit.
enum class OverLimit {
  kTruncate,  // text meant to be read: cut at a UTF-8 boundary, with a warning
  kSkip,      // an identity or a link: a cut one would be wrong, so the article is skipped
};

struct FieldLimit {
  std::string_view field;  // as named in reasons: "title", "image.alt", "tags[]"
  std::size_t max_bytes;   // UTF-8 bytes after trimming
  OverLimit over;
};

// Bytes, not characters: Arabic or accented text holds about half as many characters.
inline constexpr FieldLimit kFieldLimits[] = {
    {"id", 1024, OverLimit::kSkip},
    {"url", 8192, OverLimit::kSkip},
    {"image.url", 8192, OverLimit::kSkip},
    {"title", 1000, OverLimit::kTruncate},
    {"summary", 4096, OverLimit::kTruncate},
    {"text", 131072, OverLimit::kTruncate},
    {"category", 200, OverLimit::kTruncate},
    {"tags[]", 100, OverLimit::kTruncate},
    {"author", 200, OverLimit::kTruncate},
    {"authors[]", 200, OverLimit::kTruncate},
    {"image.alt", 1000, OverLimit::kTruncate},
    {"lang", 35, OverLimit::kTruncate},
};

// The limit for `field` (list items as "tags[]"); nullptr for fields without one (dates, which
// are parsed and refused when malformed).
const FieldLimit* field_limit(std::string_view field);

// Removes the C0 control characters (U+0000..U+001F) and U+007F from `s`, keeping tab, line
// feed and carriage return, which are whitespace in HTML and in the text index. Returns how
// many were removed. A NUL cuts C strings (the CLI's output once stopped inside an open <a>).
std::size_t remove_control_characters(std::string& s);

// Cuts `s` to at most `max_bytes` on a code point boundary. Returns whether it cut.
bool truncate_utf8(std::string& s, std::size_t max_bytes);

}  // namespace encart
