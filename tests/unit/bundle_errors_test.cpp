// Bundle input that cannot be loaded at all (fatal errors, with positions) and the limits on
// what is loaded. Split from bundle_parser_test.cpp, which covers skipped articles and fields.
#include "bundle/parser.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_bundles.h"

namespace encart {
namespace {

using test::article;
using test::bundle;
using test::contains;
using test::js;
using test::kOmit;

// --- fatal errors ---------------------------------------------------------------------------

Error parse_error(std::string_view json, const ParseOptions& options = {}) {
  auto result = parse_bundle(json, options);
  EXPECT_FALSE(result.ok());
  return result.ok() ? Error{ErrorCode::kNotLoaded, "unexpectedly loaded"} : result.error();
}

TEST(BundleParser, RejectsTextThatIsNotJson) {
  const Error e = parse_error("Bonjour, ceci n'est pas du JSON");
  EXPECT_EQ(e.code, ErrorCode::kBadJson);
  EXPECT_EQ(e.line, 1u);
  EXPECT_EQ(e.column, 1u);
  EXPECT_EQ(e.offset, 0u);
  EXPECT_TRUE(contains(e.message, "line 1, column 1")) << e.message;
}

TEST(BundleParser, ReportsLineAndColumnOfASyntaxError) {
  const Error e = parse_error(test::read_fixture("bad.json"));
  EXPECT_EQ(e.code, ErrorCode::kBadJson);
  EXPECT_EQ(e.line, 3u);
  EXPECT_EQ(e.column, 28u);
  EXPECT_EQ(e.offset, 57u);
  EXPECT_TRUE(contains(e.message, "line 3, column 28")) << e.message;
  EXPECT_TRUE(contains(e.message, "byte 57")) << e.message;
}

TEST(BundleParser, CountsColumnsInCodePoints) {
  const std::string json = "{\"version\": 1,\n\"articles\": [\n{\"title\": \"Sécurité\" ]}";
  const Error e = parse_error(json);
  EXPECT_EQ(e.code, ErrorCode::kBadJson);
  EXPECT_EQ(e.line, 3u);
  EXPECT_EQ(e.column, 22u);  // the ']' after "Sécurité", counted in characters
  EXPECT_EQ(e.offset, json.find(']'));
}

TEST(BundleParser, ReportsTruncatedInput) {
  const Error e = parse_error("{\"version\":1,\n\"articles\":[");
  EXPECT_EQ(e.code, ErrorCode::kBadJson);
  EXPECT_EQ(e.line, 2u);
  EXPECT_TRUE(contains(e.message, "ends too early")) << e.message;
}

TEST(BundleParser, CountsLinesEndedByCrLfOrCrAlone) {
  const Error crlf = parse_error("{\"version\": 1,\r\n\"articles\": [\r\n  ,]}");
  EXPECT_EQ(crlf.code, ErrorCode::kBadJson);
  EXPECT_EQ(crlf.line, 3u);
  EXPECT_EQ(crlf.column, 3u);
  const Error cr = parse_error("{\"version\": 1,\r\"articles\": [\r  ,]}");
  EXPECT_EQ(cr.line, 3u);
  EXPECT_EQ(cr.column, 3u);
}

TEST(BundleParser, ReportsASyntaxErrorBeforeAShapeProblem) {
  // Not JSON at all: the position matters more than the (also wrong) top-level type.
  const Error array = parse_error("[1,\n2,]");
  EXPECT_EQ(array.code, ErrorCode::kBadJson);
  EXPECT_EQ(array.line, 2u);
  EXPECT_EQ(array.column, 3u);
  EXPECT_EQ(parse_error("{\"articles\": 5, }").code, ErrorCode::kBadJson);
  EXPECT_EQ(parse_error("{\"articles\": {\"a\": }}").code, ErrorCode::kBadJson);
}

TEST(BundleParser, AcceptsAUtf8ByteOrderMark) {
  const Bundle b = test::parse_ok("\xEF\xBB\xBF" + bundle({article("a")}));
  EXPECT_EQ(b.articles.size(), 1u);
}

TEST(BundleParser, RejectsBytesAfterANulCharacter) {
  // A NUL byte is not JSON whitespace: what follows the bundle must not be silently dropped.
  std::string json = bundle({article("a")});
  json += '\0';
  json += "{\"pas\": \"du JSON\"";
  const auto result = parse_bundle(json, {});
  ASSERT_FALSE(result.ok()) << "loaded " << result.value().articles.size() << " article(s)";
  EXPECT_EQ(result.error().code, ErrorCode::kBadJson);
  EXPECT_EQ(result.error().offset, json.find('\0'));
}

TEST(BundleParser, RejectsEmptyInput) {
  const Error e = parse_error("");
  EXPECT_EQ(e.code, ErrorCode::kBadJson);
  EXPECT_FALSE(e.message.empty());
}

TEST(BundleParser, RejectsInvalidUtf8AsBadJson) {
  const Error e = parse_error("{\"articles\":[{\"id\":\"a\xFF\"}]}");
  EXPECT_EQ(e.code, ErrorCode::kBadJson);
}

TEST(BundleParser, NeverEchoesControlBytesInSyntaxErrorMessage) {
  const Error e = parse_error("{\"articles\": [\x01<script>]}");
  EXPECT_EQ(e.code, ErrorCode::kBadJson);
  for (const unsigned char c : e.message) EXPECT_GE(c, 0x20) << e.message;
}

TEST(BundleParser, RejectsTopLevelArray) {
  const Error e = parse_error("[" + article("a") + "]");
  EXPECT_EQ(e.code, ErrorCode::kBadBundle);
  EXPECT_TRUE(contains(e.message, "articles")) << e.message;
}

TEST(BundleParser, RejectsTopLevelScalars) {
  for (const char* json : {"null", "1", "\"articles\"", "true"}) {
    EXPECT_EQ(parse_error(json).code, ErrorCode::kBadBundle) << json;
  }
}

TEST(BundleParser, RejectsBundleWithoutArticles) {
  for (const char* json : {"{}", "{\"version\":1}", "{\"site\":{\"articles\":[]}}"}) {
    const Error e = parse_error(json);
    EXPECT_EQ(e.code, ErrorCode::kBadBundle) << json;
    EXPECT_TRUE(contains(e.message, "\"articles\"")) << e.message;
  }
}

TEST(BundleParser, RejectsArticlesThatIsNotAnArray) {
  for (const char* json :
       {"{\"articles\":{}}", "{\"articles\":\"[]\"}", "{\"articles\":null}", "{\"articles\":3}"}) {
    const Error e = parse_error(json);
    EXPECT_EQ(e.code, ErrorCode::kBadBundle) << json;
    EXPECT_TRUE(contains(e.message, "must be an array")) << e.message;
  }
}

TEST(BundleParser, RejectsArticlesGivenTwice) {
  const Error e = parse_error("{\"articles\":[],\"articles\":[]}");
  EXPECT_EQ(e.code, ErrorCode::kBadBundle);
  EXPECT_TRUE(contains(e.message, "\"articles\" appears twice")) << e.message;
  // Whichever comes first, one that is not an array is reported as such.
  for (const char* json : {"{\"articles\":[],\"articles\":3}", "{\"articles\":{},\"articles\":[]}"}) {
    const Error twice = parse_error(json);
    EXPECT_EQ(twice.code, ErrorCode::kBadBundle) << json;
    EXPECT_TRUE(contains(twice.message, "\"articles\" must be an array")) << json << ": " << twice.message;
  }
}

TEST(BundleParser, RejectsVersionTwo) {
  const Error e = parse_error("{\"version\":2,\"articles\":[" + article("a") + "]}");
  EXPECT_EQ(e.code, ErrorCode::kUnsupportedVersion);
  EXPECT_TRUE(contains(e.message, "found 2")) << e.message;
}

TEST(BundleParser, RejectsVersionThatIsNotTheInteger1) {
  for (const char* v : {"\"1\"", "0", "-1", "1.5", "[1]", "\"v1\""}) {
    const Error e = parse_error(std::string("{\"version\":") + v + ",\"articles\":[]}");
    EXPECT_EQ(e.code, ErrorCode::kUnsupportedVersion) << v;
  }
}

TEST(BundleParser, ChecksVersionEvenWhenItComesLast) {
  const Error e = parse_error("{\"articles\":[],\"version\":3}");
  EXPECT_EQ(e.code, ErrorCode::kUnsupportedVersion);
}

TEST(BundleParser, NamesTheTypeOfANonNumericVersion) {
  const Error e = parse_error("{\"version\":\"1\",\"articles\":[]}");
  EXPECT_EQ(e.code, ErrorCode::kUnsupportedVersion);
  EXPECT_TRUE(contains(e.message, "found string")) << e.message;
}

TEST(BundleParser, KeepsUnsupportedVersionMessageShort) {
  const std::string huge(100'000, 'x');
  const Error e = parse_error("{\"version\":\"" + huge + "\",\"articles\":[]}");
  EXPECT_EQ(e.code, ErrorCode::kUnsupportedVersion);
  EXPECT_LT(e.message.size(), 200u) << "the message echoes the whole version value";
}

TEST(BundleParser, SurvivesDeeplyNestedVersion) {
  const std::size_t depth = 100'000;
  const std::string json =
      "{\"version\":" + std::string(depth, '[') + std::string(depth, ']') + ",\"articles\":[]}";
  const Error e = parse_error(json);
  EXPECT_EQ(e.code, ErrorCode::kUnsupportedVersion);
}

TEST(BundleParser, SurvivesDeeplyNestedUnknownField) {
  const std::size_t depth = 100'000;
  const std::string nested = std::string(depth, '[') + std::string(depth, ']');
  const Bundle b = test::parse_ok(bundle({article("a", {{"x_cms", nested}})}, "\"extra\":" + nested));
  EXPECT_EQ(b.articles.size(), 1u);
}

TEST(BundleParser, RejectsInputOverTheByteLimit) {
  ParseOptions options;
  options.max_bytes = 64;
  const std::string json = bundle({article("a"), article("b")});
  const Error e = parse_error(json, options);
  EXPECT_EQ(e.code, ErrorCode::kTooLarge);
  EXPECT_TRUE(contains(e.message, std::to_string(json.size()))) << e.message;
  EXPECT_TRUE(contains(e.message, "64")) << e.message;
  options.max_bytes = json.size();
  EXPECT_TRUE(parse_bundle(json, options).ok());
}

// --- limits ---------------------------------------------------------------------------------

TEST(BundleParser, ReportsArticlesOverTheLimitOnce) {
  ParseOptions options;
  options.max_articles = 2;
  std::vector<std::string> articles;
  for (int i = 0; i < 5; ++i) articles.push_back(article("a" + std::to_string(i)));
  const Bundle b = test::parse_ok(bundle(articles), options);
  ASSERT_EQ(b.articles.size(), 2u);
  EXPECT_EQ(b.articles[0].id, "a0");
  EXPECT_EQ(b.articles[1].id, "a1");
  ASSERT_EQ(b.skipped.size(), 1u);
  EXPECT_EQ(b.skipped[0].index, 2u);
  EXPECT_TRUE(contains(b.skipped[0].reason(), "articles[2..]: 3 articles over the limit of 2"))
      << b.skipped[0].reason();
  EXPECT_EQ(b.skipped_total, 3u);
}

TEST(BundleParser, CountsSkippedArticlesTowardsTheArticleLimit) {
  ParseOptions options;
  options.max_articles = 3;
  const Bundle b = test::parse_ok(
      bundle({article("a"), article("b", {{"title", kOmit}}), article("c"), article("d"), article("e")}),
      options);
  EXPECT_EQ(b.articles.size(), 2u);
  EXPECT_EQ(b.skipped_total, 3u);
  ASSERT_EQ(b.skipped.size(), 2u);
  EXPECT_EQ(b.skipped[0].index, 1u);
  EXPECT_EQ(b.skipped[1].index, 3u);
}

TEST(BundleParser, CapsTheSkipListButCountsEverySkip) {
  ParseOptions options;
  options.max_reported_skips = 3;
  std::vector<std::string> articles;
  for (int i = 0; i < 10; ++i) articles.push_back(article("bad" + std::to_string(i), {{"title", kOmit}}));
  articles.push_back(article("good"));
  const Bundle b = test::parse_ok(bundle(articles), options);
  EXPECT_EQ(b.articles.size(), 1u);
  ASSERT_EQ(b.skipped.size(), 3u);
  EXPECT_EQ(b.skipped_total, 10u);
  EXPECT_EQ(b.skipped[0].index, 0u);
  EXPECT_EQ(b.skipped[1].index, 1u);
  EXPECT_EQ(b.skipped[2].index, 2u);
}

TEST(BundleParser, ListsSkipsInIndexOrderAcrossValidationStages) {
  // Field errors are found while reading, URL and duplicate errors after: the list is by index.
  const Bundle b = test::parse_ok(bundle({article("a"), article("b", {{"url", js("mailto:x@example.org")}}),
                                          article("c", {{"views", "-1"}}), article("a")}));
  ASSERT_EQ(b.skipped.size(), 3u);
  EXPECT_EQ(b.skipped[0].index, 1u);
  EXPECT_EQ(b.skipped[1].index, 2u);
  EXPECT_EQ(b.skipped[2].index, 3u);
}

}  // namespace
}  // namespace encart
