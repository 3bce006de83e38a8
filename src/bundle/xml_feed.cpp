#include "bundle/xml_feed.h"

#include <string>
#include <vector>

#include "bundle/datetime.h"
#include "common/compact.h"
#include "text/fold.h"
#include "text/html_text.h"

ENCART_COMPACT_BEGIN

namespace encart::detail {
namespace {

using nlohmann::json;

constexpr std::string_view kDc = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kContent = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kMedia = "http://search.yahoo.com/mrss/";

std::string trimmed(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string child_text(const XmlElement& e, std::string_view ns, std::string_view name) {
  const XmlElement* c = first_child(e, ns, name);
  return c != nullptr ? trimmed(text_content(*c)) : std::string();
}

// The first category is the section, the others are tags: what WordPress and most CMS emit.
void split_categories(json& item, const std::vector<std::string>& names) {
  if (!names.empty()) item["_encart"] = json{{"category", names[0]}};
  if (names.size() > 1) item["tags"] = std::vector<std::string>(names.begin() + 1, names.end());
}

// pubDate is RFC 822; dc:date, and the odd pubDate, ISO 8601 (passed on for the reader to check).
void rss_date(const XmlElement& n, json& item, std::vector<FieldName>& names) {
  std::string name = "pubDate", written = child_text(n, "", "pubDate");
  if (written.empty() && first_child(n, kDc, "date") != nullptr) {
    name = "dc:date";
    written = child_text(n, kDc, "date");
  }
  std::string message;
  const bool iso = written.size() >= 10 && written[4] == '-' && written[7] == '-';
  if (iso || written.empty()) {
    if (!written.empty()) item["date_published"] = written;
  } else if (const auto converted = rfc822_to_iso8601(written)) {
    item["date_published"] = *converted;
  } else {
    item["date_published"] = written;
    message = "\"" + text::shorten(written, 40) +
              "\" is not an RFC 822 date (like Mon, 09 Dec 2024 10:15:00 +0100)";
  }
  names.push_back({"published", name, message});
}

// media:content or media:thumbnail of an image, else an image enclosure.
void rss_image(const XmlElement& n, json& item, std::vector<FieldName>& names) {
  for (const char* kind : {"content", "thumbnail"}) {
    for (const XmlElement* m : children_named(n, kMedia, kind)) {
      const std::string url = attribute(*m, "url"), medium = attribute(*m, "medium");
      if (!url.empty() && (medium.empty() || medium == "image")) {
        item["image"] = url;
        names.push_back({"image.url", std::string("media:") + kind + "@url", ""});
        return;
      }
    }
  }
  for (const XmlElement* e : children_named(n, "", "enclosure")) {
    if (attribute(*e, "type").starts_with("image/")) {
      item["image"] = attribute(*e, "url");
      names.push_back({"image.url", "enclosure@url", ""});
      return;
    }
  }
}

json rss_item(const XmlElement& n, std::vector<FieldName>& names) {
  json item = json::object();
  const std::string guid = child_text(n, "", "guid"), link = child_text(n, "", "link");
  item["id"] = guid.empty() ? link : guid;
  if (!link.empty()) item["url"] = link;
  if (const XmlElement* title = first_child(n, "", "title")) item["title"] = trimmed(text_content(*title));
  rss_date(n, item, names);
  if (const std::string description = child_text(n, "", "description"); !description.empty()) {
    item["summary"] = text::excerpt_text(description);
  }
  if (const XmlElement* content = first_child(n, kContent, "encoded"))
    item["content_html"] = text_content(*content);
  json authors = json::array();
  for (const XmlElement* c : children_named(n, kDc, "creator")) {
    if (const std::string name = trimmed(text_content(*c)); !name.empty())
      authors.push_back(json{{"name", name}});
  }
  if (!authors.empty()) item["authors"] = authors;
  std::vector<std::string> categories;
  for (const XmlElement* c : children_named(n, "", "category")) {
    if (const std::string name = trimmed(text_content(*c)); !name.empty()) categories.push_back(name);
  }
  split_categories(item, categories);
  rss_image(n, item, names);
  names.insert(names.end(), {{"id", guid.empty() && !link.empty() ? "link" : "guid", ""},
                             {"url", "link", ""},
                             {"summary", "description", ""},
                             {"text", "content:encoded", ""},
                             {"authors", "dc:creator", ""}});
  return item;
}

Result<MappedXmlFeed> map_rss(const XmlElement& root) {
  const XmlElement* channel = first_child(root, "", "channel");
  if (channel == nullptr) return Error{ErrorCode::kBadBundle, "RSS: no <channel> element"};
  MappedXmlFeed out{json{{"version", "https://jsonfeed.org/version/1.1"}, {"items", json::array()}}, {}};
  out.feed["title"] = child_text(*channel, "", "title");
  out.feed["home_page_url"] = child_text(*channel, "", "link");
  if (const std::string lang = child_text(*channel, "", "language"); !lang.empty())
    out.feed["language"] = lang;
  out.names.list = "item";
  for (const XmlElement* item : children_named(*channel, "", "item")) {
    out.names.items.emplace_back();
    out.feed["items"].push_back(rss_item(*item, out.names.items.back()));
  }
  return out;
}

// Atom text constructs (RFC 4287, 3.1): type="text" (the default), "html" or "xhtml".
std::string atom_text(const XmlElement& e) {
  const std::string type = attribute(e, "type");
  if (type == "xhtml") return text::html_to_text(inner_markup(e));
  if (type == "html") return text::html_to_text(text_content(e));
  // Plain text: only white space is tidied (decoding again would turn a written "&amp;" into "&").
  return text::collapse_white_space(text_content(e));
}

// The href of the first link with rel="alternate" (the default rel).
std::string alternate_link(const XmlElement& e, std::string_view ns) {
  for (const XmlElement* l : children_named(e, ns, "link")) {
    const std::string rel = attribute(*l, "rel");
    if (rel.empty() || rel == "alternate") return attribute(*l, "href");
  }
  return {};
}

void atom_content(const XmlElement& content, json& item) {
  const std::string type = attribute(content, "type");
  if (type == "xhtml") {
    item["content_html"] = inner_markup(content);
  } else if (type == "html") {
    item["content_html"] = text_content(content);
  } else {
    item["content_text"] = text_content(content);
  }
}

json atom_entry(const XmlElement& n, std::string_view ns, std::vector<FieldName>& names) {
  json item = json::object();
  item["id"] = child_text(n, ns, "id");
  if (const std::string url = alternate_link(n, ns); !url.empty()) item["url"] = url;
  if (const XmlElement* title = first_child(n, ns, "title")) item["title"] = atom_text(*title);
  const std::string published = child_text(n, ns, "published"), updated = child_text(n, ns, "updated");
  if (!published.empty() || !updated.empty())
    item["date_published"] = published.empty() ? updated : published;
  if (!updated.empty()) item["date_modified"] = updated;
  if (const XmlElement* summary = first_child(n, ns, "summary")) {
    if (std::string text = atom_text(*summary); !text.empty()) item["summary"] = std::move(text);
  }
  if (const XmlElement* content = first_child(n, ns, "content")) atom_content(*content, item);
  json authors = json::array();
  for (const XmlElement* a : children_named(n, ns, "author")) {
    if (const std::string name = child_text(*a, ns, "name"); !name.empty())
      authors.push_back(json{{"name", name}});
  }
  if (!authors.empty()) item["authors"] = authors;
  std::vector<std::string> categories;
  for (const XmlElement* c : children_named(n, ns, "category")) {
    if (std::string term = attribute(*c, "term"); !term.empty()) categories.push_back(std::move(term));
  }
  split_categories(item, categories);
  names = {{"url", "link@href", ""},
           {"published", published.empty() ? "updated" : "published", ""},
           {"text", "content", ""},
           {"authors", "author.name", ""},
           {"category", "category@term", ""}};
  return item;
}

Result<MappedXmlFeed> map_atom(const XmlElement& root) {
  MappedXmlFeed out{json{{"version", "https://jsonfeed.org/version/1.1"}, {"items", json::array()}}, {}};
  if (const XmlElement* title = first_child(root, root.ns, "title")) out.feed["title"] = atom_text(*title);
  if (const std::string home = alternate_link(root, root.ns); !home.empty()) out.feed["home_page_url"] = home;
  if (const std::string lang = attribute(root, "xml:lang"); !lang.empty()) out.feed["language"] = lang;
  out.names.list = "entry";
  for (const XmlElement* entry : children_named(root, root.ns, "entry")) {
    out.names.items.emplace_back();
    out.feed["items"].push_back(atom_entry(*entry, root.ns, out.names.items.back()));
  }
  return out;
}

}  // namespace

XmlFeedKind xml_feed_kind(const XmlElement& root) {
  if (root.name == "rss") return XmlFeedKind::kRss;
  if (root.name == "feed") return XmlFeedKind::kAtom;
  return XmlFeedKind::kNeither;
}

Result<MappedXmlFeed> map_xml_feed(const XmlElement& root) {
  switch (xml_feed_kind(root)) {
    case XmlFeedKind::kRss:
      return map_rss(root);
    case XmlFeedKind::kAtom:
      return map_atom(root);
    case XmlFeedKind::kNeither:
      break;
  }
  return Error{ErrorCode::kBadBundle, "an XML document whose root is <" + text::shorten(root.name, 40) +
                                          ">: neither RSS (<rss>) nor Atom (<feed>)"};
}

}  // namespace encart::detail

ENCART_COMPACT_END
