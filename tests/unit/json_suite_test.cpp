// Every file of JSONTestSuite's test_parsing through parse_bundle: it must always return (no
// crash, no hang), refuse every n_ file with a message, and read every y_ file as JSON.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "bundle/feeds.h"
#include "bundle/parser.h"
#include "test_bundles.h"

namespace encart {
namespace {

namespace fs = std::filesystem;

struct SuiteFile {
  std::string name;
  std::string bytes;
};

std::vector<SuiteFile> suite_files() {
  std::vector<SuiteFile> files;
  const fs::path dir = fs::path(ENCART_FIXTURES_DIR) / "JSONTestSuite" / "test_parsing";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    files.push_back({entry.path().filename().string(), bytes.str()});
  }
  std::sort(files.begin(), files.end(),
            [](const SuiteFile& a, const SuiteFile& b) { return a.name < b.name; });
  return files;
}

const std::vector<SuiteFile>& files() {
  static const std::vector<SuiteFile> kFiles = suite_files();
  return kFiles;
}

std::size_t count_prefix(const char* prefix) {
  return static_cast<std::size_t>(std::count_if(
      files().begin(), files().end(), [&](const SuiteFile& f) { return f.name.rfind(prefix, 0) == 0; }));
}

TEST(JsonTestSuite, SeesAll318Files) {
  EXPECT_EQ(files().size(), 318u);
  EXPECT_EQ(count_prefix("y_"), 95u);
  EXPECT_EQ(count_prefix("n_"), 188u);
  EXPECT_EQ(count_prefix("i_"), 35u);
}

TEST(JsonTestSuite, RefusesEveryInvalidFileWithAMessage) {
  std::size_t seen = 0;
  for (const auto& f : files()) {
    if (f.name.rfind("n_", 0) != 0) continue;
    SCOPED_TRACE(f.name);
    ++seen;
    const auto result = parse_bundle(f.bytes, {});
    ASSERT_FALSE(result.ok());
    EXPECT_FALSE(result.error().message.empty());
  }
  EXPECT_EQ(seen, 188u);
}

TEST(JsonTestSuite, EveryFeedReaderReturnsOnEveryFileAndRefusesInvalidOnes) {
  // The JSON Feed, WordPress and XML tree readers parse whole documents, unlike parse_bundle.
  for (const auto& f : files()) {
    SCOPED_TRACE(f.name);
    for (const InputFormat format :
         {InputFormat::kAuto, InputFormat::kJsonFeed, InputFormat::kWordPress, InputFormat::kXmlTree}) {
      const auto result = parse_input(f.bytes, format, {});
      if (f.name.rfind("n_", 0) == 0) EXPECT_FALSE(result.ok()) << format_name(format);
      if (!result.ok()) EXPECT_FALSE(result.error().message.empty()) << format_name(format);
    }
  }
}

TEST(JsonTestSuite, ReportsEveryInvalidFileAsBadJson) {
  // Not JSON is a syntax error with a position, even when the top level is not an object.
  for (const auto& f : files()) {
    if (f.name.rfind("n_", 0) != 0) continue;
    SCOPED_TRACE(f.name);
    const auto result = parse_bundle(f.bytes, {});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::kBadJson) << result.error().message;
  }
}

TEST(JsonTestSuite, ReadsEveryValidFileAsJson) {
  std::size_t seen = 0;
  for (const auto& f : files()) {
    if (f.name.rfind("y_", 0) != 0) continue;
    SCOPED_TRACE(f.name);
    ++seen;
    const auto result = parse_bundle(f.bytes, {});
    if (!result.ok()) {
      // Valid JSON that is not a bundle: a bundle-shape error, never a syntax error.
      EXPECT_EQ(result.error().code, ErrorCode::kBadBundle) << result.error().message;
      EXPECT_FALSE(result.error().message.empty());
    }
  }
  EXPECT_EQ(seen, 95u);
}

TEST(JsonTestSuite, ReturnsOnEveryImplementationDefinedFile) {
  std::size_t seen = 0;
  for (const auto& f : files()) {
    if (f.name.rfind("i_", 0) != 0) continue;
    SCOPED_TRACE(f.name);
    ++seen;
    const auto result = parse_bundle(f.bytes, {});
    if (!result.ok()) EXPECT_FALSE(result.error().message.empty());
  }
  EXPECT_EQ(seen, 35u);
}

TEST(JsonTestSuite, GivesPositionsInsideTheInputForSyntaxErrors) {
  for (const auto& f : files()) {
    const auto result = parse_bundle(f.bytes, {});
    if (result.ok() || result.error().code != ErrorCode::kBadJson) continue;
    SCOPED_TRACE(f.name);
    const Error& e = result.error();
    EXPECT_GE(e.line, 1u);
    EXPECT_GE(e.column, 1u);
    EXPECT_LE(e.offset, f.bytes.size());
  }
}

}  // namespace
}  // namespace encart
