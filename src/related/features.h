// What the related index reads of one article: its features (stemmed words, proper names, tags,
// authors) with their counts, before any weighting (RelatedIndex's first pass).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "index/word_table.h"
#include "related/related.h"

namespace encart::related {

// A word of a field, its folded form kept in ArticleFeatures::folded_ (no allocation per word).
struct Token {
  std::uint32_t begin, size;  // in folded_
  std::string_view original;
  bool capitalised, sentence_start, after_break;
  std::uint32_t word;  // id in words_
};

// Features of one article before weighting: (feature, weighted count). One object reads every
// article in turn, so that each distinct word is stemmed and tested once per load.
class ArticleFeatures {
 public:
  // `background`: by FeatureId, the rank of a word feature in the background lists
  // (related/background.h), the best of the words met that give it; 0 for the rest.
  ArticleFeatures(WordTable& table, std::vector<FeatureKind>& kinds, std::vector<std::string>& display,
                  std::vector<std::uint32_t>& background)
      : table_(table), kinds_(kinds), display_(display), background_(background) {}

  // The id of a feature, numbered (and its kind and shown form recorded) when first met.
  std::uint32_t feature(FeatureKind kind, std::string_view key, std::string_view shown);

  void add(FeatureKind kind, std::string_view key, std::string_view shown, float count) {
    counts_.emplace_back(feature(kind, key, shown), count);
  }

  void start_article() { counts_.clear(); }

  // Words and names of one field (title, summary or text), each counted `weight` times.
  void add_text(std::string_view field, float weight, bool english, bool is_title);

  // A feature an earlier build counted (RelatedCounts), by its table key (kind digit, key): its id,
  // numbered as reading the text would number it.
  std::uint32_t known_feature(std::string_view table_key, std::string_view shown) {
    return feature(static_cast<FeatureKind>(table_key[0] - '0'), table_key.substr(1), shown);
  }
  // What reading a word feature in an article of that language notes: its background rank.
  void note_language(std::uint32_t id, bool english);
  void add_id(std::uint32_t id, float count) { counts_.emplace_back(id, count); }

  // The article's features read so far, each once, in the order first met, with their counts
  // (before merged(), which sorts them).
  void first_met(std::vector<std::pair<std::uint32_t, float>>& out);

  // (feature, count) sorted by feature, each feature once.
  const std::vector<std::pair<std::uint32_t, float>>& merged();

 private:
  std::string_view folded(const Token& t) const { return std::string_view(folded_).substr(t.begin, t.size); }
  // Capitalised and not a function word: "Group" in "Alibaba Group" is a stop word, yet a name's.
  bool is_name_word(const Token& t) const { return t.capitalised && name_features_[t.word] != kNeverAName; }
  static constexpr std::int32_t kNeverAName = -2;
  // A single name's feature, interned once per distinct word.
  std::uint32_t name_feature(const Token& t);
  // The feature of a word that is not a stop word, its background rank recorded.
  std::uint32_t word_feature(std::string_view folded, std::string_view original, bool english);
  // Runs of capitalised words ("Abdellatif Hammouchi"): each word, and the whole run, a name.
  void add_names(const std::vector<Token>& tokens, float weight);

  WordTable& table_;
  std::vector<FeatureKind>& kinds_;
  std::vector<std::string>& display_;
  std::vector<std::uint32_t>& background_;
  std::string key_, feature_key_;
  std::vector<std::pair<std::uint32_t, float>> counts_;
  std::vector<Token> tokens_;                // of the field being read
  std::vector<std::size_t> run_;             // the name being read: indices in tokens_
  std::string folded_;                       // their folded forms, end to end
  std::vector<std::int32_t> name_features_;  // by word: its feature as a single name, -1 until
                                             // first needed, kNeverAName for a function word
  WordTable words_;                          // folded words met, with a language prefix
  std::vector<std::int32_t> word_features_;  // by word: its feature, or -1 for a stop word
  std::vector<std::uint32_t> where_;         // by feature: its place in first_met()'s output, + 1
  std::vector<std::uint8_t> noted_;          // by feature: languages note_language() has seen
};

}  // namespace encart::related
