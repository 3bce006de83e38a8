// Core values to plain JS values and back, shared by both modules' bindings (bindings.cpp for
// dist/encart.wasm, pack_bindings.cpp for dist/encart-pack.wasm). Inputs arrive already checked
// and normalised by web/options.js; core errors leave as {ok: false, code, message, ...}, which
// web/errors.js turns into EncartError.
#pragma once

#include <emscripten/val.h>

#include <string>
#include <vector>

#include "engine/engine.h"

namespace encart::web {

emscripten::val error_value(const Error& e);
emscripten::val ok_value();
std::vector<std::string> strings(const emscripten::val& v);
std::string string_or_empty(const emscripten::val& v);
Filter to_filter(const emscripten::val& f);
ViewWindow to_window(const std::string& w);
RelatedOverrides to_related(const emscripten::val& v);
emscripten::val sidebar_list_value(const SidebarList& list);
SidebarRequest to_sidebar_request(const emscripten::val& r);
emscripten::val sidebar_value(const Sidebar& s);
// The widget's skeleton and interface words, before any data (engine-independent).
std::string render_shell_for(const std::string& lang, const std::string& layout);
emscripten::val ui_messages(const std::string& lang);

}  // namespace encart::web
