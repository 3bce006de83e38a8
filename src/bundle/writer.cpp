#include "bundle/writer.h"

#include <nlohmann/json.hpp>

namespace encart {
namespace {

using nlohmann::ordered_json;

ordered_json article_json(const Article& a) {
  ordered_json j;
  j["id"] = a.id;
  j["url"] = a.url;
  j["title"] = a.title;
  j["published"] = a.published_text;
  if (!a.summary.empty()) j["summary"] = a.summary;
  if (!a.text.empty()) j["text"] = a.text;
  if (!a.category.empty()) j["category"] = a.category;
  if (!a.tags.empty()) j["tags"] = a.tags;
  if (!a.authors.empty()) j["authors"] = a.authors;
  static constexpr const char* kWindows[] = {"views", "views_24h", "views_7d", "views_30d"};
  for (std::size_t w = 0; w < kViewWindowCount; ++w) {
    if (a.views[w]) j[kWindows[w]] = *a.views[w];
  }
  if (a.image) {
    ordered_json image;
    image["url"] = a.image->url;
    if (!a.image->alt.empty()) image["alt"] = a.image->alt;
    if (a.image->width > 0) image["width"] = a.image->width;
    if (a.image->height > 0) image["height"] = a.image->height;
    j["image"] = image;
  }
  if (!a.lang.empty()) j["lang"] = a.lang;
  return j;
}

ordered_json site_json(const Site& s) {
  ordered_json site = ordered_json::object();
  if (!s.name.empty()) site["name"] = s.name;
  if (!s.url.empty()) site["url"] = s.url;
  if (!s.lang.empty()) site["lang"] = s.lang;
  return site;
}

// Only the settings the input gave: the defaults stay the engine's.
ordered_json related_json(const RelatedOverrides& r) {
  ordered_json related = ordered_json::object(), weights = ordered_json::object();
  const auto put = [](ordered_json& to, const char* key, const std::optional<double>& v) {
    if (v) to[key] = *v;
  };
  put(weights, "text", r.text);
  put(weights, "names", r.names);
  put(weights, "tags", r.tags);
  put(weights, "category", r.category);
  put(weights, "author", r.author);
  if (!weights.empty()) related["weights"] = weights;
  put(related, "min_score", r.min_score);
  put(related, "half_life_days", r.half_life_days);
  put(related, "limit", r.limit);
  if (r.repeats) related["repeats"] = *r.repeats;
  return related;
}

}  // namespace

std::string write_bundle(const Bundle& bundle) {
  ordered_json out;
  out["version"] = 1;
  out["site"] = site_json(bundle.site);
  // The related settings travel with the articles (a JSON Feed's _encart.related included).
  ordered_json related = related_json(bundle.related);
  if (!related.empty()) out["related"] = std::move(related);
  out["articles"] = ordered_json::array();
  for (const auto& article : bundle.articles) out["articles"].push_back(article_json(article));
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + '\n';
}

}  // namespace encart
