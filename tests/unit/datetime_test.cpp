#include "bundle/datetime.h"

#include <optional>
#include <string>

#include <gtest/gtest.h>

namespace encart {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;
// 2024-12-09T09:15:00Z
constexpr std::int64_t kRef = 1733735700000;

std::optional<DateTime> required(std::string_view s) { return parse_iso8601(s, OffsetRule::kRequired); }
std::optional<DateTime> optional(std::string_view s) { return parse_iso8601(s, OffsetRule::kOptional); }

bool same_date(const CivilDate& d, int y, unsigned m, unsigned day) {
  return d.year == y && d.month == m && d.day == day;
}

TEST(ParseIso8601, AcceptsUtcDesignatorZ) {
  const auto t = required("2024-12-09T09:15:00Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->epoch_ms, kRef);
  EXPECT_EQ(t->offset_minutes, 0);
}

TEST(ParseIso8601, AcceptsEpochOrigin) {
  const auto t = required("1970-01-01T00:00:00Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->epoch_ms, 0);
}

TEST(ParseIso8601, AcceptsColonOffsetAndKeepsIt) {
  const auto t = required("2024-12-09T10:15:00+01:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->epoch_ms, kRef);
  EXPECT_EQ(t->offset_minutes, 60);
}

TEST(ParseIso8601, AcceptsCompactOffset) {
  const auto t = required("2024-12-09T10:15:00+0100");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->epoch_ms, kRef);
  EXPECT_EQ(t->offset_minutes, 60);
}

TEST(ParseIso8601, AcceptsNegativeAndHalfHourOffsets) {
  const auto west = required("2024-12-09T04:15:00-05:00");
  ASSERT_TRUE(west);
  EXPECT_EQ(west->epoch_ms, kRef);
  EXPECT_EQ(west->offset_minutes, -300);
  const auto india = required("2024-12-09T14:45:00+05:30");
  ASSERT_TRUE(india);
  EXPECT_EQ(india->epoch_ms, kRef);
  EXPECT_EQ(india->offset_minutes, 330);
}

TEST(ParseIso8601, AcceptsFractionsOfASecond) {
  EXPECT_EQ(required("2024-12-09T09:15:00.5Z")->epoch_ms, kRef + 500);
  EXPECT_EQ(required("2024-12-09T09:15:00.123Z")->epoch_ms, kRef + 123);
  EXPECT_EQ(required("2024-12-09T09:15:00.123456789Z")->epoch_ms, kRef + 123);
  EXPECT_EQ(required("2024-12-09T09:15:00,25Z")->epoch_ms, kRef + 250);
}

TEST(ParseIso8601, AcceptsLowercaseSeparatorAndZone) {
  const auto t = required("2024-12-09t09:15:00z");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->epoch_ms, kRef);
}

TEST(ParseIso8601, AcceptsSpaceSeparator) {
  const auto t = required("2024-12-09 10:15:00+01:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->epoch_ms, kRef);
}

TEST(ParseIso8601, AcceptsMissingSeconds) {
  const auto t = required("2024-12-09T10:15+01:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->epoch_ms, kRef);
}

TEST(ParseIso8601, RejectsMissingOffsetWhenRequired) {
  EXPECT_FALSE(required("2024-12-09T10:15:00"));
  EXPECT_FALSE(required("2024-12-09T10:15"));
}

TEST(ParseIso8601, RejectsDateOnlyWhenOffsetRequired) { EXPECT_FALSE(required("2024-12-09")); }

TEST(ParseIso8601, RejectsImpossibleDates) {
  EXPECT_FALSE(required("2024-02-30T10:00:00Z"));
  EXPECT_FALSE(required("2023-02-29T10:00:00Z"));
  EXPECT_FALSE(required("1900-02-29T10:00:00Z"));
  EXPECT_FALSE(required("2024-04-31T10:00:00Z"));
  EXPECT_FALSE(required("2024-13-01T10:00:00Z"));
  EXPECT_FALSE(required("2024-00-10T10:00:00Z"));
  EXPECT_FALSE(required("2024-12-00T10:00:00Z"));
  EXPECT_FALSE(optional("2024-02-30"));
}

TEST(ParseIso8601, AcceptsLeapDays) {
  EXPECT_TRUE(required("2024-02-29T10:00:00Z"));
  EXPECT_TRUE(required("2000-02-29T10:00:00Z"));
}

TEST(ParseIso8601, RejectsOutOfRangeTimes) {
  EXPECT_FALSE(required("2024-12-09T24:00:00Z"));
  EXPECT_FALSE(required("2024-12-09T23:60:00Z"));
  EXPECT_FALSE(required("2024-12-09T23:59:61Z"));
  EXPECT_FALSE(required("2024-12-09T10:00:00+24:00"));
  EXPECT_FALSE(required("2024-12-09T10:00:00+01:60"));
}

TEST(ParseIso8601, RejectsGarbageAndTrailingText) {
  for (const char* s : {"",
                        "garbage",
                        "hier",
                        "2024",
                        "2024-12",
                        "24-12-09T10:00:00Z",
                        "2024-12-9T10:00:00Z",
                        "2024/12/09T10:00:00Z",
                        " 2024-12-09T10:00:00Z",
                        "2024-12-09T10:00:00Z ",
                        "2024-12-09T10:00:00Zjunk",
                        "2024-12-09T10:00:00+01:00x",
                        "2024-12-09T10",
                        "2024-12-09T10:00:00.Z",
                        "2024-12-09T10:00:00+1",
                        "2024-12-09T10:00:00+01:",
                        "2024-12-09X10:00:00Z",
                        "2024-12-09T",
                        "2024-12-09Z",
                        "2024-12-09T10:00:0Z",
                        "2024-12-09T1O:00:00Z"}) {
    EXPECT_FALSE(required(s)) << '"' << s << '"';
    EXPECT_FALSE(optional(s)) << '"' << s << '"';
  }
}

TEST(ParseIso8601, OptionalRuleReadsDateOnlyAsUtcMidnight) {
  const auto t = optional("2024-12-09");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->epoch_ms, kRef - 9 * kHour - 15 * kMinute);
  EXPECT_EQ(t->offset_minutes, 0);
}

TEST(ParseIso8601, OptionalRuleReadsMissingOffsetAsUtc) {
  const auto t = optional("2024-12-09T09:15:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->epoch_ms, kRef);
}

TEST(ParseIso8601, OptionalRuleStillHonoursAWrittenOffset) {
  const auto t = optional("2024-12-09T10:15:00+01:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->epoch_ms, kRef);
}

TEST(ParseIso8601, ReadsDatesBefore1970AsNegativeEpoch) {
  const auto t = required("1969-12-31T23:59:59Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->epoch_ms, -1000);
  const auto old = required("1900-01-01T00:00:00Z");
  ASSERT_TRUE(old);
  EXPECT_EQ(old->epoch_ms, -2208988800000LL);
}

TEST(IsDateOnly, TellsDatesFromDateTimes) {
  EXPECT_TRUE(is_date_only("2024-12-09"));
  EXPECT_FALSE(is_date_only("2024-12-09T10:00Z"));
  EXPECT_FALSE(is_date_only("2024-12-09T10:00:00+01:00"));
}

TEST(LocalDate, UsesTheWrittenOffset) {
  const auto t = required("2024-12-08T23:30:00-01:00");
  ASSERT_TRUE(t);
  EXPECT_TRUE(same_date(local_date(*t), 2024, 12, 8));
  // The instant itself is already 9 December in UTC.
  EXPECT_EQ(t->epoch_ms, optional("2024-12-09T00:30:00Z")->epoch_ms);
  EXPECT_TRUE(same_date(local_date(DateTime{t->epoch_ms, 0}), 2024, 12, 9));
}

TEST(LocalDate, EastOfUtcCanBeTheNextDay) {
  const auto t = required("2024-12-09T00:30:00+01:00");
  ASSERT_TRUE(t);
  EXPECT_TRUE(same_date(local_date(*t), 2024, 12, 9));
  EXPECT_TRUE(same_date(local_date(DateTime{t->epoch_ms, 0}), 2024, 12, 8));
}

TEST(LocalDate, HandlesDatesBefore1970) {
  const auto t = required("1969-12-31T23:59:59Z");
  ASSERT_TRUE(t);
  EXPECT_TRUE(same_date(local_date(*t), 1969, 12, 31));
  const auto moon = required("1969-07-20T20:17:40Z");
  ASSERT_TRUE(moon);
  EXPECT_TRUE(same_date(local_date(*moon), 1969, 7, 20));
  const auto old = required("1900-03-01T00:00:00+01:00");
  ASSERT_TRUE(old);
  EXPECT_TRUE(same_date(local_date(*old), 1900, 3, 1));
}

TEST(LocalDate, HandlesLeapDayAndYearEnd) {
  EXPECT_TRUE(same_date(local_date(*required("2024-02-29T12:00:00Z")), 2024, 2, 29));
  EXPECT_TRUE(same_date(local_date(*required("2024-12-31T23:59:59.999Z")), 2024, 12, 31));
  EXPECT_TRUE(same_date(local_date(*required("2025-01-01T00:00:00+14:00")), 2025, 1, 1));
}

}  // namespace
}  // namespace encart
