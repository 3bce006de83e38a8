#include "bundle/article_reader.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_set>

#include "bundle/limits.h"
#include "text/fold.h"
#include "text/html_text.h"

namespace encart::detail {

namespace {

using nlohmann::json;

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// Collects the first problem as a field path inside the article ("image.url") and a message;
// later checks become no-ops.
class Reader {
 public:
  // `where` names the object in reasons: "articles[3]" or "articles[3].image".
  // The object is consumed: strings are moved out of it, not copied (a bundle is mostly text).
  // Warnings (a field cut, control characters removed, tags dropped) go to `warnings`; the
  // limits looked up are those of `limit_prefix` + field ("image." for the image).
  Reader(json& object, std::string where, std::vector<std::string>& warnings, std::string limit_prefix = "")
      : object_(object),
        where_(std::move(where)),
        warnings_(warnings),
        limit_prefix_(std::move(limit_prefix)) {}

  // Names the article in later warnings, once its id is known.
  void set_article_id(std::string_view id) { article_ = " (article \"" + text::shorten(id, 80) + "\")"; }

  void warn(std::string_view field, const std::string& message) {
    warnings_.push_back(where_ + "." + std::string(field) + ": " + message + article_);
  }

  // Applies the field's limits to `value` (already trimmed): control characters removed and an
  // over-long value cut, each with a warning, or the article failed when a cut would be wrong.
  bool clean(std::string& value, std::string_view field) {
    if (const std::size_t removed = remove_control_characters(value); removed > 0) {
      warn(field, std::to_string(removed) + " control character(s) removed");
    }
    const FieldLimit* limit = field_limit(limit_prefix_ + std::string(field));
    if (limit == nullptr || value.size() <= limit->max_bytes) return true;
    const std::string size = std::to_string(value.size()) + " bytes";
    const std::string max = std::to_string(limit->max_bytes);
    if (limit->over == OverLimit::kSkip) {
      fail(field, size + ", over the limit of " + max);
      return false;
    }
    truncate_utf8(value, limit->max_bytes);
    warn(field, size + ", cut to the limit of " + max);
    return true;
  }

  bool failed() const { return failed_; }
  const std::string& field() const { return field_; }
  const std::string& message() const { return message_; }

  void fail(std::string_view field, std::string_view message) {
    if (failed_) return;
    failed_ = true;
    field_ = limit_prefix_ + std::string(field);  // "image." + "url"
    message_ = message;
  }

  // nullptr when absent or null: optional fields treat an explicit null as absent.
  json* find(std::string_view field) const {
    const auto it = object_.find(field);
    return it == object_.end() || it->is_null() ? nullptr : &*it;
  }

  std::optional<std::string> string(std::string_view field, bool required) {
    json* v = find(field);
    if (v == nullptr) {
      if (required) fail(field, "missing");
      return std::nullopt;
    }
    if (!v->is_string()) {
      fail(field, std::string("expected a string, found ") + json_type_name(*v));
      return std::nullopt;
    }
    auto value = take_trimmed(v->get_ref<std::string&>(), field, required);
    if (value && !clean(*value, field)) return std::nullopt;
    if (value && value->empty()) {  // nothing but control characters
      if (required) fail(field, "empty");
      return std::nullopt;
    }
    return value;
  }

  std::optional<std::string> take_trimmed(std::string& value, std::string_view field, bool required) {
    const std::string_view text = trim(value);
    if (text.empty()) {
      if (required) fail(field, "empty");
      return std::nullopt;
    }
    if (text.size() == value.size()) return std::move(value);
    return std::string(text);
  }

  std::optional<std::int64_t> count(const json* v, std::string_view field) {
    if (v == nullptr) return std::nullopt;
    if (v->is_number_unsigned()) {
      const auto n = v->get<std::uint64_t>();
      if (n > static_cast<std::uint64_t>(INT64_MAX)) fail(field, "too large");
      return static_cast<std::int64_t>(n);
    }
    if (v->is_number_integer()) {
      fail(field, "must be 0 or more");
      return std::nullopt;
    }
    // 12.0 is a whole number too (JSON Schema's "integer" agrees); 12.5 is not.
    if (v->is_number_float()) {
      const double d = v->get<double>();
      if (d >= 0 && d <= 9007199254740992.0 && d == std::floor(d)) return static_cast<std::int64_t>(d);
      if (d < 0 && d == std::floor(d)) {
        fail(field, "must be 0 or more");
        return std::nullopt;
      }
    }
    fail(field, std::string("expected a whole number, found ") + json_type_name(*v));
    return std::nullopt;
  }

  // The distinct non-empty strings of the array `field`, after those already in `out`, at most
  // `max_items` in all: one hash set, so 100,000 tags cost milliseconds, not seconds.
  void strings(std::string_view field, std::size_t max_items, std::vector<std::string>& out) {
    json* v = find(field);
    if (v == nullptr) return;
    if (!v->is_array()) {
      fail(field, std::string("expected an array of strings, found ") + json_type_name(*v));
      return;
    }
    // Views into `out` (reserved, never reallocated) and into the array's own strings, which
    // are moved out only once the loop is over.
    // No more than the list can hold: reserving max_items for every article took 2 KB of
    // each one's tags (200 MB at 100,000 articles).
    out.reserve(std::min(max_items, out.size() + v->size()));
    std::unordered_set<std::string_view> seen(out.begin(), out.end());
    std::vector<std::string*> kept;
    std::size_t dropped = 0;
    ListCleaning cleaning;
    for (std::size_t i = 0; i < v->size(); ++i) {
      json& item = (*v)[i];
      if (!item.is_string()) {
        fail(std::string(field) + "[" + std::to_string(i) + "]",
             std::string("expected a string, found ") + json_type_name(item));
        return;
      }
      std::string& value = item.get_ref<std::string&>();
      clean_item(value, field, cleaning);
      if (value.empty() || !seen.insert(value).second) continue;
      if (out.size() + kept.size() < max_items) {
        kept.push_back(&value);
      } else {
        ++dropped;
      }
    }
    for (std::string* value : kept) out.push_back(std::move(*value));
    report(field, cleaning, dropped, max_items);
  }

  // A list that only helps related articles (read_loose_list): a bad one never costs the article.
  void loose_strings(std::string_view field, std::size_t max_items, bool ids, std::vector<std::string>& out) {
    const json* v = find(field);
    if (v == nullptr) return;
    if (!v->is_array()) {
      warn(field, std::string("expected an array, found ") + json_type_name(*v) + ", ignored");
      return;
    }
    std::vector<std::pair<std::string, std::string>> problems;
    read_loose_list(*v, max_items, ids, out, problems);
    for (const auto& [suffix, message] : problems) warn(std::string(field) + suffix, message);
  }

  std::optional<DateTime> date(std::string_view field, bool required, std::string* text_out) {
    const auto text = string(field, required);
    if (!text) return std::nullopt;
    const auto parsed = parse_iso8601(*text, OffsetRule::kRequired);
    if (!parsed) {
      fail(field, "\"" + text::shorten(*text, 40) +
                      "\" is not an ISO 8601 date and time with an offset "
                      "(like 2024-12-09T10:15:00+01:00)");
      return std::nullopt;
    }
    if (text_out != nullptr) *text_out = *text;
    return parsed;
  }

  // A flag as JSON writes it (true, false) or as publishers often write schema.org's in JSON-LD
  // ("False", "true"): any case, trimmed. Anything else fails the article, naming the field.
  std::optional<bool> flag(std::string_view field) {
    const json* v = find(field);
    if (v == nullptr) return std::nullopt;
    if (v->is_boolean()) return v->get<bool>();
    if (v->is_string()) {
      std::string word(trim(v->get_ref<const std::string&>()));
      std::transform(word.begin(), word.end(), word.begin(),
                     [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
      if (word == "true" || word == "false") return word == "true";
      fail(field,
           "expected true or false, found \"" + text::shorten(v->get_ref<const std::string&>(), 40) + "\"");
      return std::nullopt;
    }
    fail(field, std::string("expected true or false, found ") + json_type_name(*v));
    return std::nullopt;
  }

  std::optional<Image> image() {
    json* v = find("image");
    if (v == nullptr) return std::nullopt;
    if (!v->is_object()) {
      fail("image", std::string("expected an object with a url, found ") + json_type_name(*v));
      return std::nullopt;
    }
    Reader inner(*v, where_ + ".image", warnings_, "image.");
    inner.article_ = article_;
    Image img;
    if (auto url = inner.string("url", true)) img.url = std::move(*url);
    if (auto alt = inner.string("alt", false)) img.alt = std::move(*alt);
    for (const auto& [name, target] : {std::pair{"width", &img.width}, std::pair{"height", &img.height}}) {
      if (auto n = inner.count(inner.find(name), name)) {
        if (*n > 100000) inner.fail(name, "more than 100000 pixels");
        *target = static_cast<std::int32_t>(std::min<std::int64_t>(*n, 100000));
      }
    }
    if (inner.failed()) {
      fail_as(inner);
      return std::nullopt;
    }
    return img;
  }

 private:
  // Per list, so that 100,000 dirty tags make one warning, not 100,000.
  struct ListCleaning {
    std::size_t controls = 0;
    std::size_t cut = 0;
  };

  void clean_item(std::string& value, std::string_view field, ListCleaning& cleaning) const {
    cleaning.controls += remove_control_characters(value);
    const std::string_view text = trim(value);
    if (text.size() != value.size()) value = std::string(text);
    const FieldLimit* limit = field_limit(std::string(field) + "[]");
    if (limit != nullptr && truncate_utf8(value, limit->max_bytes)) {
      value = std::string(trim(value));
      ++cleaning.cut;
    }
  }

  void report(std::string_view field, const ListCleaning& cleaning, std::size_t dropped,
              std::size_t max_items) {
    if (cleaning.controls > 0) {
      warn(field, std::to_string(cleaning.controls) + " control character(s) removed");
    }
    if (cleaning.cut > 0) {
      warn(field, std::to_string(cleaning.cut) + " value(s) cut to the limit of " +
                      std::to_string(field_limit(std::string(field) + "[]")->max_bytes) + " bytes");
    }
    if (dropped > 0) {
      warn(field, std::to_string(dropped) + " more dropped over the limit of " + std::to_string(max_items) +
                      " distinct values");
    }
  }

  void fail_as(const Reader& inner) {
    if (failed_) return;
    failed_ = true;
    field_ = inner.field_;
    message_ = inner.message_;
  }

  json& object_;
  std::string where_;
  bool failed_ = false;
  std::string field_;
  std::string message_;
  std::vector<std::string>& warnings_;
  std::string limit_prefix_;
  std::string article_;  // " (article \"id\")" once the id is read
};

}  // namespace

ArticleOrReason read_article(json& value, std::size_t index) {
  ArticleOrReason out;
  const std::string where = "articles[" + std::to_string(index) + "]";
  if (!value.is_object()) {
    out.message = std::string("expected an object, found ") + json_type_name(value);
    return out;
  }
  Reader r(value, where, out.warnings);
  Article a;
  // The id is read first so that every later reason can be reported with it.
  if (auto id = r.string("id", true)) a.id = std::move(*id);
  out.id = a.id;
  if (!a.id.empty()) r.set_article_id(a.id);
  if (auto url = r.string("url", true)) a.url = std::move(*url);
  if (auto title = r.string("title", true)) a.title = std::move(*title);
  if (auto published = r.date("published", true, &a.published_text)) a.published = *published;
  if (auto summary = r.string("summary", false)) a.summary = std::move(*summary);
  if (auto text = r.string("text", false)) a.text = std::move(*text);
  if (auto category = r.string("category", false)) a.category = std::move(*category);
  r.strings("tags", kMaxTagsPerArticle, a.tags);
  // "author" counts as the first of the authors.
  if (auto author = r.string("author", false)) a.authors.push_back(std::move(*author));
  r.strings("authors", kMaxAuthorsPerArticle, a.authors);
  for (std::size_t w = 0; w < kViewWindowCount; ++w) {
    const std::string_view field = kViewWindows[w].field;
    a.views[w] = r.count(r.find(field), field);
  }
  a.image = r.image();
  a.updated = r.date("updated", false, nullptr);
  if (auto lang = r.string("lang", false)) a.lang = std::move(*lang);
  a.accessible_for_free = r.flag("isAccessibleForFree").value_or(true);
  a.expires = r.date("expires", false, &a.expires_text);
  r.loose_strings("related", kMaxRelatedPerArticle, true, a.related);
  r.loose_strings("links", kMaxLinksPerArticle, false, a.links);
  // Links written in the text itself (a bundle's body, when its exporter kept them).
  for (std::string& link : text::find_links(a.text, kMaxLinksPerArticle)) {
    if (a.links.size() >= kMaxLinksPerArticle) break;
    if (std::find(a.links.begin(), a.links.end(), link) == a.links.end()) a.links.push_back(std::move(link));
  }

  if (r.failed()) {
    out.url = text::shorten(a.url, kReportedUrlBytes);
    out.field = r.field();
    out.message = r.message();
    return out;
  }
  out.candidate = ArticleCandidate{index, std::move(a)};
  return out;
}

void read_related(const json& value, RelatedOverrides& out, std::vector<std::string>& warnings) {
  if (!value.is_object()) {
    warnings.push_back(std::string("related: expected an object, found ") + json_type_name(value) +
                       " (ignored)");
    return;
  }
  const auto member = [](const json& object, std::string_view key) -> const json* {
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
  };
  std::string_view warned_group;
  for (const RelatedSettingSpec& spec : kRelatedSettings) {
    const json* container = &value;
    if (!spec.group.empty()) {
      container = member(value, spec.group);
      if (container == nullptr) continue;
      if (!container->is_object()) {
        if (warned_group != spec.group) {  // once per group
          warnings.push_back("related." + std::string(spec.group) + ": expected an object, found " +
                             json_type_name(*container) + " (ignored)");
          warned_group = spec.group;
        }
        continue;
      }
    }
    const json* v = member(*container, spec.name);
    if (v == nullptr) continue;
    const bool flag = spec.kind == SettingKind::kFlag;
    if (flag ? v->is_boolean() : v->is_number()) {
      out.*spec.override_value = flag ? (v->get<bool>() ? 1.0 : 0.0) : v->get<double>();
    } else {
      warnings.push_back("related." + std::string(spec.path) + ": expected " +
                         (flag ? "true or false" : "a number") + ", found " + json_type_name(*v) +
                         " (ignored)");
    }
  }
}

Site read_site(const json& value) {
  Site site;
  if (!value.is_object()) return site;
  const auto text = [&](const char* key) {
    const auto it = value.find(key);
    return it != value.end() && it->is_string() ? std::string(trim(it->get_ref<const std::string&>()))
                                                : std::string();
  };
  site.name = text("name");
  site.url = text("url");
  site.lang = text("lang");
  return site;
}

}  // namespace encart::detail
