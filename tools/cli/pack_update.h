// encart pack CHANGES --update --state FILE -o DIR: a publish in about a second (docs/pack.md).
// A full pack reads the whole export and ranks every article's related list: 15 s of CPU at
// 100,000 articles. An update reads only the articles added or changed (what a CMS hook has at
// hand), takes the rest from the state of the last pack, and ranks again only the lists the
// changes can reach; the files it writes are those a full pack would write, but for the other
// related lists, which keep their last ranking until the next full pack.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "engine/engine.h"
#include "pack/writer.h"
#include "pack_state.h"

namespace encart::cli {

// How many of its best-scoring articles an updated article's change reaches: their lists are
// ranked again (an article enters the lists of those it is most related to).
inline constexpr std::size_t kUpdateReach = 256;

// `archive` with `changes` applied: an article whose id it has is replaced, any other added.
// Returns the ids of the articles that changed; `replaced_urls` receives the addresses the
// replaced articles had.
std::unordered_set<std::string> apply_changes(Bundle& archive, Bundle&& changes,
                                              std::vector<std::string>* replaced_urls = nullptr);

// Ranks the related candidates of the articles `which` into `lists` (sized for every article), on
// `threads` threads.
void rank_lists(const Engine& engine, const std::vector<ArticleId>& which, unsigned threads,
                RelatedLists& lists);

// The threads a pack ranks and compresses on: the machine's cores, at most 16.
unsigned pack_threads();

// The lists of the last pack (`old`, by ArticleId of the archive whose ids are `old_ids`) in the
// ArticleIds of `engine`, loaded with the changes: the lists of the `changed` articles, of those
// each reaches (its kUpdateReach best-scoring articles) and of those that listed one are ranked
// again, the others kept; with `rank_all`, every list. `ranked` says how many were. By
// ArticleId of `engine`, `was` receives each article's ArticleId in `old_ids` (pack::kNotBefore
// for those added), `changed_now` whether it is `changed`, and `same` whether its list holds the
// articles its list in `old` held, in that order (pack::PackBefore::same_list): those kept do,
// and only those ranked again are compared.
RelatedLists patch_related_lists(const Engine& engine, const std::vector<std::string>& old_ids,
                                 const StoredLists& old, const std::unordered_set<std::string>& changed,
                                 bool rank_all, std::size_t& ranked, std::vector<ArticleId>* was = nullptr,
                                 std::vector<bool>* changed_now = nullptr, std::vector<bool>* same = nullptr);

// How much heap to fault in ahead (prefault_heap) for an update that starts from a state of
// `state_bytes` (FILE and FILE.archive): four times it, or 0 past 1 GiB (see pack_update.cpp).
std::size_t update_heap_bytes(std::uintmax_t state_bytes);

// Grows the heap by `bytes`, faulted in with one system call, for the blocks that follow; the
// main thread's blocks then all come from the heap. Nothing where the system cannot.
void prefault_heap(std::size_t bytes);

}  // namespace encart::cli
