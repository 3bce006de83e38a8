#include "pack_update.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_map>

namespace encart::cli {

std::unordered_set<std::string> apply_changes(Bundle& archive, Bundle&& changes,
                                              std::vector<std::string>* replaced_urls) {
  // A map of the few changes, then one pass over the archive: not a map of its 100,000 ids.
  std::unordered_set<std::string> changed;
  std::unordered_map<std::string, std::size_t> change_at;  // owned keys: the articles move
  for (std::size_t c = 0; c < changes.articles.size(); ++c) {
    changed.insert(changes.articles[c].id);
    change_at[changes.articles[c].id] = c;  // the last of an id given twice wins
  }
  std::vector<bool> placed(changes.articles.size(), false);
  for (Article& article : archive.articles) {
    const auto it = change_at.find(article.id);
    if (it == change_at.end() || placed[it->second]) continue;
    placed[it->second] = true;
    if (replaced_urls != nullptr) replaced_urls->push_back(std::move(article.url));
    article = std::move(changes.articles[it->second]);
  }
  for (std::size_t c = 0; c < changes.articles.size(); ++c) {
    // Not moved yet: its id is still there.
    if (!placed[c] && change_at.at(changes.articles[c].id) == c) {
      archive.articles.push_back(std::move(changes.articles[c]));
    }
  }
  return changed;
}

unsigned pack_threads() { return std::max(1U, std::min(std::thread::hardware_concurrency(), 16U)); }

// Most of a full pack's work, on every core.
void rank_lists(const Engine& engine, const std::vector<ArticleId>& which, unsigned threads,
                RelatedLists& lists) {
  const std::size_t n = engine.index().size();
  // Flat arrays, kMaxRelatedCandidates slots an article: n small vectors kept alive between the
  // threads' large temporary ones fragmented the heap to 1.6 GB at 100,000 articles.
  lists.ids.resize(n * kMaxRelatedCandidates);
  lists.counts.resize(n);
  std::vector<std::thread> workers;
  std::atomic<std::size_t> next{0};
  for (unsigned t = 0; t < std::max(1U, threads); ++t) {
    workers.emplace_back([&] {
      RelatedIndex::Scratch scratch;
      for (std::size_t i = next++; i < which.size(); i = next++) {
        const ArticleId a = which[i];
        const auto hits = engine.related_candidates(a, engine.related_settings(), scratch);
        for (std::size_t k = 0; k < hits.size(); ++k) lists.ids[a * kMaxRelatedCandidates + k] = hits[k].id;
        lists.counts[a] = static_cast<std::uint8_t>(hits.size());
      }
    });
  }
  for (auto& w : workers) w.join();
}

RelatedLists patch_related_lists(const Engine& engine, const std::vector<std::string>& old_ids,
                                 const StoredLists& old, const std::unordered_set<std::string>& changed,
                                 bool rank_all, std::size_t& ranked, std::vector<ArticleId>* was,
                                 std::vector<bool>* changed_now, std::vector<bool>* same) {
  const Index& index = engine.index();
  const std::size_t n = index.size();
  std::unordered_map<std::string_view, ArticleId> now_at;
  now_at.reserve(n);
  for (ArticleId a = 0; a < n; ++a) now_at.emplace(index.articles()[a].id, a);
  // An article the engine no longer has is dropped from the lists, which are ranked again.
  constexpr ArticleId kGone = UINT32_MAX;
  const auto now = [&](const std::string& id) {
    const auto it = now_at.find(id);
    return it == now_at.end() ? kGone : it->second;
  };
  const std::size_t kept = std::min(old_ids.size(), old.size());  // the lists there are
  std::vector<ArticleId> renumbered(old_ids.size());
  for (std::size_t o = 0; o < old_ids.size(); ++o) renumbered[o] = now(old_ids[o]);
  std::vector<ArticleId> then(n, pack::kNotBefore);  // by ArticleId now: its ArticleId then
  for (std::size_t o = 0; o < renumbered.size(); ++o) {
    if (renumbered[o] != kGone) then[renumbered[o]] = static_cast<ArticleId>(o);
  }
  RelatedLists lists;
  lists.ids.assign(n * kMaxRelatedCandidates, 0);
  lists.counts.assign(n, 0);
  std::vector<bool> again(n, rank_all);
  std::vector<bool> is_changed(n, false);
  for (const std::string& id : changed) {
    if (now(id) != kGone) is_changed[now(id)] = true;
  }
  for (std::size_t o = 0; o < kept; ++o) {
    const ArticleId a = renumbered[o];
    if (a == kGone) continue;
    const std::size_t count = old.count(o);
    lists.counts[a] = static_cast<std::uint8_t>(count);
    ArticleId* list = lists.ids.data() + std::size_t{a} * kMaxRelatedCandidates;
    for (std::size_t i = 0; i < count; ++i) {
      const ArticleId c = renumbered[old.id(o, i)];
      // It listed an article that changed, or that is gone: ranked again.
      if (c == kGone || is_changed[c]) again[a] = true;
      list[i] = c == kGone ? 0 : c;
    }
  }
  // Each changed article, and the articles it scores best with: the lists it may enter.
  RelatedIndex::Scratch scratch;
  for (ArticleId a = 0; a < n; ++a) {
    if (!is_changed[a]) continue;
    again[a] = true;
    for (const RelatedHit& hit : engine.related_neighbours(a, kUpdateReach, scratch)) again[hit.id] = true;
  }
  std::vector<ArticleId> which;
  for (ArticleId a = 0; a < n; ++a) {
    if (again[a]) which.push_back(a);
  }
  rank_lists(engine, which, pack_threads(), lists);
  ranked = which.size();
  if (same != nullptr) {
    // A list kept is the one it was, renumbered; a list ranked again is compared with it.
    same->assign(n, false);
    for (ArticleId a = 0; a < n; ++a) (*same)[a] = !again[a] && then[a] < kept;
    for (const ArticleId a : which) {
      const std::size_t o = then[a];
      if (o >= kept || old.count(o) != lists.counts[a]) continue;
      const ArticleId* list = lists.ids.data() + std::size_t{a} * kMaxRelatedCandidates;
      std::size_t i = 0;
      while (i < lists.counts[a] && renumbered[old.id(o, i)] == list[i]) ++i;
      (*same)[a] = i == lists.counts[a];
    }
  }
  if (was != nullptr) *was = std::move(then);
  if (changed_now != nullptr) *changed_now = std::move(is_changed);
  return lists;
}

namespace {

constexpr int kGlibcMmapMax = 65536;  // glibc's default M_MMAP_MAX

}  // namespace

// An update's heap comes to 3.2 times its state at 100,000 articles (state and archive 96 MB:
// 74,224 pages first written, counted with nothing faulted in ahead); four times leaves room.
// Five measured the same CPU (median 1.47 s against 1.48 s at four, 7 interleaved runs each)
// with a 93 MB higher peak. Nothing is faulted in ahead past 1 GiB: with every block in the
// heap, the blocks freed on the way are reused less well than returned to the system (a
// 1,000,000-article update peaked at 4.1 GB instead of 3.7 GB); and a block near the trim
// threshold (2 GiB, keep_freed_memory in encart.cpp) goes back to the system once freed.
std::size_t update_heap_bytes(std::uintmax_t state_bytes) {
  constexpr std::uintmax_t kLargest = std::uintmax_t{1} << 30;
  return state_bytes <= kLargest / 4 ? static_cast<std::size_t>(state_bytes * 4) : 0;
}

// Faults in `bytes` of heap with one system call (MADV_POPULATE_WRITE, Linux 5.14) rather than
// one page fault for each 4 KiB page as the program first writes it: on this machine's VM a fault
// costs some 6 us of system time, and an update of 100,000 articles took 102,000 of them, a quarter
// of its CPU (docs/benchmarks.md). The main thread's blocks then all come from the heap (none
// mapped on its own, which would fault afresh), and freed blocks stay in it (keep_freed_memory).
// Where the kernel or the C library cannot populate, glibc's defaults are left as they were.
void prefault_heap(std::size_t bytes) {
#ifdef MADV_POPULATE_WRITE
  if (bytes == 0) return;
  mallopt(M_MMAP_MAX, 0);
  void* block = std::malloc(bytes);
  if (block == nullptr) {
    mallopt(M_MMAP_MAX, kGlibcMmapMax);
    return;
  }
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  const auto first = (reinterpret_cast<std::uintptr_t>(block) + page - 1) / page * page;
  const auto last = (reinterpret_cast<std::uintptr_t>(block) + bytes) / page * page;
  const bool populated =
      last > first && madvise(reinterpret_cast<void*>(first), last - first, MADV_POPULATE_WRITE) == 0;
  std::free(block);  // back to the top of the heap, faulted in, for the blocks that follow
  if (!populated) mallopt(M_MMAP_MAX, kGlibcMmapMax);  // a kernel before 5.14: EINVAL
#else
  (void)bytes;
#endif
}

}  // namespace encart::cli
