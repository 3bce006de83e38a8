#include "render/locale.h"

#include <algorithm>
#include <cctype>

namespace encart {
namespace {

constexpr UiStrings kFrench = {
    .lang_tag = "fr",
    .dir = "ltr",
    .latest = "Derniers articles",
    .most_read = "Les plus lus",
    .related = "À lire aussi",
    .more = "Voir plus",
    .search_label = "Rechercher dans les articles",
    .search_placeholder = "Rechercher…",
    .category_label = "Rubrique",
    .all_categories = "Toutes les rubriques",
    .author_label = "Auteur",
    .all_authors = "Tous les auteurs",
    .filters_label = "Filtrer les articles",
    .loading = "Chargement des articles…",
    .load_failed = "Les articles n’ont pas pu être chargés.",
    .no_articles = "Aucun article à afficher pour le moment.",
    .date_label = "Date",
    .any_date = "Toutes les dates",
    .today = "Aujourd’hui",
    .last_7_days = "7 derniers jours",
    .last_30_days = "30 derniers jours",
    .no_match = "Aucun article ne correspond à votre recherche.",
    .searching = "Recherche dans les archives…",
    .archive_unavailable = "Une partie des archives est indisponible : résultats incomplets.",
    .reset = "Effacer les filtres",
    .subscribers = "Abonnés",
    .already_read = "Déjà lu",
    .clear_history = "Effacer l’historique",
    .history_cleared = "Historique de lecture effacé",
    .tabs_label = "Articles",
    .window_label = "Période",
    .windows = {"Tout", "24 h", "7 jours", "30 jours"},
};

constexpr UiStrings kEnglish = {
    .lang_tag = "en",
    .dir = "ltr",
    .latest = "Latest articles",
    .most_read = "Most read",
    .related = "Read also",
    .more = "Show more",
    .search_label = "Search articles",
    .search_placeholder = "Search…",
    .category_label = "Section",
    .all_categories = "All sections",
    .author_label = "Author",
    .all_authors = "All authors",
    .filters_label = "Filter articles",
    .loading = "Loading articles…",
    .load_failed = "The articles could not be loaded.",
    .no_articles = "No articles to show yet.",
    .date_label = "Date",
    .any_date = "Any date",
    .today = "Today",
    .last_7_days = "Last 7 days",
    .last_30_days = "Last 30 days",
    .no_match = "No article matches your search.",
    .searching = "Searching the archive…",
    .archive_unavailable = "Part of the archive is unavailable: results are incomplete.",
    .reset = "Clear filters",
    .subscribers = "Subscribers",
    .already_read = "Already read",
    .clear_history = "Clear history",
    .history_cleared = "Reading history cleared",
    .tabs_label = "Articles",
    .window_label = "Period",
    .windows = {"All time", "24 h", "7 days", "30 days"},
};

constexpr UiStrings kArabic = {
    .lang_tag = "ar",
    .dir = "rtl",
    .latest = "آخر المقالات",
    .most_read = "الأكثر قراءة",
    .related = "اقرأ أيضا",
    .more = "عرض المزيد",
    .search_label = "البحث في المقالات",
    .search_placeholder = "بحث…",
    .category_label = "القسم",
    .all_categories = "كل الأقسام",
    .author_label = "الكاتب",
    .all_authors = "كل الكتاب",
    .filters_label = "تصفية المقالات",
    .loading = "جار تحميل المقالات…",
    .load_failed = "تعذر تحميل المقالات.",
    .no_articles = "لا توجد مقالات لعرضها حاليا.",
    .date_label = "التاريخ",
    .any_date = "كل التواريخ",
    .today = "اليوم",
    .last_7_days = "آخر 7 أيام",
    .last_30_days = "آخر 30 يوما",
    .no_match = "لا توجد مقالات تطابق بحثك.",
    .searching = "جار البحث في الأرشيف…",
    .archive_unavailable = "جزء من الأرشيف غير متاح: النتائج غير كاملة.",
    .reset = "مسح عوامل التصفية",
    .subscribers = "للمشتركين",
    .already_read = "سبقت قراءته",
    .clear_history = "مسح سجل القراءة",
    .history_cleared = "تم مسح سجل القراءة",
    .tabs_label = "المقالات",
    .window_label = "الفترة",
    .windows = {"الكل", "24 ساعة", "7 أيام", "30 يوما"},
};

constexpr const char* kFrenchMonths[12] = {"janvier",   "février", "mars",     "avril",
                                           "mai",       "juin",    "juillet",  "août",
                                           "septembre", "octobre", "novembre", "décembre"};
constexpr const char* kEnglishMonths[12] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
constexpr const char* kArabicMonths[12] = {"يناير", "فبراير", "مارس",   "أبريل",  "مايو",   "يونيو",
                                           "يوليو", "أغسطس",  "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};
constexpr const char* kMoroccanMonths[12] = {"يناير",  "فبراير", "مارس",  "أبريل",  "ماي",   "يونيو",
                                             "يوليوز", "غشت",    "شتنبر", "أكتوبر", "نونبر", "دجنبر"};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Locale parse_locale(std::string_view tag) {
  const std::string t = lower_ascii(tag);
  const std::string primary = t.substr(0, t.find_first_of("-_"));
  Locale locale;
  if (primary == "en") locale.language = Language::kEnglish;
  if (primary == "ar") {
    locale.language = Language::kArabic;
    // The region may follow a script subtag: ar-MA, ar-Arab-MA.
    for (std::size_t start = 0; start < t.size();) {
      const std::size_t end = std::min(t.find_first_of("-_", start), t.size());
      if (start > 0 && t.substr(start, end - start) == "ma") locale.moroccan = true;
      start = end + 1;
    }
  }
  return locale;
}

const UiStrings& ui_strings(const Locale& locale) {
  switch (locale.language) {
    case Language::kEnglish:
      return kEnglish;
    case Language::kArabic:
      return kArabic;
    case Language::kFrench:
      break;
  }
  return kFrench;
}

std::string format_date(const DateTime& date, const Locale& locale) {
  const CivilDate d = local_date(date);
  const char* const* months = kFrenchMonths;
  if (locale.language == Language::kEnglish) months = kEnglishMonths;
  if (locale.language == Language::kArabic) months = locale.moroccan ? kMoroccanMonths : kArabicMonths;
  // French writes the first of the month "1er".
  const std::string day =
      std::to_string(d.day) + (locale.language == Language::kFrench && d.day == 1 ? "er" : "");
  return day + " " + months[d.month - 1] + " " + std::to_string(d.year);
}

std::string results_status(std::size_t count, const Locale& locale) {
  const std::string n = std::to_string(count);
  switch (locale.language) {
    case Language::kEnglish:
      return count == 0 ? "No article matches" : count == 1 ? "1 article matches" : n + " articles match";
    case Language::kArabic:
      return count == 0 ? "لا توجد مقالات مطابقة" : "عدد المقالات المطابقة: " + n;
    case Language::kFrench:
      break;
  }
  return count == 0   ? "Aucun article ne correspond"
         : count == 1 ? "1 article correspond"
                      : n + " articles correspondent";
}

}  // namespace encart
