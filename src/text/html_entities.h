// HTML5 named character references, generated at build time (tools/gen_html_entities.py).
#pragma once

#include <cstddef>

namespace encart::text::detail {

struct HtmlEntity {
  const char* name;  // without "&" and ";", sorted ascending
  const char* utf8;  // what it stands for
};

extern const HtmlEntity kHtmlEntities[];
extern const std::size_t kHtmlEntityCount;

}  // namespace encart::text::detail
