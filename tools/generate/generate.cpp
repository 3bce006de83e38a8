#include "generate.h"
#include "generate_words.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

// Deliberately independent of encart_core (no nlohmann, no fold): a bundle written by the code
// it benchmarks could hide the bugs it should reveal.
namespace encart::bench {
namespace {

using std::string_view;
using namespace words;  // NOLINT: the word lists are this file's vocabulary

// splitmix64: tiny, well mixed, and fully specified, unlike std::uniform_int_distribution whose
// output differs between libstdc++, libc++ and MSVC.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n): multiply-shift (Lemire) on the high 32 bits; integer-only, portable.
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32); }
  // Skewed toward 0 (the minimum of two draws): a few popular tags/authors, a long tail. The
  // order of the two draws is unspecified, but min() does not care.
  std::uint32_t skewed(std::uint32_t n) { return std::min(below(n), below(n)); }
  bool percent(std::uint32_t p) { return below(100) < p; }
  template <typename T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(N)];
  }

 private:
  std::uint64_t state_;
};

constexpr std::size_t kTagCount = 300;  // 60 topics + 40 places + 200 "topic place" pairs
constexpr std::uint32_t kSpanDays = 730;
constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kOffsetMs = 3'600'000;  // +01:00, the site's (Morocco's) offset

// Appends every part: one buffer instead of `a + b + c` temporaries (which also trip a GCC 12
// -Wrestrict false positive).
std::string cat(std::initializer_list<string_view> parts) {
  std::string out;
  for (const string_view p : parts) out += p;
  return out;
}
std::string capitalized(std::string s) {  // every list this applies to starts with ASCII
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// Tag t: a topic (category-bound), a place (any category), or a topic paired with a place.
// Pairs k = 0..199 use topic k % 60 and place (k / 60 * 11 + k % 60) % 40, so for one topic the
// four places differ: all 300 tags are distinct.
std::string tag_name(std::size_t t) {
  if (t < 60) return std::string(kTopics[t]);
  if (t < 100) return std::string(kPlaces[t - 60]);
  const std::size_t k = t - 100;
  return cat({kTopics[k % 60], " ", kPlaces[(k / 60 * 11 + k % 60) % 40]});
}
std::string author_name(std::uint32_t i) {  // i < 40; the second 20 shift last names by 7
  return cat({kFirstNames[i % 20], " ", kLastNames[(i + i / 20 * 7) % 20]});
}

void append_json(std::string& out, string_view s) {
  out += '"';
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}
// `,"key":"value"` (the comma left out for the first field of an object).
void field(std::string& out, string_view key, string_view value, bool first = false) {
  if (!first) out += ',';
  append_json(out, key);
  out += ':';
  append_json(out, value);
}

// "2024-12-09T14:35:00+01:00" for an instant in UTC ms, written in the site's +01:00.
std::string iso_local(std::int64_t epoch_ms) {
  using namespace std::chrono;
  const std::int64_t local = epoch_ms + kOffsetMs;
  const sys_days day{days{local / kDayMs}};  // all instants are after 1970: no floor issue
  const year_month_day ymd{day};
  const std::int64_t in_day = local % kDayMs / 1000;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d+01:00", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(in_day / 3600), static_cast<int>(in_day / 60 % 60),
                static_cast<int>(in_day % 60));
  return buf;
}

// Share of an article's lifetime audience still to come k days after publication, in parts
// per million: each day takes 45% of what remains. Integer-only, so no libm differences.
std::uint64_t remaining_ppm(std::int64_t k) {
  std::uint64_t r = 1'000'000;
  for (std::int64_t i = 0; i < k && r > 0; ++i) r = r * 55 / 100;
  return r;
}

struct Draft {
  std::int64_t published_ms;
  std::uint32_t draw;  // creation order: the tie-break that keeps the sort deterministic
};

}  // namespace

std::string generate_bundle(std::size_t count, std::uint32_t seed) {
  Rng rng(seed);
  std::string out;
  out.reserve(count * 900 + 200);
  out +=
      "{\"version\":1,\"site\":{\"name\":\"Le Quotidien du Banc d'Essai\","
      "\"url\":\"https://bench.encart.example/\",\"lang\":\"fr\"},\"articles\":[";

  // Dates first: the bundle lists articles newest first, as a CMS export would.
  namespace chr = std::chrono;
  const chr::sys_days last_day{chr::year{2024} / 12 / 10};
  const std::int64_t last_day_ms = std::int64_t{last_day.time_since_epoch().count()} * kDayMs;
  std::vector<Draft> drafts(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    // One draw per statement throughout: C++ leaves the order of `a() + b()` unspecified, and
    // a compiler that swapped two draws would change the bundle.
    const std::int64_t days_back = rng.below(kSpanDays);
    const std::int64_t hour = 6 + rng.below(17);
    const std::int64_t minute = std::int64_t{rng.below(12)} * 5;
    const std::int64_t local_ms = last_day_ms - days_back * kDayMs + (hour * 60 + minute) * 60'000;
    drafts[i] = {local_ms - kOffsetMs, i};
  }
  std::sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) {
    return a.published_ms != b.published_ms ? a.published_ms > b.published_ms : a.draw < b.draw;
  });

  for (std::size_t i = 0; i < count; ++i) {
    const Draft& d = drafts[i];
    // Cumulative weights pick the category; topics and half the tags follow it, which gives
    // "related" realistic overlaps (same-category articles share tags more often).
    std::uint32_t roll = rng.below(100), c = 0;
    while (roll >= kCategories[c].weight) roll -= kCategories[c++].weight;
    const Category& category = kCategories[c];
    const std::uint32_t topics = kTopicStart[c + 1] - kTopicStart[c];
    const std::uint32_t topic = kTopicStart[c] + rng.skewed(topics);

    char id[32];
    std::snprintf(id, sizeof id, "art-%07zu", count - i);  // oldest is art-0000001
    const std::string published = iso_local(d.published_ms);

    // Title: "Topic : actor verb object where", "Actor verb object where" or "Topic where : angle".
    const std::uint32_t form = rng.below(3);
    const Actor& actor = rng.pick(kActors);
    const Verb& verb = rng.pick(kVerbs);
    const string_view object = rng.pick(kObjects);
    const string_view where = rng.pick(kWhere);
    const string_view angle = rng.pick(kAngles);
    const string_view verb_form = actor.plural ? verb.plural : verb.singular;
    const std::string title =
        form == 0   ? cat({kTopics[topic], " : ", actor.text, " ", verb_form, " ", object, " ", where})
        : form == 1 ? capitalized(cat({actor.text, " ", verb_form, " ", object, " ", where}))
                    : cat({kTopics[topic], " ", where, " : ", angle});
    // Summary: two sentences, often a quote with a figure, sometimes a closing word (~250 chars).
    const string_view parts[] = {rng.pick(kObjects), rng.pick(kWhere),        rng.pick(kFollowUps),
                                 rng.pick(kSources), rng.pick(kConsequences), rng.pick(kDeadlines),
                                 rng.pick(kClosings)};  // braced lists are evaluated in order
    const Actor& actor2 = rng.pick(kActors);
    const Verb& verb2 = rng.pick(kVerbs);
    const bool closing = rng.percent(50);
    std::string summary = capitalized(
        cat({actor2.text, " ", actor2.plural ? verb2.plural : verb2.singular, " ", parts[0], " ", parts[1],
             ", ", parts[2], ". Selon ", parts[3], ", ", parts[4], " ", parts[5], "."}));
    if (rng.percent(60)) {  // "Pour Salma Kamoura, économiste, la hausse atteint 12 %."
      const string_view quoted[] = {rng.pick(kFirstNames), rng.pick(kSyllables), rng.pick(kSyllables),
                                    rng.percent(50) ? rng.pick(kSyllables) : "", rng.pick(kRoles)};
      const std::string figure = std::to_string(1 + rng.below(60));
      summary += cat({" Pour ", quoted[0], " ", capitalized(cat({quoted[1], quoted[2], quoted[3]})), ", ",
                      quoted[4], ", la hausse atteint ", figure, " %."});
    }
    if (closing) summary += cat({" ", parts[6]});

    // Tags: the topic, one place, then 1 to 3 more (own-category pairs or popular tags), unique.
    std::vector<std::size_t> tags{topic, 60 + rng.skewed(40)};
    const std::size_t wanted = 3 + rng.below(3);
    while (tags.size() < wanted) {
      std::size_t t;
      if (rng.percent(50)) {  // a "topic place" pair of this category
        const std::size_t own_topic = kTopicStart[c] + rng.below(topics);
        const std::size_t k = own_topic + std::size_t{rng.below(4)} * 60;  // 4 places per topic; 200.. wrap
        t = 100 + (k < 200 ? k : k - 60);
      } else {
        t = rng.skewed(kTagCount);
      }
      if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
    }

    // Views: a lifetime audience from 50 to ~50k (log-uniform, 2% viral), decaying 45% a day,
    // plus a small daily trickle; every window is a slice of the same curve, so
    // views_24h <= views_7d <= views_30d <= views always holds.
    const std::uint64_t base = 50 + rng.below(50);
    std::uint64_t lifetime = base << rng.below(10);
    if (rng.percent(2)) lifetime *= 10;
    const std::uint64_t trickle = rng.below(4);
    const std::int64_t elapsed = (kBenchNowMs - d.published_ms) / kDayMs + 1;  // days, >= 1
    const std::uint64_t end_ppm = remaining_ppm(elapsed);
    const auto window = [&](std::int64_t w) {
      const std::uint64_t share = remaining_ppm(std::max<std::int64_t>(0, elapsed - w)) - end_ppm;
      return lifetime * share / 1'000'000 + trickle * static_cast<std::uint64_t>(std::min(w, elapsed));
    };

    out += i == 0 ? "\n{" : ",\n{";
    field(out, "id", id, true);
    field(out, "url",
          cat({"https://bench.encart.example/", category.slug, "/", published.substr(0, 4), "/",
               published.substr(5, 2), "/", id}));
    field(out, "title", title);
    field(out, "published", published);
    if (rng.percent(10)) {  // corrected a few hours later
      const std::int64_t hours = 1 + rng.below(12);
      field(out, "updated", iso_local(d.published_ms + hours * 3'600'000));
    }
    field(out, "summary", summary);
    field(out, "category", category.name);
    out += ",\"tags\":[";
    for (std::size_t t = 0; t < tags.size(); ++t) {
      if (t > 0) out += ',';
      append_json(out, tag_name(tags[t]));
    }
    out += ']';
    const std::uint32_t author = rng.skewed(40);
    if (rng.percent(5)) {  // co-signed: exercises the "authors" array
      const std::uint32_t second = (author + 1 + rng.below(39)) % 40;
      out += ",\"authors\":[";
      append_json(out, author_name(author));
      out += ',';
      append_json(out, author_name(second));
      out += ']';
    } else {
      field(out, "author", author_name(author));
    }
    const std::pair<string_view, std::int64_t> windows[] = {
        {"views", elapsed}, {"views_24h", 1}, {"views_7d", 7}, {"views_30d", 30}};
    for (const auto& [key, span] : windows) {
      out += cat({",\"", key, "\":", std::to_string(window(span))});
    }
    if (rng.percent(20)) {
      static constexpr int kSizes[][2] = {{1200, 675}, {800, 450}, {1024, 768}};
      const auto& size = rng.pick(kSizes);
      out += ",\"image\":{";
      field(out, "url",
            cat({"https://cdn.bench.encart.example/img/", published.substr(0, 4), "/", id, ".jpg"}), true);
      out += cat({",\"width\":", std::to_string(size[0]), ",\"height\":", std::to_string(size[1])});
      field(out, "alt", cat({"Illustration : ", kTopics[topic]}));
      out += '}';
    }
    out += '}';
  }
  out += "\n]}\n";
  return out;
}

}  // namespace encart::bench
