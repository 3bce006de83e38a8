// Word normalisation for related articles: stop words and light stemming in French, English and
// Arabic. Inputs are folded words (text::fold: lowercase, no accents or harakat).
#pragma once

#include <string>
#include <string_view>

namespace encart::related {

// Words too frequent to say what an article is about ("dans", "the", "في"), in any of the three
// languages; also every word of one or two letters.
bool is_stop_word(std::string_view folded);

// Light stemming that folds inflections, not derivations: French plurals and feminines
// ("marocaines" -> "marocain", "journaux" -> "journal", "directrice" -> "directeur"), English
// plurals ("policies" -> "policy"), Arabic article, conjunction and common suffixes
// ("والمغرب" -> "مغرب"). The script of the word picks the rules; `english` switches Latin words
// from French to English rules.
std::string stem(std::string_view folded, bool english);

}  // namespace encart::related
