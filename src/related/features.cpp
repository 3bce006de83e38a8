#include "related/features.h"

#include <algorithm>

#include "related/background.h"
#include "related/language.h"
#include "text/fold.h"

namespace encart::related {
namespace {

// Lowercase words that may sit inside a name: "Notre-Dame de Paris", "Mohammed ben Salmane".
bool is_name_connector(std::string_view folded) {
  for (const std::string_view c : {"de", "du", "des", "la", "le", "el", "al", "ben", "bin", "ibn", "ould",
                                   "van", "von", "da", "di", "del", "bou", "of"}) {
    if (folded == c) return true;
  }
  return false;
}

}  // namespace

std::uint32_t ArticleFeatures::feature(FeatureKind kind, std::string_view key, std::string_view shown) {
  feature_key_.assign(1, static_cast<char>('0' + static_cast<int>(kind)));
  feature_key_ += key;
  const std::uint32_t id = table_.intern(feature_key_);
  if (id == kinds_.size()) {
    kinds_.push_back(kind);
    display_.emplace_back(shown);
  }
  return id;
}

std::uint32_t ArticleFeatures::word_feature(std::string_view folded, std::string_view original,
                                            bool english) {
  const std::string stemmed = stem(folded, english);
  const std::uint32_t id = feature(FeatureKind::kWord, stemmed, original);
  // A stem met in French and English articles ("action") is as common as its commoner reading.
  const std::uint32_t rank = background_rank(stemmed, english);
  if (background_.size() <= id) background_.resize(id + 1, 0);
  if (rank != 0 && (background_[id] == 0 || rank < background_[id])) background_[id] = rank;
  return id;
}

void ArticleFeatures::add_text(std::string_view field, float weight, bool english, bool is_title) {
  tokens_.clear();
  folded_.clear();
  text::for_each_token(field, [&](const text::WordToken& t) {
    // Stop-word test, stemming and the word's feature once per distinct word (and language).
    key_.assign(english ? "e" : "f");
    key_ += t.folded;
    const std::uint32_t w = words_.intern(key_);
    if (w == word_features_.size()) {
      word_features_.push_back(is_stop_word(t.folded)
                                   ? -1
                                   : static_cast<std::int32_t>(word_feature(t.folded, t.original, english)));
      name_features_.push_back(is_function_word(t.folded) ? kNeverAName : -1);
    }
    if (word_features_[w] >= 0) counts_.emplace_back(static_cast<std::uint32_t>(word_features_[w]), weight);
    tokens_.push_back({static_cast<std::uint32_t>(folded_.size()),
                       static_cast<std::uint32_t>(t.folded.size()), t.original, t.capitalised,
                       t.sentence_start, t.after_break, w});
    folded_ += t.folded;
  });
  const std::vector<Token>& tokens = tokens_;
  // A title in Title Case ("Morocco And France Sign A Deal") says nothing about names; it
  // shows in capitalised small words after the first. French titles ("Pour Ali, Alibaba Group
  // vise le Maroc") keep theirs in lowercase, however many names they hold.
  if (is_title) {
    const auto title_case =
        std::any_of(tokens.begin() + (tokens.empty() ? 0 : 1), tokens.end(),
                    [&](const Token& t) { return t.capitalised && name_features_[t.word] == kNeverAName; });
    if (title_case) return;
  }
  add_names(tokens, weight);
}

void ArticleFeatures::note_language(std::uint32_t id, bool english) {
  if (kinds_[id] != FeatureKind::kWord) return;
  if (noted_.size() <= id) noted_.resize(kinds_.size(), 0);
  const std::uint8_t bit = english ? 2 : 1;
  if ((noted_[id] & bit) != 0) return;
  noted_[id] |= bit;
  // As word_feature() notes it for each word met: the stem is the feature's key.
  const std::uint32_t rank = background_rank(table_.word(id).substr(1), english);
  if (background_.size() <= id) background_.resize(id + 1, 0);
  if (rank != 0 && (background_[id] == 0 || rank < background_[id])) background_[id] = rank;
}

void ArticleFeatures::first_met(std::vector<std::pair<std::uint32_t, float>>& out) {
  out.clear();
  if (where_.size() < kinds_.size()) where_.resize(kinds_.size(), 0);
  for (const auto& [feature, count] : counts_) {
    std::uint32_t& at = where_[feature];  // left from another article unless it points at it
    if (at == 0 || at > out.size() || out[at - 1].first != feature) {
      out.emplace_back(feature, count);
      at = static_cast<std::uint32_t>(out.size());
    } else {
      out[at - 1].second += count;
    }
  }
}

const std::vector<std::pair<std::uint32_t, float>>& ArticleFeatures::merged() {
  std::sort(counts_.begin(), counts_.end());
  std::size_t out = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    if (out > 0 && counts_[out - 1].first == counts_[i].first) {
      counts_[out - 1].second += counts_[i].second;
    } else {
      counts_[out++] = counts_[i];
    }
  }
  counts_.resize(out);
  return counts_;
}

std::uint32_t ArticleFeatures::name_feature(const Token& t) {
  if (name_features_[t.word] == -1) {
    name_features_[t.word] = static_cast<std::int32_t>(feature(FeatureKind::kName, folded(t), t.original));
  }
  return static_cast<std::uint32_t>(name_features_[t.word]);
}

void ArticleFeatures::add_names(const std::vector<Token>& tokens, float weight) {
  for (std::size_t i = 0; i < tokens.size();) {
    if (!is_name_word(tokens[i])) {
      ++i;
      continue;
    }
    // The run: name words, with connectors between two of them, nothing but spaces and
    // hyphens in between.
    std::vector<std::size_t>& run = run_;
    run.assign(1, i);
    std::size_t j = i + 1;
    while (j < tokens.size() && !tokens[j].after_break) {
      if (is_name_word(tokens[j])) {
        run.push_back(j++);
      } else if (is_name_connector(folded(tokens[j])) && j + 1 < tokens.size() &&
                 !tokens[j + 1].after_break && is_name_word(tokens[j + 1])) {
        run.push_back(j);
        run.push_back(j + 1);
        j += 2;
      } else {
        break;
      }
    }
    std::size_t name_words = 0;
    for (const std::size_t k : run) name_words += is_name_word(tokens[k]) ? 1 : 0;
    // A lone capitalised word opening a sentence is most often just that.
    if (name_words >= 2 || !tokens[i].sentence_start) {
      for (const std::size_t k : run) {
        if (is_name_word(tokens[k])) counts_.emplace_back(name_feature(tokens[k]), weight);
      }
      if (name_words >= 2) {
        std::string key, shown;
        for (const std::size_t k : run) {
          if (!key.empty()) key += ' ', shown += ' ';
          key += folded(tokens[k]);
          shown += tokens[k].original;
        }
        add(FeatureKind::kName, key, shown, weight);
      }
    }
    i = j;
  }
}

}  // namespace encart::related
