#include "bundle/article_sink.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "bundle/article_reader.h"
#include "bundle/limits.h"
#include "bundle/url.h"
#include "text/fold.h"

namespace encart::detail {
namespace {

// Skips found after streaming (URLs, duplicate ids), in index order: keeping the first
// `limit` of them, merged with the streamed ones, still yields the first `limit` overall.
struct LateSkips {
  Bundle& bundle;
  const ParseOptions& options;
  std::size_t kept = 0;
  // The record kept, or null past the reporting limit.
  SkippedArticle* add(std::size_t index, std::string id, std::string_view field, std::string message,
                      std::string_view url = {}) {
    ++bundle.skipped_total;
    if (kept++ >= options.max_reported_skips) return nullptr;
    bundle.skipped.push_back(skipped_article(options, index, std::move(id), field, std::move(message)));
    bundle.skipped.back().url = text::shorten(url, kReportedUrlBytes);
    return &bundle.skipped.back();
  }
};

// Why an article's URL (or its image's) cannot be used, against `base`, which came from
// `base_field` (the load option baseUrl, or the bundle's site.url).
std::string url_problem(std::string_view url, const std::string& base, std::string_view base_field) {
  const std::string quoted = "\"" + text::shorten(url, 80) + "\"";
  if (is_relative_reference(url) && !is_absolute_http_url(base)) {
    if (base.empty()) {
      return quoted +
             " is relative and there is no absolute base URL to resolve it against "
             "(pass baseUrl to load, or set site.url)";
    }
    return quoted + " is relative and the base URL " + std::string(base_field) + " \"" +
           text::shorten(base, 80) + "\" " + std::string(absolute_url_defect(base));
  }
  const std::string_view defect = absolute_url_defect(url);
  return quoted + " " + std::string(defect.empty() ? "is not an http(s) URL" : defect);
}

// URLs are resolved once the whole input is read, so that site.url may come after articles;
// then duplicate ids are dropped (the first one is kept).
void resolve_and_dedupe(Bundle& bundle, const std::vector<std::size_t>& indices, const std::string& base,
                        std::string_view base_field, LateSkips& late) {
  // Articles that fail now are dropped by compacting bundle.articles in place (one vector of
  // articles at a time: at 100k that is tens of megabytes of WebAssembly memory, which never
  // shrinks). The set views the ids of kept articles, which sit in their final slots.
  std::unordered_set<std::string_view> seen_ids;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < bundle.articles.size(); ++i) {
    Article& article = bundle.articles[i];
    const std::size_t index = indices[i];
    auto url = resolve_http_url(article.url, base);
    if (!url) {
      late.add(index, article.id, "url", url_problem(article.url, base, base_field));
      continue;
    }
    article.url = std::move(*url);
    if (article.image) {
      auto image_url = resolve_http_url(article.image->url, base);
      if (!image_url) {
        late.add(index, article.id, "image.url", url_problem(article.image->url, base, base_field),
                 article.url);
        continue;
      }
      article.image->url = std::move(*image_url);
    }
    if (seen_ids.contains(article.id)) {
      late.add(
          index, article.id, "id",
          "\"" + text::shorten(article.id, 80) + "\" is used by an earlier article (the first one is kept)",
          article.url);
      continue;
    }
    if (kept != i) bundle.articles[kept] = std::move(article);
    seen_ids.insert(bundle.articles[kept].id);
    ++kept;
  }
  bundle.articles.erase(bundle.articles.begin() + static_cast<std::ptrdiff_t>(kept), bundle.articles.end());
}

}  // namespace

void ArticleSink::skip(std::size_t index, std::string_view field, std::string message) {
  // Indices only grow while streaming: the first max_reported_skips are all we keep.
  if (bundle_.skipped.size() < options_.max_reported_skips) {
    bundle_.skipped.push_back(skipped_article(options_, index, "", field, std::move(message)));
  }
  ++bundle_.skipped_total;
}

void ArticleSink::add(nlohmann::json& article, std::size_t index) {
  auto result = read_article(article, index);
  if (!result.candidate) {
    if (bundle_.skipped.size() < options_.max_reported_skips) {
      bundle_.skipped.push_back(
          skipped_article(options_, index, std::move(result.id), result.field, std::move(result.message)));
      bundle_.skipped.back().url = std::move(result.url);
    }
    ++bundle_.skipped_total;
    return;
  }
  // A million dirty articles must not make a million warnings: the first ones are kept.
  for (std::string& w : result.warnings) {
    if (bundle_.warnings.size() < options_.max_reported_warnings) {
      bundle_.warnings.push_back(std::move(w));
    } else {
      ++warnings_over_;
    }
  }
  bundle_.articles.push_back(std::move(result.candidate->article));
  indices_.push_back(result.candidate->index);
}

void ArticleSink::finish() {
  if (warnings_over_ > 0) {
    bundle_.warnings.push_back(std::to_string(warnings_over_) + " more warning(s) about articles not listed");
  }
  LateSkips late{bundle_, options_};
  const bool own_base = options_.base_url.empty();
  resolve_and_dedupe(bundle_, indices_, own_base ? bundle_.site.url : options_.base_url,
                     own_base ? "site.url" : "baseUrl", late);
  if (over_limit_ > 0) {
    SkippedArticle* over = late.add(
        options_.max_articles, "", "",
        std::to_string(over_limit_) + " articles over the limit of " + std::to_string(options_.max_articles));
    if (over != nullptr) over->path.insert(over->path.size() - 1, "..");  // "articles[1000..]"
    bundle_.skipped_total += over_limit_ - 1;
  }
  std::stable_sort(bundle_.skipped.begin(), bundle_.skipped.end(),
                   [](const SkippedArticle& a, const SkippedArticle& b) { return a.index < b.index; });
  if (bundle_.skipped.size() > options_.max_reported_skips)
    bundle_.skipped.resize(options_.max_reported_skips);
}

}  // namespace encart::detail
