#include "render/locale.h"

#include <algorithm>
#include <cctype>

namespace encart {
namespace {

constexpr UiStrings kFrench = {"fr",
                               "ltr",
                               "Derniers articles",
                               "Les plus lus",
                               "À lire aussi",
                               "Voir plus",
                               "Rechercher dans les articles",
                               "Rechercher…",
                               "Rubrique",
                               "Toutes les rubriques",
                               "Auteur",
                               "Tous les auteurs",
                               "Filtrer les articles",
                               "Chargement des articles…",
                               "Les articles n’ont pas pu être chargés.",
                               "Aucun article à afficher pour le moment."};

constexpr UiStrings kEnglish = {"en",
                                "ltr",
                                "Latest articles",
                                "Most read",
                                "Read also",
                                "Show more",
                                "Search articles",
                                "Search…",
                                "Section",
                                "All sections",
                                "Author",
                                "All authors",
                                "Filter articles",
                                "Loading articles…",
                                "The articles could not be loaded.",
                                "No articles to show yet."};

constexpr UiStrings kArabic = {"ar",
                               "rtl",
                               "آخر المقالات",
                               "الأكثر قراءة",
                               "اقرأ أيضا",
                               "عرض المزيد",
                               "البحث في المقالات",
                               "بحث…",
                               "القسم",
                               "كل الأقسام",
                               "الكاتب",
                               "كل الكتاب",
                               "تصفية المقالات",
                               "جار تحميل المقالات…",
                               "تعذر تحميل المقالات.",
                               "لا توجد مقالات لعرضها حاليا."};

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
