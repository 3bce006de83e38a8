#include "engine/engine.h"

#include <algorithm>

#include "render/html.h"
#include "text/fold.h"

namespace encart {

Result<LoadReport> Engine::load(std::string_view json_text, const LoadOptions& options) {
  return load_parsed(parse_bundle(json_text, options.parse), options);
}

Result<LoadReport> Engine::load_owned(std::string&& json_text, const LoadOptions& options) {
  auto parsed = parse_bundle(json_text, options.parse);
  std::string().swap(json_text);  // freed before the index is built
  return load_parsed(std::move(parsed), options);
}

Result<LoadReport> Engine::load_parsed(Result<Bundle> parsed, const LoadOptions& options) {
  if (!parsed) return parsed.error();
  Bundle bundle = std::move(parsed).value();
  LoadReport report{bundle.articles.size(), std::move(bundle.skipped), bundle.skipped_total};
  index_ = Index(std::move(bundle.articles));
  visible_ = Bitset(index_.size());
  for (ArticleId a = 0; a < index_.size(); ++a) {
    if (index_.articles()[a].published.epoch_ms <= options.now_ms) visible_.set(a);
  }
  related_cache_.reset();
  clock_ = {options.now_ms, std::clamp(options.utc_offset_minutes, -1440, 1440)};
  loaded_ = true;
  return report;
}

const std::vector<ArticleId>& Engine::related_ranking(ArticleId subject) const {
  if (!related_cache_ || related_cache_->first != subject) {
    related_cache_.emplace(subject, rank_related(index_, subject, visible_));
  }
  return related_cache_->second;
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

Result<std::vector<ArticleId>> Engine::related(std::string_view id, const ListOptions& options) const {
  if (auto e = check_loaded()) return *e;
  const auto subject = index_.find(id);
  if (subject < 0) {
    return Error{ErrorCode::kUnknownArticle, "related: no article with id \"" + text::shorten(id, 80) + "\""};
  }
  auto filter = compile(options.filter);
  if (!filter) return filter.error();
  return take(index_, related_ranking(static_cast<ArticleId>(subject)), filter.value(), visible_,
              list_request(options.limit, options.exclude));
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
  const auto current = index_.find(request.article);

  Sidebar out;
  out.article_found = current >= 0;
  std::vector<std::string> exclude;
  if (current >= 0) exclude.push_back(request.article);

  // One more than shown tells whether "show more" has anything to show.
  const auto fill = [&](SidebarList& list, std::size_t limit, auto&& rank) {
    limit = std::min(limit, kMaxListLimit);
    std::vector<ArticleId> ids = rank(list_request(limit + 1, exclude));
    list.has_more = ids.size() > limit;
    if (list.has_more) ids.resize(limit);
    list.shown = ids.size();
    list.html = render_items(index_, ids, request.locale);
  };
  fill(out.latest, request.latest_limit,
       [&](const ListRequest& r) { return encart::latest(index_, filter, visible_, r); });
  fill(out.most_read, request.most_read_limit,
       [&](const ListRequest& r) { return encart::most_read(index_, filter, visible_, request.window, r); });
  if (current >= 0) {
    fill(out.related, request.related_limit, [&](const ListRequest& r) {
      return take(index_, related_ranking(static_cast<ArticleId>(current)), filter, visible_, r);
    });
  }

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
  return out;
}

}  // namespace encart
