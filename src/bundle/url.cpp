#include "bundle/url.h"

#include <algorithm>
#include <cctype>

namespace encart {
namespace {

// ASCII only, without a call (std::tolower asks the locale once a character): hosts and schemes
// are compared and keyed for every article of a pack.
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The first of `chars` at or after `from`, or npos: a loop, where find_first_of calls memchr once
// a character.
std::size_t first_of(std::string_view s, std::size_t from, std::string_view chars) {
  for (std::size_t i = from; i < s.size(); ++i) {
    if (std::any_of(chars.begin(), chars.end(), [&](char c) { return c == s[i]; })) return i;
  }
  return std::string_view::npos;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

// Length of "http://" or "https://" at the start, 0 when neither.
std::size_t http_scheme_length(std::string_view s) {
  if (starts_with_ci(s, "http://")) return 7;
  if (starts_with_ci(s, "https://")) return 8;
  return 0;
}

bool has_scheme(std::string_view s) {
  // RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = s[i];
    if (c == ':') return i > 0;
    if (!(std::isalpha(c) || (i > 0 && (std::isdigit(c) || c == '+' || c == '-' || c == '.')))) {
      return false;
    }
  }
  return false;
}

// Publishers' exports often carry stray spaces around values; they are never meaningful.
std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_clean(std::string_view s) {
  for (const unsigned char c : s) {
    if (c <= 0x20 || c == 0x7F || c == '\\') return false;
  }
  return true;
}

// The host of an authority ("user@host:port"): what is left once userinfo and port are gone.
std::string_view host_of(std::string_view authority) {
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  if (authority.starts_with('[')) return authority.substr(0, authority.find(']') + 1);  // IPv6
  return authority.substr(0, authority.find(':'));
}

// What follows the host: nothing, or ":" and a port of at most 65535 (empty: the default).
bool valid_port_suffix(std::string_view rest) {
  if (rest.empty()) return true;
  if (rest.front() != ':' || rest.size() > 6) return false;
  unsigned port = 0;
  for (const char c : rest.substr(1)) {
    if (c < '0' || c > '9') return false;
    port = port * 10 + static_cast<unsigned>(c - '0');
  }
  return port <= 65535;
}

std::string_view authority_of(std::string_view s, std::size_t scheme) {
  return s.substr(scheme, first_of(s, scheme, "/?#") - scheme);
}

// "https://?x" or "https://:80/" have no host: as a base they would make "/a" into "https:///a".
// Nor has "https://[]/" or "https://[x]/": brackets hold an IPv6 address (hex digits, ':', '.').
bool has_host(std::string_view s, std::size_t scheme) {
  const std::string_view host = host_of(authority_of(s, scheme));
  if (!host.starts_with('[')) return !host.empty();
  const std::string_view address = host.substr(1, host.size() - 2);
  return !address.empty() && address.find_first_not_of("0123456789abcdefABCDEF:.") == std::string_view::npos;
}

// "https://h:443:443/" or "https://h:99999/" have no port browsers accept: they follow no such link.
bool has_valid_port(std::string_view s, std::size_t scheme) {
  std::string_view authority = authority_of(s, scheme);
  const std::size_t host = host_of(authority).size();
  authority.remove_prefix(authority.rfind('@') + 1);  // npos + 1 == 0: no userinfo
  return valid_port_suffix(authority.substr(host));
}

bool is_absolute_http(std::string_view s) {
  const std::size_t scheme = http_scheme_length(s);
  return scheme != 0 && has_host(s, scheme) && has_valid_port(s, scheme) && is_clean(s);
}

}  // namespace

bool is_absolute_http_url(std::string_view url) { return is_absolute_http(url); }

std::string_view absolute_url_defect(std::string_view url) {
  const std::size_t scheme = http_scheme_length(url);
  if (scheme == 0 || !is_clean(url)) return "is not an http(s) URL";
  if (!has_host(url, scheme)) return "has no host";
  if (!has_valid_port(url, scheme)) return "has a port that is not a number up to 65535";
  return "";
}

bool is_relative_reference(std::string_view reference) {
  // Trimmed as resolve_http_url trims: " javascript:x" has a scheme, not a missing base.
  reference = trim_blanks(reference);
  return !reference.empty() && !has_scheme(reference);
}

std::optional<std::string> resolve_http_url(std::string_view ref, std::string_view base) {
  ref = trim_blanks(ref);
  if (ref.empty() || !is_clean(ref)) return std::nullopt;
  if (is_absolute_http(ref)) return std::string(ref);
  if (has_scheme(ref) || !is_absolute_http(base)) return std::nullopt;

  const std::size_t scheme = http_scheme_length(base);
  const std::size_t authority_end = base.find_first_of("/?#", scheme);
  const std::string_view origin = base.substr(0, authority_end);  // "https://host:port"
  if (ref.starts_with("//")) {
    std::string absolute = std::string(base.substr(0, scheme - 2)) + std::string(ref);
    if (!is_absolute_http(absolute)) return std::nullopt;  // "//" or "///x": no host
    return absolute;
  }
  if (ref.front() == '/') return std::string(origin) + std::string(ref);

  std::string_view path =
      authority_end == std::string_view::npos ? std::string_view("/") : base.substr(authority_end);
  path = path.substr(0, path.find_first_of("?#"));
  if (path.empty()) path = "/";
  if (ref.front() == '?' || ref.front() == '#') {
    if (ref.front() == '#') {
      const std::string_view no_fragment = base.substr(0, base.find('#'));
      return std::string(no_fragment) + std::string(ref);
    }
    return std::string(origin) + std::string(path) + std::string(ref);
  }
  // Dot segments are left for the browser to normalise: the result is http(s) either way.
  const std::string_view directory = path.substr(0, path.rfind('/') + 1);
  return std::string(origin) + std::string(directory) + std::string(ref);
}

std::string url_match_key(std::string_view url) {
  url = url.substr(0, url.find('#'));
  if (!is_absolute_http(url)) return {};
  const std::size_t scheme = http_scheme_length(url);
  const std::size_t authority_end = std::min(first_of(url, scheme, "/?"), url.size());
  std::string_view authority = url.substr(scheme, authority_end - scheme);
  authority = authority.substr(authority.rfind('@') + 1);  // userinfo never names the page
  const std::string_view default_port = scheme == 7 ? ":80" : ":443";
  if (authority.ends_with(default_port)) authority.remove_suffix(default_port.size());
  const std::string_view rest = url.substr(authority_end);
  const std::size_t question = rest.find('?');
  std::string_view path = rest.substr(0, question);
  while (path.ends_with('/')) path.remove_suffix(1);
  std::string_view query = question == std::string_view::npos ? std::string_view() : rest.substr(question);
  if (query == "?") query = {};
  // One allocation: a pack computes the key of every article (100,000 and more).
  std::string key;
  key.reserve(authority.size() + path.size() + query.size());
  for (const char c : authority) key.push_back(ascii_lower(c));
  key.append(path);
  key.append(query);
  return key;
}

}  // namespace encart
