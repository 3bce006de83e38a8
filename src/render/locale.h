// Interface languages of the widget: every word a reader sees comes from here.
#pragma once

#include <string>
#include <string_view>

#include "bundle/datetime.h"
#include "common/vocabulary.h"

namespace encart {

enum class Language { kFrench, kEnglish, kArabic };

struct Locale {
  Language language = Language::kFrench;
  bool moroccan = false;  // ar-MA: Maghreb month names (يناير … دجنبر)
};

// BCP 47 tag to Locale: "fr", "fr-MA", "en-GB", "ar", "ar-MA"... Unknown tags give French, the
// product's first language.
Locale parse_locale(std::string_view tag);

struct UiStrings {
  const char* lang_tag;  // for the lang attribute
  const char* dir;       // "ltr" or "rtl"
  const char* latest;
  const char* most_read;
  const char* related;
  const char* more;
  const char* search_label;
  const char* search_placeholder;
  const char* category_label;
  const char* all_categories;
  const char* author_label;
  const char* all_authors;
  const char* filters_label;
  const char* loading;
  const char* load_failed;  // shown when the bundle cannot be fetched or read
  const char* no_articles;  // the bundle loaded, but holds nothing to show
  const char* date_label;
  const char* any_date;
  const char* today;
  const char* last_7_days;
  const char* last_30_days;
  const char* no_match;             // a filter leaves nothing
  const char* searching;            // a pack: the archive's parts for this query are on their way
  const char* archive_unavailable;  // a pack: some part could not be fetched
  const char* reset;                // the button that clears every filter
  const char* subscribers;          // label of an article for subscribers (isAccessibleForFree: false)
  const char* already_read;         // label of an article in the reader's history
  const char* clear_history;        // the button that forgets the reader's history
  const char* history_cleared;      // announced once it is forgotten
  const char* tabs_label;           // the tab list of the tabs layout
  const char* window_label;         // the group of most-read periods
  // The most-read periods, in the order of ViewWindow: all, 24 h, 7 days, 30 days.
  const char* windows[kViewWindowCount];
};

const UiStrings& ui_strings(const Locale& locale);

// "9 décembre 2024", "9 December 2024", "9 ديسمبر 2024", in the date's own offset.
std::string format_date(const DateTime& date, const Locale& locale);

// What a screen reader hears after a filter changes: "12 articles", "Aucun article ne correspond".
std::string results_status(std::size_t count, const Locale& locale);

}  // namespace encart
