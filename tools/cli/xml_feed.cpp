#include "xml_feed.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <ctime>
#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>
#include <vector>

#include "text/html_text.h"

namespace encart::cli {
namespace {

using nlohmann::json;

constexpr const char* kDc = "http://purl.org/dc/elements/1.1/";
constexpr const char* kContent = "http://purl.org/rss/1.0/modules/content/";
constexpr const char* kMedia = "http://search.yahoo.com/mrss/";

std::string name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }
std::string ns_of(const xmlNode* n) {
  return n->ns != nullptr ? reinterpret_cast<const char*>(n->ns->href) : "";
}

std::string text_of(const xmlNode* n) {
  xmlChar* content = xmlNodeGetContent(n);
  std::string out = content != nullptr ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return out;
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* value = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = value != nullptr ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return out;
}

std::vector<const xmlNode*> children(const xmlNode* n, const std::string& name, const char* ns = nullptr) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && name_of(c) == name && (ns == nullptr || ns_of(c) == ns))
      out.push_back(c);
  }
  return out;
}

std::string trimmed(std::string s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.back())) s.pop_back();
  std::size_t start = 0;
  while (start < s.size() && space(s[start])) ++start;
  return s.substr(start);
}

std::string child_text(const xmlNode* n, const std::string& name, const char* ns = nullptr) {
  const auto found = children(n, name, ns);
  return found.empty() ? std::string() : trimmed(text_of(found[0]));
}

// RFC 822 ("Mon, 09 Dec 2024 10:15:00 +0100") with the C library's strptime; a date it cannot
// read is passed on as written, for the engine to report with its item.
std::string iso_date(const std::string& written) {
  // glibc's %z reads only numeric offsets: RFC 822's zone names become theirs first.
  std::string text = trimmed(written);
  static constexpr std::pair<std::string_view, std::string_view> kZones[] = {
      {" GMT", " +0000"}, {" UTC", " +0000"}, {" UT", " +0000"},  {" Z", " +0000"},
      {" EST", " -0500"}, {" EDT", " -0400"}, {" CST", " -0600"}, {" CDT", " -0500"},
      {" MST", " -0700"}, {" MDT", " -0600"}, {" PST", " -0800"}, {" PDT", " -0700"}};
  for (const auto& [name, offset] : kZones) {
    if (text.ends_with(name)) {
      text.replace(text.size() - name.size(), name.size(), offset);
      break;
    }
  }
  std::tm tm{};
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S %z", &tm);
  if (end == nullptr) end = strptime(text.c_str(), "%d %b %Y %H:%M:%S %z", &tm);
  if (end == nullptr) return written;
  const long offset = tm.tm_gmtoff;
  const std::time_t utc = timegm(&tm) - offset;
  std::tm out{};
  gmtime_r(&utc, &out);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &out);
  return buffer;
}

void split_categories(json& item, const std::vector<std::string>& names) {
  if (!names.empty()) item["_encart"] = json{{"category", names[0]}};
  if (names.size() > 1) item["tags"] = std::vector<std::string>(names.begin() + 1, names.end());
}

json rss_item(const xmlNode* n) {
  json item = json::object();
  const std::string guid = child_text(n, "guid"), link = child_text(n, "link");
  item["id"] = guid.empty() ? link : guid;
  if (!link.empty()) item["url"] = link;
  if (!children(n, "title").empty()) item["title"] = child_text(n, "title");
  std::string date = child_text(n, "pubDate");
  if (date.empty()) date = child_text(n, "date", kDc);
  if (!date.empty()) item["date_published"] = iso_date(date);
  if (const std::string description = child_text(n, "description"); !description.empty()) {
    item["summary"] = text::excerpt_text(description);
  }
  if (const auto content = children(n, "encoded", kContent); !content.empty())
    item["content_html"] = text_of(content[0]);
  json authors = json::array();
  for (const xmlNode* c : children(n, "creator", kDc)) {
    if (const std::string name = trimmed(text_of(c)); !name.empty()) authors.push_back(json{{"name", name}});
  }
  if (!authors.empty()) item["authors"] = authors;
  std::vector<std::string> categories;
  for (const xmlNode* c : children(n, "category")) {
    if (const std::string name = trimmed(text_of(c)); !name.empty()) categories.push_back(name);
  }
  split_categories(item, categories);
  for (const char* kind : {"content", "thumbnail"}) {
    for (const xmlNode* m : children(n, kind, kMedia)) {
      const std::string medium = attribute(m, "medium");
      if (!attribute(m, "url").empty() && (medium.empty() || medium == "image") && !item.contains("image")) {
        item["image"] = attribute(m, "url");
      }
    }
  }
  for (const xmlNode* e : children(n, "enclosure")) {
    if (attribute(e, "type").starts_with("image/") && !item.contains("image"))
      item["image"] = attribute(e, "url");
  }
  return item;
}

std::string inner_xml(const xmlNode* n) {
  std::string out;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    xmlBufferPtr buffer = xmlBufferCreate();
    xmlNodeDump(buffer, c->doc, const_cast<xmlNode*>(c), 0, 0);
    out += reinterpret_cast<const char*>(xmlBufferContent(buffer));
    xmlBufferFree(buffer);
  }
  return out;
}

std::string atom_text(const xmlNode* n) {
  const std::string type = attribute(n, "type");
  if (type == "xhtml") return text::html_to_text(inner_xml(n));
  if (type == "html") return text::html_to_text(text_of(n));
  // Plain text: only white space is tidied (decoding again would turn a written "&amp;" into "&").
  return text::collapse_white_space(text_of(n));
}

json atom_entry(const xmlNode* n) {
  json item = json::object();
  item["id"] = child_text(n, "id");
  for (const xmlNode* l : children(n, "link")) {
    const std::string rel = attribute(l, "rel");
    if ((rel.empty() || rel == "alternate") && !item.contains("url")) item["url"] = attribute(l, "href");
  }
  if (const auto title = children(n, "title"); !title.empty()) item["title"] = atom_text(title[0]);
  std::string published = child_text(n, "published");
  const std::string updated = child_text(n, "updated");
  if (published.empty()) published = updated;
  if (!published.empty()) item["date_published"] = published;
  if (!updated.empty()) item["date_modified"] = updated;
  if (const auto summary = children(n, "summary"); !summary.empty()) item["summary"] = atom_text(summary[0]);
  if (const auto content = children(n, "content"); !content.empty()) {
    const std::string type = attribute(content[0], "type");
    if (type == "xhtml") {
      item["content_html"] = inner_xml(content[0]);
    } else if (type == "html") {
      item["content_html"] = text_of(content[0]);
    } else {
      item["content_text"] = text_of(content[0]);
    }
  }
  json authors = json::array();
  for (const xmlNode* a : children(n, "author")) {
    if (const std::string name = child_text(a, "name"); !name.empty())
      authors.push_back(json{{"name", name}});
  }
  if (!authors.empty()) item["authors"] = authors;
  std::vector<std::string> categories;
  for (const xmlNode* c : children(n, "category")) {
    if (const std::string term = attribute(c, "term"); !term.empty()) categories.push_back(term);
  }
  split_categories(item, categories);
  return item;
}

}  // namespace

bool looks_like_xml(std::string_view text) {
  for (const char c : text.substr(0, 512)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || static_cast<unsigned char>(c) >= 0xBB) continue;
    return c == '<';
  }
  return false;
}

Result<std::string> xml_to_json_feed(const std::string& xml) {
  // No network, no external entities (libxml2 does not load them unless asked): a feed cannot
  // make the command read other files.
  const std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "feed.xml", nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
      &xmlFreeDoc);
  if (!doc) {
    const xmlError* e = xmlGetLastError();
    std::string message = e != nullptr && e->message != nullptr ? e->message : "unknown error";
    while (!message.empty() && message.back() == '\n') message.pop_back();
    Error error{ErrorCode::kBadJson, "not well-formed XML", 0, 0, 0};
    if (e != nullptr) {
      error.line = static_cast<std::size_t>(e->line);
      error.column = static_cast<std::size_t>(e->int2);
      error.message += " at line " + std::to_string(e->line) + ", column " + std::to_string(e->int2);
    }
    error.message += ": " + message;
    return error;
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  json feed = {{"version", "https://jsonfeed.org/version/1.1"}, {"items", json::array()}};
  if (root != nullptr && name_of(root) == "rss") {
    const auto channels = children(root, "channel");
    if (channels.empty()) return Error{ErrorCode::kBadBundle, "RSS: no <channel> element"};
    const xmlNode* channel = channels[0];
    feed["title"] = child_text(channel, "title");
    feed["home_page_url"] = child_text(channel, "link");
    if (const std::string lang = child_text(channel, "language"); !lang.empty()) feed["language"] = lang;
    for (const xmlNode* item : children(channel, "item")) feed["items"].push_back(rss_item(item));
  } else if (root != nullptr && name_of(root) == "feed") {
    if (const auto title = children(root, "title"); !title.empty()) feed["title"] = atom_text(title[0]);
    for (const xmlNode* l : children(root, "link")) {
      const std::string rel = attribute(l, "rel");
      if ((rel.empty() || rel == "alternate") && !feed.contains("home_page_url"))
        feed["home_page_url"] = attribute(l, "href");
    }
    xmlChar* lang = xmlNodeGetLang(root);
    if (lang != nullptr) feed["language"] = reinterpret_cast<const char*>(lang);
    xmlFree(lang);
    for (const xmlNode* entry : children(root, "entry")) feed["items"].push_back(atom_entry(entry));
  } else {
    return Error{ErrorCode::kBadBundle, "an XML document that is neither RSS (<rss>) nor Atom (<feed>)"};
  }
  return feed.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace encart::cli
