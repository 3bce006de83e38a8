#include "related/language.h"

#include <algorithm>
#include <initializer_list>
#include <vector>

#include "text/fold.h"

namespace encart::related {

// French, English and Arabic words of stopwords-iso (generated/stop_words.cpp).
extern const std::string_view kListedStopWords;

namespace {

// Written as in print, folded once at first use. French: the Snowball project's stop list
// (snowballstem.org/algorithms/french/stop.txt) with its forms of "être" and "avoir", plus
// frequent news words that carry no subject. English: Snowball's list. Arabic: particles,
// pronouns and auxiliaries common in news prose. Space-separated words, one string per language.
constexpr std::string_view kFrench =
    "au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me même mes "
    "moi mon ne nos notre nous on ou où par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un "
    "une vos votre vous été étée étées étés étant suis es est sommes êtes sont serai seras sera serons "
    "serez seront serais serait serions seriez seraient étais était étions étiez étaient fus fut fûmes "
    "fûtes furent sois soit soyons soyez soient ayant eu eue eues eus ai as avons avez ont aurai auras "
    "aura aurons aurez auront aurait auraient avais avait avions aviez avaient eut aient être avoir cette "
    "cet celle celui ceux cela ça plus moins très aussi ainsi alors après avant selon depuis entre sous "
    "vers chez contre sans lors dont tout tous toute toutes autre autres comme donc encore déjà fait "
    "faire peu bien leurs quand si non oui deux trois ici mardi lundi mercredi jeudi vendredi samedi "
    "dimanche hier aujourd hui demain année années jour jours semaine mois cours lieu partie part cadre "
    "face également notamment plusieurs certains certaines chaque quelques dès afin ailleurs";
constexpr std::string_view kEnglish =
    "i me my myself we our ours ourselves you your yours yourself he him his himself she her hers herself "
    "it its itself they them their theirs themselves what which who whom this that these those am is are "
    "was were be been being have has had having do does did doing would should could ought will shall can "
    "may might must an the and but if or because as until while of at by for with about against between "
    "into through during before after above below to from up down in out off over under again further "
    "then once here there when where why how all any both each few more most other some such no nor not "
    "only own same so than too very said says also new year years week day days";
constexpr std::string_view kArabic =
    "في من على إلى عن مع هذا هذه ذلك تلك التي الذي الذين اللذين كان كانت يكون تكون قد لقد لا ما لم لن أن "
    "إن أنه إنه أو ثم حتى بعد قبل عند كل بين هو هي هم هن نحن أنا أنت وهو وهي كما أيضا غير خلال حول منذ "
    "عبر لدى ضمن دون أي إذا وقد وفي ومن وعلى التى الى يوم أمس اليوم سنة عام وذلك فيه فيها منه منها عليه "
    "عليها له لها به بها هناك هنا حيث";

// The words of `lists`, folded, sorted, each once.
std::vector<std::string> folded_words(std::initializer_list<std::string_view> lists) {
  std::vector<std::string> out;
  for (const std::string_view list : lists) {
    for (std::size_t pos = 0; pos < list.size();) {
      const std::size_t end = std::min(list.find(' ', pos), list.size());
      if (end > pos) out.push_back(text::fold(list.substr(pos, end - pos)));
      pos = end + 1;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const std::vector<std::string>& function_words() {
  static const std::vector<std::string> sorted = folded_words({kFrench, kEnglish, kArabic});
  return sorted;
}

const std::vector<std::string>& listed_stop_words() {
  static const std::vector<std::string> sorted = folded_words({kListedStopWords});
  return sorted;
}

bool ends_with(std::string_view w, std::string_view suffix) { return w.ends_with(suffix); }

// Replaces `suffix` by `by` when the stem left is at least `min_left` bytes long.
bool replace_suffix(std::string& w, std::string_view suffix, std::string_view by, std::size_t min_left) {
  if (!ends_with(w, suffix) || w.size() < suffix.size() + min_left) return false;
  w.resize(w.size() - suffix.size());
  w += by;
  return true;
}

// French, after Savoy's light stemmer (plurals and feminines only), on accent-free words.
std::string stem_french(std::string w) {
  if (w.size() <= 3) return w;
  if (!replace_suffix(w, "eaux", "eau", 2) && !replace_suffix(w, "aux", "al", 2)) {
    if (w.back() == 's' || w.back() == 'x') w.pop_back();  // plurals
  }
  // Feminines to masculines.
  replace_suffix(w, "euse", "eur", 2) || replace_suffix(w, "trice", "teur", 2) ||
      replace_suffix(w, "ive", "if", 3) || replace_suffix(w, "elle", "el", 2) ||
      replace_suffix(w, "enne", "en", 2) || replace_suffix(w, "ette", "et", 2) ||
      replace_suffix(w, "iere", "ier", 2);
  if (w.size() > 4 && w.back() == 'e') w.pop_back();  // "marocaine" and "marocain", "réforme"
  return w;
}

std::string stem_english(std::string w) {
  if (w.size() <= 3) return w;
  if (replace_suffix(w, "ies", "y", 2)) return w;
  if (ends_with(w, "sses") || ends_with(w, "xes") || ends_with(w, "ches") || ends_with(w, "shes")) {
    w.resize(w.size() - 2);
    return w;
  }
  if (w.back() == 's' && !ends_with(w, "ss") && !ends_with(w, "us") && !ends_with(w, "is")) w.pop_back();
  return w;
}

// Larkey's light10 stemmer: conjunction, article and common suffixes. Arabic letters take two
// bytes in UTF-8, so lengths here are in letters times two.
std::string stem_arabic(std::string w) {
  const auto letters = [&] { return text::length(w); };
  if (letters() > 3 && w.starts_with("و")) w.erase(0, std::string_view("و").size());
  for (const std::string_view prefix : {"وال", "بال", "كال", "فال", "لل", "ال"}) {
    if (w.starts_with(prefix) && text::length(w) >= text::length(prefix) + 2) {
      w.erase(0, prefix.size());
      break;
    }
  }
  for (const std::string_view suffix : {"ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"}) {
    if (letters() > 3 && w.ends_with(suffix) && text::length(w) >= text::length(suffix) + 2) {
      w.resize(w.size() - suffix.size());
    }
  }
  return w;
}

}  // namespace

bool is_arabic(std::string_view w) {
  std::size_t pos = 0;
  const char32_t cp = text::next_code_point(w, pos);
  return cp >= 0x0600 && cp <= 0x06FF;
}

bool is_function_word(std::string_view w) {
  if (w.size() <= 2 || (w.size() <= 8 && text::length(w) <= 2)) return true;
  const auto& words = function_words();
  return std::binary_search(words.begin(), words.end(), w);
}

bool is_stop_word(std::string_view w) {
  const auto& listed = listed_stop_words();
  return is_function_word(w) || std::binary_search(listed.begin(), listed.end(), w);
}

std::string stem(std::string_view folded, bool english) {
  std::string w(folded);
  if (is_arabic(w)) return stem_arabic(std::move(w));
  return english ? stem_english(std::move(w)) : stem_french(std::move(w));
}

}  // namespace encart::related
