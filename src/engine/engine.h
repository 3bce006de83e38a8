// The facade the bindings and the tests use: load a bundle, ask for lists, facets and HTML.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bundle/feeds.h"
#include "bundle/parser.h"
#include "common/result.h"
#include "index/index.h"
#include "query/filter.h"
#include "rank/lists.h"
#include "related/fallback.h"
#include "related/related.h"
#include "render/html.h"
#include "render/locale.h"

namespace encart {

struct LoadOptions {
  // The reader's "now" (UTC ms). Articles published after it stay hidden until it passes.
  std::int64_t now_ms = 0;
  // The reader's offset from UTC in minutes, for the "today" date preset ([-1440, 1440]).
  std::int32_t utc_offset_minutes = 0;
  ParseOptions parse;
  InputFormat format = InputFormat::kAuto;  // bundle, JSON Feed or WordPress posts (bundle/feeds.h)
  std::string_view views;                   // optional views.json text, merged before indexing (merge_views)
  // false: no related index is built, and related lists are empty (the fallback chain fills
  // them). For `encart pack --state`, which reads the lists back from its state file: the index
  // is a tenth of a pack's load and a third of its memory.
  bool related_index = true;
  // encart pack --state and --update: the related index's counts kept, or read back for the
  // articles that did not change (RelatedCounts).
  RelatedCountsUse related_counts;
  // The same for the search index's words (SearchWords).
  SearchWordsUse search_words;
};

struct LoadReport {
  std::size_t articles = 0;
  std::vector<SkippedArticle> skipped;  // first ParseOptions::max_reported_skips, by index
  std::size_t skipped_total = 0;
  std::vector<std::string> warnings;  // bundle settings ignored or clamped, with their field
};

struct ListOptions {
  std::size_t limit = 10;            // [0, 1000]
  std::vector<std::string> exclude;  // article ids; unknown ids are ignored
  Filter filter;
  RelatedOverrides related;  // related() only: on top of the bundle's settings
};

// How deep "related" reads the ranking of the article on screen: beyond it, the fallback
// chain fills the list. A bound that a pack can store for every article (encart pack), so
// that a pack and the bundle it came from answer alike, to the article.
inline constexpr std::size_t kMaxRelatedCandidates = 64;

struct RelatedItem {
  ArticleId id;
  double score = 0;  // 0 for fallback items
  RelatedSource source = RelatedSource::kScore;
  RelatedReasons reasons;
};

struct Facets {
  std::vector<FacetCount> category, author, tag;
};

struct SidebarRequest {
  std::string article;  // the article on screen: excluded from every list, subject of "related"
  // Without `article`: the page's own addresses (canonical link, og:url, location), tried in
  // this order against the articles' URLs (url_match_key); the first that matches names it.
  std::vector<std::string> article_urls;
  // Ids of the articles the reader opened on this site (the widget's local history): marked
  // "already read" in every list, and moved to the end of "related" (in their order otherwise).
  std::vector<std::string> read;
  Filter filter;
  std::size_t latest_limit = 5;  // [0, 1000] each
  std::size_t most_read_limit = 5;
  std::optional<std::size_t> related_limit;  // default: the related settings' limit
  RelatedOverrides related;                  // on top of the bundle's settings
  ViewWindow window = ViewWindow::kAll;      // one without counts reads as kAll (effective_window)
  Locale locale;
};

struct SidebarList {
  std::string html;       // <li> items
  std::size_t shown = 0;  // items in html
  bool has_more = false;  // more items would show with a higher limit
};

struct Sidebar {
  SidebarList latest, most_read, related;
  std::string category_options, author_options;
  std::string status;        // for the live region
  std::size_t matching = 0;  // articles the filter keeps (the current one left out)
  bool article_found = false;
  std::string article_id;                // the article on screen: given, or found by its address
  std::int32_t article_url = -1;         // which of article_urls matched (its index), -1: none or unused
  WindowSet windows{};                   // the windows the bundle has view counts for
  ViewWindow window = ViewWindow::kAll;  // the one "most read" ranks by (effective_window)
};

class Engine {
 public:
  Engine() = default;
  // Moved, never copied: by_url_ views the strings of url_keys_, which a move keeps in place.
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  Engine(Engine&&) = default;
  Engine& operator=(Engine&&) = default;
  ~Engine() = default;

  // Replaces whatever was loaded, only on success: a failed load keeps the previous data.
  Result<LoadReport> load(std::string_view json_text, const LoadOptions& options);
  // The same, taking the text over: it is freed once parsed, before the index is built, so the
  // two never hold memory together. In WebAssembly memory never shrinks: the peak is what the
  // page keeps.
  Result<LoadReport> load_owned(std::string&& json_text, const LoadOptions& options);
  // The same from a bundle already parsed (the CLI reads and reports it first).
  Result<LoadReport> load_bundle(Bundle bundle, const LoadOptions& options) {
    return load_parsed(std::move(bundle), options);
  }
  bool loaded() const { return loaded_; }
  const Index& index() const { return index_; }
  // url_match_key of article a's address (bundle/url.h), computed once at load.
  const std::string& url_key(ArticleId a) const { return url_keys_[a]; }

  Result<std::vector<ArticleId>> latest(const ListOptions& options) const;
  Result<std::vector<ArticleId>> most_read(ViewWindow window, const ListOptions& options) const;
  // At most options.limit articles (never fewer while the bundle has enough that pass the
  // filter): scored ones first, then the fallback chain.
  Result<std::vector<RelatedItem>> related(std::string_view id, const ListOptions& options) const;
  // The bundle's related settings, defaults filled in and clamped.
  const RelatedSettings& related_settings() const { return related_settings_; }
  // The candidates "related" draws from, before any filter: the editor's related ids first, in
  // their order (with their score, 0 when they have none), then the best scored over every
  // article (visible or not), best first; kMaxRelatedCandidates in all. What encart pack
  // stores per article. None at all when loaded without a related index (LoadOptions).
  std::vector<RelatedHit> related_candidates(ArticleId subject, const RelatedSettings& settings) const;
  // The same with the caller's working memory: threads may call it at once (encart pack).
  std::vector<RelatedHit> related_candidates(ArticleId subject, const RelatedSettings& settings,
                                             RelatedIndex::Scratch& scratch) const;
  // The `keep` articles scoring best with `subject`, without the editor's ids: the lists an
  // update of `subject` may enter or leave (encart pack --update). None without a related index.
  std::vector<RelatedHit> related_neighbours(ArticleId subject, std::size_t keep,
                                             RelatedIndex::Scratch& scratch) const {
    if (!related_built_) return {};
    return related_index_.rank(index_, subject, everyone_, related_settings_, keep, scratch);
  }
  Result<Facets> facets(const Filter& filter) const;
  Result<Sidebar> sidebar(const SidebarRequest& request) const;

 private:
  // The sidebar's count of matches, its status sentence and its menus (with their counts).
  void count_and_menus(const SidebarRequest& request, const CompiledFilter& filter, std::int64_t current,
                       Sidebar& out) const;
  Result<LoadReport> load_parsed(Result<Bundle> parsed, const LoadOptions& options);
  // The article on screen: by id, or by the first of the page's addresses that matches one.
  std::int64_t find_current(const SidebarRequest& request, Sidebar& out) const;
  std::optional<Error> check_loaded() const;
  ListRequest list_request(std::size_t limit, const std::vector<std::string>& exclude) const;

  // The related ranking of the article on screen does not change while the reader types:
  // computed once per article and settings, then only filtered.
  const std::vector<RelatedHit>& related_ranking(ArticleId subject, const RelatedSettings& settings) const;
  // `with_reasons`: the API returns them; the sidebar, re-rendered at every keystroke, does not.
  std::vector<RelatedItem> related_items(ArticleId subject, const CompiledFilter& filter,
                                         const RelatedSettings& settings, std::size_t limit,
                                         const std::vector<ArticleId>& exclude, bool with_reasons) const;

  Result<CompiledFilter> compile(const Filter& filter) const {
    return CompiledFilter::compile(filter, index_, clock_);
  }

  bool loaded_ = false;
  QueryClock clock_;
  Index index_;
  Visibility visible_;
  RelatedIndex related_index_;
  bool related_built_ = false;  // LoadOptions::related_index
  RelatedSettings related_settings_;
  ArticleLists editor_related_;  // by ArticleId: the bundle's "related" ids, resolved
  struct RelatedCache {
    ArticleId subject;
    RelatedSettings settings;
    std::vector<RelatedHit> hits;  // related_candidates()
  };
  mutable RelatedIndex::Scratch related_scratch_;
  std::vector<std::string> url_keys_;  // url_match_key of each article's address, by ArticleId
  // url_match_key -> article; of articles sharing an address, the newest (then the lower id).
  std::unordered_map<std::string_view, ArticleId> by_url_;
  Bitset everyone_;  // every article: candidates are ranked regardless of "now" (see related_candidates)
  mutable std::optional<RelatedCache> related_cache_;
};

}  // namespace encart
