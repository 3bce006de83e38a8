// View counts kept apart from the feed (a views.json file), merged into the loaded articles.
#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "bundle/feed_json.h"
#include "bundle/feeds.h"
#include "common/compact.h"
#include "text/fold.h"

ENCART_COMPACT_BEGIN

namespace encart {

using detail::parse_document;
using nlohmann::json;

namespace {

// A whole number of 0 or more (12.0 included); nullopt for anything else.
std::optional<std::int64_t> count(const json& v) {
  if (v.is_number_unsigned())
    return static_cast<std::int64_t>(std::min<std::uint64_t>(v.get<std::uint64_t>(), INT64_MAX));
  if (v.is_number_float() && v.get<double>() >= 0 && v.get<double>() <= 9007199254740992.0 &&
      v.get<double>() == static_cast<double>(static_cast<std::int64_t>(v.get<double>()))) {
    return static_cast<std::int64_t>(v.get<double>());
  }
  return std::nullopt;
}

// Each key of the views file to the first article whose id or address it is (its id first), or
// null. A map of the keys, not of every article's id and address: a file of a few thousand
// counts merged into 100,000 articles built 200,000 entries, most of the merge's time.
std::unordered_map<std::string_view, Article*> articles_by_key(Bundle& bundle, const json& views) {
  std::unordered_map<std::string_view, Article*> by_key;
  by_key.reserve(views.size());
  for (auto it = views.begin(); it != views.end(); ++it) by_key.emplace(it.key(), nullptr);
  for (Article& a : bundle.articles) {
    for (const std::string* field : {&a.id, &a.url}) {
      const auto it = by_key.find(*field);
      if (it != by_key.end() && it->second == nullptr) it->second = &a;
    }
  }
  return by_key;
}

}  // namespace

ENCART_COMPACT_ENTRY Result<std::size_t> merge_views(Bundle& bundle, std::string_view views_json,
                                                     std::vector<std::string>& warnings) {
  auto document = parse_document(views_json);
  if (!document) {
    Error e = document.error();
    e.message = "views: " + e.message;
    return e;
  }
  const json& views = document.value();
  if (!views.is_object()) {
    return Error{ErrorCode::kBadBundle, "views: expected a JSON object {\"<id or url>\": count}"};
  }
  const auto by_key = articles_by_key(bundle, views);
  // Counts of skipped articles are not the views file's fault: their skip is reported already.
  std::unordered_set<std::string_view> skipped;
  for (const SkippedArticle& s : bundle.skipped) {
    if (!s.id.empty()) skipped.insert(s.id);
    if (!s.url.empty()) skipped.insert(s.url);
  }
  std::size_t merged = 0, unmatched = 0;
  std::string first_unmatched;
  for (const auto& [key, value] : views.items()) {
    const auto it = by_key.find(key);
    if (it == by_key.end() || it->second == nullptr) {
      if (!skipped.contains(key) && unmatched++ == 0) first_unmatched = key;
      continue;
    }
    Article& a = *it->second;
    // Only for a warning: built for each of 100,000 counts, it was most of the merge's allocations.
    const std::string_view name = key;  // a structured binding: not captured by clang 14
    const auto where = [name] { return "views[\"" + text::shorten(name, 80) + "\"]"; };
    if (value.is_object()) {
      for (std::size_t w = 0; w < kViewWindowCount; ++w) {
        const auto field = value.find(kViewWindows[w].field);
        if (field == value.end() || field->is_null()) continue;
        if (const auto n = count(*field)) {
          a.views[w] = *n;
        } else {
          warnings.push_back(where() + "." + std::string(kViewWindows[w].field) +
                             ": expected a whole number of 0 or more (ignored)");
        }
      }
    } else if (const auto n = count(value)) {
      a.views[0] = *n;
    } else {
      warnings.push_back(where() + ": expected a count or an object of counts (ignored)");
      continue;
    }
    ++merged;
  }
  if (unmatched > 0) {
    warnings.push_back("views: " + std::to_string(unmatched) + " key(s) match no article, first \"" +
                       text::shorten(first_unmatched, 80) + "\"");
  }
  return merged;
}

ENCART_COMPACT_ENTRY void apply_views(Bundle& bundle, std::string_view views_json) {
  if (views_json.empty()) return;
  auto merged = merge_views(bundle, views_json, bundle.warnings);
  if (!merged) bundle.warnings.push_back(merged.error().message + " (no view counts merged)");
}

}  // namespace encart

ENCART_COMPACT_END
