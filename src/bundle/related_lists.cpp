// An article's "related" ids and "links": lists that only help related articles, so that a bad
// item costs a warning, never the article (article_reader.h).
#include <algorithm>

#include "bundle/article_reader.h"
#include "bundle/limits.h"

namespace encart::detail {

void read_loose_list(const nlohmann::json& list, std::size_t max_items, bool ids,
                     std::vector<std::string>& out,
                     std::vector<std::pair<std::string, std::string>>& problems) {
  std::size_t dropped = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const nlohmann::json& item = list[i];
    std::string value;
    if (item.is_string()) {
      value = item.get<std::string>();
      remove_control_characters(value);
      const std::size_t first = value.find_first_not_of(" \t\r\n");
      value = first == std::string::npos ? ""
                                         : value.substr(first, value.find_last_not_of(" \t\r\n") - first + 1);
    } else if (ids && item.is_number_unsigned()) {
      value = std::to_string(item.get<std::uint64_t>());
    } else {
      problems.emplace_back("[" + std::to_string(i) + "]",
                            std::string(ids ? "expected an article id (a string or a whole number), found "
                                            : "expected a string, found ") +
                                json_type_name(item) + ", ignored");
      continue;
    }
    // As for an article's own id and url: never cut (it would name another), left out.
    if (const std::size_t max_bytes = ids ? 1024 : 8192; value.size() > max_bytes) {
      problems.emplace_back("[" + std::to_string(i) + "]", std::to_string(value.size()) +
                                                               " bytes, over the limit of " +
                                                               std::to_string(max_bytes) + ", ignored");
      continue;
    }
    if (value.empty() || std::find(out.begin(), out.end(), value) != out.end()) continue;
    if (out.size() < max_items) {
      out.push_back(std::move(value));
    } else {
      ++dropped;
    }
  }
  if (dropped > 0) {
    problems.emplace_back(
        "", std::to_string(dropped) + " more dropped over the limit of " + std::to_string(max_items));
  }
}

}  // namespace encart::detail
