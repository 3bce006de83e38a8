#include "bundle/feeds.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/fold.h"
#include "text/html_text.h"

namespace encart {
namespace {

using nlohmann::json;

constexpr std::string_view kJsonFeedVersion = "https://jsonfeed.org/version/";

// Parses the whole document (feeds are small: a WordPress page holds at most 100 posts),
// reporting a syntax error with its line and column like a bundle.
// Feeds nest a few levels; a document nesting deeper than kMaxDepth is refused while it is read,
// so that nothing later (copies, dump) recurses over a hostile depth.
constexpr std::size_t kMaxDepth = 64;

class ErrorCapture : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  explicit ErrorCapture(json& root) : json_sax_dom_parser(root, false) {}
  bool start_object(std::size_t n) { return deeper() && json_sax_dom_parser::start_object(n); }
  bool start_array(std::size_t n) { return deeper() && json_sax_dom_parser::start_array(n); }
  bool end_object() {
    --depth_;
    return json_sax_dom_parser::end_object();
  }
  bool end_array() {
    --depth_;
    return json_sax_dom_parser::end_array();
  }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& /*e*/) {
    error = std::pair{position, last_token};
    return false;
  }
  std::optional<std::pair<std::size_t, std::string>> error;
  bool too_deep = false;

 private:
  bool deeper() {
    if (++depth_ <= kMaxDepth) return true;
    too_deep = true;
    return false;
  }
  std::size_t depth_ = 0;
};

Result<json> parse_document(std::string_view text) {
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return json_syntax_error(text, nul + 1, std::string(1, '\0'));
  }
  json root;
  ErrorCapture sax(root);
  const bool ok = json::sax_parse(text.begin(), text.end(), &sax);
  if (sax.too_deep) {
    return Error{ErrorCode::kBadBundle,
                 "values nest deeper than " + std::to_string(kMaxDepth) + " levels: this is not a feed"};
  }
  if (!ok || sax.error) {
    const auto [position, token] = sax.error.value_or(std::pair{text.size() + 1, std::string()});
    return json_syntax_error(text, position, token);
  }
  return root;
}

const json* member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string string_of(const json* v) {
  if (v == nullptr) return {};
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number_integer() || v->is_number_unsigned()) return v->dump();  // numeric ids
  return {};
}

// Copies `from[key]` to `to[as]` when present (any type: the bundle reader reports bad ones).
void copy(const json& from, std::string_view key, json& to, std::string_view as) {
  if (const json* v = member(from, key)) to[std::string(as)] = *v;
}

// The first `max` characters of plain text, for a title or summary a feed item lacks.
std::string excerpt(const std::string& text, std::size_t max_bytes) { return text::shorten(text, max_bytes); }

// JSON Feed 1.1 (jsonfeed.org/version/1.1), with 1.0's "author" accepted.
json map_json_feed_item(const json& item, const json& feed) {
  if (!item.is_object()) return item;  // the bundle reader says "expected an object"
  json a = json::object();
  a["id"] = string_of(member(item, "id"));
  copy(item, "url", a, "url");
  std::string body;
  if (const json* t = member(item, "content_text"); t != nullptr && t->is_string()) {
    body = t->get<std::string>();
  } else if (const json* h = member(item, "content_html"); h != nullptr && h->is_string()) {
    body = text::html_to_text(h->get<std::string>());
  }
  if (const json* title = member(item, "title")) {
    a["title"] = *title;
  } else if (!body.empty()) {
    a["title"] = excerpt(body, 100);  // a title-less (microblog) item
  }
  copy(item, "date_published", a, "published");
  copy(item, "date_modified", a, "updated");
  if (const json* summary = member(item, "summary")) {
    a["summary"] = *summary;
  } else if (!body.empty()) {
    a["summary"] = excerpt(body, 300);
  }
  if (!body.empty()) a["text"] = body;
  if (const json* image = member(item, "image"); image != nullptr && image->is_string()) {
    a["image"] = json{{"url", *image}};
  } else if (const json* banner = member(item, "banner_image"); banner != nullptr && banner->is_string()) {
    a["image"] = json{{"url", *banner}};
  }
  copy(item, "tags", a, "tags");
  json authors = json::array();
  const auto add_authors = [&](const json& from) {
    if (const json* list = member(from, "authors"); list != nullptr && list->is_array()) {
      for (const json& au : *list) {
        if (const std::string name = string_of(member(au, "name")); !name.empty()) authors.push_back(name);
      }
    } else if (const json* au = member(from, "author")) {
      if (const std::string name = string_of(member(*au, "name")); !name.empty()) authors.push_back(name);
    }
  };
  add_authors(item);
  // The feed's authors are every item's by default; copied into each item, so only a short
  // list is (a long one would multiply the feed's size by its number of items).
  if (authors.empty()) {
    add_authors(feed);
    if (authors.dump().size() > 512) authors = json::array();
  }
  if (!authors.empty()) a["authors"] = authors;
  if (const json* lang = member(item, "language")) {
    a["lang"] = *lang;
  } else if (const json* feed_lang = member(feed, "language")) {
    a["lang"] = *feed_lang;
  }
  if (const json* ext = member(item, "_encart"); ext != nullptr && ext->is_object()) {
    copy(*ext, "category", a, "category");
    for (const ViewWindowName& w : kViewWindows) copy(*ext, w.field, a, w.field);
  }
  return a;
}

json map_json_feed(const json& feed) {
  json bundle = json::object();
  bundle["version"] = 1;
  json site = json::object();
  if (const json* title = member(feed, "title"); title != nullptr && title->is_string())
    site["name"] = *title;
  if (const json* home = member(feed, "home_page_url"); home != nullptr && home->is_string())
    site["url"] = *home;
  if (const json* lang = member(feed, "language"); lang != nullptr && lang->is_string()) site["lang"] = *lang;
  bundle["site"] = site;
  if (const json* ext = member(feed, "_encart")) copy(*ext, "related", bundle, "related");
  json articles = json::array();
  if (const json* items = member(feed, "items"); items != nullptr && items->is_array()) {
    for (const json& item : *items) articles.push_back(map_json_feed_item(item, feed));
  } else if (const json* not_array = member(feed, "items")) {
    bundle["articles"] = *not_array;  // reported as "articles must be an array", renamed below
    return bundle;
  }
  bundle["articles"] = std::move(articles);
  return bundle;
}

// "title": {"rendered": "L&rsquo;&eacute;t&eacute;"} -> "L’été".
std::string rendered_html(const json& post, std::string_view key) {
  const json* field = member(post, key);
  if (field == nullptr) return {};
  const json* html = field->is_object() ? member(*field, "rendered") : field;
  return html != nullptr && html->is_string() ? html->get<std::string>() : std::string();
}

std::string rendered(const json& post, std::string_view key) {
  return text::html_to_text(rendered_html(post, key));
}

// WordPress REST API (/wp-json/wp/v2/posts?_embed): taxonomy terms, author and featured image
// come from "_embedded"; dates from the *_gmt fields, which are UTC without an offset.
json map_wordpress_post(const json& post) {
  if (!post.is_object()) return post;
  json a = json::object();
  a["id"] = string_of(member(post, "id"));
  copy(post, "link", a, "url");
  if (const std::string title = rendered(post, "title"); !title.empty()) a["title"] = title;
  for (const auto& [field, as] : {std::pair{"date_gmt", "published"}, std::pair{"modified_gmt", "updated"}}) {
    if (const json* date = member(post, field)) {
      // "2024-12-09T09:15:00" is UTC: say so, or the bundle reader refuses a date without offset.
      a[as] = date->is_string() && date->get<std::string>().size() == 19
                  ? json(date->get<std::string>() + "Z")
                  : *date;
    }
  }
  // WordPress ends automatic excerpts with " […]": excerpt_text makes it "…".
  const std::string summary = text::excerpt_text(rendered_html(post, "excerpt"));
  if (!summary.empty()) a["summary"] = summary;
  if (const std::string body = rendered(post, "content"); !body.empty()) a["text"] = body;
  const json* embedded = member(post, "_embedded");
  if (embedded != nullptr) {
    if (const json* authors = member(*embedded, "author"); authors != nullptr && authors->is_array()) {
      json names = json::array();
      for (const json& au : *authors) {
        if (const std::string name = text::decode_html_entities(string_of(member(au, "name")));
            !name.empty()) {
          names.push_back(name);
        }
      }
      if (!names.empty()) a["authors"] = names;
    }
    if (const json* terms = member(*embedded, "wp:term"); terms != nullptr && terms->is_array()) {
      json tags = json::array();
      for (const json& taxonomy : *terms) {
        if (!taxonomy.is_array()) continue;
        for (const json& term : taxonomy) {
          const std::string kind = string_of(member(term, "taxonomy"));
          const std::string name = text::decode_html_entities(string_of(member(term, "name")));
          if (name.empty()) continue;
          if (kind == "category" && !a.contains("category")) a["category"] = name;
          if (kind == "post_tag") tags.push_back(name);
        }
      }
      if (!tags.empty()) a["tags"] = tags;
    }
    if (const json* media = member(*embedded, "wp:featuredmedia");
        media != nullptr && media->is_array() && !media->empty()) {
      const json& m = (*media)[0];
      if (const std::string url = string_of(member(m, "source_url")); !url.empty()) {
        json image = json{{"url", url}};
        if (const std::string alt = string_of(member(m, "alt_text")); !alt.empty()) image["alt"] = alt;
        if (const json* details = member(m, "media_details")) {
          copy(*details, "width", image, "width");
          copy(*details, "height", image, "height");
        }
        a["image"] = image;
      }
    }
  }
  return a;
}

// Skip reasons come from the bundle reader ("articles[3].published: missing"): say them in the
// input's own terms.
std::string rename_reason(std::string reason, InputFormat format) {
  struct Rename {
    std::string_view bundle, input;
  };
  static constexpr Rename kJsonFeed[] = {
      {".published:", ".date_published:"}, {".updated:", ".date_modified:"},
      {".image.url:", ".image:"},          {".category:", "._encart.category:"},
      {".views", "._encart.views"},        {".authors", ".authors[].name"}};
  // The longer path first: ".url:" would match inside ".image.url:".
  static constexpr Rename kWordPress[] = {{".image.url:", "._embedded.wp:featuredmedia[0].source_url:"},
                                          {".published:", ".date_gmt:"},
                                          {".updated:", ".modified_gmt:"},
                                          {".url:", ".link:"},
                                          {".title:", ".title.rendered:"}};
  const std::string_view prefix = format == InputFormat::kJsonFeed ? "items[" : "[";
  if (reason.starts_with("articles[")) reason.replace(0, 9, prefix);
  const auto apply = [&](const auto& table) {
    for (const Rename& r : table) {
      const std::size_t at = reason.find(r.bundle);
      // Only in the field path, before the ": " that starts the message.
      if (at != std::string::npos && at < reason.find(": ") + 1) {
        reason.replace(at, r.bundle.size(), r.input);
        break;
      }
    }
  };
  if (format == InputFormat::kJsonFeed) apply(kJsonFeed);
  if (format == InputFormat::kWordPress) apply(kWordPress);
  return reason;
}

}  // namespace

Result<std::size_t> merge_views(Bundle& bundle, std::string_view views_json,
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
  std::unordered_map<std::string_view, Article*> by_key;
  for (Article& a : bundle.articles) {
    by_key.emplace(a.id, &a);
    by_key.emplace(a.url, &a);
  }
  const auto count = [](const json& v) -> std::optional<std::int64_t> {
    if (v.is_number_unsigned())
      return static_cast<std::int64_t>(std::min<std::uint64_t>(v.get<std::uint64_t>(), INT64_MAX));
    if (v.is_number_float() && v.get<double>() >= 0 && v.get<double>() <= 9007199254740992.0 &&
        v.get<double>() == static_cast<double>(static_cast<std::int64_t>(v.get<double>()))) {
      return static_cast<std::int64_t>(v.get<double>());
    }
    return std::nullopt;
  };
  std::size_t merged = 0, unmatched = 0;
  std::string first_unmatched;
  for (const auto& [key, value] : views.items()) {
    const auto it = by_key.find(key);
    if (it == by_key.end()) {
      if (unmatched++ == 0) first_unmatched = key;
      continue;
    }
    Article& a = *it->second;
    const std::string where = "views[\"" + text::shorten(key, 80) + "\"]";
    if (value.is_object()) {
      for (std::size_t w = 0; w < kViewWindowCount; ++w) {
        const auto field = value.find(kViewWindows[w].field);
        if (field == value.end() || field->is_null()) continue;
        if (const auto n = count(*field)) {
          a.views[w] = *n;
        } else {
          warnings.push_back(where + "." + std::string(kViewWindows[w].field) +
                             ": expected a whole number of 0 or more (ignored)");
        }
      }
    } else if (const auto n = count(value)) {
      a.views[0] = *n;
    } else {
      warnings.push_back(where + ": expected a count or an object of counts (ignored)");
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

void apply_views(Bundle& bundle, std::string_view views_json) {
  if (views_json.empty()) return;
  auto merged = merge_views(bundle, views_json, bundle.warnings);
  if (!merged) bundle.warnings.push_back(merged.error().message + " (no view counts merged)");
}

std::optional<InputFormat> parse_format_name(std::string_view name) {
  if (name.empty() || name == "auto") return InputFormat::kAuto;
  if (name == "bundle") return InputFormat::kBundle;
  if (name == "jsonfeed" || name == "json-feed") return InputFormat::kJsonFeed;
  if (name == "wordpress") return InputFormat::kWordPress;
  return std::nullopt;
}

const char* format_name(InputFormat format) {
  switch (format) {
    case InputFormat::kBundle:
      return "bundle";
    case InputFormat::kJsonFeed:
      return "jsonfeed";
    case InputFormat::kWordPress:
      return "wordpress";
    case InputFormat::kAuto:
      break;
  }
  return "auto";
}

InputFormat detect_format(std::string_view text) {
  std::size_t pos = 0;
  if (text.starts_with("\xEF\xBB\xBF")) pos = 3;  // a UTF-8 byte order mark
  while (pos < text.size() &&
         (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r'))
    ++pos;
  if (pos < text.size() && text[pos] == '[') return InputFormat::kWordPress;
  // JSON Feed puts "version" first by convention; look at the start only.
  const std::string_view head = text.substr(pos, 4096);
  if (head.find(kJsonFeedVersion) != std::string_view::npos &&
      head.find("\"version\"") != std::string_view::npos) {
    return InputFormat::kJsonFeed;
  }
  return InputFormat::kBundle;
}

Result<Bundle> parse_input(std::string_view text, InputFormat format, const ParseOptions& options) {
  if (format == InputFormat::kAuto) format = detect_format(text);
  if (format == InputFormat::kBundle) {
    std::size_t pos = 0;
    while (pos < text.size() &&
           (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\r' || text[pos] == '\t'))
      ++pos;
    if (text.substr(pos, 1) == "<") {
      return Error{
          ErrorCode::kBadBundle,
          "this looks like XML (RSS or Atom): the page reads it with the browser's DOMParser and the "
          "encart command converts it; the engine itself reads JSON only"};
    }
    return parse_bundle(text, options);
  }
  if (text.size() > options.max_bytes) {
    return Error{ErrorCode::kTooLarge, "the feed is " + std::to_string(text.size()) +
                                           " bytes, over the limit of " + std::to_string(options.max_bytes)};
  }
  auto document = parse_document(text);
  if (!document) return document.error();
  const json& doc = document.value();
  json bundle;
  if (format == InputFormat::kJsonFeed) {
    if (!doc.is_object())
      return Error{ErrorCode::kBadBundle, "a JSON Feed must be a JSON object with an \"items\" array"};
    if (member(doc, "items") == nullptr)
      return Error{ErrorCode::kBadBundle, "the JSON Feed has no \"items\" array"};
    bundle = map_json_feed(doc);
  } else {
    if (!doc.is_array()) {
      return Error{ErrorCode::kBadBundle,
                   "WordPress posts must be a JSON array (/wp-json/wp/v2/posts?_embed)"};
    }
    bundle = json{{"version", 1}, {"articles", json::array()}};
    for (const json& post : doc) bundle["articles"].push_back(map_wordpress_post(post));
  }
  // Strings came through nlohmann (valid UTF-8) or the HTML decoder (whole code points);
  // replace stays a safety net, since a strict dump would abort without exceptions.
  auto parsed = parse_bundle(bundle.dump(-1, ' ', false, json::error_handler_t::replace), options);
  if (!parsed) {
    Error e = parsed.error();
    e.message = rename_reason(e.message, format);
    if (format == InputFormat::kJsonFeed) {
      const std::size_t at = e.message.find("\"articles\"");
      if (at != std::string::npos) e.message.replace(at, 10, "\"items\"");
    }
    return e;
  }
  Bundle out = std::move(parsed).value();
  for (auto& skip : out.skipped) skip.reason = rename_reason(std::move(skip.reason), format);
  return out;
}

}  // namespace encart
