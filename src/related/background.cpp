#include "related/background.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "related/language.h"
#include "text/fold.h"

namespace encart::related {

// The first ENCART_BACKGROUND_WORDS words of each list, most common first (generated/word_ranks.cpp).
extern const std::string_view kFrenchRanks;
extern const std::string_view kEnglishRanks;
extern const std::string_view kArabicRanks;

namespace {

// The lists folded and stemmed once, at the first related index: keys end to end in one string
// (a few thousand small strings would cost as much again in headers), sorted, each once.
class RankTable {
 public:
  RankTable() {
    read(kFrenchRanks, 'f');
    read(kEnglishRanks, 'e');
    read(kArabicRanks, 'a');
    // By key, then rank: the first of each key is its best rank.
    std::sort(entries_.begin(), entries_.end(), [&](const Entry& x, const Entry& y) {
      const std::string_view kx = key(x), ky = key(y);
      return kx != ky ? kx < ky : x.rank < y.rank;
    });
    entries_.erase(std::unique(entries_.begin(), entries_.end(),
                               [&](const Entry& x, const Entry& y) { return key(x) == key(y); }),
                   entries_.end());
  }

  std::uint32_t rank(char language, std::string_view stemmed) const {
    // Keys are the language's letter, then the stem: compared in two parts, nothing allocated.
    const auto before = [&](const Entry& e, std::string_view) {
      const std::string_view k = key(e);
      return k[0] != language ? k[0] < language : k.substr(1) < stemmed;
    };
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), stemmed, before);
    if (it == entries_.end()) return 0;
    const std::string_view k = key(*it);
    return k[0] == language && k.substr(1) == stemmed ? it->rank : 0;
  }

  std::uint32_t words() const { return words_; }

 private:
  struct Entry {
    std::uint32_t begin, size, rank;
  };
  std::string_view key(const Entry& e) const { return std::string_view(keys_).substr(e.begin, e.size); }

  // One list: the word at position i (from 1) has rank i; empty entries keep their place.
  void read(std::string_view list, char language) {
    std::uint32_t rank = 0;
    for (std::size_t pos = 0; pos < list.size(); ++rank) {
      const std::size_t end = std::min(list.find(' ', pos), list.size());
      add(list.substr(pos, end - pos), language, rank + 1);
      pos = end + 1;
    }
    words_ = std::max(words_, rank);
  }

  // As the index reads the entry: one folded word ("l'agence" gives "agence"), in the script of
  // its list, stemmed by its language's rules. Stop words of our own lists stay (the generator
  // left out stopwords-iso's): the index never asks for them, and testing each here cost more
  // than the rest of the build of the table.
  void add(std::string_view entry, char language, std::uint32_t rank) {
    const std::vector<std::string> words = text::words(entry);
    if (words.size() != 1 || (language == 'a') != is_arabic(words[0])) return;
    const std::string stemmed = stem(words[0], language == 'e');
    const auto begin = static_cast<std::uint32_t>(keys_.size());
    keys_ += language;
    keys_ += stemmed;
    entries_.push_back({begin, static_cast<std::uint32_t>(keys_.size() - begin), rank});
  }

  std::string keys_;
  std::vector<Entry> entries_;
  std::uint32_t words_ = 0;
};

const RankTable& table() {
  static const RankTable t;
  return t;
}

}  // namespace

std::uint32_t background_rank(std::string_view stemmed, bool english) {
  return table().rank(is_arabic(stemmed) ? 'a' : english ? 'e' : 'f', stemmed);
}

std::uint32_t background_words() { return table().words(); }

double background_share(std::uint32_t rank) { return rank == 0 ? 0.0 : 1.0 - std::exp(-kZipfScale / rank); }

float blended_idf(double articles, double df, double share) {
  const double n = articles + kBackgroundArticles, d = df + kBackgroundArticles * share;
  return static_cast<float>(std::log(1.0 + (n - d + 0.5) / (d + 0.5)));
}

}  // namespace encart::related
