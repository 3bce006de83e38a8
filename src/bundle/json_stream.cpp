#include "bundle/json_stream.h"

#include <utility>

#include "bundle/parser.h"

namespace encart::detail {
namespace {

using nlohmann::json;
using Use = StreamReader::Use;

// nlohmann's SAX interface over a StreamReader. `depth_` counts the containers open around the
// current event, whatever is done with them; a capture (a kept member or an item) forwards its
// events to nlohmann's own DOM builder, but for the item fields the reader does not read.
class StreamSax {
 public:
  StreamSax(StreamReader& reader, std::size_t max_depth) : reader_(reader), max_depth_(max_depth) {}

  bool null() {
    return scalar(json::value_t::null, [&](auto& p) { return p.null(); });
  }
  bool boolean(bool v) {
    return scalar(json::value_t::boolean, [&](auto& p) { return p.boolean(v); });
  }
  bool number_integer(json::number_integer_t v) {
    return scalar(json::value_t::number_integer, [&](auto& p) { return p.number_integer(v); });
  }
  bool number_unsigned(json::number_unsigned_t v) {
    return scalar(json::value_t::number_unsigned, [&](auto& p) { return p.number_unsigned(v); });
  }
  bool number_float(json::number_float_t v, const json::string_t& s) {
    return scalar(json::value_t::number_float, [&](auto& p) { return p.number_float(v, s); });
  }
  bool string(json::string_t& v) {
    return scalar(json::value_t::string, [&](auto& p) { return p.string(v); });
  }
  bool binary(json::binary_t& v) {
    return scalar(json::value_t::binary, [&](auto& p) { return p.binary(v); });
  }
  bool start_object(std::size_t n) {
    return open(json::value_t::object, [&](auto& p) { return p.start_object(n); });
  }
  bool start_array(std::size_t n) {
    return open(json::value_t::array, [&](auto& p) { return p.start_array(n); });
  }
  bool end_object() {
    return close([&](auto& p) { return p.end_object(); });
  }
  bool end_array() {
    return close([&](auto& p) { return p.end_array(); });
  }
  bool key(json::string_t& k) {
    if (mode_ == Mode::kNone) {  // a member of the top-level object
      key_ = k;
      return true;
    }
    if (mode_ == Mode::kItem && capture_depth_ == 1) {
      skipping_field_ = !reader_.field(list_, k);
      if (skipping_field_) return true;
    }
    return forward([&](auto& p) { return p.key(k); });
  }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& /*e*/) {
    syntax_error = std::pair{position, last_token};
    return false;
  }

  std::optional<std::pair<std::size_t, std::string>> syntax_error;
  bool too_deep = false;
  json::value_t top = json::value_t::discarded;

 private:
  enum class Mode { kNone, kPast, kKeep, kItem };
  using DomParser = nlohmann::detail::json_sax_dom_parser<json>;

  template <typename F>
  bool forward(F&& f) {
    if (mode_ == Mode::kPast || skipping_field_) return true;
    return f(*dom_);
  }

  template <typename F>
  bool scalar(json::value_t type, F&& f) {
    if (mode_ == Mode::kNone) return begin(type, false, f);
    const bool ok = forward(f);
    if (capture_depth_ == 1) skipping_field_ = false;  // a skipped scalar field ended
    return ok;
  }

  template <typename F>
  bool open(json::value_t type, F&& f) {
    const std::size_t around = depth_;
    if (++depth_ > max_depth_) {
      too_deep = true;
      return false;
    }
    if (mode_ == Mode::kNone) return begin(type, true, f, around);
    ++capture_depth_;
    return forward(f);
  }

  template <typename F>
  bool close(F&& f) {
    --depth_;
    if (mode_ == Mode::kNone) {
      if (in_list_ && depth_ + 1 == list_depth_) in_list_ = false;  // the list itself ends
      return true;
    }
    const bool ok = forward(f);
    if (--capture_depth_ == 1) skipping_field_ = false;  // a skipped field's object or array ended
    if (capture_depth_ == 0) finish();
    return ok;
  }

  // A value starts outside any capture, `around` containers deep: the top-level value, an item
  // of the list being streamed, or a member of the top-level object.
  template <typename F>
  bool begin(json::value_t type, bool opens, F& f, std::size_t around = 0) {
    if (!opens) around = depth_;
    Mode mode = Mode::kPast;
    is_item_ = false;
    if (around == 0) {
      top = type;
      if (type == json::value_t::object) return true;  // its members come next
      if (type == json::value_t::array && reader_.use("", type) == Use::kList) return start_list("");
    } else if (in_list_ && around == list_depth_) {
      is_item_ = true;
      if (reader_.take(list_)) mode = Mode::kItem;
    } else if (around == 1) {
      const Use use = reader_.use(key_, type);
      if (use == Use::kList && type == json::value_t::array) return start_list(key_);
      if (use == Use::kKeep) mode = Mode::kKeep;
    }
    mode_ = mode;
    capture_depth_ = opens ? 1 : 0;
    captured_ = json();
    if (mode != Mode::kPast) dom_.emplace(captured_, false);
    forward(f);
    if (!opens) finish();
    return true;
  }

  bool start_list(std::string name) {
    list_ = std::move(name);
    list_depth_ = depth_;
    in_list_ = true;
    index_ = 0;
    return true;
  }

  void finish() {
    if (mode_ == Mode::kKeep) reader_.keep(key_, captured_);
    if (mode_ == Mode::kItem) reader_.item(list_, captured_, index_);
    if (is_item_) ++index_;  // every item counts, built or not
    mode_ = Mode::kNone;
    skipping_field_ = false;
    dom_.reset();
    captured_ = json();
  }

  StreamReader& reader_;
  std::size_t max_depth_;
  std::size_t depth_ = 0;
  std::string key_;  // the last key of the top-level object
  bool in_list_ = false;
  std::string list_;
  std::size_t list_depth_ = 0;  // depth_ inside the list's array
  std::size_t index_ = 0;
  Mode mode_ = Mode::kNone;
  bool is_item_ = false;
  int capture_depth_ = 0;
  bool skipping_field_ = false;  // inside the value of an item field nobody reads
  json captured_;
  std::optional<DomParser> dom_;
};

}  // namespace

std::optional<Error> stream_json(std::string_view text, StreamReader& reader, std::size_t max_depth,
                                 json::value_t& top) {
  // nlohmann reads a NUL byte as the end of input; JSON never contains a raw one.
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return json_syntax_error(text, nul + 1, std::string(1, '\0'));
  }
  StreamSax sax(reader, max_depth);
  const bool ok = json::sax_parse(text.begin(), text.end(), &sax);
  top = sax.top;
  if (sax.too_deep) {
    return Error{ErrorCode::kBadBundle,
                 "values nest deeper than " + std::to_string(max_depth) + " levels: this is not a feed"};
  }
  if (!ok || sax.syntax_error) {
    const auto [position, token] = sax.syntax_error.value_or(std::pair{text.size() + 1, std::string()});
    return json_syntax_error(text, position, token);
  }
  return std::nullopt;
}

}  // namespace encart::detail
