// Tiny helpers shared by the unit tests: build bundle JSON from a few article snippets, load it
// into an Index, and read ids back from list results.
#pragma once

#include <cstdint>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "bundle/datetime.h"
#include "bundle/parser.h"
#include "common/result.h"
#include "index/index.h"
#include "query/filter.h"
#include "rank/lists.h"

namespace encart {
// Error codes print by their stable name in assertion messages.
inline void PrintTo(ErrorCode code, std::ostream* os) { *os << error_code_name(code); }
}  // namespace encart

namespace encart::test {

// A JSON string literal (quotes included) for `s`, escaping what JSON requires.
inline std::string js(std::string_view s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

// A JSON array of strings.
inline std::string js_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + js(items[i]);
  return out + "]";
}

// Article members as key -> raw JSON value. A value equal to kOmit removes a default member.
using Fields = std::vector<std::pair<std::string, std::string>>;
inline const std::string kOmit = "\x01omit";

inline constexpr const char* kDefaultPublished = "2024-12-09T10:00:00+01:00";

// A valid article: id, url, title and published are filled in unless `fields` overrides or
// omits them; other members of `fields` are appended in order.
inline std::string article(std::string_view id, const Fields& fields = {}) {
  Fields members = {{"id", js(id)},
                    {"url", js("https://example.org/articles/" + std::string(id))},
                    {"title", js("Article " + std::string(id))},
                    {"published", js(kDefaultPublished)}};
  for (const auto& [key, value] : fields) {
    bool replaced = false;
    for (auto& member : members) {
      if (member.first == key) {
        member.second = value;
        replaced = true;
      }
    }
    if (!replaced) members.emplace_back(key, value);
  }
  std::string out = "{";
  bool first = true;
  for (const auto& [key, value] : members) {
    if (value == kOmit) continue;
    out += (first ? "" : ",") + js(key) + ":" + value;
    first = false;
  }
  return out + "}";
}

// {"version":1, <top>, "articles":[...]}; `top` is raw JSON members (no surrounding commas).
inline std::string bundle(const std::vector<std::string>& articles, std::string_view top = "") {
  std::string out = "{\"version\":1,";
  if (!top.empty()) out += std::string(top) + ",";
  out += "\"articles\":[";
  for (std::size_t i = 0; i < articles.size(); ++i) out += (i ? "," : "") + articles[i];
  return out + "]}";
}

// Epoch milliseconds of an ISO 8601 instant (offset optional: UTC).
inline std::int64_t ms(std::string_view iso) {
  const auto t = parse_iso8601(iso, OffsetRule::kOptional);
  EXPECT_TRUE(t.has_value()) << iso;
  return t ? t->epoch_ms : 0;
}

// The "now" most tests run at: a day after the default publication date.
inline const std::int64_t kNow = 1733832000000;  // 2024-12-10T12:00:00Z

inline Bundle parse_ok(std::string_view json, const ParseOptions& options = {}) {
  auto result = parse_bundle(json, options);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? std::move(result).value() : Bundle{};
}

inline Index index_of(std::string_view json) {
  Bundle b = parse_ok(json);
  EXPECT_EQ(b.skipped_total, 0u) << (b.skipped.empty() ? "" : b.skipped.front().reason());
  return Index(std::move(b.articles));
}

inline Visibility all_visible(const Index& index) { return Visibility(index.articles().size(), true); }

inline Visibility visible_at(const Index& index, std::int64_t now_ms) {
  Visibility v(index.articles().size());
  for (std::size_t a = 0; a < v.size(); ++a) v[a] = index.articles()[a].published.epoch_ms <= now_ms;
  return v;
}

inline CompiledFilter compile(const Index& index, const Filter& filter = {}) {
  auto compiled = CompiledFilter::compile(filter, index);
  EXPECT_TRUE(compiled.ok()) << (compiled.ok() ? "" : compiled.error().message);
  return compiled.ok() ? std::move(compiled).value() : CompiledFilter::compile({}, index).value();
}

inline ArticleId id_of(const Index& index, std::string_view id) {
  const auto a = index.find(id);
  EXPECT_GE(a, 0) << id;
  return static_cast<ArticleId>(a < 0 ? 0 : a);
}

inline std::vector<std::string> ids(const Index& index, const std::vector<ArticleId>& items) {
  std::vector<std::string> out;
  for (const ArticleId a : items) out.push_back(index.articles()[a].id);
  return out;
}

// Ids of every visible article the filter keeps, in latest order.
inline std::vector<std::string> matching(const Index& index, const Filter& filter) {
  const auto compiled = compile(index, filter);
  return ids(index, latest(index, compiled, all_visible(index), {kMaxListLimit, {}}));
}

inline std::string read_fixture(std::string_view name) {
  std::ifstream in(std::string(ENCART_FIXTURES_DIR) + "/" + std::string(name), std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Strict UTF-8 check (no overlongs, no surrogates, nothing above U+10FFFF, nothing cut short).
inline bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    int extra = 0;
    std::uint32_t cp = 0;
    if (b0 < 0x80) {
      ++i;
      continue;
    } else if ((b0 & 0xE0) == 0xC0) {
      extra = 1, cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
      extra = 2, cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
      extra = 3, cp = b0 & 0x07;
    } else {
      return false;
    }
    if (i + extra >= s.size()) return false;  // cut short at the end
    for (int k = 1; k <= extra; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (b & 0x3F);
    }
    static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

inline bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace encart::test
