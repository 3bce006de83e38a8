// The related settings, views windows and error codes come from one table
// (src/common/vocabulary.json → common/vocabulary.h): every setting of it reads from a bundle,
// clamps to its range with a warning that names it, and every error code has its name.
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "bundle/parser.h"
#include "common/result.h"
#include "related/settings.h"
#include "test_bundles.h"

namespace encart {
namespace {

// {"weights": {"text": V}} or {"min_score": V}: where `spec` lives in a bundle's "related".
std::string related_object(const RelatedSettingSpec& spec, const std::string& value) {
  const std::string member = "\"" + std::string(spec.name) + "\": " + value;
  return spec.group.empty() ? "{" + member + "}" : "{\"" + std::string(spec.group) + "\": {" + member + "}}";
}

Bundle parse_with_related(const std::string& related) {
  const std::string text = test::bundle({test::article("a")}, "\"related\": " + related);
  auto parsed = parse_bundle(text, {});
  EXPECT_TRUE(parsed.ok()) << text;
  return parsed.ok() ? std::move(parsed).value() : Bundle{};
}

TEST(Vocabulary, EverySettingReadsFromABundleAndApplies) {
  for (const RelatedSettingSpec& spec : kRelatedSettings) {
    SCOPED_TRACE(std::string(spec.path));
    const bool flag = spec.kind == SettingKind::kFlag;
    const double wanted = flag ? 1 - spec.get(RelatedSettings{}) : std::floor((spec.min + spec.max) / 2);
    const std::string value = flag ? (wanted != 0 ? "true" : "false") : std::to_string(wanted);
    const Bundle b = parse_with_related(related_object(spec, value));
    EXPECT_TRUE(b.warnings.empty()) << b.warnings.front();
    const RelatedSettings applied = apply(RelatedSettings{}, b.related);
    EXPECT_EQ(spec.get(applied), wanted);
    // Every other setting keeps its default.
    for (const RelatedSettingSpec& other : kRelatedSettings) {
      if (&other != &spec) EXPECT_EQ(other.get(applied), other.get(RelatedSettings{})) << other.path;
    }
  }
}

TEST(Vocabulary, OutOfRangeAndMistypedSettingsAreNamedInWarnings) {
  for (const RelatedSettingSpec& spec : kRelatedSettings) {
    SCOPED_TRACE(std::string(spec.path));
    const std::string where = "related." + std::string(spec.path) + ": ";
    const Bundle mistyped = parse_with_related(related_object(spec, "\"x\""));
    ASSERT_EQ(mistyped.warnings.size(), 1u);
    EXPECT_EQ(mistyped.warnings[0].rfind(where + "expected ", 0), 0u) << mistyped.warnings[0];
    if (spec.kind == SettingKind::kFlag) continue;
    const Bundle high = parse_with_related(related_object(spec, std::to_string(spec.max + 5)));
    std::vector<std::string> warnings;
    const RelatedSettings applied = apply(RelatedSettings{}, high.related, &warnings);
    EXPECT_EQ(spec.get(applied), spec.max);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].rfind(where, 0), 0u) << warnings[0];
    EXPECT_NE(warnings[0].find("is above"), std::string::npos) << warnings[0];
  }
}

TEST(Vocabulary, AGroupThatIsNotAnObjectIsNamedOnce) {
  const Bundle b = parse_with_related(R"({"weights": 3})");
  ASSERT_EQ(b.warnings.size(), 1u);
  EXPECT_EQ(b.warnings[0], "related.weights: expected an object, found an integer (ignored)");
}

TEST(Vocabulary, EveryErrorCodeHasItsNameAndUnknownOnesReadInternal) {
  for (std::size_t i = 0; i < kErrorCodeNames.size(); ++i) {
    EXPECT_EQ(error_code_name(static_cast<ErrorCode>(i)), kErrorCodeNames[i]);
  }
  EXPECT_STREQ(error_code_name(static_cast<ErrorCode>(kErrorCodeNames.size())), "internal");
  EXPECT_STREQ(error_code_name(ErrorCode::kBadPack), "bad_pack");
}

TEST(Vocabulary, ViewsWindowsReadTheirOwnBundleField) {
  test::Fields fields;
  for (std::size_t w = 0; w < kViewWindowCount; ++w) {
    fields.push_back({std::string(kViewWindows[w].field), std::to_string(10 + w)});
  }
  auto parsed = parse_bundle(test::bundle({test::article("a", fields)}), {});
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed.value().articles.size(), 1u);
  for (std::size_t w = 0; w < kViewWindowCount; ++w) {
    EXPECT_EQ(parsed.value().articles[0].views[w], static_cast<std::int64_t>(10 + w))
        << kViewWindows[w].field;
  }
}

}  // namespace
}  // namespace encart
