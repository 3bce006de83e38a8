#include "related/related.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "index/word_table.h"
#include "related/background.h"
#include "related/features.h"

namespace encart {
namespace {

constexpr double kMsPerDay = 86'400'000.0;

}  // namespace

namespace {

std::size_t cap_of(FeatureKind k) {
  return k == FeatureKind::kWord   ? RelatedIndex::kMaxWords
         : k == FeatureKind::kName ? RelatedIndex::kMaxNames
                                   : std::size_t{64};
}

// Words and names form one text vector (a name shared by two long articles is a small part of
// their likeness, not all of it); tags and authors are each their own.
std::size_t group_of(FeatureKind k) {
  return k == FeatureKind::kTag ? 1 : k == FeatureKind::kAuthor ? 2 : 0;  // words and names: 0
}

}  // namespace

// WebAssembly memory never shrinks, so the transient data of this build is what the page keeps:
// one vector of (feature, count) becomes the weighted features in place, and one of postings is
// cut down in place.
RelatedIndex::RelatedIndex(const Index& index, const std::vector<bool>& english, const ArticleLists& links,
                           const RelatedCountsUse& counts) {
  std::vector<std::uint32_t> raw_offsets, df, background;
  std::vector<Entry> raw = count_features(index, english, raw_offsets, df, background, counts);
  if (counts.done) counts.done();
  weigh_features(std::move(raw), raw_offsets, idf_weights(df, background, index.size()));
  build_postings();
  keep_candidate_facts(index);
  keep_links(links, index.size());
}

// Links either way: the earlier story does not link the later one, but is related to it.
void RelatedIndex::keep_links(const ArticleLists& links, std::size_t articles) {
  std::vector<std::pair<ArticleId, ArticleId>> pairs;
  for (ArticleId a = 0; a + 1 < links.offsets.size() && a < articles; ++a) {
    for (const ArticleId t : links.of(a)) pairs.insert(pairs.end(), {{a, t}, {t, a}});
  }
  if (pairs.empty()) return;
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  linked_.offsets.assign(articles + 1, 0);
  for (const auto& [from, to] : pairs) ++linked_.offsets[from + 1];
  for (std::size_t a = 0; a < articles; ++a) linked_.offsets[a + 1] += linked_.offsets[a];
  linked_.targets.reserve(pairs.size());
  for (const auto& [from, to] : pairs) linked_.targets.push_back(to);
}

namespace {

// An article whose counts an earlier build kept (entry `c` of `from`): its features in this
// build's numbers, as first_met() gives them (`met`: each once, in the order first met) and as
// merged() does (`by_feature`: the same sorted by feature).
void reuse_counts(const RelatedCounts& from, std::size_t c, bool english, related::ArticleFeatures& f,
                  std::vector<std::uint32_t>& renumbered, std::vector<std::pair<std::uint32_t, float>>& met,
                  std::vector<std::pair<std::uint32_t, float>>& by_feature) {
  met.clear();
  for (std::uint32_t i = from.offsets[c]; i < from.offsets[c + 1]; ++i) {
    const auto [old, count] = from.entries[i];
    std::uint32_t& id = renumbered[old];
    if (id == UINT32_MAX) id = f.known_feature(from.keys[old], from.display[old]);
    f.note_language(id, english);
    met.emplace_back(id, count);
  }
  by_feature.assign(met.begin(), met.end());
  std::sort(by_feature.begin(), by_feature.end());
}

// An article's tags and authors, by the value's folded form, in the order of those forms: a
// value's ValueId changes as articles come and go (a new article by the second of two authors
// numbers that one first), and the order an article meets its features in must not, or the
// features an update reads from its state would be numbered otherwise than the text.
void add_facets(const Index& index, ArticleId a, related::ArticleFeatures& f, std::vector<ValueId>& order) {
  const ArticleTerms terms = index.terms(a);
  for (const auto& [facet, kind] :
       {std::pair{Facet::kTag, FeatureKind::kTag}, std::pair{Facet::kAuthor, FeatureKind::kAuthor}}) {
    const FacetValues& values = index.facet(facet);
    const auto ids = terms.facets[static_cast<std::size_t>(facet)];
    order.assign(ids.begin(), ids.end());
    std::sort(order.begin(), order.end(),
              [&](ValueId x, ValueId y) { return values.folded[x] < values.folded[y]; });
    for (const ValueId v : order) f.add(kind, values.folded[v], values.display[v], 1);
  }
}

}  // namespace

// First pass: raw counts per article (end to end, `raw_offsets` delimiting them), and in how many
// articles each feature occurs (`df`). Features are numbered as first met, newest article first;
// an article whose counts come from `counts.from` has its features met in the order it first
// met them, so that the numbers are the ones reading every text gives.
std::vector<RelatedIndex::Entry> RelatedIndex::count_features(
    const Index& index, const std::vector<bool>& english, std::vector<std::uint32_t>& raw_offsets,
    std::vector<std::uint32_t>& df, std::vector<std::uint32_t>& background, const RelatedCountsUse& counts) {
  const std::size_t n = index.size();
  WordTable table;
  std::vector<Entry> raw;
  raw.reserve(n * 36);  // a guess (34 per generated article); it grows if needed
  raw_offsets.assign(1, 0);
  raw_offsets.reserve(n + 1);
  related::ArticleFeatures f(table, kinds_, display_, background);
  const RelatedCounts* from = counts.from;
  std::vector<std::uint32_t> renumbered(from != nullptr ? from->keys.size() : 0, UINT32_MAX);
  std::vector<std::pair<std::uint32_t, float>> met, by_feature;
  std::vector<ValueId> facet_order;
  if (counts.keep != nullptr) *counts.keep = RelatedCounts{};
  for (std::size_t a = 0; a < n; ++a) {
    const Article& art = index.articles()[a];
    f.start_article();
    const bool en = a < english.size() && english[a];
    const std::int64_t c = from != nullptr && counts.reuse ? counts.reuse(art) : -1;
    const bool reused = c >= 0 && static_cast<std::size_t>(c) + 1 < from->offsets.size();
    if (reused) {
      reuse_counts(*from, static_cast<std::size_t>(c), en, f, renumbered, met, by_feature);
    } else {
      f.add_text(art.title, 3, en, true);
      f.add_text(art.summary, 2, en, false);
      f.add_text(art.text, 1, en, false);
      add_facets(index, static_cast<ArticleId>(a), f, facet_order);
    }
    if (counts.keep != nullptr) {
      if (!reused) f.first_met(met);
      if (!reused || counts.keep_reused)
        counts.keep->entries.insert(counts.keep->entries.end(), met.begin(), met.end());
      counts.keep->offsets.push_back(static_cast<std::uint32_t>(counts.keep->entries.size()));
    }
    const auto& merged = reused ? by_feature : f.merged();
    df.resize(kinds_.size(), 0);
    for (const auto& [feature, count] : merged) ++df[feature];
    for (const auto& [feature, count] : merged) raw.push_back({feature, count});
    raw_offsets.push_back(static_cast<std::uint32_t>(raw.size()));
  }
  if (counts.keep != nullptr) {
    counts.keep->keys.reserve(kinds_.size());
    for (std::uint32_t id = 0; id < kinds_.size(); ++id) counts.keep->keys.emplace_back(table.word(id));
    counts.keep->display = display_;
  }
  if (counts.numbers != nullptr) *counts.numbers = std::move(renumbered);
  return raw;
}

std::vector<float> RelatedIndex::idf_weights(const std::vector<std::uint32_t>& df,
                                             const std::vector<std::uint32_t>& background, std::size_t n) {
  std::vector<float> idf(df.size());
  // Past 1024 articles, the count the weights see is rounded up to a sixteenth of the power of
  // two above it (3000 -> 3072): publishing one more article then changes the weights of its own
  // features only, not of every feature, and fewer related lists move (a re-pack rewrites fewer
  // files, docs/pack.md). Small archives keep their exact count.
  const std::size_t step = n < 1024 ? 1 : std::bit_ceil(n) / 16;
  const std::size_t rounded = (n + step - 1) / step * step;  // whole steps: integer division meant
  const auto archive = static_cast<double>(rounded);
  // Every feature is counted against the same background pseudo-articles, which hold only the
  // listed words: a rare word gains a little, "taux" loses much while the archive is small.
  for (std::size_t f = 0; f < df.size(); ++f) {
    const std::uint32_t rank = f < background.size() ? background[f] : 0;
    idf[f] = related::blended_idf(archive, df[f], related::background_share(rank));
  }
  return idf;
}

bool RelatedIndex::stronger(const Entry& x, const Entry& y) {
  return x.weight != y.weight ? x.weight > y.weight : x.key < y.key;
}

// Over a kind's cap, keeps its strongest (ties by feature id). Most articles are under it: no
// sorting then, and `kept` stays in feature order, as merged() left it. `per_kind` counts `kept`
// by FeatureKind; `scratch` is working memory.
void RelatedIndex::cap_kinds(std::vector<Entry>& kept, const std::size_t (&per_kind)[4],
                             std::vector<Entry>& scratch) const {
  for (const FeatureKind kind :
       {FeatureKind::kWord, FeatureKind::kName, FeatureKind::kTag, FeatureKind::kAuthor}) {
    const std::size_t cap = cap_of(kind);
    if (per_kind[static_cast<std::size_t>(kind)] <= cap) continue;
    scratch.clear();
    for (const Entry& e : kept) {
      if (kinds_[e.key] == kind) scratch.push_back(e);
    }
    std::nth_element(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(cap - 1), scratch.end(),
                     stronger);
    const Entry weakest = scratch[cap - 1];
    std::erase_if(kept, [&](const Entry& e) { return kinds_[e.key] == kind && stronger(weakest, e); });
  }
}

// Second pass: TF-IDF weights, the strongest features kept, unit length per group; written over
// `raw`, which becomes features_.
void RelatedIndex::weigh_features(std::vector<Entry> raw, const std::vector<std::uint32_t>& raw_offsets,
                                  const std::vector<float>& idf) {
  const std::size_t n = raw_offsets.size() - 1;
  std::vector<Entry> kept, scratch;
  std::size_t written = 0;
  feature_offsets_.reserve(n + 1);
  for (std::size_t a = 0; a < n; ++a) {
    kept.clear();
    std::size_t per_kind[4] = {0, 0, 0, 0};
    for (std::uint32_t i = raw_offsets[a]; i < raw_offsets[a + 1]; ++i) {
      const Entry e = raw[i];
      kept.push_back({e.key, (1.0F + std::log(e.weight)) * idf[e.key]});
      ++per_kind[static_cast<std::size_t>(kinds_[e.key])];
    }
    cap_kinds(kept, per_kind, scratch);
    double norms[3] = {0, 0, 0};
    for (const Entry& e : kept) norms[group_of(kinds_[e.key])] += static_cast<double>(e.weight) * e.weight;
    for (double& norm : norms) norm = std::sqrt(norm);
    for (const Entry& e : kept) {
      const double norm = norms[group_of(kinds_[e.key])];
      if (norm > 0) raw[written++] = {e.key, static_cast<float>(e.weight / norm)};  // written <= i
    }
    feature_offsets_.push_back(static_cast<std::uint32_t>(written));
  }
  raw.resize(written);
  features_ = std::move(raw);
  // A copy costs as much memory as the slack it saves: only when the guess was far off.
  if (features_.capacity() > written + written / 4) features_.shrink_to_fit();
}

// Posting lists: per feature, the articles that kept it, the strongest kMaxPostings of them.
void RelatedIndex::build_postings() {
  const std::size_t n = feature_offsets_.size() - 1;
  std::vector<std::uint32_t> counts(kinds_.size() + 1, 0);
  for (const Entry& e : features_) ++counts[e.key + 1];
  for (std::size_t f = 0; f < kinds_.size(); ++f) counts[f + 1] += counts[f];
  std::vector<Entry> all(features_.size());
  std::vector<std::uint32_t> fill(counts.begin(), counts.end() - 1);
  for (std::size_t a = 0; a < n; ++a) {
    for (const Entry& e : features(static_cast<ArticleId>(a)))
      all[fill[e.key]++] = {static_cast<std::uint32_t>(a), e.weight};
  }
  std::size_t written = 0;
  posting_offsets_.reserve(kinds_.size() + 1);
  for (std::size_t f = 0; f < kinds_.size(); ++f) {
    auto first = all.begin() + counts[f], last = all.begin() + counts[f + 1];
    if (last - first > static_cast<std::ptrdiff_t>(kMaxPostings)) {
      // The strongest kMaxPostings, back in ArticleId order (rank() reads them a window of
      // ArticleIds at a time); shorter lists were filled in that order.
      std::nth_element(first, first + (kMaxPostings - 1), last, stronger);
      last = first + kMaxPostings;
      std::sort(first, last, [](const Entry& x, const Entry& y) { return x.key < y.key; });
    }
    const auto kept_here = last - first;
    const auto to = all.begin() + static_cast<std::ptrdiff_t>(written);  // never ahead of `first`
    if (to != first) std::copy(first, last, to);
    written += static_cast<std::size_t>(kept_here);
    posting_offsets_.push_back(static_cast<std::uint32_t>(written));
  }
  all.resize(written);
  postings_ = std::move(all);
}

// What rank() reads of every candidate, side by side rather than in each Article.
void RelatedIndex::keep_candidate_facts(const Index& index) {
  const std::size_t n = index.size();
  facts_.resize(n);
  for (std::size_t a = 0; a < n; ++a) {
    const auto category =
        index.terms(static_cast<ArticleId>(a)).facets[static_cast<std::size_t>(Facet::kCategory)];
    facts_[a].category = category.empty() ? kNoCategory : category[0];
    facts_[a].day = static_cast<double>(index.articles()[a].published.epoch_ms) / kMsPerDay;
  }
}

double RelatedIndex::kind_weight(FeatureKind k, const RelatedSettings& s) const {
  switch (k) {
    case FeatureKind::kWord:
      return s.text;
    case FeatureKind::kName:
      return s.names;
    case FeatureKind::kTag:
      return s.tags;
    case FeatureKind::kAuthor:
      return s.author;
  }
  return 0;
}

std::vector<RelatedIndex::Shared> RelatedIndex::shared_features(ArticleId subject, ArticleId other,
                                                                const RelatedSettings& s) const {
  std::vector<Shared> shared;
  const auto mine = features(subject), theirs = features(other);
  for (std::size_t i = 0, j = 0; i < mine.size() && j < theirs.size();) {
    if (mine[i].key < theirs[j].key) {
      ++i;
    } else if (theirs[j].key < mine[i].key) {
      ++j;
    } else {
      const auto w =
          static_cast<float>(kind_weight(kinds_[mine[i].key], s)) * mine[i].weight * theirs[j].weight;
      if (w > 0) shared.push_back({w, mine[i].key});
      ++i, ++j;
    }
  }
  std::sort(shared.begin(), shared.end(), [](const Shared& x, const Shared& y) {
    return x.contribution != y.contribution ? x.contribution > y.contribution : x.feature < y.feature;
  });
  return shared;
}

namespace {

// "Hammouchi" says nothing more when "Abdellatif Hammouchi" is listed.
std::vector<std::string> without_parts_of_longer(const std::vector<std::string>& all) {
  std::vector<std::string> names;
  for (const std::string& name : all) {
    const bool part_of_longer = std::any_of(all.begin(), all.end(), [&](const std::string& longer) {
      if (longer.size() <= name.size()) return false;
      // As a whole word: "Ali" is part of "Ali Benali", not of "Alibaba Group".
      for (std::size_t at = longer.find(name); at != std::string::npos; at = longer.find(name, at + 1)) {
        const std::size_t end = at + name.size();
        if ((at == 0 || longer[at - 1] == ' ') && (end == longer.size() || longer[end] == ' ')) return true;
      }
      return false;
    });
    if (!part_of_longer) names.push_back(name);
  }
  return names;
}

}  // namespace

RelatedReasons RelatedIndex::reasons(const Index& index, ArticleId subject, ArticleId other,
                                     const RelatedSettings& s) const {
  RelatedReasons out;
  for (const Shared& sh : shared_features(subject, other, s)) {
    const std::string& shown = display_[sh.feature];
    switch (kinds_[sh.feature]) {
      case FeatureKind::kWord:
        if (out.words.size() < 5) out.words.push_back(shown);
        break;
      case FeatureKind::kName:
        out.names.push_back(shown);
        break;
      case FeatureKind::kTag:
        out.tags.push_back(shown);
        break;
      case FeatureKind::kAuthor:
        out.authors.push_back(shown);
        break;
    }
  }
  out.names = without_parts_of_longer(out.names);
  const auto cat = static_cast<std::size_t>(Facet::kCategory);
  const auto a = index.terms(subject).facets[cat], b = index.terms(other).facets[cat];
  out.same_category = !a.empty() && !b.empty() && a[0] == b[0] && s.category > 0;
  return out;
}

}  // namespace encart
