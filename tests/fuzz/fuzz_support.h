// What the libFuzzer targets share: invariant checks that stop the run on violation (libFuzzer
// then saves the input as a crash), checks of the properties every output must have, and seed
// corpora written from the repository's own fixtures and the JSONTestSuite.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/xml_tree.h"

namespace encart::fuzz {

// Prints what broke (and a few bytes of the value), then traps: libFuzzer reports a crash and
// writes the input that caused it.
[[noreturn]] void fail(std::string_view what, std::string_view value);
inline void check(bool ok, std::string_view what, std::string_view value = {}) {
  if (!ok) fail(what, value);
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. Written
// here rather than taken from the core, so that the core is not checked against itself.
bool valid_utf8(std::string_view s);

// An absolute http(s) URL with a non-empty host (userinfo and port aside), no white space or
// control characters: what every href and src must be. Independent of bundle/url.h.
bool http_url_with_host(std::string_view url);

// Checks markup the renderer produced, `what` naming it in a failure: valid UTF-8; every `<`
// opens or closes an element the renderer writes, with double-quoted attribute values holding
// no `"`, `<` or `>`; text holds no `>` and only the character references escape_html writes;
// every href and src is an http(s) URL with a host.
void check_markup(std::string_view html, std::string_view what);

// How many times `c` occurs in `s`.
std::size_t count(std::string_view s, char c);

// The element tree's JSON form, as web/xml-tree.js sends it (bundle/xml_tree.h).
std::string xml_tree_json(const XmlElement& root);

// The fixture files under tests/fixtures/ (JSONTestSuite excluded) whose names end with one of
// `extensions`, in path order, as (relative path, bytes).
struct SeedFile {
  std::string name;
  std::string bytes;
};
std::vector<SeedFile> fixture_files(const std::vector<std::string>& extensions);
// The JSONTestSuite's test_parsing files (tests/fixtures/JSONTestSuite, a copy of
// ../shared/testdata/JSONTestSuite).
std::vector<SeedFile> json_test_suite();
// Every string value of the JSON fixtures, and every text and attribute of the XML ones
// (through libxml2, as the command line reads them): dates, URLs, titles, HTML excerpts...
// Each once, in a stable order.
std::vector<std::string> fixture_strings();

// With ENCART_FUZZ_SEEDS=DIR set: writes each seed to DIR (named by its index) and returns true,
// for LLVMFuzzerInitialize. Without it: false, nothing written.
bool write_seeds(const std::vector<std::string>& seeds);

}  // namespace encart::fuzz
