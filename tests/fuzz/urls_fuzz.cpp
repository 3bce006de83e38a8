// libFuzzer target for links (bundle/url.h). The input is a reference, then optionally a line
// break and a base. Invariants: whatever resolves is an http(s) URL with a non-empty host (by
// an independent check, fuzz_support.h), valid UTF-8 when its parts are, and resolves to itself;
// a relative reference without a base never resolves; is_absolute_http_url, absolute_url_defect
// and url_match_key (which drops the fragment first) agree on what is a URL, and a match key is
// stable when keyed again.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bundle/url.h"
#include "fuzz_support.h"

namespace {

using encart::fuzz::check;

void check_url(std::string_view url, bool utf8) {
  const bool absolute = encart::is_absolute_http_url(url);
  check(absolute == encart::absolute_url_defect(url).empty(),
        "is_absolute_http_url and absolute_url_defect disagree", url);
  if (absolute) check(encart::fuzz::http_url_with_host(url), "an absolute http(s) URL without a host", url);
  // The fragment is dropped before anything else (url.h): what it holds never matters.
  const std::string key = encart::url_match_key(url);
  check(key.empty() != encart::is_absolute_http_url(url.substr(0, url.find('#'))),
        "a match key for what is no URL, or none for a URL", url);
  if (key.empty()) return;
  if (utf8) check(encart::fuzz::valid_utf8(key), "a match key that is not valid UTF-8", key);
  // With the URL's own scheme: a port is a default one (dropped) for one scheme only.
  const std::string again = std::string(url.substr(0, url.find(':'))) + "://" + key;
  check(encart::url_match_key(again) == key, "a match key that changes when keyed again", again);
}

}  // namespace

// Seeds: every string of the fixtures, alone and with the fixtures' site as the base.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  std::vector<std::string> seeds;
  for (const std::string& s : encart::fuzz::fixture_strings()) {
    seeds.push_back(s);
    if (s.size() < 200) seeds.push_back(s + "\nhttps://www.lequotidien.example/2024/12/");
  }
  (void)encart::fuzz::write_seeds(seeds);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = encart::fuzz::as_text(data, size);
  const std::size_t line = input.find('\n');
  const std::string_view reference = input.substr(0, line);
  const std::string_view base = line == std::string_view::npos ? std::string_view() : input.substr(line + 1);
  const bool utf8 = encart::fuzz::valid_utf8(input);
  check_url(reference, utf8);
  check_url(base, utf8);
  const auto resolved = encart::resolve_http_url(reference, base);
  if (resolved) {
    check(encart::fuzz::http_url_with_host(*resolved), "a resolved URL that is not http(s) with a host",
          *resolved);
    check(encart::is_absolute_http_url(*resolved), "a resolved URL that the core does not call absolute",
          *resolved);
    if (utf8) check(encart::fuzz::valid_utf8(*resolved), "a resolved URL that is not valid UTF-8", *resolved);
    check(encart::resolve_http_url(*resolved, "") == resolved,
          "a resolved URL that does not resolve to itself", *resolved);
    check_url(*resolved, utf8);
  }
  if (encart::is_relative_reference(reference)) {
    check(!encart::resolve_http_url(reference, "").has_value(),
          "a relative reference resolved without a base", reference);
  }
  return 0;
}
