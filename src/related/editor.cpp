#include "related/editor.h"

#include <algorithm>
#include <unordered_map>

#include "bundle/url.h"

namespace encart {

std::string normalized_url(std::string_view url) {
  if (const std::size_t hash = url.find('#'); hash != std::string_view::npos) url = url.substr(0, hash);
  if (const std::size_t scheme = url.find("://"); scheme != std::string_view::npos)
    url.remove_prefix(scheme + 3);
  const std::size_t host_end = std::min(url.find_first_of("/?"), url.size());
  std::string out(url.substr(0, host_end));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  if (out.starts_with("www.")) out.erase(0, 4);
  std::string_view rest = url.substr(host_end);
  const std::size_t query = std::min(rest.find('?'), rest.size());
  std::string_view path = rest.substr(0, query);
  while (path.ends_with('/')) path.remove_suffix(1);
  out += path;
  out += rest.substr(query);
  return out;
}

ArticleLists resolve_related_ids(const Index& index, std::vector<std::string>& warnings) {
  ArticleLists out;
  out.offsets.reserve(index.size() + 1);
  for (ArticleId a = 0; a < index.size(); ++a) {
    const Article& article = index.articles()[a];
    const std::size_t first = out.targets.size();
    for (std::size_t i = 0; i < article.related.size(); ++i) {
      const std::int64_t found = index.find(article.related[i]);
      if (found < 0) {
        warnings.push_back("article \"" + article.id + "\": related[" + std::to_string(i) + "]: \"" +
                           article.related[i] + "\" is not an article of the bundle, ignored");
        continue;
      }
      const auto target = static_cast<ArticleId>(found);
      const auto mine = out.targets.begin() + static_cast<std::ptrdiff_t>(first);
      if (target != a && std::find(mine, out.targets.end(), target) == out.targets.end()) {
        out.targets.push_back(target);
      }
    }
    out.offsets.push_back(static_cast<std::uint32_t>(out.targets.size()));
  }
  return out;
}

ArticleLists resolve_links(const Index& index) {
  ArticleLists out;
  out.offsets.reserve(index.size() + 1);
  std::unordered_map<std::string, ArticleId> by_url;
  bool any = false;
  for (const Article& article : index.articles()) any = any || !article.links.empty();
  if (!any) {  // most bundles: no map of 100,000 URLs for nothing
    out.offsets.assign(index.size() + 1, 0);
    return out;
  }
  // Two articles with one URL: the first (the newest) is the one linked.
  for (ArticleId a = 0; a < index.size(); ++a) by_url.emplace(normalized_url(index.articles()[a].url), a);
  for (ArticleId a = 0; a < index.size(); ++a) {
    const Article& article = index.articles()[a];
    const std::size_t first = out.targets.size();
    for (const std::string& link : article.links) {
      const auto absolute = resolve_http_url(link, article.url);
      if (!absolute) continue;
      const auto it = by_url.find(normalized_url(*absolute));
      if (it == by_url.end() || it->second == a) continue;
      const auto mine = out.targets.begin() + static_cast<std::ptrdiff_t>(first);
      if (std::find(mine, out.targets.end(), it->second) == out.targets.end())
        out.targets.push_back(it->second);
    }
    out.offsets.push_back(static_cast<std::uint32_t>(out.targets.size()));
  }
  return out;
}

}  // namespace encart
