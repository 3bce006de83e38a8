#include "bundle/url.h"

#include <optional>
#include <string>

#include <gtest/gtest.h>

namespace encart {
namespace {

constexpr const char* kBase = "https://www.example.fr/politique/2024/article.html?page=2#haut";

std::optional<std::string> resolve(std::string_view ref, std::string_view base = kBase) {
  return resolve_http_url(ref, base);
}

TEST(ResolveHttpUrl, KeepsAbsoluteHttpAndHttpsUnchanged) {
  EXPECT_EQ(resolve("https://example.org/a?b=c#d", ""), "https://example.org/a?b=c#d");
  EXPECT_EQ(resolve("http://example.org/", ""), "http://example.org/");
  EXPECT_EQ(resolve("https://example.org/sécurité", ""), "https://example.org/sécurité");
  EXPECT_EQ(resolve("https://other.example/x"), "https://other.example/x");
}

TEST(ResolveHttpUrl, AcceptsSchemeInAnyCase) {
  EXPECT_EQ(resolve("HTTPS://EXAMPLE.ORG/A", ""), "HTTPS://EXAMPLE.ORG/A");
  EXPECT_EQ(resolve("HtTp://example.org/a", ""), "HtTp://example.org/a");
}

TEST(ResolveHttpUrl, RejectsOtherSchemes) {
  for (const char* ref :
       {"javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:alert(1)",
        "data:text/html,<script>alert(1)</script>", "ftp://example.org/f", "mailto:redaction@example.fr",
        "file:///etc/passwd", "vbscript:msgbox", "tel:+212600000000", "blob:https://example.org/x"}) {
    EXPECT_FALSE(resolve(ref)) << ref;
    EXPECT_FALSE(resolve(ref, "")) << ref;
  }
}

TEST(ResolveHttpUrl, RejectsSchemesHiddenBehindControlCharacters) {
  EXPECT_FALSE(resolve("java\tscript:alert(1)"));
  EXPECT_FALSE(resolve("java\nscript:alert(1)"));
  EXPECT_FALSE(resolve("\x01javascript:alert(1)"));
}

TEST(ResolveHttpUrl, RejectsSpacesAndControlCharactersInside) {
  EXPECT_FALSE(resolve("https://example.org/a b", ""));
  EXPECT_FALSE(resolve("https://example.org/a\nb", ""));
  EXPECT_FALSE(resolve("https://example.org/a\x7F", ""));
  EXPECT_FALSE(resolve("https://example.org/a\\b", ""));
  EXPECT_FALSE(resolve("/a b"));
}

TEST(ResolveHttpUrl, TrimsSurroundingBlanks) {
  EXPECT_EQ(resolve("  https://example.org/a\t", ""), "https://example.org/a");
}

// Found by tests/fuzz/urls_fuzz: " https://x" counted as relative, though it resolves without a base.
TEST(IsRelativeReference, IgnoresTheBlanksThatResolvingIgnores) {
  EXPECT_FALSE(is_relative_reference(" https://example.org/a"));
  EXPECT_FALSE(is_relative_reference("\tjavascript:alert(1)"));
  EXPECT_FALSE(is_relative_reference("   "));
  EXPECT_TRUE(is_relative_reference("  /a  "));
}

TEST(ResolveHttpUrl, RejectsEmptyReference) {
  EXPECT_FALSE(resolve(""));
  EXPECT_FALSE(resolve("   "));
}

TEST(ResolveHttpUrl, ResolvesRootRelativePathAgainstOrigin) {
  EXPECT_EQ(resolve("/a"), "https://www.example.fr/a");
  EXPECT_EQ(resolve("/a/b?c#d"), "https://www.example.fr/a/b?c#d");
  EXPECT_EQ(resolve("/a", "http://example.org:8080/x/y"), "http://example.org:8080/a");
}

TEST(ResolveHttpUrl, ResolvesSchemeRelativeWithTheBaseScheme) {
  EXPECT_EQ(resolve("//cdn.example.org/a"), "https://cdn.example.org/a");
  EXPECT_EQ(resolve("//cdn.example.org/a", "http://example.org/"), "http://cdn.example.org/a");
}

TEST(ResolveHttpUrl, ResolvesPathRelativeAgainstBaseDirectory) {
  EXPECT_EQ(resolve("a/b"), "https://www.example.fr/politique/2024/a/b");
  EXPECT_EQ(resolve("a", "https://example.org"), "https://example.org/a");
  EXPECT_EQ(resolve("a", "https://example.org/dir/"), "https://example.org/dir/a");
  EXPECT_EQ(resolve("a", "https://example.org?x=1"), "https://example.org/a");
}

TEST(ResolveHttpUrl, ResolvesQueryAgainstBasePath) {
  EXPECT_EQ(resolve("?q=1"), "https://www.example.fr/politique/2024/article.html?q=1");
  EXPECT_EQ(resolve("?q", "https://example.org"), "https://example.org/?q");
}

TEST(ResolveHttpUrl, ResolvesFragmentAgainstWholeBase) {
  EXPECT_EQ(resolve("#f"), "https://www.example.fr/politique/2024/article.html?page=2#f");
}

TEST(ResolveHttpUrl, RejectsRelativeWithoutBase) {
  for (const char* ref : {"/a", "//host/a", "a/b", "?q", "#f"}) EXPECT_FALSE(resolve(ref, "")) << ref;
}

TEST(ResolveHttpUrl, RejectsRelativeAgainstUnusableBase) {
  EXPECT_FALSE(resolve("/a", "javascript:alert(1)"));
  EXPECT_FALSE(resolve("/a", "ftp://example.org/"));
  EXPECT_FALSE(resolve("/a", "/relative/base"));
  EXPECT_FALSE(resolve("/a", "https://"));
}

TEST(ResolveHttpUrl, RejectsMalformedHttpSchemes) {
  for (const char* ref :
       {"https:/x", "https:x", "http:", "https://", "https:///x", "http:\\\\x", "https:example.org"}) {
    EXPECT_FALSE(resolve(ref)) << ref;
    EXPECT_FALSE(resolve(ref, "")) << ref;
  }
}

// Found by tests/fuzz/urls_fuzz: "https://h:443:443/" passed for a URL with host "h".
TEST(ResolveHttpUrl, RejectsUrlsWithAPortBrowsersRefuse) {
  for (const char* ref : {"https://h.example:443:443/", "https://h.example:99999/a", "http://h.example:8o/",
                          "https://[::1]:80:80/", "https://u@h.example:-1/"}) {
    EXPECT_FALSE(resolve(ref, "")) << ref;
    EXPECT_FALSE(resolve("/a", ref)) << ref;
    EXPECT_EQ(absolute_url_defect(ref), "has a port that is not a number up to 65535") << ref;
  }
  for (const char* ref :
       {"https://h.example:65535/a", "https://h.example:/a", "https://u:p@h.example:8080?q"}) {
    EXPECT_TRUE(is_absolute_http_url(ref)) << ref;
  }
}

TEST(ResolveHttpUrl, RejectsUrlsWhoseAuthorityHasNoHost) {
  // "[]" and "[x]": found by tests/fuzz/urls_fuzz, they passed as hosts.
  for (const char* ref : {"https://?x", "https://#f", "https://:443/a", "https://user@/a", "http://@:80",
                          "https://[]/a", "https://[x]/a", "https://[:/a"}) {
    EXPECT_FALSE(resolve(ref, "")) << ref;
    EXPECT_FALSE(is_absolute_http_url(ref)) << ref;
    EXPECT_EQ(absolute_url_defect(ref), "has no host") << ref;
  }
  EXPECT_TRUE(is_absolute_http_url("https://user@example.org:8443/a"));
  EXPECT_TRUE(is_absolute_http_url("https://[::1]:8080/"));
  EXPECT_EQ(absolute_url_defect("https://example.org"), "");
}

TEST(ResolveHttpUrl, RefusesABaseWithoutHostRatherThanMakingHostlessLinks) {
  // "https://?x" as a base once turned "/a" into "https:///a".
  for (const char* base : {"https://?x", "https://#f", "https://:80/dir/"}) {
    for (const char* ref : {"/a", "a", "?q", "#f"}) EXPECT_FALSE(resolve(ref, base)) << base << " " << ref;
  }
}

TEST(ResolveHttpUrl, RejectsSchemeRelativeReferenceWithoutHost) {
  // "https:///x" is refused when written out; written as "///x" or "//" it must not come back
  // as an http(s) URL with an empty host either.
  EXPECT_FALSE(resolve("//"));
  EXPECT_FALSE(resolve("///evil.example/x"));
}

TEST(UrlMatchKey, TreatsTwoSpellingsOfThePageAddressAsOne) {
  const std::string key = url_match_key("https://www.example.ma/politique/article-12");
  EXPECT_EQ(key, "www.example.ma/politique/article-12");
  EXPECT_EQ(url_match_key("http://WWW.Example.MA/politique/article-12/"), key);
  EXPECT_EQ(url_match_key("https://www.example.ma:443/politique/article-12#commentaires"), key);
  EXPECT_EQ(url_match_key("http://www.example.ma:80/politique/article-12//"), key);
  EXPECT_EQ(url_match_key("https://www.example.ma/"), url_match_key("http://www.example.ma"));
}

TEST(UrlMatchKey, KeepsWhatNamesAnotherPage) {
  const std::string key = url_match_key("https://www.example.ma/a");
  EXPECT_NE(url_match_key("https://www.example.ma/A"), key);       // paths are case-sensitive
  EXPECT_NE(url_match_key("https://www.example.ma:8080/a"), key);  // another port
  EXPECT_NE(url_match_key("https://www.example.ma/a?p=12"), key);  // the query names a post
  EXPECT_EQ(url_match_key("https://www.example.ma/a/?p=12"), url_match_key("https://www.example.ma/a?p=12"));
  EXPECT_EQ(url_match_key("https://www.example.ma:80/a"), "www.example.ma:80/a");  // 80 is not https's port
}

TEST(UrlMatchKey, IsEmptyForWhatIsNotAnHttpAddress) {
  EXPECT_EQ(url_match_key("javascript:alert(1)"), "");
  EXPECT_EQ(url_match_key("/politique/article-12"), "");
  EXPECT_EQ(url_match_key("https://?x"), "");
  EXPECT_EQ(url_match_key(""), "");
}

}  // namespace
}  // namespace encart
