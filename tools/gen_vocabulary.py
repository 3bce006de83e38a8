#!/usr/bin/env python3
"""Generates common/vocabulary.h from src/common/vocabulary.json (run by the build, see
src/CMakeLists.txt).

The JSON file is the one place that names what crosses encart's layers: error codes, views
windows and related settings. The JS modules import the same file; this script gives the C++
core its enums, the RelatedSettings/RelatedOverrides structs and a table that the bundle reader,
the clamping, the embind conversions and the CLI walk instead of spelling each setting out.

Usage: gen_vocabulary.py VOCABULARY_JSON OUTPUT_HEADER
"""
import json
import sys


def camel(name):
    """bad_json -> BadJson, 24h -> 24h (enumerators get a leading k)."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def number(value):
    text = repr(float(value))
    return text


def cpp_string(text):
    return json.dumps(text, ensure_ascii=False)


def error_section(errors):
    core = [e for e in errors if e["core"]]
    lines = ["// Error codes the core returns (the JS layer adds the others: vocabulary.json)."]
    lines.append("enum class ErrorCode {")
    for e in core:
        lines.append(f"  k{camel(e['code'])},  // {e['meaning']}")
    lines.append("};")
    lines.append(f"inline constexpr std::array<std::string_view, {len(core)}> kErrorCodeNames{{")
    lines += [f"    {cpp_string(e['code'])}," for e in core]
    lines.append("};")
    return lines


def window_section(windows):
    lines = ["// Views windows, in the order of Article::views."]
    lines.append("enum class ViewWindow {")
    lines += [f"  k{camel(w['name'])} = {i}," for i, w in enumerate(windows)]
    lines.append("};")
    lines.append(f"inline constexpr std::size_t kViewWindowCount = {len(windows)};")
    lines.append("struct ViewWindowName {")
    lines.append("  std::string_view name;   // in the JS API and on the element: \"24h\"")
    lines.append("  std::string_view field;  // in bundles and views files: \"views_24h\"")
    lines.append("};")
    lines.append("inline constexpr std::array<ViewWindowName, kViewWindowCount> kViewWindows{{")
    lines += [f"    {{{cpp_string(w['name'])}, {cpp_string(w['field'])}}}," for w in windows]
    lines.append("}};")
    return lines


CPP_TYPES = {"number": "double", "count": "std::size_t", "flag": "bool"}


def default_value(s):
    if s["kind"] == "flag":
        return "true" if s["default"] else "false"
    if s["kind"] == "count":
        return str(int(s["default"]))
    return number(s["default"])


def settings_section(groups, settings):
    group_doc = {g["name"]: g for g in groups}
    lines = ["// Run-time settings of \"related articles\": from the bundle's \"related\" object,"]
    lines.append("// overridden per call (API options, element attributes).")
    lines.append("struct RelatedSettings {")
    for s in settings:
        where = f"{s['group']}: " if "group" in s else ""
        rng = f"[{s['min']:g}, {s['max']:g}] " if s["kind"] != "flag" else ""
        lines.append(f"  {CPP_TYPES[s['kind']]} {s['name']} = {default_value(s)};  // {where}{rng}{s['doc']}")
    lines.append("")
    lines.append("  bool operator==(const RelatedSettings&) const = default;")
    lines.append("};")
    lines.append("")
    lines.append("// Values given by the bundle or a call; absent ones keep the value underneath. Flags")
    lines.append("// are 0 or 1, so that one table can read and write them all.")
    lines.append("struct RelatedOverrides {")
    lines.append("  std::optional<double> " + ", ".join(s["name"] for s in settings) + ";")
    lines.append("};")
    lines.append("")
    lines.append("enum class SettingKind { kNumber, kCount, kFlag };")
    lines.append("struct RelatedSettingSpec {")
    lines.append("  std::string_view name;       // in the bundle's \"related\" object (inside `group`)")
    lines.append("  std::string_view group;      // \"weights\" or empty")
    lines.append("  std::string_view path;       // under \"related\": \"weights.text\", \"min_score\"")
    lines.append("  std::string_view js;         // in the JS settings object (inside `group`)")
    lines.append("  std::string_view attribute;  // on <encart-sidebar>; a group's own attribute for its members")
    lines.append("  SettingKind kind;")
    lines.append("  double min, max;             // clamped into; flags: 0 and 1")
    lines.append("  std::optional<double> RelatedOverrides::*override_value;")
    lines.append("  double (*get)(const RelatedSettings&);")
    lines.append("  void (*set)(RelatedSettings&, double);")
    lines.append("};")
    lines.append(f"inline constexpr std::array<RelatedSettingSpec, {len(settings)}> kRelatedSettings{{{{")
    for s in settings:
        kind = {"number": "kNumber", "count": "kCount", "flag": "kFlag"}[s["kind"]]
        group = s.get("group", "")
        js = s.get("js", s["name"])
        attribute = group_doc[group]["attribute"] if group else s["attribute"]
        lo, hi = (0, 1) if s["kind"] == "flag" else (s["min"], s["max"])
        typ = CPP_TYPES[s["kind"]]
        if s["kind"] == "flag":
            setter = f"s.{s['name']} = v != 0;"
        elif s["kind"] == "count":
            setter = f"s.{s['name']} = static_cast<{typ}>(v);"
        else:
            setter = f"s.{s['name']} = v;"
        lines.append(
            f"    {{{cpp_string(s['name'])}, {cpp_string(group)}, {cpp_string(group + '.' + s['name'] if group else s['name'])}, {cpp_string(js)}, {cpp_string(attribute)}, "
            f"SettingKind::{kind}, {number(lo)}, {number(hi)}, &RelatedOverrides::{s['name']},\n"
            f"     [](const RelatedSettings& s) {{ return static_cast<double>(s.{s['name']}); }},\n"
            f"     [](RelatedSettings& s, double v) {{ {setter} }}}},")
    lines.append("}};")
    return lines


def main():
    source, output = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        vocabulary = json.load(f)
    lines = [
        "// Generated by tools/gen_vocabulary.py from src/common/vocabulary.json: edit that file.",
        "#pragma once",
        "",
        "#include <array>",
        "#include <cstddef>",
        "#include <optional>",
        "#include <string_view>",
        "",
        "namespace encart {",
        "",
    ]
    lines += error_section(vocabulary["errors"]) + [""]
    lines += window_section(vocabulary["windows"]) + [""]
    lines += settings_section(vocabulary["related_groups"], vocabulary["related_settings"]) + [""]
    lines.append("}  // namespace encart")
    with open(output, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
