// CompiledFilter::compile_over: the one implementation of the reader's filter, over any corpus
// that answers the questions below. The in-memory Index is one (filter.cpp); a pack, whose parts
// are fetched on demand, is the other (pack/reader.cpp). One implementation is what makes a
// pack's answers the in-memory engine's, to the article.
//
// A Corpus provides:
//   std::size_t size() const;                                      articles, by ArticleId
//   std::pair<TermId, TermId> term_range(std::string_view folded_word, bool prefix) const;
//   std::string_view term(TermId t) const;                         the dictionary, sorted
//   void add_articles_with_terms(TermId first, TermId last, Bitset& out) const;
//   std::int64_t find_value(Facet f, std::string_view folded) const;   ValueId or -1
//   void add_articles_with_values(Facet f, const std::vector<ValueId>& values, Bitset& out) const;
//   std::size_t first_published_at_or_before(std::int64_t epoch_ms) const;  ids are newest first
//   std::int64_t local_day(ArticleId a) const;                     local_day_number(published)
#pragma once

#include <algorithm>
#include <climits>
#include <string>

#include "bundle/datetime.h"
#include "query/filter.h"
#include "text/fold.h"

namespace encart {
namespace filter_detail {

struct Bound {
  bool date_only;
  std::int64_t value;  // a day number when date_only, else UTC ms
};

inline Result<Bound> parse_bound(const std::string& text, const char* field) {
  const auto parsed = parse_iso8601(text, OffsetRule::kOptional);
  if (!parsed) {
    return Error{ErrorCode::kBadFilter, std::string("filter.") + field + ": \"" + text::shorten(text, 40) +
                                            "\" is not an ISO 8601 date (like 2024-12-09 or "
                                            "2024-12-09T10:15:00+01:00)"};
  }
  if (is_date_only(text)) return Bound{true, local_day_number(*parsed)};  // parsed as UTC midnight
  return Bound{false, parsed->epoch_ms};
}

// Levenshtein distance (with adjacent transpositions) of at most one, on code points.
inline bool within_one_edit(const std::u32string& a, std::u32string_view b) {
  if (a.size() > b.size() + 1 || b.size() > a.size() + 1) return false;
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  if (i == a.size() || i == b.size()) return true;  // equal, or one trailing extra
  const std::u32string_view ra = std::u32string_view(a).substr(i + 1), rb = b.substr(i + 1);
  if (a.size() == b.size()) {
    if (ra == rb) return true;  // substitution
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           std::u32string_view(a).substr(i + 2) == b.substr(i + 2);  // transposition
  }
  return a.size() > b.size() ? ra == b.substr(i) : std::u32string_view(a).substr(i) == rb;  // indel
}

inline std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (std::size_t pos = 0; pos < s.size();) out += text::next_code_point(s, pos);
  return out;
}

template <class Corpus>
void add_approximate_matches_in(const Corpus& corpus, const std::u32string& w, std::size_t word_bytes,
                                bool prefix, TermId from, TermId to, Bitset& out) {
  std::u32string term;
  for (TermId t = from; t < to; ++t) {
    const std::string_view candidate = corpus.term(t);
    // Cheap length screen in bytes before decoding (a code point is 1 to 4 bytes).
    if (candidate.size() + 4 < word_bytes || (!prefix && candidate.size() > word_bytes * 4 + 4)) continue;
    term = code_points(candidate);
    bool close = false;
    if (prefix) {
      for (const std::size_t len : {w.size() - 1, w.size(), w.size() + 1}) {
        if (len <= term.size() && within_one_edit(w, std::u32string_view(term).substr(0, len))) close = true;
      }
    } else {
      close = within_one_edit(w, term);
    }
    if (close) corpus.add_articles_with_terms(t, t + 1, out);
  }
}

// Words of five letters or more that match nothing get one typo of slack: "securté" finds
// "sécurité". A prefix (the word being typed) may carry the typo too: "securt" finds it.
inline constexpr std::size_t kTypoMinLength = 5;

// Candidates start with the word's first or second letter: that covers a typo anywhere but in
// the first letter, a swap of the first two and a missing or extra first letter, and keeps the
// scan to a small part of the dictionary (a wrong first letter is not forgiven).
template <class Corpus>
void add_approximate_matches(const Corpus& corpus, const std::string& word, bool prefix, Bitset& out) {
  const std::u32string w = code_points(word);
  std::string first_letters[2];
  text::append_utf8(first_letters[0], w[0]);
  text::append_utf8(first_letters[1], w[1]);
  for (int k = 0; k < 2; ++k) {
    if (k == 1 && first_letters[1] == first_letters[0]) break;
    const auto [from, to] = corpus.term_range(first_letters[k], true);
    add_approximate_matches_in(corpus, w, word.size(), prefix, from, to, out);
  }
}

inline Result<std::int64_t> date_preset_start(const std::string& preset, const QueryClock& clock,
                                              bool& by_day) {
  constexpr std::int64_t kDayMs = 86'400'000;
  by_day = preset == "today";
  if (by_day) {
    return local_day_number(DateTime{clock.now_ms, clock.utc_offset_minutes});
  }
  if (preset == "7d") return clock.now_ms - 7 * kDayMs;
  if (preset == "30d") return clock.now_ms - 30 * kDayMs;
  return Error{ErrorCode::kBadFilter,
               "filter.date: \"" + text::shorten(preset, 40) + "\" is not a date preset (today, 7d, 30d)"};
}

}  // namespace filter_detail

namespace filter_detail {

// Every word must match; the last one as a prefix while the reader types, unless the query ends
// with a separator ("sécu" finds "sécurité"; "sécu " wants the word "sécu"). Returns whether a
// word matched only with a typo of slack.
template <class Corpus>
bool keep_words(const std::string& q, const Corpus& corpus, Bitset& base) {
  const auto words = text::words(q);
  const bool ends_in_word = !words.empty() && text::is_word_char(text::last_code_point(q));
  bool approximate = false;
  for (std::size_t i = 0; i < words.size() && base.count() > 0; ++i) {  // nothing left: stop early
    const bool prefix = i + 1 == words.size() && ends_in_word;
    const auto [first, last] = corpus.term_range(words[i], prefix);
    Bitset with_word(corpus.size());
    if (first == last && text::length(words[i]) >= kTypoMinLength) {
      add_approximate_matches(corpus, words[i], prefix, with_word);
      approximate = approximate || with_word.count() > 0;
    } else {
      corpus.add_articles_with_terms(first, last, with_word);
    }
    base &= with_word;
  }
  return approximate;
}

// since, until and the date preset as bounds: instants (ms) and calendar days, both inclusive.
struct DateBounds {
  std::int64_t since_ms = INT64_MIN, until_ms = INT64_MAX, since_day = INT64_MIN, until_day = INT64_MAX;
};

inline Result<DateBounds> date_bounds(const Filter& filter, const QueryClock& clock) {
  DateBounds b;
  if (!filter.since.empty()) {
    auto since = parse_bound(filter.since, "since");
    if (!since) return since.error();
    (since.value().date_only ? b.since_day : b.since_ms) = since.value().value;
  }
  if (!filter.until.empty()) {
    auto until = parse_bound(filter.until, "until");
    if (!until) return until.error();
    (until.value().date_only ? b.until_day : b.until_ms) = until.value().value;
  }
  if (!filter.date.empty()) {
    bool by_day = false;
    auto start = date_preset_start(filter.date, clock, by_day);
    if (!start) return start.error();
    if (by_day) {
      b.since_day = std::max(b.since_day, start.value());
      b.until_day = std::min(b.until_day, start.value());
    } else {
      b.since_ms = std::max(b.since_ms, start.value());
      b.until_ms = std::min(b.until_ms, clock.now_ms);
    }
  }
  return b;
}

template <class Corpus>
void keep_dates(const DateBounds& b, const Corpus& corpus, Bitset& base) {
  const std::size_t n = corpus.size();
  if (b.since_ms != INT64_MIN || b.until_ms != INT64_MAX) {
    // Ids are in date order (newest first): an interval of instants is an interval of ids.
    const std::size_t first = b.until_ms == INT64_MAX ? 0 : corpus.first_published_at_or_before(b.until_ms);
    const std::size_t last =
        b.since_ms == INT64_MIN ? n : corpus.first_published_at_or_before(b.since_ms - 1);
    Bitset in_range(n);
    if (first < last) in_range.set_range(first, last);
    base &= in_range;
  }
  if (b.since_day != INT64_MIN || b.until_day != INT64_MAX) {
    // Calendar days are at each article's own offset, not quite in id order: checked one by one.
    Bitset in_days(n);
    for (ArticleId a = 0; a < n; ++a) {
      const std::int64_t day = corpus.local_day(a);
      if (day >= b.since_day && day <= b.until_day) in_days.set(a);
    }
    base &= in_days;
  }
}

// The articles with any of `wanted` (as written; compared folded) in facet f.
template <class Corpus>
Bitset with_values(Facet f, const std::vector<std::string>& wanted, const Corpus& corpus) {
  std::vector<ValueId> ids;
  for (const auto& v : wanted) {
    const std::int64_t id = corpus.find_value(f, text::fold(v));
    if (id >= 0) ids.push_back(static_cast<ValueId>(id));
  }
  Bitset out(corpus.size());
  corpus.add_articles_with_values(f, ids, out);
  return out;
}

}  // namespace filter_detail

template <class Corpus>
Result<CompiledFilter> CompiledFilter::compile_over(const Filter& filter, const Corpus& corpus,
                                                    const QueryClock& clock) {
  Bitset base(corpus.size(), true);
  CompiledFilter out;
  out.approximate_ = filter_detail::keep_words(filter.q, corpus, base);
  const auto dates = filter_detail::date_bounds(filter, clock);
  if (!dates) return dates.error();
  filter_detail::keep_dates(dates.value(), corpus, base);

  // Each facet's constraint apart: a menu counts under every constraint but its own.
  const std::vector<std::string>* values[kFacetCount] = {&filter.categories, &filter.authors, &filter.tags};
  Bitset with_values[kFacetCount];
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    out.constrained_[f] = !values[f]->empty();
    if (out.constrained_[f])
      with_values[f] = filter_detail::with_values(static_cast<Facet>(f), *values[f], corpus);
  }
  out.all_ = base;
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    if (out.constrained_[f]) out.all_ &= with_values[f];
  }
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    if (!out.constrained_[f]) continue;
    out.except_[f] = base;
    for (std::size_t g = 0; g < kFacetCount; ++g) {
      if (g != f && out.constrained_[g]) out.except_[f] &= with_values[g];
    }
  }
  return out;
}

}  // namespace encart
