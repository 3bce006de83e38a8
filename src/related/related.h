// "Related articles" (À lire aussi): an index built once at load, so that ranking the articles
// related to one of them reads a few short posting lists instead of comparing it with every
// article.
//
// Each article is described by weighted features of four kinds: words (stemmed, stop words out;
// from the title, boosted, the summary and the body text), proper names (runs of capitalised
// words, and their words), tags and authors. Weights are TF-IDF: (1 + ln tf) * idf, tf counting
// the title three times and the summary twice, each kind normalised to unit length, so that the
// dot product of two articles' features of one kind is their cosine similarity. The idf counts
// background pseudo-articles of everyday prose (related/background.h), so that a small archive
// already knows common words. Each article keeps its strongest features (kMaxWords, kMaxNames);
// each feature keeps its kMaxPostings strongest articles. A ranking accumulates, for each
// feature of the subject, over that feature's list.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "index/index.h"
#include "related/editor.h"
#include "related/settings.h"

namespace encart {

enum class FeatureKind : std::uint8_t { kWord = 0, kName = 1, kTag = 2, kAuthor = 3 };

struct RelatedHit {
  ArticleId id;
  float score;  // relevance x recency: about 1 for the same words, above with shared names
};

// Why an article is related to the subject: what they share, strongest first.
struct RelatedReasons {
  std::vector<std::string> names;    // as written in the articles
  std::vector<std::string> words;    // at most 5, as first written
  std::vector<std::string> tags;     // as in the bundle
  std::vector<std::string> authors;  // as in the bundle
  bool same_category = false;
};

// Each article's features as the first pass of a build counts them, before any weighting, and the
// features themselves: encart pack keeps them in its state, so that an update (--update) reads
// the text of the changed articles alone. Rebuilt from them, an index is the one the text gives
// (the same features, numbers, counts and weights), but for the words shown as reasons.
struct RelatedCounts {
  std::vector<std::string> keys;                         // by feature: its kind's digit, then its key
  std::vector<std::string> display;                      // by feature: as written where first met
  std::vector<std::uint32_t> offsets{0};                 // by ArticleId of the build, into entries
  std::vector<std::pair<std::uint32_t, float>> entries;  // (feature, count), in the order first met
};

using RelatedCountsUse = KeptUse<RelatedCounts>;  // index/index.h

class RelatedIndex {
  struct Entry {
    std::uint32_t key;  // FeatureId in an article's list, ArticleId in a posting list
    float weight;
  };

 public:
  static constexpr std::size_t kMaxWords = 48;      // per article
  static constexpr std::size_t kMaxNames = 12;      // per article
  static constexpr std::size_t kMaxPostings = 256;  // per feature

  RelatedIndex() = default;
  // Reads each article's title, summary and text; `english[a]` picks English stemming for
  // article a (French otherwise; Arabic words are recognised by their script). `links`: the
  // articles each article's body links to (resolve_links), a strong sign either way.
  RelatedIndex(const Index& index, const std::vector<bool>& english, const ArticleLists& links = {},
               const RelatedCountsUse& counts = {});

  // What a link between two articles (either way) adds to their relevance: as much as two
  // articles with the same words.
  static constexpr double kLinkBoost = 1.0;

  // The `keep` best visible articles scoring at least settings.min_score, best first; ties by
  // the newer, then id (ascending ArticleId). Never `subject`.
  std::vector<RelatedHit> rank(const Index& index, ArticleId subject, const Bitset& visible,
                               const RelatedSettings& settings, std::size_t keep) const {
    return rank(index, subject, visible, settings, keep, scratch_);
  }
  // Working memory of one ranking at a time: rank() has its own; threads ranking at once (encart
  // pack ranks every article) each pass theirs.
  // One slot per article: the score being summed, beside what rank() then reads of the
  // candidate (a copy of facts_), so that both come in one cache line. In an archive too large
  // for the cache, reading them from arrays of their own cost two more misses per candidate.
  struct Slot {
    float score = 0;  // zero between calls
    std::uint32_t category = UINT32_MAX;
    double day = 0;
  };
  // A ranking adds into the slots of this many articles at a time (4 MiB of slots), each
  // posting list read on from where the window before stopped, and takes the window's
  // candidates while their slots are still in the cache. Related lists of a 1M pack on 2 cores:
  // 72.7 s in one window of 16 MiB, 78.2 s in windows of 16,384 (each list's loop ends once a
  // window, a mispredicted branch), 59.9 s of 65,536, 52.5 s of 131,072, 45.8 s of 262,144.
  static constexpr std::size_t kWindow = 262144;
  // A posting list being read, a window at a time, and the subject's weight for its feature.
  struct PostingCursor {
    const Entry* next;
    const Entry* end;
    float weight;
  };
  struct Scratch {
    std::vector<Slot> slots;
    std::vector<ArticleId> touched;
    std::vector<PostingCursor> lists;                     // the subject's features
    std::pair<const ArticleId*, const ArticleId*> links;  // the subject's links, ascending
    std::size_t window = kWindow;                         // tests make it small
    std::uint64_t build = 0;                              // the index whose facts `slots` copy
  };

  std::vector<RelatedHit> rank(const Index& index, ArticleId subject, const Bitset& visible,
                               const RelatedSettings& settings, std::size_t keep, Scratch& scratch) const;

  static bool better(const RelatedHit& x, const RelatedHit& y) {
    return x.score != y.score ? x.score > y.score : x.id < y.id;
  }

  RelatedReasons reasons(const Index& index, ArticleId subject, ArticleId other,
                         const RelatedSettings& settings) const;

  std::size_t feature_count() const { return kinds_.size(); }

 private:
  std::span<const Entry> features(ArticleId a) const {
    return {features_.data() + feature_offsets_[a], feature_offsets_[a + 1] - feature_offsets_[a]};
  }
  std::span<const Entry> postings(std::uint32_t f) const {
    return {postings_.data() + posting_offsets_[f], posting_offsets_[f + 1] - posting_offsets_[f]};
  }
  double kind_weight(FeatureKind k, const RelatedSettings& s) const;
  // What rank() divides the shared weight by: the weights of the signals `subject` carries.
  double total_weight(const Index& index, ArticleId subject, const RelatedSettings& s) const;
  // The steps of rank(): the subject's posting lists and links in scratch, then, window by
  // window, each article's shared weight with the subject (below `end`) in its slot and the
  // articles reached in scratch.touched. A link adds `link_share` (kLinkBoost in relevance).
  void start_ranking(ArticleId subject, const RelatedSettings& s, std::size_t articles,
                     Scratch& scratch) const;
  void accumulate(ArticleId end, float link_share, Scratch& scratch) const;
  void keep_links(const ArticleLists& links, std::size_t articles);

  // The build, in its steps (related.cpp).
  std::vector<Entry> count_features(const Index& index, const std::vector<bool>& english,
                                    std::vector<std::uint32_t>& raw_offsets, std::vector<std::uint32_t>& df,
                                    std::vector<std::uint32_t>& background, const RelatedCountsUse& counts);
  // `background`: by feature, its rank in the background lists (0: not listed).
  static std::vector<float> idf_weights(const std::vector<std::uint32_t>& df,
                                        const std::vector<std::uint32_t>& background, std::size_t n);
  static bool stronger(const Entry& x, const Entry& y);  // by weight, ties by key
  void cap_kinds(std::vector<Entry>& kept, const std::size_t (&per_kind)[4],
                 std::vector<Entry>& scratch) const;
  void weigh_features(std::vector<Entry> raw, const std::vector<std::uint32_t>& raw_offsets,
                      const std::vector<float>& idf);
  void build_postings();
  void keep_candidate_facts(const Index& index);
  // What two articles share, strongest contribution first (reasons()).
  struct Shared {
    float contribution;
    std::uint32_t feature;
  };
  std::vector<Shared> shared_features(ArticleId subject, ArticleId other, const RelatedSettings& s) const;

  std::vector<Entry> features_;  // per article, sorted by FeatureId
  std::vector<std::uint32_t> feature_offsets_{0};
  std::vector<Entry> postings_;  // per feature
  std::vector<std::uint32_t> posting_offsets_{0};
  std::vector<FeatureKind> kinds_;    // by FeatureId
  std::vector<std::string> display_;  // by FeatureId: the words or name as first written
  static constexpr std::uint32_t kNoCategory = UINT32_MAX;
  // By ArticleId, with a zero score: category ValueId (or kNoCategory) and publication in
  // days since 1970, which each Scratch copies.
  std::vector<Slot> facts_;
  // Which build of an index a Scratch's slots copy: an engine reloaded with as many articles
  // reuses its scratch, which must not keep the old categories and days. Kept by a move.
  std::uint64_t build_ = next_build();
  static std::uint64_t next_build();
  ArticleLists linked_;      // by ArticleId: the articles it links to or is linked from
  mutable Scratch scratch_;  // rank()'s own
};

}  // namespace encart
