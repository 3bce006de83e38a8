// What editors already say about related articles (issue 13): an explicit list of related ids,
// and the links in an article's body to other articles of the bundle.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "index/index.h"

namespace encart {

// Per article, a list of articles (offsets delimit each article's part of `targets`).
struct ArticleLists {
  std::vector<std::uint32_t> offsets{0};
  std::vector<ArticleId> targets;
  std::span<const ArticleId> of(ArticleId a) const {
    if (a + 1 >= offsets.size()) return {};
    return {targets.data() + offsets[a], offsets[a + 1] - offsets[a]};
  }
};

// Each article's `related` ids as articles, in the editor's order, each once, never itself.
// An id that is not an article of the bundle (unknown, or skipped at load) is dropped with a
// warning naming the article and the index: `articles "a12": related[1]: "zz" is not an article
// of the bundle, ignored`.
ArticleLists resolve_related_ids(const Index& index, std::vector<std::string>& warnings);

// Each article's `links` that lead to another article of the bundle, each once. Relative links
// are resolved against the article's URL; URLs match as normalized_url() makes them.
ArticleLists resolve_links(const Index& index);

// A URL as links to one page are written in many ways: no scheme, host in lowercase without
// "www.", no fragment, no trailing slash ("https://www.Site.example/a/#x" -> "site.example/a").
// The query stays: "?p=12" names a WordPress post.
std::string normalized_url(std::string_view url);

}  // namespace encart
