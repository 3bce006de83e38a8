#include "pack_state.h"

#include <gnu/libc-version.h>

#include <algorithm>
#include <filesystem>

#include "bundle/writer.h"
#include "files.h"
#include "pack/bytes.h"

namespace encart::cli {
namespace {

namespace fs = std::filesystem;
using pack::ByteReader;
using pack::ByteWriter;

constexpr std::string_view kMagic = "ENCSTAT1";  // 8 bytes; the 1 is the layout's version
constexpr std::size_t kDigestBytes = 32;         // SHA-256

// The code that ranks is part of the key: a new encart (or a rebuilt one) ranks again. Empty
// when this executable cannot be read (then no state is trusted).
const std::string& program_digest() {
  static const std::string digest = [] {
    const auto program = read_file("/proc/self/exe");
    if (!program || program->empty()) return std::string();
    Sha256 sha;
    sha.add(*program);
    return sha.digest();
  }();
  return digest;
}

void date(ByteWriter& out, const DateTime& t) {
  out.svarint(t.epoch_ms);
  out.svarint(t.offset_minutes);
}

void optional_date(ByteWriter& out, const std::optional<DateTime>& t) {
  out.u8(t ? 1 : 0);
  if (t) date(out, *t);
}

void strings(ByteWriter& out, const std::vector<std::string>& list) {
  out.varint(list.size());
  for (const std::string& s : list) out.string(s);
}

// Every field but the view counts, each length-prefixed (no two articles write the same bytes).
// A field added to Article belongs here too, or a re-pack could reuse lists it changes: the sizes
// below trip when one is added (on the platform the CLI is built and tested on).
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(Article) == 600 && sizeof(Site) == 144,
              "a field was added to Article or Site: digest it in article_inputs or related_inputs_digest");
#endif
void article_inputs(ByteWriter& out, const Article& a) {
  out.string(a.id);
  out.string(a.url);
  out.string(a.title);
  date(out, a.published);
  out.string(a.published_text);
  out.string(a.summary);
  out.string(a.text);
  out.string(a.category);
  strings(out, a.tags);
  strings(out, a.authors);
  out.u8(a.image ? 1 : 0);
  if (a.image) {
    out.string(a.image->url);
    out.string(a.image->alt);
    out.svarint(a.image->width);
    out.svarint(a.image->height);
  }
  optional_date(out, a.updated);
  out.string(a.lang);
  out.u8(a.accessible_for_free ? 1 : 0);
  optional_date(out, a.expires);
  out.string(a.expires_text);
  strings(out, a.related);
  strings(out, a.links);
}

}  // namespace

std::string related_inputs_digest(const Bundle& bundle) {
  if (program_digest().empty()) return {};
  Sha256 sha;
  sha.add(program_digest());
  // ... and the C library it calls (log, exp2), which a system upgrade may change.
  sha.add(gnu_get_libc_version());
  // In the engine's order (newest first, ties by id: ArticleIds, what the state stores), not
  // the export's: a CMS that lists the same articles in another order keeps its state.
  std::vector<const Article*> order(bundle.articles.size());
  std::transform(bundle.articles.begin(), bundle.articles.end(), order.begin(),
                 [](const Article& a) { return &a; });
  std::sort(order.begin(), order.end(), [](const Article* x, const Article* y) {
    if (x->published.epoch_ms != y->published.epoch_ms) return x->published.epoch_ms > y->published.epoch_ms;
    return x->id < y->id;
  });
  ByteWriter out;
  out.string(bundle.site.name);
  out.string(bundle.site.url);
  out.string(bundle.site.lang);
  strings(out, bundle.site.related);
  strings(out, bundle.site.links);
  out.varint(bundle.articles.size());
  for (const Article* a : order) {
    article_inputs(out, *a);
    if (out.size() >= (std::size_t{1} << 20)) sha.add(out.take());
  }
  sha.add(out.bytes());
  return sha.digest();
}

std::string related_state_key(const std::string& inputs_digest, const RelatedSettings& settings) {
  Sha256 sha;
  sha.add(inputs_digest);
  sha.add(write_related(settings));
  sha.add(std::to_string(kMaxRelatedCandidates));
  return sha.digest();
}

bool read_pack_state(const std::string& path, const std::string& key, std::size_t articles,
                     RelatedLists& lists, std::string& why) {
  std::error_code error;
  if (!fs::exists(path, error) && !error) return false;  // no state yet: the first pack
  const auto bytes = read_file(path);
  if (!bytes) {
    why = "cannot be read";
    return false;
  }
  if (bytes->size() < kMagic.size() + 2 * kDigestBytes || bytes->substr(0, kMagic.size()) != kMagic) {
    why = "not an encart pack state";
    return false;
  }
  const std::string_view body = std::string_view(*bytes).substr(0, bytes->size() - kDigestBytes);
  Sha256 sha;
  sha.add(body);
  if (sha.digest() != std::string_view(*bytes).substr(body.size())) {
    why = "damaged (its checksum does not match)";
    return false;
  }
  ByteReader in(body);  // byte positions in errors count from the file's start
  in.raw(kMagic.size());
  if (in.raw(kDigestBytes) != key || in.varint() != articles) {
    why = "made from other articles, settings or another encart build";
    return false;
  }
  lists.counts.assign(articles, 0);
  lists.ids.assign(articles * kMaxRelatedCandidates, 0);
  for (std::size_t a = 0; a < articles && in.ok(); ++a) {
    lists.counts[a] = static_cast<std::uint8_t>(std::min(in.below(kMaxRelatedCandidates + 1, "count"), 255U));
  }
  for (std::size_t a = 0; a < articles && in.ok(); ++a) {
    for (std::size_t i = 0; i < lists.counts[a]; ++i) {
      lists.ids[a * kMaxRelatedCandidates + i] = in.below(articles, "article");
    }
  }
  if (in.ok() && !in.at_end()) in.fail("bytes after the last list");
  if (!in.ok()) {
    why = in.error();
    return false;
  }
  return true;
}

bool write_pack_state(const std::string& path, const std::string& key, const RelatedLists& lists) {
  ByteWriter out;
  out.raw(kMagic);
  out.raw(key);
  out.varint(lists.counts.size());
  for (const std::uint8_t c : lists.counts) out.varint(c);
  for (std::size_t a = 0; a < lists.counts.size(); ++a) {
    for (std::size_t i = 0; i < lists.counts[a]; ++i) out.varint(lists.ids[a * kMaxRelatedCandidates + i]);
  }
  Sha256 sha;
  sha.add(out.bytes());
  out.raw(sha.digest());
  return write_file_atomically(path, out.bytes());
}

}  // namespace encart::cli
