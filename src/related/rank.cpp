// Ranking the articles related to one (RelatedIndex::rank): its features' posting lists summed
// into per-article slots a window of ArticleIds at a time, the best kept in a bounded heap.
#include "related/related.h"

#include <algorithm>
#include <atomic>
#include <cmath>

namespace encart {

std::uint64_t RelatedIndex::next_build() {
  static std::atomic<std::uint64_t> builds{0};
  return ++builds;
}

void RelatedIndex::start_ranking(ArticleId subject, const RelatedSettings& s, std::size_t articles,
                                 Scratch& scratch) const {
  if (scratch.build != build_ || scratch.slots.size() != articles) {
    scratch.slots = facts_;
    scratch.build = build_;
  }
  scratch.lists.clear();
  for (const Entry& mine : features(subject)) {
    const auto w = static_cast<float>(kind_weight(kinds_[mine.key], s)) * mine.weight;
    const auto list = postings(mine.key);
    if (w > 0) scratch.lists.push_back({list.data(), list.data() + list.size(), w});
  }
  const auto links = linked_.of(subject);
  scratch.links = {links.data(), links.data() + links.size()};
}

// Each candidate's contributions still come in the order of the subject's features, then its
// links, as without windows: the same sums to the last bit.
void RelatedIndex::accumulate(ArticleId end, float link_share, Scratch& scratch) const {
  std::vector<Slot>& slots = scratch.slots;
  for (PostingCursor& list : scratch.lists) {
    for (; list.next != list.end && list.next->key < end; ++list.next) {
      float& score = slots[list.next->key].score;
      if (score == 0.0F) scratch.touched.push_back(list.next->key);
      score += list.weight * list.next->weight;
    }
  }
  const ArticleId*& link = scratch.links.first;
  for (; link != scratch.links.second && *link < end; ++link) {
    float& score = slots[*link].score;
    if (score == 0.0F) scratch.touched.push_back(*link);
    score += link_share;
  }
}

// Relevance is the weighted mean of the similarities of the signals the subject carries: an
// article without tags is not marked down for the tags it cannot share.
double RelatedIndex::total_weight(const Index& index, ArticleId subject, const RelatedSettings& s) const {
  const auto category = index.terms(subject).facets[static_cast<std::size_t>(Facet::kCategory)];
  bool carries[4] = {false, false, false, false};
  for (const Entry& mine : features(subject)) carries[static_cast<std::size_t>(kinds_[mine.key])] = true;
  // Words and names share one unit vector, where the names weight acts as a boost of the
  // names over the words: the text counts for its own weight, so shared names can take the
  // score above 1 (the ranking needs no cap: a cap would turn the best matches into ties).
  double total = category.empty() ? 0.0 : s.category;
  if (carries[0] || carries[1]) total += s.text > 0 ? s.text : s.names;
  for (const FeatureKind k : {FeatureKind::kTag, FeatureKind::kAuthor}) {
    if (carries[static_cast<std::size_t>(k)]) total += kind_weight(k, s);
  }
  return total;
}

namespace {

// The best `keep` hits so far, the worst of them on top. Once it is full, most candidates fall
// below its worst even with the category bonus: they are dropped on their shared score alone,
// against a bound worked out when the worst changes (no division per candidate). The bound is a
// millionth on the safe side of the exact test, which float rounding (a 16-millionth) cannot
// cross: the same lists as without it (RelatedRank tests).
class BestHits {
 public:
  BestHits(std::size_t keep, double floor, double total, double bonus)
      : keep_(keep), floor_(floor), total_(total), bonus_(bonus), cut_(floor) {
    hits_.reserve(keep);
  }
  // Under it, a shared score can enter neither the list nor min_score.
  double cut() const { return cut_; }
  // Whether `relevance` (before the recency decay, which only lowers it) can still enter.
  bool may_enter(double relevance) const {
    return hits_.size() < keep_ || static_cast<float>(relevance) >= hits_.front().score;
  }
  void offer(const RelatedHit& hit) {
    if (hits_.size() < keep_) {
      hits_.push_back(hit);
      std::push_heap(hits_.begin(), hits_.end(), worse_on_top);
    } else if (RelatedIndex::better(hit, hits_.front())) {
      std::pop_heap(hits_.begin(), hits_.end(), worse_on_top);
      hits_.back() = hit;
      std::push_heap(hits_.begin(), hits_.end(), worse_on_top);
    } else {
      return;
    }
    if (hits_.size() == keep_) cut_ = std::max(floor_, hits_.front().score * total_ * (1 - 1e-6) - bonus_);
  }
  std::vector<RelatedHit> take() {
    std::sort_heap(hits_.begin(), hits_.end(), worse_on_top);
    return std::move(hits_);
  }

 private:
  static bool worse_on_top(const RelatedHit& x, const RelatedHit& y) { return RelatedIndex::better(x, y); }
  std::size_t keep_;
  double floor_, total_, bonus_, cut_;
  std::vector<RelatedHit> hits_;
};

}  // namespace

std::vector<RelatedHit> RelatedIndex::rank(const Index& index, ArticleId subject, const Bitset& visible,
                                           const RelatedSettings& s, std::size_t keep,
                                           Scratch& scratch) const {
  const std::size_t n = index.size();
  if (subject >= n || keep == 0) return {};
  const double total = total_weight(index, subject, s);
  if (total <= 0) return {};
  start_ranking(subject, s, n, scratch);
  // Most candidates share one weak word: they are dropped before anything else is read.
  BestHits best(keep, s.min_score * total - s.category, total, std::max(0.0, s.category));
  const std::uint32_t my_category = facts_[subject].category;
  const double my_day = facts_[subject].day;
  for (std::size_t end = 0; end < n;) {
    end = std::min(n, end + std::max<std::size_t>(1, scratch.window));
    accumulate(static_cast<ArticleId>(end), static_cast<float>(kLinkBoost * total), scratch);
    for (const ArticleId a : scratch.touched) {
      Slot& slot = scratch.slots[a];
      const float shared = slot.score;
      slot.score = 0.0F;
      if (shared < best.cut() || a == subject || !visible[a]) continue;
      const bool same_category = my_category != kNoCategory && slot.category == my_category;
      double relevance = (shared + (same_category ? s.category : 0.0)) / total;
      if (relevance < s.min_score || !best.may_enter(relevance)) continue;
      if (s.half_life_days > 0) relevance *= std::exp2(-std::abs(slot.day - my_day) / s.half_life_days);
      if (relevance > 0 && relevance >= s.min_score) best.offer({a, static_cast<float>(relevance)});
    }
    scratch.touched.clear();
  }
  return best.take();
}

}  // namespace encart
