// Word normalisation for related articles: stop words and light stemming in French, English and
// Arabic. Inputs are folded words (text::fold: lowercase, no accents or harakat).
#pragma once

#include <string>
#include <string_view>

namespace encart::related {

// Words too frequent to say what an article is about ("dans", "the", "في"), in any of the three
// languages: the function words below and the French, English and Arabic lists of stopwords-iso
// (which also hold some common content words: "group", "area", "member", "premier").
bool is_stop_word(std::string_view folded);

// Our own short lists of function words (articles, prepositions, auxiliaries, weekdays) and
// every word of one or two letters: what can never be part of a name, and what a Title Case
// title capitalises ("Morocco And France Sign A Deal"). "Group" is a stop word, not one of these.
bool is_function_word(std::string_view folded);

// Light stemming that folds inflections, not derivations: French plurals and feminines
// ("marocaines" -> "marocain", "journaux" -> "journal", "directrice" -> "directeur"), English
// plurals ("policies" -> "policy"), Arabic article, conjunction and common suffixes
// ("والمغرب" -> "مغرب"). The script of the word picks the rules; `english` switches Latin words
// from French to English rules.
std::string stem(std::string_view folded, bool english);

// Whether the word is written in Arabic script (its first letter): Arabic rules, whatever the
// article's language.
bool is_arabic(std::string_view folded);

}  // namespace encart::related
