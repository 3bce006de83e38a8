// Links from a bundle: only http(s) ever reaches the page.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace encart {

// Returns the absolute http(s) URL for `reference`: unchanged when it is already absolute
// http(s); resolved against `base` (itself absolute http(s)) when it is relative ("/a/b",
// "//host/a", "a/b", "?q"). nullopt for any other scheme (javascript:, data:, ftp:...), for
// control characters or spaces, and for a relative reference without a usable base.
std::optional<std::string> resolve_http_url(std::string_view reference, std::string_view base);

}  // namespace encart
