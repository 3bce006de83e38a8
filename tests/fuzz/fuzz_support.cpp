#include "fuzz_support.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include <nlohmann/json.hpp>

#include "xml_feed.h"

namespace encart::fuzz {

namespace fs = std::filesystem;

void fail(std::string_view what, std::string_view value) {
  std::fprintf(stderr, "\n[encart fuzz] invariant broken: %.*s\n", static_cast<int>(what.size()),
               what.data());
  if (!value.empty()) {
    const std::string shown(value.substr(0, 400));
    std::fprintf(stderr, "[encart fuzz] value (%zu bytes): ", value.size());
    for (const char c : shown) {
      const auto u = static_cast<unsigned char>(c);
      if (u >= 0x20 && u < 0x7f) {
        std::fputc(c, stderr);
      } else {
        std::fprintf(stderr, "\\x%02x", u);
      }
    }
    std::fputc('\n', stderr);
  }
  __builtin_trap();
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    char32_t cp = 0, min = 0;
    if (b < 0x80) {
      ++i;
      continue;
    }
    if ((b & 0xe0) == 0xc0) {
      n = 1, cp = b & 0x1f, min = 0x80;
    } else if ((b & 0xf0) == 0xe0) {
      n = 2, cp = b & 0x0f, min = 0x800;
    } else if ((b & 0xf8) == 0xf0) {
      n = 3, cp = b & 0x07, min = 0x10000;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += n + 1;
  }
  return true;
}

bool http_url_with_host(std::string_view url) {
  for (const char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
  }
  std::string scheme;
  const std::size_t colon = url.find(':');
  if (colon == std::string_view::npos) return false;
  for (const char c : url.substr(0, colon))
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "http" && scheme != "https") return false;
  if (url.substr(colon + 1, 2) != "//") return false;
  std::string_view authority = url.substr(colon + 3);
  authority = authority.substr(0, authority.find_first_of("/?#\\"));
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos)
    authority.remove_prefix(at + 1);
  if (!authority.empty() && authority.front() == '[') return authority.find(']') > 1;
  authority = authority.substr(0, authority.find(':'));
  return !authority.empty();
}

std::size_t count(std::string_view s, char c) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), c));
}

namespace {

// Every element render/html.cpp writes (items, menus, the shell, the static lists).
bool known_element(std::string_view name) {
  static const std::set<std::string_view> names = {
      "li", "a",  "img",    "span", "p",     "bdi",   "time",   "option",   "div",   "section",
      "h2", "ol", "button", "form", "label", "input", "select", "template", "style", "encart-sidebar"};
  return names.count(name) != 0;
}

// The character references escape_html writes, and the locale tables' none.
std::size_t reference_length(std::string_view rest) {
  for (const std::string_view r : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"}) {
    if (rest.substr(0, r.size()) == r) return r.size();
  }
  return 0;
}

std::string unescape(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::size_t n = value[i] == '&' ? reference_length(value.substr(i)) : 0;
    if (n == 0) {
      out += value[i];
      continue;
    }
    const std::string_view r = value.substr(i, n);
    out += r == "&amp;" ? '&' : r == "&lt;" ? '<' : r == "&gt;" ? '>' : r == "&quot;" ? '"' : '\'';
    i += n - 1;
  }
  return out;
}

// One tag from `<` at `pos`; returns the position after its `>`.
std::size_t check_tag(std::string_view html, std::size_t pos, std::string_view what) {
  std::size_t i = pos + 1;
  if (i < html.size() && html[i] == '/') ++i;
  const std::size_t name_start = i;
  while (i < html.size() && (std::islower(static_cast<unsigned char>(html[i])) != 0 ||
                             std::isdigit(static_cast<unsigned char>(html[i])) != 0 || html[i] == '-')) {
    ++i;
  }
  check(known_element(html.substr(name_start, i - name_start)),
        std::string(what) + ": a `<` that opens no element of the renderer", html.substr(pos));
  while (i < html.size() && html[i] == ' ') {
    const std::size_t attr = ++i;
    while (i < html.size() && (std::islower(static_cast<unsigned char>(html[i])) != 0 || html[i] == '-')) ++i;
    check(i > attr, std::string(what) + ": an attribute without a name", html.substr(pos));
    const std::string_view name = html.substr(attr, i - attr);
    if (i >= html.size() || html[i] != '=') continue;
    check(html.substr(i, 2) == "=\"", std::string(what) + ": an unquoted attribute value", html.substr(pos));
    const std::size_t end = html.find('"', i + 2);
    check(end != std::string_view::npos, std::string(what) + ": an attribute value that never ends",
          html.substr(pos));
    const std::string_view value = html.substr(i + 2, end - i - 2);
    check(value.find_first_of("<>") == std::string_view::npos,
          std::string(what) + ": `<` or `>` in an attribute value", value);
    if (name == "href" || name == "src") {
      check(http_url_with_host(unescape(value)),
            std::string(what) + ": a link that is not http(s) with a host", value);
    }
    i = end + 1;
  }
  check(i < html.size() && html[i] == '>',
        std::string(what) + ": a tag that does not end where its attributes do", html.substr(pos));
  return i + 1;
}

}  // namespace

void check_markup(std::string_view html, std::string_view what) {
  check(valid_utf8(html), std::string(what) + ": not valid UTF-8", html);
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      const bool style = html.substr(i, 7) == "<style>";
      i = check_tag(html, i, what);
      if (style) i = html.find("</style>", i);  // the widget's own stylesheet: not bundle data
      continue;
    }
    check(c != '>', std::string(what) + ": a `>` outside any tag", html.substr(i));
    if (c == '&')
      check(reference_length(html.substr(i)) != 0, std::string(what) + ": a bare `&`", html.substr(i));
    ++i;
  }
}

namespace {

nlohmann::json element_json(const XmlElement& e) {
  nlohmann::json attributes = nlohmann::json::object();
  for (const auto& [name, value] : e.attributes) attributes[name] = value;
  nlohmann::json children = nlohmann::json::array();
  for (const XmlElement& c : e.children) children.push_back(element_json(c));
  return nlohmann::json::array({e.name, e.ns, attributes, e.text, children, e.tail});
}

fs::path fixtures_dir() { return fs::path(ENCART_SOURCE_DIR) / "tests" / "fixtures"; }

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void collect_json_strings(const nlohmann::json& v, std::set<std::string>& out) {
  if (v.is_string()) out.insert(v.get<std::string>());
  if (v.is_object()) {
    for (const auto& [key, value] : v.items()) {
      out.insert(key);
      collect_json_strings(value, out);
    }
  }
  if (v.is_array()) {
    for (const auto& value : v) collect_json_strings(value, out);
  }
}

void collect_xml_strings(const XmlElement& e, std::set<std::string>& out) {
  out.insert(e.text);
  out.insert(text_content(e));
  for (const auto& [name, value] : e.attributes) out.insert(value);
  for (const XmlElement& c : e.children) collect_xml_strings(c, out);
}

}  // namespace

std::string xml_tree_json(const XmlElement& root) {
  return nlohmann::json{{"encart_xml_tree", 1}, {"root", element_json(root)}}.dump();
}

std::vector<SeedFile> fixture_files(const std::vector<std::string>& extensions) {
  std::vector<SeedFile> files;
  for (const auto& entry : fs::recursive_directory_iterator(fixtures_dir())) {
    const std::string name = fs::relative(entry.path(), fixtures_dir()).generic_string();
    if (!entry.is_regular_file() || name.rfind("JSONTestSuite/", 0) == 0) continue;
    for (const std::string& ext : extensions) {
      if (name.size() >= ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) {
        files.push_back({name, read_bytes(entry.path())});
        break;
      }
    }
  }
  std::sort(files.begin(), files.end(), [](const SeedFile& a, const SeedFile& b) { return a.name < b.name; });
  return files;
}

std::vector<SeedFile> json_test_suite() {
  std::vector<SeedFile> files;
  for (const auto& entry : fs::directory_iterator(fixtures_dir() / "JSONTestSuite" / "test_parsing")) {
    files.push_back({entry.path().filename().string(), read_bytes(entry.path())});
  }
  std::sort(files.begin(), files.end(), [](const SeedFile& a, const SeedFile& b) { return a.name < b.name; });
  return files;
}

std::vector<std::string> fixture_strings() {
  std::set<std::string> strings;
  for (const SeedFile& f : fixture_files({".json"})) {
    const auto doc = nlohmann::json::parse(f.bytes, nullptr, false);
    if (!doc.is_discarded()) collect_json_strings(doc, strings);
  }
  for (const SeedFile& f : fixture_files({".xml"})) {
    const auto tree = cli::read_xml_tree(f.bytes);
    if (tree.ok()) collect_xml_strings(tree.value(), strings);
  }
  strings.erase("");
  return {strings.begin(), strings.end()};
}

bool write_seeds(const std::vector<std::string>& seeds) {
  const char* dir = std::getenv("ENCART_FUZZ_SEEDS");
  if (dir == nullptr) return false;
  fs::create_directories(dir);
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    std::ofstream out(fs::path(dir) / ("seed-" + std::to_string(i)), std::ios::binary);
    out << seeds[i];
  }
  std::fprintf(stderr, "[encart fuzz] %zu seeds written to %s\n", seeds.size(), dir);
  return true;
}

}  // namespace encart::fuzz
