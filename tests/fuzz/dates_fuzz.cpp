// libFuzzer target for dates (bundle/datetime.h): ISO 8601 as bundles and filters write them,
// and RSS's RFC 822 dates. Invariants: an accepted date round-trips, an instant written back
// out (in a canonical form computed here, independently of the core) reads as the same instant
// at the same offset; an offset-required read that succeeds agrees with an offset-optional one;
// the local calendar date is a real date and agrees with the day number; every RFC 822 date the
// core converts is ISO 8601 the bundle reader accepts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "bundle/datetime.h"
#include "fuzz_support.h"

namespace {

using encart::fuzz::check;

// Howard Hinnant's civil_from_days: the proleptic Gregorian date of a day number.
encart::CivilDate civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);
}

// "YYYY-MM-DDTHH:MM:SS.mmm±HH:MM": the instant at its own offset.
std::string canonical(const encart::DateTime& t) {
  const std::int64_t local = t.epoch_ms + t.offset_minutes * 60000LL;
  const std::int64_t day = floor_div(local, 86400000LL);
  const std::int64_t in_day = local - day * 86400000LL;
  const encart::CivilDate date = civil_from_days(day);
  const int offset = t.offset_minutes < 0 ? -t.offset_minutes : t.offset_minutes;
  char out[64];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%03lld%c%02d:%02d", date.year,
                date.month, date.day, static_cast<long long>(in_day / 3600000),
                static_cast<long long>(in_day / 60000 % 60), static_cast<long long>(in_day / 1000 % 60),
                static_cast<long long>(in_day % 1000), t.offset_minutes < 0 ? '-' : '+', offset / 60,
                offset % 60);
  return out;
}

void check_instant(const encart::DateTime& t, std::string_view text) {
  const encart::CivilDate local = encart::local_date(t);
  const encart::CivilDate expected = civil_from_days(encart::local_day_number(t));
  check(local.year == expected.year && local.month == expected.month && local.day == expected.day,
        "local_date and local_day_number disagree", text);
  check(local.month >= 1 && local.month <= 12 && local.day >= 1 && local.day <= 31,
        "a local date that is no date", text);
  // Within the years a 4-digit field writes (an offset may carry 0000-01-01 into year -1).
  if (local.year < 0 || local.year > 9999) return;
  const std::string again = canonical(t);
  const auto reread = encart::parse_iso8601(again, encart::OffsetRule::kRequired);
  check(reread.has_value(), "a date written back out does not read", again);
  check(reread->epoch_ms == t.epoch_ms && reread->offset_minutes == t.offset_minutes,
        "a date written back out reads as another instant", std::string(text) + " -> " + again);
}

}  // namespace

// Seeds: every string of the fixtures (their dates among them: published, pubDate, updated...).
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)encart::fuzz::write_seeds(encart::fuzz::fixture_strings());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = encart::fuzz::as_text(data, size);
  const auto required = encart::parse_iso8601(text, encart::OffsetRule::kRequired);
  const auto optional = encart::parse_iso8601(text, encart::OffsetRule::kOptional);
  if (required) {
    check(optional && optional->epoch_ms == required->epoch_ms &&
              optional->offset_minutes == required->offset_minutes,
          "a date with its offset reads differently when the offset is optional", text);
    check(!encart::is_date_only(text), "a date alone read as having an offset", text);
    check_instant(*required, text);
  }
  if (optional) check_instant(*optional, text);
  if (const auto iso = encart::rfc822_to_iso8601(text)) {
    check(encart::fuzz::valid_utf8(*iso), "an RFC 822 date converted to invalid UTF-8", *iso);
    const auto parsed = encart::parse_iso8601(*iso, encart::OffsetRule::kRequired);
    check(parsed.has_value(), "an RFC 822 date converted to ISO 8601 the bundle reader refuses",
          std::string(text) + " -> " + *iso);
    check_instant(*parsed, *iso);
  }
  return 0;
}
