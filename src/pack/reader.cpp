#include "pack/reader.h"

#include <algorithm>

#include "bundle/url.h"
#include "pack/corpus.h"
#include "pack/reader_state.h"
#include "query/filter_compile.h"
#include "render/html.h"

namespace encart::pack {
namespace {

using detail::BucketEntry;
using detail::FacetIds;
using detail::HeadCorpus;
using detail::LoadedValues;
using detail::Needs;
using detail::PackCorpus;

bool filter_is_empty(const Filter& f) {
  return text::words(f.q).empty() && f.categories.empty() && f.authors.empty() && f.tags.empty() &&
         f.since.empty() && f.until.empty() && f.date.empty();
}

const std::string& first_or_empty(const std::vector<std::string>& v) {
  static const std::string kEmpty;
  return v.empty() ? kEmpty : v.front();
}

// One sidebar answer, in the steps Engine::sidebar takes: the article on screen, then latest and
// most read (each a ranking of its own, without the article on screen), related (leaving out
// what those two show, unless repeats), the count of matches, the menus. What a step could not read is asked
// for through `needs_`.
class Answer {
 public:
  Answer(const Reader::Data& d, const Manifest& manifest, const SidebarRequest& request,
         const QueryClock& clock, Needs& needs, const CompiledFilter& filter)
      : d_(d),
        request_(request),
        clock_(clock),
        needs_(needs),
        corpus_(d, manifest, needs),
        filter_(filter),
        filter_known_(needs.empty()),
        settings_(apply(manifest.related, request.related)) {}

  // The filter compiled over the same corpus (compile_over): its needs go to the same list.
  static Result<CompiledFilter> compile(const Reader::Data& d, const Manifest& manifest,
                                        const SidebarRequest& request, const QueryClock& clock,
                                        Needs& needs) {
    return CompiledFilter::compile_over(request.filter, PackCorpus(d, manifest, needs), clock);
  }

  PackSidebar run() {
    first_visible_ = corpus_.first_published_at_or_before(clock_.now_ms);
    for (const auto& [a, expires] : d_.expiring) {
      if (a >= d_.head && clock_.now_ms >= expires) expired_beyond_head_ = true;
    }
    find_current();
    chain_known_ = filter_known_ && current_known_;
    PackSidebar out;
    Sidebar& view = out.view;
    view.article_found = current_ >= 0;
    if (current_ >= 0) view.article_id = article_id_;
    view.article_url = current_ >= 0 ? article_url_ : -1;
    // Latest and most read are rankings of their own; related comes last, leaving out both.
    const bool latest =
        fill(view.latest, request_.latest_limit, [&](std::size_t l) { return latest_ids(l); });
    const bool most_read =
        fill(view.most_read, request_.most_read_limit, [&](std::size_t l) { return most_read_ids(l); });
    related_list_ = &view.related;
    const bool related = current_ < 0 || fill(view.related, request_.related_limit.value_or(settings_.limit),
                                              [&](std::size_t l) { return related_ids(l); });
    view.matching = matching();
    view.status = results_status(view.matching, request_.locale);
    menus(view);

    out.missing = needs_.missing();
    out.degraded = needs_.degraded();
    out.complete = needs_.empty();
    if (!out.complete) {
      // Not all here yet. What is complete shows; the newest articles that match are known from
      // the head alone (they are the top of the final "latest" list); the rest waits.
      if (!related) view.related = {};
      if (!most_read) view.most_read = {};
      if (!latest) view.latest = head_latest();
      if (!filter_known_) view.status = ui_strings(request_.locale).searching;
    }
    return out;
  }

 private:
  bool visible(std::size_t a) const { return a >= first_visible_ && !expired(a); }
  bool expired(std::size_t a) const {
    if (d_.expiring.empty()) return false;
    const auto it = d_.expiring.find(static_cast<ArticleId>(a));
    return it != d_.expiring.end() && clock_.now_ms >= it->second;
  }
  bool is_current(std::size_t a) const { return static_cast<std::int64_t>(a) == current_; }

  // The article on screen: in the head, or found through its related bucket (which also holds
  // its category, authors and related candidates).
  void find_current() {
    article_id_ = request_.article.empty() ? id_by_address() : request_.article;
    if (article_id_.empty()) return;
    entry_ = corpus_.bucket_entry(article_id_);
    for (std::size_t a = 0; a < d_.head && current_ < 0; ++a) {
      if (d_.head_articles[a].id == article_id_) current_ = static_cast<std::int64_t>(a);
    }
    if (current_ < 0 && entry_ != nullptr) current_ = entry_->id;
    current_known_ = current_known_ && (current_ >= 0 || corpus_.bucket_known(article_id_));
    if (current_ >= 0) shown_.push_back(static_cast<ArticleId>(current_));
  }

  // The id of the first of the page's addresses that names an article, as Engine::find_current:
  // the head's own first, then the address's bucket. Every bucket is asked for at once, but a
  // later address counts only once the earlier ones are known not to match.
  std::string id_by_address() {
    std::string found;
    bool earlier_known = true;
    for (std::size_t i = 0; i < request_.article_urls.size(); ++i) {
      const std::string key = url_match_key(request_.article_urls[i]);
      if (key.empty()) continue;
      const std::string* id = nullptr;
      for (std::size_t a = 0; a < d_.head && id == nullptr; ++a) {
        if (url_match_key(d_.head_articles[a].url) == key) id = &d_.head_articles[a].id;
      }
      if (id == nullptr) id = corpus_.id_at(key);
      if (id != nullptr && earlier_known && found.empty()) {
        found = *id;
        article_url_ = static_cast<std::int32_t>(i);
      }
      earlier_known = earlier_known && (id != nullptr || corpus_.url_known(key));
    }
    current_known_ = !found.empty() || earlier_known;
    return found;
  }

  // A list: ids (one more than shown, to know whether there are more), then their records.
  // Complete when its ids, and those of the lists it leaves out, needed nothing missing.
  template <typename Rank>
  bool fill(SidebarList& list, std::size_t limit, Rank&& rank) {
    limit = std::min(limit, kMaxListLimit);
    const std::size_t asked = needs_.calls();
    std::vector<ArticleId> ids = rank(limit + 1);
    const bool ids_known = chain_known_ && needs_.calls() == asked;
    list.has_more = ids.size() > limit;
    if (list.has_more) ids.resize(limit);
    list.shown = ids.size();
    std::vector<const Article*> records;
    for (const ArticleId a : ids) {
      if (const Article* r = corpus_.record(a)) records.push_back(r);
    }
    if (&list == related_list_) {  // what the reader has read goes last, as Engine::sidebar
      std::stable_partition(records.begin(), records.end(),
                            [&](const Article* r) { return !is_read(read_, r->id); });
    }
    list.html = render_items(records, request_.locale, read_);
    if (!settings_.repeats) {
      shown_.insert(shown_.end(), ids.begin(), ids.end());
      chain_known_ = chain_known_ && ids_known;
    }
    return ids_known && records.size() == ids.size();
  }

  std::vector<ArticleId> latest_ids(std::size_t limit) const {
    std::vector<ArticleId> ids;
    if (limit == 0) return ids;
    filter_.matching().for_each_until([&](std::size_t a) {
      if (visible(a) && !is_current(a)) ids.push_back(static_cast<ArticleId>(a));
      return ids.size() < limit;
    });
    return ids;
  }

  // The stored candidates, then the fallback chain (related/fallback.h), as Engine::related_items.
  std::vector<ArticleId> related_ids(std::size_t limit) const {
    limit = std::min(limit, kMaxListLimit);
    std::vector<ArticleId> ids;
    if (entry_ == nullptr) {
      corpus_.bucket_entry(article_id_);  // asks for the bucket
      return ids;
    }
    Bitset taken(d_.n);
    for (const ArticleId a : shown_) taken.set(a);
    const std::vector<RelatedPick> picks = pick_related(
        entry_->hits, limit, std::move(taken),
        [&](std::size_t a) { return visible(a) && filter_.matches(static_cast<ArticleId>(a)); },
        [&](const auto& visit) {
          if (entry_->facets.category == 0) return true;
          const LoadedValues* values = corpus_.values(Facet::kCategory);
          if (values == nullptr) return false;  // asked for; the answer waits for it
          for (const ArticleId a : values->postings[entry_->facets.category - 1]) {
            if (!visit(a)) break;
          }
          return true;
        },
        [&](const auto& visit) { filter_.matching().for_each_until(visit); });
    for (const RelatedPick& pick : picks) ids.push_back(pick.id);
    return ids;
  }

  std::vector<ArticleId> most_read_ids(std::size_t limit) const {
    std::vector<ArticleId> ids;
    const auto w = static_cast<std::size_t>(request_.window);
    for (std::size_t pos = 0; pos < d_.ranked[w] && ids.size() < limit; ++pos) {
      const auto a = corpus_.ranked(w, pos);
      if (!a) break;  // its page is asked for
      if (visible(*a) && !is_current(*a) && filter_.matches(*a)) ids.push_back(*a);
    }
    return ids;
  }

  // What the filter keeps, the current article left out.
  std::size_t matching() const {
    std::size_t kept = 0;
    filter_.matching().for_each_until([&](std::size_t a) {
      if (visible(a) && !is_current(a)) ++kept;
      return true;
    });
    return kept;
  }

  // Menu counts, the current article left out; nullopt while a file they need is missing.
  std::optional<std::vector<std::size_t>> counts_for(Facet f) const {
    const auto fi = static_cast<std::size_t>(f);
    std::vector<std::size_t> counts(d_.facets[fi].display.size(), 0);
    const auto add = [&](const FacetIds& ids, int sign) {
      const auto bump = [&](ValueId v) {
        if (v < counts.size())
          counts[v] = static_cast<std::size_t>(static_cast<std::int64_t>(counts[v]) + sign);
      };
      if (f == Facet::kCategory && ids.category > 0) bump(ids.category - 1);
      if (f == Facet::kAuthor) {
        for (const ValueId v : ids.authors) bump(v);
      }
    };
    if (filter_is_empty(request_.filter) && first_visible_ <= d_.head && !expired_beyond_head_) {
      // Every article past the head is visible: their counts come with the head.
      counts = d_.beyond[fi];
      for (std::size_t a = first_visible_; a < d_.head; ++a) {
        if (!expired(a)) add(d_.head_facets[a], 1);
      }
      if (current_ >= static_cast<std::int64_t>(d_.head)) {
        if (entry_ == nullptr) return std::nullopt;
        add(entry_->facets, -1);
      } else if (current_ >= 0 && visible(static_cast<std::size_t>(current_))) {
        add(d_.head_facets[static_cast<std::size_t>(current_)], -1);
      }
      return counts;
    }
    const LoadedValues* values = corpus_.values(f);
    if (values == nullptr) return std::nullopt;
    const Bitset& scope = filter_.matching_except(f);
    for (ValueId v = 0; v < values->postings.size() && v < counts.size(); ++v) {
      for (const ArticleId a : values->postings[v]) {
        if (scope[a] && visible(a) && !is_current(a)) ++counts[v];
      }
    }
    return counts;
  }

  void menus(Sidebar& view) const {
    const auto categories = counts_for(Facet::kCategory);
    const auto authors = counts_for(Facet::kAuthor);
    if (!categories || !authors || !filter_known_) return;  // the widget keeps its menus meanwhile
    view.category_options =
        render_facet_options(sorted_facet_counts(d_.facets[0], *categories), Facet::kCategory,
                             first_or_empty(request_.filter.categories), request_.locale);
    view.author_options = render_facet_options(sorted_facet_counts(d_.facets[1], *authors), Facet::kAuthor,
                                               first_or_empty(request_.filter.authors), request_.locale);
  }

  // The newest matching articles among the head's alone, newest first.
  SidebarList head_latest() const {
    std::vector<const Article*> records;
    auto head_filter = CompiledFilter::compile_over(request_.filter, HeadCorpus(d_), clock_);
    const std::size_t limit = std::min(request_.latest_limit, kMaxListLimit);
    if (head_filter && limit > 0) {
      head_filter.value().matching().for_each_until([&](std::size_t a) {
        if (visible(a) && !is_current(a)) records.push_back(&d_.head_articles[a]);
        return records.size() < limit;
      });
    }
    return {render_items(records, request_.locale), records.size(), false};
  }

  const Reader::Data& d_;
  const SidebarRequest& request_;
  const QueryClock& clock_;
  Needs& needs_;
  const PackCorpus corpus_;
  const CompiledFilter& filter_;
  const bool filter_known_;
  const RelatedSettings settings_;
  std::size_t first_visible_ = 0;
  bool expired_beyond_head_ = false;  // then the menus count from the facet files
  const std::vector<std::string> read_ = sorted_ids(request_.read);
  const SidebarList* related_list_ = nullptr;
  std::string article_id_;
  std::int32_t article_url_ = -1;
  std::int64_t current_ = -1;
  const BucketEntry* entry_ = nullptr;
  bool current_known_ = true;
  bool chain_known_ = false;
  std::vector<ArticleId> shown_;
};

}  // namespace

Reader::Reader(Manifest manifest) : manifest_(std::move(manifest)), data_(std::make_unique<Data>()) {}
Reader::~Reader() = default;

void Reader::mark_unavailable(std::string_view name) { data_->unavailable.emplace(name); }

Result<PackSidebar> Reader::sidebar(const SidebarRequest& request, const QueryClock& clock) const {
  if (!data_->head_loaded) {
    PackSidebar out;
    out.missing.push_back(manifest_.head);
    return out;
  }
  // The head says how many articles each window ranks: the same windows as the bundle's.
  WindowSet windows{};
  for (std::size_t w = 0; w < kViewWindowCount; ++w) windows[w] = data_->ranked[w] > 0;
  SidebarRequest effective = request;
  effective.window = effective_window(request.window, windows);
  Needs needs(data_->unavailable);
  auto filter = Answer::compile(*data_, manifest_, effective, clock, needs);
  if (!filter) return filter.error();
  PackSidebar out = Answer(*data_, manifest_, effective, clock, needs, filter.value()).run();
  out.view.windows = windows;
  out.view.window = effective.window;
  return out;
}

}  // namespace encart::pack
