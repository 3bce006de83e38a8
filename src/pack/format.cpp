#include "pack/format.h"

namespace encart::pack {
namespace {

constexpr std::string_view kMagic = "ENCP";

// Field presence bits of a record: absent fields cost nothing.
enum RecordBits : std::uint8_t {
  kHasImage = 1,
  kHasLang = 2,
  kHasUpdated = 4,
  kForSubscribers = 8,  // isAccessibleForFree: false
};

// Within what parse_iso8601 accepts (years 0000 to 9999, offsets within a day): a forged value
// must not reach the calendar arithmetic of format_date.
void read_instant(ByteReader& in, DateTime& t) {
  constexpr std::int64_t kMaxEpochMs = 253'402'300'800'000;  // 10000-01-01T00:00:00Z
  constexpr std::int64_t kMinEpochMs = -62'167'219'200'000;  // 0000-01-01T00:00:00Z
  t.epoch_ms = in.svarint();
  const std::int64_t offset = in.svarint();
  if (in.ok() && (t.epoch_ms < kMinEpochMs || t.epoch_ms >= kMaxEpochMs)) in.fail("a date out of range");
  if (in.ok() && (offset < -1440 || offset > 1440)) in.fail("a time zone offset out of range");
  t.offset_minutes = in.ok() ? static_cast<std::int32_t>(offset) : 0;
}

}  // namespace

const char* file_prefix(FileKind kind) {
  switch (kind) {
    case FileKind::kHead:
      return "h";
    case FileKind::kDirectory:
      return "d";
    case FileKind::kTerms:
      return "t";
    case FileKind::kPrefix:
      return "p";
    case FileKind::kValues:
      return "v";
    case FileKind::kEpochs:
      return "e";
    case FileKind::kDays:
      return "y";
    case FileKind::kRanking:
      return "m";
    case FileKind::kRecords:
      return "a";
    case FileKind::kRelatedPage:
      return "q";
    case FileKind::kRelated:
      return "r";
  }
  return "x";
}

void write_header(ByteWriter& out, FileKind kind) {
  out.raw(kMagic);
  out.u8(static_cast<std::uint8_t>(kFormatVersion));
  out.u8(static_cast<std::uint8_t>(kind));
}

void read_header(ByteReader& in, FileKind kind) {
  if (in.raw(kMagic.size()) != kMagic) {
    in.fail("not an encart pack file (no ENCP signature)");
    return;
  }
  const std::uint8_t version = in.u8();
  if (in.ok() && version != kFormatVersion) {
    in.fail("pack format " + std::to_string(version) + ", this reader reads " +
            std::to_string(kFormatVersion));
    return;
  }
  const std::uint8_t found = in.u8();
  if (in.ok() && found != static_cast<std::uint8_t>(kind)) {
    in.fail(std::string("a ") + file_prefix(static_cast<FileKind>(found)) + " file where a " +
            file_prefix(kind) + " file was expected");
  }
}

std::string hex(std::string_view hash_bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const char c : hash_bytes.substr(0, kHashBytes)) {
    const auto b = static_cast<std::uint8_t>(c);
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

std::string file_name(FileKind kind, std::string_view hash_bytes) {
  return std::string(file_prefix(kind)) + "-" + hex(hash_bytes) + ".bin";
}

void write_front_coded(ByteWriter& out, std::span<const std::string> terms) {
  std::string_view previous;
  for (const std::string& term : terms) {
    std::size_t shared = 0;
    while (shared < previous.size() && shared < term.size() && previous[shared] == term[shared]) ++shared;
    out.varint(shared);
    out.string(std::string_view(term).substr(shared));
    previous = term;
  }
}

std::vector<std::string> read_front_coded(ByteReader& in, std::size_t count) {
  std::vector<std::string> terms;
  for (std::size_t k = 0; k < count && in.ok(); ++k) {
    const std::size_t shared = in.varint();
    const std::string_view previous = terms.empty() ? std::string_view() : terms.back();
    if (shared > previous.size()) {
      in.fail("a term sharing more than the previous term holds");
      break;
    }
    std::string term = std::string(previous.substr(0, shared)) + std::string(in.string());
    if (!terms.empty() && !(terms.back() < term)) in.fail("terms out of order");
    terms.push_back(std::move(term));
  }
  return terms;
}

void write_record(ByteWriter& out, const Article& a, bool with_search_fields) {
  std::uint8_t bits = 0;
  if (a.image) bits |= kHasImage;
  if (!a.lang.empty()) bits |= kHasLang;
  if (a.updated) bits |= kHasUpdated;
  if (!a.accessible_for_free) bits |= kForSubscribers;
  out.u8(bits);
  out.string(a.id);
  out.string(a.url);
  out.string(a.title);
  out.string(a.category);
  out.varint(a.authors.size());
  for (const auto& author : a.authors) out.string(author);
  out.string(a.published_text);
  out.svarint(a.published.epoch_ms);
  out.svarint(a.published.offset_minutes);
  std::uint8_t has_views = 0;
  for (std::size_t w = 0; w < kViewWindowCount; ++w) {
    if (a.views[w]) has_views |= static_cast<std::uint8_t>(1U << w);
  }
  out.u8(has_views);
  for (std::size_t w = 0; w < kViewWindowCount; ++w) {
    if (a.views[w]) out.svarint(*a.views[w]);
  }
  if (a.image) {
    out.string(a.image->url);
    out.string(a.image->alt);
    out.varint(static_cast<std::uint32_t>(a.image->width));
    out.varint(static_cast<std::uint32_t>(a.image->height));
  }
  if (!a.lang.empty()) out.string(a.lang);
  if (a.updated) {
    out.svarint(a.updated->epoch_ms);
    out.svarint(a.updated->offset_minutes);
  }
  if (with_search_fields) {
    out.string(a.summary);
    out.varint(a.tags.size());
    for (const auto& tag : a.tags) out.string(tag);
  }
}

void read_record(ByteReader& in, Article& a, bool with_search_fields) {
  const std::uint8_t bits = in.u8();
  a.accessible_for_free = (bits & kForSubscribers) == 0;
  a.id = in.string();
  a.url = in.string();
  a.title = in.string();
  a.category = in.string();
  a.authors.resize(in.count());
  for (auto& author : a.authors) author = in.string();
  a.published_text = in.string();
  read_instant(in, a.published);
  const std::uint8_t has_views = in.u8();
  for (std::size_t w = 0; w < kViewWindowCount; ++w) {
    a.views[w] = std::nullopt;
    if ((has_views >> w) & 1) a.views[w] = in.svarint();
  }
  a.image.reset();
  if (bits & kHasImage) {
    Image image;
    image.url = in.string();
    image.alt = in.string();
    image.width = static_cast<std::int32_t>(in.below(1U << 30, "image width"));
    image.height = static_cast<std::int32_t>(in.below(1U << 30, "image height"));
    a.image = std::move(image);
  }
  a.lang = (bits & kHasLang) ? std::string(in.string()) : std::string();
  a.updated.reset();
  if (bits & kHasUpdated) {
    DateTime updated;
    read_instant(in, updated);
    a.updated = updated;
  }
  if (with_search_fields) {
    a.summary = in.string();
    a.tags.resize(in.count());
    for (auto& tag : a.tags) tag = in.string();
  }
}

void write_expiring(ByteWriter& out, const std::vector<std::pair<std::uint32_t, std::int64_t>>& expiring) {
  out.varint(expiring.size());
  std::uint32_t previous = 0;
  for (std::size_t i = 0; i < expiring.size(); ++i) {
    out.varint(i == 0 ? expiring[i].first : expiring[i].first - previous);
    out.svarint(expiring[i].second);
    previous = expiring[i].first;
  }
}

std::map<ArticleId, std::int64_t> read_expiring(ByteReader& in, std::size_t n) {
  std::map<ArticleId, std::int64_t> out;
  const std::size_t count = in.count(2);
  std::uint64_t previous = 0;
  for (std::size_t i = 0; i < count && in.ok(); ++i) {
    const std::uint64_t step = in.varint();
    const std::uint64_t p = i == 0 ? step : previous + step;
    const std::int64_t expires = in.svarint();
    if ((i > 0 && step == 0) || p >= n) {
      in.fail("an expiring article out of order or out of range");
      break;
    }
    out[static_cast<ArticleId>(n - 1 - p)] = expires;
    previous = p;
  }
  return out;
}

void write_url_entries(ByteWriter& out,
                       const std::vector<std::pair<std::string_view, std::string_view>>& entries) {
  out.varint(entries.size());
  for (const auto& [key, id] : entries) {
    out.string(key);
    out.string(id);
  }
}

std::map<std::string, std::string, std::less<>> read_url_entries(ByteReader& in) {
  std::map<std::string, std::string, std::less<>> out;
  const std::size_t count = in.count(2);
  for (std::size_t i = 0; i < count && in.ok(); ++i) {
    std::string key(in.string());
    out.emplace(std::move(key), std::string(in.string()));  // the first of a shared address wins
  }
  return out;
}

}  // namespace encart::pack
