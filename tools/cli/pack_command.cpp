// encart pack and encart prune: a pack on disk (docs/pack.md, docs/connect.md#large-archives).
// The core builds the files; here they are named by SHA-256 (OpenSSL), gzip-compressed (libdeflate)
// and written only when new, so that re-packing rewrites the manifest and what changed.
#include "pack_command.h"

#include <libdeflate.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "bundle/feeds.h"
#include "bundle/writer.h"
#include "files.h"
#include "output.h"
#include "pack/format.h"
#include "pack/writer.h"
#include "pack_state.h"
#include "pack_update.h"

namespace encart::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

// gzip (not zlib) framing: what the browser's DecompressionStream("gzip") reads.
class Gzip {
 public:
  // Level 6: level 9 took twice the time for 0.3% less.
  Gzip() : compressor_(libdeflate_alloc_compressor(6)) {}
  Gzip(const Gzip&) = delete;
  Gzip& operator=(const Gzip&) = delete;
  ~Gzip() { libdeflate_free_compressor(compressor_); }

  std::optional<std::string> operator()(std::string_view in) const {
    if (compressor_ == nullptr) return std::nullopt;
    std::string out(libdeflate_gzip_compress_bound(compressor_, in.size()), '\0');
    const std::size_t size =
        libdeflate_gzip_compress(compressor_, in.data(), in.size(), out.data(), out.size());
    if (size == 0) return std::nullopt;
    out.resize(size);
    return out;
  }

 private:
  libdeflate_compressor* compressor_;  // one per thread: a compressor is not thread-safe
};

// The file names a listing (files-*.txt) holds, one a line.
void add_listed(const fs::path& listing, std::unordered_set<std::string>& names) {
  std::ifstream in(listing);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) names.insert(line);
  }
}

// The name of the listing `dir`/manifest.json names, or "" (no manifest, not a pack's, or a
// listing name with a path in it: the manifest is a file anyone may have edited).
std::string listing_of(const std::string& dir) {
  const auto text = read_file((fs::path(dir) / "manifest.json").string());
  const auto manifest = nlohmann::json::parse(text.value_or(""), nullptr, false);
  if (!text || manifest.is_discarded() || !manifest.is_object() || !manifest.contains("files") ||
      !manifest["files"].is_string()) {
    return {};
  }
  std::string name = manifest["files"].get<std::string>();
  return name.find('/') == std::string::npos ? name : std::string();
}

// The files the current manifest of `dir` lists, itself and its listing too; none without one.
std::unordered_set<std::string> listed_names(const std::string& dir) {
  std::unordered_set<std::string> names;
  const std::string listing = listing_of(dir);
  if (listing.empty()) return names;
  add_listed(fs::path(dir) / listing, names);
  names.insert(listing);
  names.insert("manifest.json");
  return names;
}

// Compresses and writes pack files on worker threads while the core builds the next ones.
class FileWriter {
 public:
  struct Totals {
    std::size_t written = 0, kept = 0, bytes = 0;
    bool failed = false;
  };

  FileWriter(std::string dir, fs::file_time_type now) : dir_(std::move(dir)), now_(now) {
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir_, error))
      there_.insert(entry.path().filename().string());
    listed_ = listed_names(dir_);
    const unsigned n = std::max(1U, std::min(std::thread::hardware_concurrency(), 8U));
    for (unsigned i = 0; i < n; ++i) workers_.emplace_back([this] { work(); });
  }
  FileWriter(const FileWriter&) = delete;
  FileWriter& operator=(const FileWriter&) = delete;
  ~FileWriter() { finish(); }

  // Whether file `name` is there (the folder as it was when the pack began); if so it is kept as
  // it is (the same name is the same content: CDN caches stay warm). The files the current
  // manifest lists are left untouched: `encart prune` keeps what a listing of the grace period
  // names, and a deploy that compares times (rsync) sees them unchanged; renewing the time of
  // the 18,000 files a re-pack of 100,000 articles keeps was 3% of an update's CPU. A file no
  // listing names any more, in use again, has its time renewed: no prune removes it meanwhile.
  bool keep(const std::string& name) {
    if (!there_.contains(name)) return false;
    if (!listed_.contains(name)) {
      std::error_code error;
      fs::last_write_time(fs::path(dir_) / name, now_, error);
      if (error) return false;  // removed since
    }
    ++kept_;
    return true;
  }

  void push(pack::PackFile&& file) {
    // Most files of a re-pack are there already: checked here, without waking a worker (a
    // thread switch per file was a tenth of an update's CPU at 100,000 articles).
    if (keep(file.name) || !queued_.insert(file.name).second) return;  // there, or on its way
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return queue_.size() < kQueued; });  // bounded: memory stays flat
    queue_.push_back(std::move(file));
    ready_.notify_one();
  }

  Totals finish() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    ready_.notify_all();
    for (auto& w : workers_) {
      if (w.joinable()) w.join();
    }
    Totals totals = totals_;
    totals.kept += kept_;
    return totals;
  }

 private:
  static constexpr std::size_t kQueued = 64;

  void work() {
    const Gzip gzip;
    for (;;) {
      pack::PackFile file;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return done_ || !queue_.empty(); });
        if (queue_.empty()) return;
        file = std::move(queue_.front());
        queue_.pop_front();
        space_.notify_one();
      }
      store(file, gzip);
    }
  }

  void store(const pack::PackFile& file, const Gzip& gzip) {
    const fs::path path = fs::path(dir_) / file.name;
    const auto compressed = gzip(file.bytes);
    const bool ok = compressed && write_file_atomically(path.string(), *compressed);
    std::lock_guard lock(mutex_);
    if (!ok) {
      if (!totals_.failed) std::fprintf(stderr, "encart: %s: cannot be written\n", path.c_str());
      totals_.failed = true;
      return;
    }
    totals_.bytes += compressed->size();
    ++totals_.written;
  }

  const std::string dir_;
  const fs::file_time_type now_;
  std::unordered_set<std::string> there_;   // the folder's files
  std::unordered_set<std::string> listed_;  // the current manifest's
  std::unordered_set<std::string> queued_;  // written by this pack
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::deque<pack::PackFile> queue_;
  bool done_ = false;
  Totals totals_;
  std::size_t kept_ = 0;  // the producer's own
  std::vector<std::thread> workers_;
};

// The lists read back from the state (or given by --update), or every one ranked. `how` says which,
// for the report.
RelatedLists related_lists(const Engine& engine, PackState& state, std::string& how) {
  if (state.lists) {
    how = state.how.empty() ? ", reused from " + state.path : state.how;
    return std::move(*state.lists);
  }
  const std::size_t n = engine.index().size();
  std::vector<ArticleId> every(n);
  for (std::size_t a = 0; a < n; ++a) every[a] = static_cast<ArticleId>(a);
  RelatedLists lists;
  rank_lists(engine, every, pack_threads(), lists);
  how = " on " + std::to_string(pack_threads()) + " threads";
  return lists;
}

}  // namespace

bool state_outside_pack(const std::string& path, const std::string& dir) {
  std::error_code error;
  const fs::path folder = fs::weakly_canonical(dir, error);
  const fs::path file = fs::weakly_canonical(path, error);
  if (!error && std::mismatch(folder.begin(), folder.end(), file.begin(), file.end()).first == folder.end()) {
    write_line(stderr, "encart: " + path + ": inside the pack folder " + dir +
                           ": it would be deployed, and it holds the text of every article; keep it outside");
    return false;
  }
  return true;
}

bool open_update_state(const std::string& path, const std::string& dir, PackStateContents& out) {
  std::string why;
  if (!read_pack_state_contents(path, out, why, false)) {
    write_line(stderr, "encart: " + path + ": " + why +
                           "; --update starts from the state of a full pack (encart pack FILE --state " +
                           path + " -o " + dir + ")");
    return false;
  }
  // The state must describe the pack in `dir`: after a pack written without it (or whose state
  // could not be written), it would bring back the articles of an older pack.
  const auto text = read_file((fs::path(dir) / "manifest.json").string());
  const auto manifest = nlohmann::json::parse(text.value_or(""), nullptr, false);
  const bool same = !out.listing.empty() && manifest.is_object() && manifest.contains("files") &&
                    manifest["files"] == out.listing;
  if (!same) {
    write_line(stderr, "encart: " + path + ": not the state of the pack in " + dir +
                           " (packed since without it?); run a full pack with --state " + path);
    return false;
  }
  if (!out.same_program) {
    write_line(stderr,
               "encart: " + path + ": written by another encart build; every related list is ranked again");
  }
  return true;
}

PackState open_pack_state(const std::string& path, const Bundle& bundle) {
  PackState state;
  state.path = path;
  if (path.empty()) return state;
  std::error_code error;
  state.inputs_digest = related_inputs_digest(bundle);
  if (state.inputs_digest.empty()) {
    write_line(stderr, "encart: " + path + ": not used: the program cannot read itself (/proc/self/exe)");
    return state;
  }
  // The settings the engine will rank with: the same call as Engine::load's.
  const RelatedSettings settings = apply(RelatedSettings{}, bundle.related, nullptr);
  RelatedLists lists;
  std::string why;
  if (read_pack_state(path, related_state_key(state.inputs_digest, settings), bundle.articles.size(), lists,
                      why, &state.buckets, &state.counts_section)) {
    state.lists = std::move(lists);
  } else if (!why.empty()) {
    write_line(stderr, "encart: " + path + ": " + why + "; the related lists are ranked again");
  }
  return state;
}

void start_state(PackState& state, const Bundle& bundle, const ArchivedRecord& archived,
                 const ArchiveFile* previous) {
  if (state.path.empty()) return;
  if (!archived) previous = nullptr;  // every record made: a new archive file
  state.writer = std::make_unique<PackStateWriter>(
      state.path, archive_parts(bundle, archived, previous != nullptr ? previous->size : kArchiveHeadBytes),
      previous);
  if (!state.counts_section.empty()) state.writer->counts_section(state.counts_section);
  state.counts_section = {};
}

void keep_counts(PackState& state) {
  if (state.writer)
    state.writer->counts(state.counts ? &*state.counts : nullptr, state.words ? &*state.words : nullptr);
  state.counts.reset();
  state.words.reset();
}

int write_pack_directory(const Engine& engine, const Site& site, std::size_t skipped, const std::string& dir,
                         const char* version, PackState state) {
  const auto started = std::chrono::steady_clock::now();
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) {
    std::fprintf(stderr, "encart: %s: cannot create the directory: %s\n", dir.c_str(),
                 error.message().c_str());
    return 1;
  }
  std::string listing;
  const auto now = fs::file_time_type::clock::now();
  // Files go to disk as they are built, compressed and written by worker threads.
  FileWriter writer(dir, now);
  const auto store = [&](pack::PackFile&& file) {
    listing += file.name + "\n";
    writer.push(std::move(file));
  };
  std::string related_how;
  const RelatedLists lists = related_lists(engine, state, related_how);
  const double ranked_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  // With a state, buckets of the last pack that are still there are not built again.
  PackMemory memory;
  pack::BucketMemo memo;
  // Pruned or deleted since: built again.
  const auto still_there = [&](const std::string& hash) {
    std::string name = pack::file_name(pack::FileKind::kRelated, hash);
    if (!writer.keep(name)) return false;
    listing += name + "\n";
    return true;
  };
  if (!state.path.empty()) {
    memo.remember = [&](const std::string& fingerprint, const std::string& hash) {
      memory.buckets.emplace_back(fingerprint, hash);
    };
    memo.recall = [&](const std::string& fingerprint) -> std::optional<std::string> {
      const auto known = state.buckets.find(fingerprint);
      if (known == state.buckets.end() || !still_there(known->second)) return std::nullopt;
      return known->second;
    };
  }
  if (state.before) {
    state.before->list = [&](ArticleId a) {
      return std::span<const ArticleId>(lists.ids).subspan(std::size_t{a} * kMaxRelatedCandidates,
                                                           lists.counts[a]);
    };
    state.before->still_there = still_there;
    memo.before = &*state.before;
  }
  // Ids only (scores are not kept in a state file, and a pack stores none).
  pack::Pack pack = pack::write_pack(
      engine, site, sha256, store,
      [&](ArticleId a) {
        const auto first = lists.ids.begin() + static_cast<std::ptrdiff_t>(a * kMaxRelatedCandidates);
        std::vector<RelatedHit> hits(lists.counts[a]);
        for (std::size_t i = 0; i < hits.size(); ++i) hits[i] = {first[static_cast<std::ptrdiff_t>(i)], 0.0F};
        return hits;
      },
      memo);
  const FileWriter::Totals totals = writer.finish();
  if (totals.failed) return 1;
  const std::size_t head_bytes = fs::file_size(fs::path(dir) / pack.manifest.head, error);
  // The list of this pack's files, for `encart prune` (never read by pages).
  const std::string listing_name = "files-" + pack::hex(sha256(listing)) + ".txt";
  if (!write_file_atomically((fs::path(dir) / listing_name).string(), listing)) return 1;

  ordered_json manifest;
  manifest["encart_pack"] = pack::kFormatVersion;
  manifest["generator"] = std::string("encart ") + version;
  manifest["articles"] = pack.manifest.articles;
  manifest["skipped"] = skipped;
  manifest["head"] = pack.manifest.head;
  manifest["directory"] = pack.manifest.directory;
  manifest["files"] = listing_name;
  manifest["related"] = {{"buckets", pack.manifest.related_buckets},
                         {"pages", pack.manifest.related_pages},
                         {"settings", ordered_json::parse(write_related(pack.manifest.related))}};
  ordered_json site_json = ordered_json::object();
  if (!site.name.empty()) site_json["name"] = site.name;
  if (!site.url.empty()) site_json["url"] = site.url;
  if (!site.lang.empty()) site_json["lang"] = site.lang;
  manifest["site"] = site_json;
  // Written last: a page that reads the new manifest finds every file it names.
  const std::string manifest_text =
      manifest.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
  if (!write_file_atomically((fs::path(dir) / "manifest.json").string(), manifest_text)) {
    std::fprintf(stderr, "encart: %s/manifest.json: cannot be written\n", dir.c_str());
    return 1;
  }
  // The state last: it describes the pack now in `dir`.
  if (state.writer && (!state.inputs_digest.empty() || !state.lists_exact)) {
    const std::string key = state.lists_exact
                                ? related_state_key(state.inputs_digest, engine.related_settings())
                                : std::string();  // patched lists: no full pack reads them back
    memory.layout = std::move(pack.layout);
    memory.records = std::move(pack.records);
    if (!state.writer->finish(key, listing_name, lists, memory)) {
      // An old state would bring back an older pack's articles at the next --update.
      std::error_code removed;
      fs::remove(state.path, removed);
      fs::remove(archive_path(state.path), removed);
      const std::string why = state.writer->why().empty() ? "" : " (" + state.writer->why() + ")";
      write_line(stderr, "encart: " + state.path + ": cannot be written" + why +
                             "; removed: the next pack starts without a state");
      return 1;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const std::string untouched = state.before ? " (" + std::to_string(pack.buckets_unchanged) + " of " +
                                                   std::to_string(pack.manifest.related_buckets) +
                                                   " related buckets untouched by the changes)"
                                             : "";
  std::fprintf(stderr,
               "%s: %zu article(s) packed in %.1f s (related lists %.1f s%s): %zu file(s) written, "
               "%zu unchanged%s, %.1f MB written; head %zu bytes, manifest %zu bytes\n",
               dir.c_str(), pack.manifest.articles, seconds, ranked_seconds, related_how.c_str(),
               totals.written, totals.kept, untouched.c_str(), static_cast<double>(totals.bytes) / 1e6,
               head_bytes, manifest_text.size());
  return 0;
}

int pack_update(PackStateContents previous, Bundle changes, const std::string& views,
                const std::string& state_path, const std::string& dir, const char* version) {
  const auto started = std::chrono::steady_clock::now();
  Bundle merged = std::move(previous.archive);
  // The site and settings are the full pack's: an update carries articles.
  const Site& site_given = changes.site;
  const bool has_site = !site_given.name.empty() || !site_given.url.empty() || !site_given.lang.empty();
  if (has_site && (site_given.name != merged.site.name || site_given.url != merged.site.url ||
                   site_given.lang != merged.site.lang)) {
    write_line(stderr, "warning: site: not the site of the last full pack, which an update keeps");
  }
  // ArticleIds of the lists in the state: the archive's order.
  std::vector<std::string> old_ids(merged.articles.size());
  for (std::size_t a = 0; a < old_ids.size(); ++a) old_ids[a] = merged.articles[a].id;
  const std::size_t skipped = merged.skipped_total + changes.skipped_total;
  std::vector<std::string> replaced_urls;
  const auto changed = apply_changes(merged, std::move(changes), &replaced_urls);

  PackState state;
  state.path = state_path;
  state.lists_exact = false;  // set again once the lists are patched
  state.buckets = std::move(previous.buckets);
  // Unchanged articles, read without their texts, keep their records in the archive file.
  ArchivedRecord archived;
  if (!previous.texts) {
    archived = [&](const Article& a) -> std::optional<Record> {
      const auto i = static_cast<std::size_t>(&a - merged.articles.data());
      if (i >= previous.records.size() || changed.contains(a.id)) return std::nullopt;
      return previous.records[i];
    };
  }
  start_state(state, merged, archived, &previous.archive_file);
  previous.records = {};
  const Site site = merged.site;
  apply_views(merged, views);
  for (const std::string& w : merged.warnings) write_line(stderr, "warning: " + w);
  if (!previous.same_program) state.inputs_digest = related_inputs_digest(merged);
  // Only the changed articles' text is read again: the others' counts come from the state.
  std::unordered_map<std::string_view, std::size_t> old_at;
  old_at.reserve(old_ids.size());
  for (std::size_t o = 0; o < old_ids.size(); ++o) old_at.emplace(old_ids[o], o);
  std::vector<bool> read_again(old_ids.size(), false);
  for (const std::string& id : changed) {
    if (const auto it = old_at.find(id); it != old_at.end()) read_again[it->second] = true;
  }
  // Left to the kernel when the process exits, as clang leaves its syntax trees
  // (-disable-free): freeing the engine's articles one by one was 4% of an update's CPU at
  // 100,000. Held by a static, so that leak checkers see it reachable: an update runs once per
  // process (a second call would load the same engine again; two at once would race on it).
  static Engine* const kept_until_exit = new Engine;
  Engine& engine = *kept_until_exit;
  LoadOptions options;
  state.counts.emplace();
  state.words.emplace();
  options.related_counts.keep = &*state.counts;
  options.search_words.keep = &*state.words;
  // Asked for every article in the engine's order, by the search index, then by the related
  // index: mostly the article after the last one answered, which is checked first; a lookup by
  // id (hashing it) only when it is not (200,000 lookups were 4% of an update at 100,000).
  std::size_t next = 0;
  const auto reuse = [&](const Article& a) -> std::int64_t {
    std::size_t o = next;
    if (o >= old_ids.size() || old_ids[o] != a.id) {
      const auto it = old_at.find(a.id);
      if (it == old_at.end()) return -1;  // added
      o = it->second;
    }
    next = o + 1;
    return read_again[o] ? -1 : static_cast<std::int64_t>(o);
  };
  // The counts and words of the articles not read again are copied into the new state as the
  // last one holds them (splice_counts), when it holds both for every article.
  const KeptSection& kept = previous.kept;
  const bool splice = !kept.bytes.empty() && kept.counts.at.size() == old_ids.size() &&
                      kept.words.at.size() == old_ids.size() &&
                      previous.words.offsets.size() == old_ids.size() + 1 && !old_ids.empty();
  std::vector<std::uint32_t> count_numbers, word_numbers;
  if (previous.counts.offsets.size() == old_ids.size() + 1 && !old_ids.empty()) {
    options.related_counts.from = &previous.counts;
    options.related_counts.reuse = reuse;
    options.related_counts.done = [&] { previous.counts = {}; };
    if (splice) {
      options.related_counts.numbers = &count_numbers;
      options.related_counts.keep_reused = false;  // copied from the state
    }
  }
  if (previous.words.offsets.size() == old_ids.size() + 1 && !old_ids.empty()) {
    options.search_words.from = &previous.words;
    options.search_words.reuse = reuse;
    options.search_words.done = [&] { previous.words = {}; };
    if (splice) {
      options.search_words.numbers = &word_numbers;
      options.search_words.keep_reused = false;
    }
  }
  auto report = engine.load_bundle(std::move(merged), options);
  previous.counts = {};
  previous.words = {};
  if (report && splice && state.writer) {
    // By ArticleId now, the article of the last state it was (-1: read again), as reuse() saw it.
    std::vector<std::int64_t> source(engine.index().size());
    next = 0;
    for (ArticleId a = 0; a < source.size(); ++a) source[a] = reuse(engine.index().articles()[a]);
    state.writer->counts_section(
        splice_counts(kept, source, *state.counts, count_numbers, *state.words, word_numbers));
    previous.kept = {};
  }
  keep_counts(state);  // when not spliced
  if (!report) {
    write_line(stderr, "encart: " + state_path + ": " + report.error().message);
    return 1;
  }
  const auto loaded = std::chrono::steady_clock::now();

  std::size_t ranked = 0;
  std::vector<ArticleId> was;
  std::vector<bool> changed_now, same;
  const bool before_known = previous.same_program && !previous.memory.layout.empty();  // PackBefore
  state.lists = patch_related_lists(engine, old_ids, previous.lists, changed, !previous.same_program, ranked,
                                    &was, &changed_now, before_known ? &same : nullptr);
  if (before_known) {
    pack::PackBefore& before = state.before.emplace();
    before.layout = std::move(previous.memory.layout);
    before.records = std::move(previous.memory.records);
    before.buckets = std::move(previous.memory.buckets);
    before.same_list = std::move(same);
    before.was = std::move(was);
    before.changed = std::move(changed_now);
    before.urls = std::move(replaced_urls);
  }
  previous.lists = {};                         // the last state's mapping
  state.lists_exact = !previous.same_program;  // every list ranked by this build
  const double load_s = std::chrono::duration<double>(loaded - started).count();
  const double rank_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - loaded).count();
  char how[160];
  std::snprintf(how, sizeof how,
                ", %zu of %zu ranked again after %zu changed article(s), %.2f s; state read %.2f s", ranked,
                engine.index().size(), changed.size(), rank_s, load_s);
  state.how = how;
  return write_pack_directory(engine, site, skipped, dir, version, std::move(state));
}

int prune_pack_directory(const std::string& dir, double older_than_hours) {
  const std::string listing_name = listing_of(dir);
  if (listing_name.empty()) {
    std::fprintf(stderr, "encart: %s/manifest.json: not a pack manifest\n", dir.c_str());
    return 1;
  }
  if (std::error_code error; !fs::is_regular_file(fs::path(dir) / listing_name, error)) {
    write_line(stderr, "encart: " + dir + "/" + listing_name + ": missing; nothing removed");
    return 1;
  }
  const std::unordered_set<std::string> keep = listed_names(dir);
  const auto cutoff = fs::file_time_type::clock::now() -
                      std::chrono::duration_cast<fs::file_time_type::duration>(
                          std::chrono::duration<double, std::ratio<3600>>(older_than_hours));
  // A file an earlier pack of the grace period listed: pages opened since may fetch it. (A pack
  // leaves the times of the files it keeps as they were: a listing's time is when they were
  // last in use.)
  std::unordered_set<std::string> recent;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("files-") && name.ends_with(".txt") && !keep.contains(name) &&
        entry.is_regular_file() && entry.last_write_time(error) > cutoff) {
      add_listed(entry.path(), recent);
    }
  }
  std::size_t removed = 0, waiting = 0;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    const auto pack_file = [](const std::string& n) {
      return (n.ends_with(".bin") && n.size() > 2 && n[1] == '-') ||
             (n.starts_with("files-") && n.ends_with(".txt"));
    };
    // A pack stopped while it wrote a file (killed, the machine down) left its temporary file,
    // NAME.XXXXXX (AtomicFile): never served under its name, removed as old files are.
    constexpr std::size_t kTemporarySuffix = 7;  // ".XXXXXX", mkstemp's
    const bool temporary =
        name.size() > kTemporarySuffix && name[name.size() - kTemporarySuffix] == '.' && [&] {
          const std::string base = name.substr(0, name.size() - kTemporarySuffix);
          return pack_file(base) || base == "manifest.json";
        }();
    const bool ours = pack_file(name) || temporary;
    if (!ours || keep.contains(name) || !entry.is_regular_file()) continue;
    if (recent.contains(name) || entry.last_write_time(error) > cutoff) {
      ++waiting;  // pages opened before the last pack may still fetch it
      continue;
    }
    if (fs::remove(entry.path(), error)) ++removed;
  }
  std::fprintf(stderr, "%s: %zu old file(s) removed, %zu kept for the grace period, %zu in use\n",
               dir.c_str(), removed, waiting, keep.size());
  return 0;
}

}  // namespace encart::cli
