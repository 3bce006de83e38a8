// JSON Feed 1.1 (with encart's "_encart" extension) and WordPress REST API posts, mapped item by
// item to the bundle's article form, which the bundle's article reader then validates
// (bundle/feed_readers.cpp streams the items here one at a time).
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>

#include "bundle/datetime.h"
#include "bundle/feed_json.h"
#include "bundle/limits.h"
#include "common/compact.h"
#include "text/fold.h"
#include "text/html_text.h"

ENCART_COMPACT_BEGIN

namespace encart::detail {
namespace {

using nlohmann::json;

// Copies `from[key]` to `to[as]` when present (any type: the bundle reader reports bad ones).
void copy(const json& from, std::string_view key, json& to, std::string_view as) {
  if (const json* v = member(from, key)) to[std::string(as)] = *v;
}

// The first `max` characters of plain text, for a title or summary a feed item lacks.
std::string excerpt(const std::string& text, std::size_t max_bytes) { return text::shorten(text, max_bytes); }

// The links of an HTML body (JSON Feed's content_html, RSS's content:encoded, WordPress's
// content) as the bundle's "links": the text loses them, related articles read them.
void add_links(const json* html, json& a) {
  if (html == nullptr || !html->is_string()) return;
  const std::vector<std::string> links =
      text::find_links(html->get_ref<const std::string&>(), kMaxLinksPerArticle);
  if (!links.empty()) a["links"] = links;
}

// As the bundle reader trims its strings.
std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  for (const std::string_view n : names) {
    if (n == name) return true;
  }
  return false;
}

}  // namespace

// An item's (or the feed's) author names: 1.1's "authors", else 1.0's "author". Past
// `max_bytes` of names in all, none: the reading stops there.
json author_names(const json& from, std::size_t max_bytes) {
  json authors = json::array();
  std::size_t bytes = 0;
  const auto add = [&](const json* au) {
    if (au == nullptr) return true;
    if (std::string name = string_of(member(*au, "name")); !name.empty()) {
      bytes += name.size();
      authors.push_back(std::move(name));
    }
    return bytes <= max_bytes;
  };
  if (const json* list = member(from, "authors"); list != nullptr && list->is_array()) {
    for (const json& au : *list) {
      if (!add(&au)) return json::array();
    }
  } else if (!add(member(from, "author"))) {
    return json::array();
  }
  return authors;
}

FeedDefaults feed_defaults(const json& feed) {
  FeedDefaults d;
  d.authors = author_names(feed, kInheritedAuthorBytes);
  if (const json* lang = member(feed, "language"); lang != nullptr && lang->is_string()) {
    std::string tag = lang->get<std::string>();
    if (const FieldLimit* limit = field_limit("lang")) truncate_utf8(tag, limit->max_bytes);
    d.lang = std::move(tag);
  }
  return d;
}

// JSON Feed 1.1 (jsonfeed.org/version/1.1), with 1.0's "author" accepted.
json map_json_feed_item(const json& item, const FeedDefaults& feed) {
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
  add_links(member(item, "content_html"), a);
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
  // The feed's authors and language are every item's by default.
  // An item's own list is the item's size: the bundle reader caps it and says how many it dropped.
  json authors = author_names(item, SIZE_MAX);
  if (authors.empty()) authors = feed.authors;
  if (!authors.empty()) a["authors"] = std::move(authors);
  if (const json* lang = member(item, "language")) {
    a["lang"] = *lang;
  } else if (!feed.lang.is_null()) {
    a["lang"] = feed.lang;
  }
  if (const json* ext = member(item, "_encart"); ext != nullptr && ext->is_object()) {
    copy(*ext, "category", a, "category");
    copy(*ext, "isAccessibleForFree", a, "isAccessibleForFree");
    copy(*ext, "expires", a, "expires");
    for (const ViewWindowName& w : kViewWindows) copy(*ext, w.field, a, w.field);
  }
  return a;
}

// As read_site reads a bundle's site block, without copying the feed's values into one first.
Site json_feed_site(const json& feed) {
  const auto text = [&](std::string_view key) {
    const json* v = member(feed, key);
    return v != nullptr && v->is_string() ? std::string(trim(v->get_ref<const std::string&>()))
                                          : std::string();
  };
  Site site;
  site.name = text("title");
  site.url = text("home_page_url");
  site.lang = text("language");
  return site;
}

const json* json_feed_related(const json& feed) {
  const json* ext = member(feed, "_encart");
  return ext == nullptr ? nullptr : member(*ext, "related");
}

bool is_json_feed_item_field(std::string_view name) {
  return one_of(name,
                {"id", "url", "content_text", "content_html", "title", "date_published", "date_modified",
                 "summary", "image", "banner_image", "tags", "authors", "author", "language", "_encart"});
}

FieldNames json_feed_names() {
  FieldNames names;
  names.list = "items";
  names.common = {{"published", "date_published", ""},
                  {"updated", "date_modified", ""},
                  {"image", "image", ""},
                  {"image.url", "image", ""},
                  {"category", "_encart.category", ""},
                  {"isAccessibleForFree", "_encart.isAccessibleForFree", ""},
                  {"expires", "_encart.expires", ""}};
  for (const ViewWindowName& w : kViewWindows) {
    names.common.push_back({std::string(w.field), "_encart." + std::string(w.field), ""});
  }
  return names;
}

namespace {

// Author, taxonomy terms and featured image, which ?_embed puts in "_embedded".
void add_embedded(const json& embedded, json& a) {
  if (const json* authors = member(embedded, "author"); authors != nullptr && authors->is_array()) {
    json names = json::array();
    for (const json& au : *authors) {
      if (const std::string name = text::decode_html_entities(string_of(member(au, "name"))); !name.empty()) {
        names.push_back(name);
      }
    }
    if (!names.empty()) a["authors"] = names;
  }
  if (const json* terms = member(embedded, "wp:term"); terms != nullptr && terms->is_array()) {
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
  if (const json* media = member(embedded, "wp:featuredmedia");
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

// "±HH:MM" for an offset in minutes.
std::string offset_suffix(std::int64_t minutes) {
  const char sign = minutes < 0 ? '-' : '+';
  const std::int64_t m = minutes < 0 ? -minutes : minutes;
  std::string out(1, sign);
  for (const std::int64_t part : {m / 60, m % 60}) {
    out += static_cast<char>('0' + part / 10);
    out += static_cast<char>('0' + part % 10);
    if (out.size() == 3) out += ':';
  }
  return out;
}

// WordPress gives each date twice, without an offset: `date_gmt` (UTC: the instant) and `date`
// (the site's local time then). Their difference is the site's offset on that day, so the
// post keeps its instant and is shown on its local day: `date` 2026-11-30T00:30:00 with
// `date_gmt` 2026-11-29T23:30:00 becomes 2026-11-30T00:30:00+01:00, a 30 November post.
// Without a usable `date`, `date_gmt` is read as UTC; anything else goes to the bundle reader,
// which names the field in its error.
json wordpress_date(const json& gmt, const json* local) {
  constexpr std::size_t kNaive = 19;              // "2024-12-09T09:15:00"
  constexpr std::int64_t kMaxOffset = 18LL * 60;  // the widest offsets ISO 8601 dates here allow
  if (!gmt.is_string() || gmt.get_ref<const std::string&>().size() != kNaive) return gmt;
  const std::string& utc = gmt.get_ref<const std::string&>();
  if (local != nullptr && local->is_string() && local->get_ref<const std::string&>().size() == kNaive) {
    const std::string& wall = local->get_ref<const std::string&>();
    const auto u = parse_iso8601(utc, OffsetRule::kOptional);
    const auto w = parse_iso8601(wall, OffsetRule::kOptional);
    if (u && w && (w->epoch_ms - u->epoch_ms) % 60000 == 0) {
      const std::int64_t minutes = (w->epoch_ms - u->epoch_ms) / 60000;
      if (minutes >= -kMaxOffset && minutes <= kMaxOffset) return wall + offset_suffix(minutes);
    }
  }
  return utc + "Z";
}

}  // namespace

// WordPress REST API (/wp-json/wp/v2/posts?_embed): taxonomy terms, author and featured image
// come from "_embedded"; dates from `date_gmt` and `date` (see wordpress_date).
json map_wordpress_post(const json& post) {
  if (!post.is_object()) return post;
  json a = json::object();
  a["id"] = string_of(member(post, "id"));
  copy(post, "link", a, "url");
  if (const std::string title = rendered(post, "title"); !title.empty()) a["title"] = title;
  if (const json* date = member(post, "date_gmt"))
    a["published"] = wordpress_date(*date, member(post, "date"));
  if (const json* date = member(post, "modified_gmt"))
    a["updated"] = wordpress_date(*date, member(post, "modified"));
  // WordPress ends automatic excerpts with " […]": excerpt_text makes it "…".
  const std::string summary = text::excerpt_text(rendered_html(post, "excerpt"));
  if (!summary.empty()) a["summary"] = summary;
  if (const std::string body = rendered(post, "content"); !body.empty()) a["text"] = body;
  if (const json* content = member(post, "content")) {
    add_links(content->is_object() ? member(*content, "rendered") : content, a);
  }
  // Jetpack's related posts ([{"id": 123, ...}]): the editor's (or Jetpack's) choice, first.
  if (const json* jetpack = member(post, "jetpack-related-posts");
      jetpack != nullptr && jetpack->is_array()) {
    json related = json::array();
    for (const json& p : *jetpack) related.push_back(p.is_object() && p.contains("id") ? p["id"] : p);
    a["related"] = std::move(related);
  }
  if (const json* embedded = member(post, "_embedded")) add_embedded(*embedded, a);
  return a;
}

bool is_wordpress_field(std::string_view name) {
  return one_of(name, {"id", "link", "title", "date_gmt", "date", "modified_gmt", "modified", "excerpt",
                       "content", "jetpack-related-posts", "_embedded"});
}

FieldNames wordpress_names() {
  const std::string media = "_embedded.wp:featuredmedia[0].";
  FieldNames names;
  names.list = "";
  names.common = {{"published", "date_gmt", ""},
                  {"updated", "modified_gmt", ""},
                  {"url", "link", ""},
                  {"title", "title.rendered", ""},
                  {"image", media + "source_url", ""},
                  {"image.url", media + "source_url", ""},
                  {"image.alt", media + "alt_text", ""},
                  {"image.width", media + "media_details.width", ""},
                  {"image.height", media + "media_details.height", ""}};
  return names;
}

}  // namespace encart::detail

ENCART_COMPACT_END
