// What manifest.json tells a reader: the one file of a pack with a fixed name. The JavaScript
// parses the JSON (the pack module carries no JSON parser) and hands these fields to the core.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "bundle/article.h"
#include "related/settings.h"

namespace encart::pack {

struct Manifest {
  int format = 0;                          // "encart_pack"
  std::size_t articles = 0;                // "articles"
  std::string head;                        // "head": the first sidebar's file
  std::string directory;                   // "directory": where the rest is, fetched on the first query
  std::size_t related_buckets = 0;         // "related.buckets"
  std::vector<std::string> related_pages;  // "related.pages": kRelatedPageSize bucket names each
  RelatedSettings related;                 // "related.settings": the settings the lists were ranked with
  Site site;                               // "site"
};

}  // namespace encart::pack
