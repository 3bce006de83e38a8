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

// An absolute http(s) URL with a host, free of spaces and control characters.
bool is_absolute_http_url(std::string_view url);

// Why `url` is not an absolute http(s) URL with a host, for reasons: "has no host", or "is not
// an http(s) URL" (another scheme, none, spaces or control characters); empty when it is one.
std::string_view absolute_url_defect(std::string_view url);

// A reference without a scheme ("/a", "a/b", "//host/a"): it needs a base to mean anything.
bool is_relative_reference(std::string_view reference);

}  // namespace encart
