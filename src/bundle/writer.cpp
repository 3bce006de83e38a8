#include "bundle/writer.h"

#include <cmath>
#include <cstdint>
#include <string>

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
  for (std::size_t w = 0; w < kViewWindowCount; ++w) {
    if (a.views[w]) j[kViewWindows[w].field] = *a.views[w];
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
  if (!a.accessible_for_free) j["isAccessibleForFree"] = false;
  if (a.expires) j["expires"] = a.expires_text;
  return j;
}

ordered_json site_json(const Site& s) {
  ordered_json site = ordered_json::object();
  if (!s.name.empty()) site["name"] = s.name;
  if (!s.url.empty()) site["url"] = s.url;
  if (!s.lang.empty()) site["lang"] = s.lang;
  return site;
}

// Only the settings given: the defaults stay the engine's. Every setting of the table in
// common/vocabulary.json, flags as true/false and whole counts as integers ("limit": 5).
ordered_json related_json(const RelatedOverrides& o) {
  ordered_json out = ordered_json::object();
  for (const RelatedSettingSpec& spec : kRelatedSettings) {
    const std::optional<double>& v = o.*spec.override_value;
    if (!v) continue;
    ordered_json& to = spec.group.empty() ? out : out[std::string(spec.group)];
    const std::string name(spec.name);
    if (spec.kind == SettingKind::kFlag) {
      to[name] = *v != 0;
    } else if (spec.kind == SettingKind::kCount && *v == std::floor(*v) && std::abs(*v) < 1e15) {
      to[name] = static_cast<std::int64_t>(*v);
    } else {
      to[name] = *v;
    }
  }
  return out;
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

std::string write_related(const RelatedOverrides& overrides) {
  return related_json(overrides).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string write_related(const RelatedSettings& settings) {
  RelatedOverrides all;
  for (const RelatedSettingSpec& spec : kRelatedSettings) all.*spec.override_value = spec.get(settings);
  return write_related(all);
}

}  // namespace encart
