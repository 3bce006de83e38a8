// ISO 8601 / RFC 3339 timestamps, as used by bundles and filters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace encart {

struct DateTime {
  std::int64_t epoch_ms = 0;        // UTC milliseconds since 1970-01-01
  std::int32_t offset_minutes = 0;  // the offset it was written with; used to show the local date
};

struct CivilDate {
  int year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};

enum class OffsetRule {
  kRequired,  // bundles: "2024-12-09T10:15:00+01:00" or "...Z"
  kOptional,  // filters: a missing offset or a date alone ("2024-12-09") mean UTC
};

// Accepts YYYY-MM-DD[(T|t| )HH:MM[:SS[.fraction]]][Z|z|±HH:MM|±HHMM]. Returns nullopt for
// anything else, including impossible dates (2024-02-30) and out-of-range fields.
std::optional<DateTime> parse_iso8601(std::string_view text, OffsetRule rule);

// RSS's RFC 822 dates ("Mon, 09 Dec 2024 10:15:00 +0100", "9 Dec 24 10:15 GMT", the US zone
// names) as ISO 8601 with the offset they were written with ("2024-12-09T10:15:00+01:00", "Z"
// for UTC); nullopt for anything else. Day names are not checked against the date.
std::optional<std::string> rfc822_to_iso8601(std::string_view text);

// True when `text`, already accepted by parse_iso8601, is a date alone (no time).
bool is_date_only(std::string_view text);

// The calendar date at the instant's own offset (what a reader of that site sees).
CivilDate local_date(const DateTime& t);

// The same date as a day number (days since 1970-01-01): comparable with date-only bounds.
std::int64_t local_day_number(const DateTime& t);

}  // namespace encart
