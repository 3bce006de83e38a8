// JSON Feed and WordPress posts read into a bundle item by item: each item is built as a small
// tree (without the fields its mapping does not read), mapped to a bundle article, validated by
// the bundle's article reader and dropped. Nothing is written out and read again, and memory
// follows the largest item, not the feed (issue 12).
#include <string>
#include <utility>

#include "bundle/article_reader.h"
#include "bundle/article_sink.h"
#include "bundle/feed_json.h"
#include "bundle/json_stream.h"

namespace encart::detail {
namespace {

using nlohmann::json;
using Use = StreamReader::Use;

// As deep as parse_document reads a feed: far above any real feed, far below a stack's limit.
constexpr std::size_t kFeedDepth = 64;

// A JSON Feed's first pass: the feed-level members the bundle and the items need, kept whole
// but for "authors", whose names are collected one author at a time up to the inherited budget;
// the items are read past, only their presence and type noted.
class JsonFeedHead : public StreamReader {
 public:
  Use use(std::string_view key, json::value_t type) override {
    if (key == "items") {
      items_type = type;  // as in a tree, the last one counts
      ++items_seen;
      return Use::kPast;
    }
    if (key == "authors") {
      authors_listed = type == json::value_t::array;
      authors = json::array();
      author_bytes = 0;
      return Use::kList;
    }
    for (const std::string_view kept : {"title", "home_page_url", "language", "author", "_encart"}) {
      if (key == kept) return Use::kKeep;
    }
    return Use::kPast;
  }
  void keep(const std::string& key, json& value) override { head[key] = std::move(value); }
  bool field(std::string_view /*list*/, std::string_view name) override { return name == "name"; }
  // Past the budget the feed's authors are inherited by no item: the rest need not be built.
  bool take(std::string_view /*list*/) override { return author_bytes <= kInheritedAuthorBytes; }
  void item(std::string_view /*list*/, json& value, std::size_t /*index*/) override {
    if (std::string name = string_of(member(value, "name")); !name.empty()) {
      author_bytes += name.size();
      authors.push_back(std::move(name));
    }
    if (author_bytes > kInheritedAuthorBytes) authors = json::array();  // as author_names
  }

  json head = json::object();
  json authors = json::array();
  std::size_t author_bytes = 0;
  bool authors_listed = false;  // "authors" is an array: "author" is not read
  json::value_t items_type = json::value_t::discarded;
  std::size_t items_seen = 0;
};

// Items of one list, mapped by `map` and sent to the sink; past the article limit, counted only.
class ItemsToSink : public StreamReader {
 public:
  using Map = json (*)(const json& item, const FeedDefaults& defaults);
  ItemsToSink(ArticleSink& sink, Map map, const FeedDefaults& defaults, bool (*field)(std::string_view))
      : sink_(sink), map_(map), defaults_(defaults), field_(field) {}

  bool field(std::string_view /*list*/, std::string_view name) override { return field_(name); }
  bool take(std::string_view /*list*/) override {
    if (!sink_.full()) return true;
    sink_.over_limit();
    return false;
  }
  void item(std::string_view /*list*/, json& value, std::size_t index) override {
    if (!value.is_object()) return sink_.add(value, index);  // the reader says "expected an object"
    // Nothing the mapping reads (the rest was not built): its id is "", the first field the
    // article reader checks. Said without mapping and reading it, since 33 million `{}` in 99 MB
    // must cost no more than ordinary posts.
    if (value.empty()) return sink_.skip(index, "id", "empty");
    json article = map_(value, defaults_);
    sink_.add(article, index);
  }

 private:
  ArticleSink& sink_;
  Map map_;
  const FeedDefaults& defaults_;
  bool (*field_)(std::string_view);
};

// The JSON Feed's "items" (the last one, as in a tree: the first pass counted them).
class JsonFeedItems : public ItemsToSink {
 public:
  JsonFeedItems(ArticleSink& sink, const FeedDefaults& defaults, std::size_t items_seen)
      : ItemsToSink(sink, &map_json_feed_item, defaults, &is_json_feed_item_field), last_(items_seen) {}
  Use use(std::string_view key, json::value_t /*type*/) override {
    if (key != "items") return Use::kPast;
    return ++seen_ == last_ ? Use::kList : Use::kPast;
  }

 private:
  std::size_t last_;
  std::size_t seen_ = 0;
};

json map_post(const json& post, const FeedDefaults& /*defaults*/) { return map_wordpress_post(post); }

class WordPressPosts : public ItemsToSink {
 public:
  WordPressPosts(ArticleSink& sink, const FeedDefaults& none)
      : ItemsToSink(sink, &map_post, none, &is_wordpress_field) {}
  Use use(std::string_view key, json::value_t type) override {
    return key.empty() && type == json::value_t::array ? Use::kList : Use::kPast;
  }
};

void read_feed_settings(const json& feed, Bundle& bundle) {
  bundle.site = json_feed_site(feed);
  if (const json* related = json_feed_related(feed)) read_related(*related, bundle.related, bundle.warnings);
}

}  // namespace

Result<Bundle> read_wordpress_text(std::string_view text, const ParseOptions& options) {
  const FieldNames names = wordpress_names();
  ParseOptions named = options;
  named.names = &names;
  Bundle bundle;
  ArticleSink sink(named, bundle);
  const FeedDefaults none;
  WordPressPosts posts(sink, none);
  json::value_t top = json::value_t::discarded;
  if (auto error = stream_json(text, posts, kFeedDepth, top)) return *error;
  if (top != json::value_t::array) {
    return Error{ErrorCode::kBadBundle, "WordPress posts must be a JSON array (/wp-json/wp/v2/posts?_embed)"};
  }
  sink.finish();
  return bundle;
}

Result<Bundle> read_json_feed_text(std::string_view text, const ParseOptions& options) {
  // Two passes, since the feed's language and authors may come after its items.
  JsonFeedHead head;
  json::value_t top = json::value_t::discarded;
  if (auto error = stream_json(text, head, kFeedDepth, top)) return *error;
  if (top != json::value_t::object) {
    return Error{ErrorCode::kBadBundle, "a JSON Feed must be a JSON object with an \"items\" array"};
  }
  if (head.items_type == json::value_t::discarded || head.items_type == json::value_t::null) {
    return Error{ErrorCode::kBadBundle, "the JSON Feed has no \"items\" array"};
  }
  if (head.items_type != json::value_t::array)
    return Error{ErrorCode::kBadBundle, "\"items\" must be an array"};
  FeedDefaults defaults = feed_defaults(head.head);
  if (head.authors_listed) defaults.authors = std::move(head.authors);

  const FieldNames names = json_feed_names();
  ParseOptions named = options;
  named.names = &names;
  Bundle bundle;
  read_feed_settings(head.head, bundle);
  ArticleSink sink(named, bundle);
  JsonFeedItems items(sink, defaults, head.items_seen);
  if (auto error = stream_json(text, items, kFeedDepth, top)) return *error;  // read once already
  sink.finish();
  return bundle;
}

Result<Bundle> read_json_feed_dom(const json& feed, const FieldNames& names, const ParseOptions& options) {
  ParseOptions named = options;
  named.names = &names;
  Bundle bundle;
  read_feed_settings(feed, bundle);
  ArticleSink sink(named, bundle);
  const FeedDefaults defaults = feed_defaults(feed);
  if (const json* items = member(feed, "items"); items != nullptr && items->is_array()) {
    for (std::size_t i = 0; i < items->size(); ++i) {
      if (sink.full()) {
        sink.over_limit();
        continue;
      }
      json article = (*items)[i].is_object() ? map_json_feed_item((*items)[i], defaults) : (*items)[i];
      sink.add(article, i);
    }
  }
  sink.finish();
  return bundle;
}

}  // namespace encart::detail
