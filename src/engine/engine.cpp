#include "engine/engine.h"

#include <algorithm>

#include "bundle/url.h"
#include "render/html.h"
#include "text/fold.h"

namespace encart {

Result<LoadReport> Engine::load(std::string_view json_text, const LoadOptions& options) {
  return load_parsed(parse_input(json_text, options.format, options.parse), options);
}

Result<LoadReport> Engine::load_owned(std::string&& json_text, const LoadOptions& options) {
  auto parsed = parse_input(json_text, options.format, options.parse);
  std::string().swap(json_text);  // freed before the index is built
  return load_parsed(std::move(parsed), options);
}

Result<LoadReport> Engine::load_parsed(Result<Bundle> parsed, const LoadOptions& options) {
  if (!parsed) return parsed.error();
  Bundle bundle = std::move(parsed).value();
  apply_views(bundle, options.views);  // a broken views file costs the counts, not the articles
  LoadReport report{bundle.articles.size(), std::move(bundle.skipped), bundle.skipped_total,
                    std::move(bundle.warnings)};
  related_settings_ = apply(RelatedSettings{}, bundle.related, &report.warnings);
  const bool site_english = bundle.site.lang.starts_with("en");
  index_ = Index(std::move(bundle.articles), options.search_words);
  std::vector<bool> english(index_.size());
  for (ArticleId a = 0; a < index_.size(); ++a) {
    const std::string& lang = index_.articles()[a].lang;
    english[a] = lang.empty() ? site_english : lang.starts_with("en");
  }
  editor_related_ = resolve_related_ids(index_, report.warnings);
  related_built_ = options.related_index;
  related_index_ = related_built_
                       ? RelatedIndex(index_, english, resolve_links(index_), options.related_counts)
                       : RelatedIndex();
  index_.release_text();
  by_url_.clear();  // first: it views the keys about to be replaced
  url_keys_.resize(index_.size());
  for (ArticleId a = 0; a < index_.size(); ++a) url_keys_[a] = url_match_key(index_.articles()[a].url);
  by_url_.reserve(index_.size());
  for (ArticleId a = 0; a < index_.size(); ++a) by_url_.emplace(url_keys_[a], a);
  everyone_ = Bitset(index_.size(), true);
  visible_ = Bitset(index_.size());
  for (ArticleId a = 0; a < index_.size(); ++a) {
    if (shown_at(index_.articles()[a], options.now_ms)) visible_.set(a);
  }
  related_cache_.reset();
  clock_ = {options.now_ms, std::clamp(options.utc_offset_minutes, -1440, 1440)};
  loaded_ = true;
  return report;
}

std::vector<RelatedHit> Engine::related_candidates(ArticleId subject, const RelatedSettings& settings) const {
  return related_candidates(subject, settings, related_scratch_);
}

std::vector<RelatedHit> Engine::related_candidates(ArticleId subject, const RelatedSettings& settings,
                                                   RelatedIndex::Scratch& scratch) const {
  if (!related_built_) return {};
  // Ranked over every article: which articles are candidates does not depend on the reader's
  // "now", only whether they show (visible_, checked by related_items).
  const auto editor = editor_related_.of(subject);
  std::vector<RelatedHit> hits =
      related_index_.rank(index_, subject, everyone_, settings, kMaxRelatedCandidates, scratch);
  if (editor.empty()) return hits;
  std::vector<RelatedHit> out;
  out.reserve(std::min(editor.size() + hits.size(), kMaxRelatedCandidates));
  for (const ArticleId a : editor) {
    const auto scored =
        std::find_if(hits.begin(), hits.end(), [&](const RelatedHit& h) { return h.id == a; });
    out.push_back({a, scored == hits.end() ? 0.0F : scored->score});
  }
  for (const RelatedHit& h : hits) {
    if (out.size() == kMaxRelatedCandidates) break;
    if (std::find(editor.begin(), editor.end(), h.id) == editor.end()) out.push_back(h);
  }
  return out;
}

const std::vector<RelatedHit>& Engine::related_ranking(ArticleId subject,
                                                       const RelatedSettings& settings) const {
  if (!related_cache_ || related_cache_->subject != subject || !(related_cache_->settings == settings)) {
    related_cache_ = RelatedCache{subject, settings, related_candidates(subject, settings)};
  }
  return related_cache_->hits;
}

std::vector<RelatedItem> Engine::related_items(ArticleId subject, const CompiledFilter& filter,
                                               const RelatedSettings& settings, std::size_t limit,
                                               const std::vector<ArticleId>& exclude,
                                               bool with_reasons) const {
  Bitset taken(index_.size());
  taken.set(subject);
  for (const ArticleId a : exclude) taken.set(a);
  const auto category = index_.terms(subject).facets[static_cast<std::size_t>(Facet::kCategory)];
  const std::vector<RelatedPick> picks = pick_related(
      related_ranking(subject, settings), std::min(limit, kMaxListLimit), std::move(taken),
      [&](std::size_t a) { return visible_[a] && filter.matches(static_cast<ArticleId>(a)); },
      [&](const auto& visit) {
        if (category.empty()) return true;
        Bitset same(index_.size());
        index_.add_articles_with_values(Facet::kCategory, {category[0]}, same);
        same.for_each_until(visit);
        return true;
      },
      [&](const auto& visit) { filter.matching().for_each_until(visit); });
  std::vector<RelatedItem> out;
  out.reserve(picks.size());
  for (const RelatedPick& pick : picks) {
    out.push_back({pick.id, pick.score, pick.source,
                   with_reasons && related_built_ ? related_index_.reasons(index_, subject, pick.id, settings)
                                                  : RelatedReasons{}});
  }
  return out;
}

std::optional<Error> Engine::check_loaded() const {
  if (loaded_) return std::nullopt;
  return Error{ErrorCode::kNotLoaded, "no bundle is loaded: call load() first"};
}

ListRequest Engine::list_request(std::size_t limit, const std::vector<std::string>& exclude) const {
  ListRequest request{std::min(limit, kMaxListLimit), {}};
  for (const auto& id : exclude) {
    if (const auto a = index_.find(id); a >= 0) request.exclude.push_back(static_cast<ArticleId>(a));
  }
  return request;
}

Result<std::vector<ArticleId>> Engine::latest(const ListOptions& options) const {
  if (auto e = check_loaded()) return *e;
  auto filter = compile(options.filter);
  if (!filter) return filter.error();
  return encart::latest(index_, filter.value(), visible_, list_request(options.limit, options.exclude));
}

Result<std::vector<ArticleId>> Engine::most_read(ViewWindow window, const ListOptions& options) const {
  if (auto e = check_loaded()) return *e;
  auto filter = compile(options.filter);
  if (!filter) return filter.error();
  return encart::most_read(index_, filter.value(), visible_, window,
                           list_request(options.limit, options.exclude));
}

Result<std::vector<RelatedItem>> Engine::related(std::string_view id, const ListOptions& options) const {
  if (auto e = check_loaded()) return *e;
  const auto subject = index_.find(id);
  if (subject < 0) {
    return Error{ErrorCode::kUnknownArticle, "related: no article with id \"" + text::shorten(id, 80) + "\""};
  }
  auto filter = compile(options.filter);
  if (!filter) return filter.error();
  const RelatedSettings settings = apply(related_settings_, options.related);
  return related_items(static_cast<ArticleId>(subject), filter.value(), settings, options.limit,
                       list_request(options.limit, options.exclude).exclude, true);
}

Result<Facets> Engine::facets(const Filter& filter) const {
  if (auto e = check_loaded()) return *e;
  auto compiled = compile(filter);
  if (!compiled) return compiled.error();
  return Facets{facet_counts(index_, compiled.value(), Facet::kCategory, visible_),
                facet_counts(index_, compiled.value(), Facet::kAuthor, visible_),
                facet_counts(index_, compiled.value(), Facet::kTag, visible_)};
}

Result<Sidebar> Engine::sidebar(const SidebarRequest& request) const {
  if (auto e = check_loaded()) return *e;
  auto compiled = compile(request.filter);
  if (!compiled) return compiled.error();
  const CompiledFilter& filter = compiled.value();
  Sidebar out;
  const std::int64_t current = find_current(request, out);
  const std::vector<std::string> read = sorted_ids(request.read);
  for (std::size_t w = 0; w < kViewWindowCount; ++w) {
    out.windows[w] = !index_.by_views(static_cast<ViewWindow>(w)).empty();
  }
  out.window = effective_window(request.window, out.windows);
  const RelatedSettings settings = apply(related_settings_, request.related);
  // Latest and most read are rankings: each shows its own order, whatever the other shows (a
  // site of a dozen articles shows its most read first, even when they are also the newest).
  // Related recommends what the reader does not see yet: not the article on screen, and
  // (unless the publisher allows repeats) nothing the two rankings show.
  const std::vector<ArticleId> on_screen =
      current >= 0 ? std::vector<ArticleId>{static_cast<ArticleId>(current)} : std::vector<ArticleId>{};
  std::vector<ArticleId> shown = on_screen;

  // One more than shown tells whether "show more" has anything to show.
  const auto fill = [&](SidebarList& list, std::size_t limit, const std::vector<ArticleId>& exclude,
                        auto&& rank) {
    limit = std::min(limit, kMaxListLimit);
    std::vector<ArticleId> ids = rank(ListRequest{limit + 1, exclude});
    list.has_more = ids.size() > limit;
    if (list.has_more) ids.resize(limit);
    list.shown = ids.size();
    if (&list == &out.related) {
      std::stable_partition(ids.begin(), ids.end(),
                            [&](ArticleId a) { return !is_read(read, index_.articles()[a].id); });
    }
    list.html = render_items(index_, ids, request.locale, read);
    if (!settings.repeats) shown.insert(shown.end(), ids.begin(), ids.end());
  };
  fill(out.latest, request.latest_limit, on_screen,
       [&](const ListRequest& r) { return encart::latest(index_, filter, visible_, r); });
  fill(out.most_read, request.most_read_limit, on_screen,
       [&](const ListRequest& r) { return encart::most_read(index_, filter, visible_, out.window, r); });
  if (current >= 0) {
    fill(out.related, request.related_limit.value_or(settings.limit), shown, [&](const ListRequest& r) {
      std::vector<ArticleId> ids;
      for (const RelatedItem& item :
           related_items(static_cast<ArticleId>(current), filter, settings, r.limit, r.exclude, false)) {
        ids.push_back(item.id);
      }
      return ids;
    });
  }

  count_and_menus(request, filter, current, out);
  return out;
}

std::int64_t Engine::find_current(const SidebarRequest& request, Sidebar& out) const {
  std::int64_t current = index_.find(request.article);
  for (std::size_t i = 0; request.article.empty() && current < 0 && i < request.article_urls.size(); ++i) {
    const auto it = by_url_.find(url_match_key(request.article_urls[i]));
    if (it == by_url_.end() || it->first.empty()) continue;
    current = it->second;
    out.article_url = static_cast<std::int32_t>(i);
  }
  out.article_found = current >= 0;
  if (current >= 0) out.article_id = index_.articles()[static_cast<std::size_t>(current)].id;
  return current;
}

void Engine::count_and_menus(const SidebarRequest& request, const CompiledFilter& filter,
                             std::int64_t current, Sidebar& out) const {
  Bitset kept = filter.matching();
  kept &= visible_;
  out.matching = kept.count() - (current >= 0 && kept[static_cast<std::size_t>(current)] ? 1 : 0);
  out.status = results_status(out.matching, request.locale);
  // Menu counts leave the current article out too, so a count is what choosing it shows.
  Visibility others = visible_;
  if (current >= 0) others.reset(static_cast<std::size_t>(current));
  const auto first_or_empty = [](const std::vector<std::string>& v) {
    return v.empty() ? std::string() : v.front();
  };
  out.category_options =
      render_facet_options(facet_counts(index_, filter, Facet::kCategory, others), Facet::kCategory,
                           first_or_empty(request.filter.categories), request.locale);
  out.author_options =
      render_facet_options(facet_counts(index_, filter, Facet::kAuthor, others), Facet::kAuthor,
                           first_or_empty(request.filter.authors), request.locale);
}

}  // namespace encart
