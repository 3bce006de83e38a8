#include "bundle/datetime.h"

#include <chrono>
#include <cstdio>
#include <utility>
#include <vector>

namespace encart {
namespace {

// Reads exactly `width` ASCII digits at `pos`.
bool read_digits(std::string_view s, std::size_t& pos, int width, int& out) {
  if (pos + width > s.size()) return false;
  int value = 0;
  for (int i = 0; i < width; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  pos += width;
  out = value;
  return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

}  // namespace

bool is_date_only(std::string_view text) { return text.size() == 10; }

std::optional<DateTime> parse_iso8601(std::string_view s, OffsetRule rule) {
  using namespace std::chrono;
  std::size_t pos = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, ms = 0;
  if (!read_digits(s, pos, 4, y) || !expect(s, pos, '-') || !read_digits(s, pos, 2, mo) ||
      !expect(s, pos, '-') || !read_digits(s, pos, 2, d)) {
    return std::nullopt;
  }
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;

  bool has_offset = false;
  int offset = 0;
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return std::nullopt;
    ++pos;
    if (!read_digits(s, pos, 2, h) || !expect(s, pos, ':') || !read_digits(s, pos, 2, mi)) {
      return std::nullopt;
    }
    if (expect(s, pos, ':')) {
      if (!read_digits(s, pos, 2, sec)) return std::nullopt;
      if (expect(s, pos, '.') || expect(s, pos, ',')) {
        int digits = 0;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
          if (digits < 3) ms = ms * 10 + (s[pos] - '0');
          ++digits, ++pos;
        }
        if (digits == 0) return std::nullopt;
        for (; digits < 3; ++digits) ms *= 10;
      }
    }
    // 24:00 is not accepted: one spelling per instant keeps ties deterministic. 60 (leap) is.
    if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
    if (pos < s.size()) {
      if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
        has_offset = true;
      } else if (s[pos] == '+' || s[pos] == '-') {
        const int sign = s[pos] == '-' ? -1 : 1;
        ++pos;
        int oh = 0, om = 0;
        if (!read_digits(s, pos, 2, oh)) return std::nullopt;
        expect(s, pos, ':');
        if (!read_digits(s, pos, 2, om) || oh > 23 || om > 59) return std::nullopt;
        offset = sign * (oh * 60 + om);
        has_offset = true;
      }
    }
    if (pos != s.size()) return std::nullopt;
  }
  if (!has_offset && rule == OffsetRule::kRequired) return std::nullopt;

  const auto days = sys_days{ymd}.time_since_epoch().count();
  const std::int64_t local_ms =
      ((static_cast<std::int64_t>(days) * 24 + h) * 60 + mi) * 60000LL + sec * 1000LL + ms;
  return DateTime{local_ms - offset * 60000LL, offset};
}

std::int64_t local_day_number(const DateTime& t) {
  const std::int64_t local_ms = t.epoch_ms + t.offset_minutes * 60000LL;
  // Floor division: dates before 1970 have negative milliseconds.
  std::int64_t days = local_ms / 86400000LL;
  if (local_ms % 86400000LL < 0) --days;
  return days;
}

CivilDate local_date(const DateTime& t) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{std::chrono::days{local_day_number(t)}}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

}  // namespace encart

namespace encart {
namespace {

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\r' || s[pos] == '\n')) ++pos;
    const std::size_t start = pos;
    while (pos < s.size() && s[pos] != ' ' && s[pos] != '\t' && s[pos] != '\r' && s[pos] != '\n') ++pos;
    if (pos > start) out.push_back(s.substr(start, pos - start));
  }
  return out;
}

bool equal_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// "+0100" or a zone name, as ISO 8601's "+01:00" or "Z".
std::optional<std::string> rfc822_zone(std::string_view zone) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"GMT", "Z"},      {"UT", "Z"},       {"UTC", "Z"},      {"Z", "Z"},
      {"EST", "-05:00"}, {"EDT", "-04:00"}, {"CST", "-06:00"}, {"CDT", "-05:00"},
      {"MST", "-07:00"}, {"MDT", "-06:00"}, {"PST", "-08:00"}, {"PDT", "-07:00"}};
  for (const auto& [name, offset] : kNames) {
    if (equal_ci(zone, name)) return std::string(offset);
  }
  int hhmm = 0;
  std::size_t pos = 1;
  if (zone.size() != 5 || (zone[0] != '+' && zone[0] != '-') || !read_digits(zone, pos, 4, hhmm)) {
    return std::nullopt;
  }
  if (hhmm == 0) return std::string("Z");
  return std::string(zone.substr(0, 3)) + ":" + std::string(zone.substr(3, 2));
}

}  // namespace

std::optional<std::string> rfc822_to_iso8601(std::string_view text) {
  std::vector<std::string_view> w = words(text);
  if (!w.empty() && w[0].ends_with(',')) w.erase(w.begin());  // the day name
  if (w.size() != 5) return std::nullopt;
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int month = 0;
  for (int m = 0; m < 12; ++m) {
    if (equal_ci(w[1], kMonths[m])) month = m + 1;
  }
  int day = 0, year = 0;
  std::size_t pos = 0;
  if (month == 0 || w[0].size() > 2 || !read_digits(w[0], pos, static_cast<int>(w[0].size()), day)) {
    return std::nullopt;
  }
  pos = 0;
  if ((w[2].size() != 2 && w[2].size() != 4) ||
      !read_digits(w[2], pos, static_cast<int>(w[2].size()), year)) {
    return std::nullopt;
  }
  if (w[2].size() == 2) year += year < 50 ? 2000 : 1900;  // RFC 2822, section 4.3
  std::string time(w[3]);
  if (time.size() == 5) time += ":00";  // seconds are optional
  const auto zone = rfc822_zone(w[4]);
  if (!zone || time.size() != 8) return std::nullopt;
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02dT", year, month, day);
  std::string iso = date + time + *zone;
  if (!parse_iso8601(iso, OffsetRule::kRequired)) return std::nullopt;  // 31 Feb, 25:00, "ab:cd"
  return iso;
}

}  // namespace encart
