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

// An absolute http(s) URL with a host (and, if any, a port browsers accept: 0 to 65535), free of
// spaces and control characters.
bool is_absolute_http_url(std::string_view url);

// Why `url` is not an absolute http(s) URL with a host, for reasons: "has no host", "has a port
// that is not a number up to 65535", or "is not an http(s) URL" (another scheme, none, spaces or
// control characters); empty when it is one.
std::string_view absolute_url_defect(std::string_view url);

// A reference without a scheme ("/a", "a/b", "//host/a"): it needs a base to mean anything.
// Blanks around it are ignored, as resolve_http_url ignores them.
bool is_relative_reference(std::string_view reference);

// What two addresses of the same page have in common, to find the article on screen from the
// page's canonical link, og:url or location: "http" and "https" alike, the host in lower case,
// its default port (80, 443) and trailing slashes of the path ignored, the fragment dropped (the
// query kept: "?p=12" names a WordPress post). "https://Example.ma:443/a/?x=1#c" and
// "http://example.ma/a?x=1" both give "example.ma/a?x=1". Empty for what is not an absolute
// http(s) URL with a host.
std::string url_match_key(std::string_view url);

}  // namespace encart
