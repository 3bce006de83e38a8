#!/usr/bin/env python3
"""Generates encart's text-folding tables from the Unicode Character Database.

Run by the build (see src/CMakeLists.txt) with the UCD files from Debian's `unicode-data`
package, so the folding is derived from real Unicode data rather than a hand-typed table.

Output (one C++ source):
  * kFoldEntries / kFoldPool: for every BMP code point whose folded form differs from itself,
    the UTF-8 of its fold. Fold = full case folding (CaseFolding.txt, statuses C and F),
    compatibility decomposition (NFKD, applied recursively), and removal of combining marks
    (categories Mn, Me) and format characters (Cf). "É" -> "e", "ﬁ" -> "fi", "ß" -> "ss",
    "أ" -> "ا", Arabic harakat -> "".
    A short SUPPLEMENT adds the letters readers type without their mark ("œ" -> "oe").
  * kWordRanges: code point ranges that belong to words (letters, digits, marks, format
    characters); everything else separates words.
"""
import sys

DROPPED_CATEGORIES = {"Mn", "Me", "Cf"}
WORD_CATEGORY_PREFIXES = ("L", "N", "M")
# Folding covers the scripts a news sidebar searches (Latin, Greek, Cyrillic, Arabic, Hebrew...)
# and their presentation forms and fullwidth variants. CJK compatibility blocks are left out:
# CJK has neither case nor accents, and they would double the table.
FOLD_RANGES = ((0x0000, 0x2E7F), (0xA640, 0xA7FF), (0xFB00, 0xFFEF))


def folds_here(cp):
    return any(first <= cp <= last for first, last in FOLD_RANGES) and not 0xD800 <= cp <= 0xDFFF


# Letters Unicode does not decompose but readers type without their mark, taken from CLDR's
# Latin-ASCII transliteration ("coeur" finds "cœur") and from the usual Arabic search
# normalisation (alef wasla is an alef; tatweel only stretches a word and is dropped).
SUPPLEMENT = {
    0x00C6: "ae", 0x00E6: "ae", 0x0152: "oe", 0x0153: "oe", 0x00D8: "o", 0x00F8: "o",
    0x0110: "d", 0x0111: "d", 0x0141: "l", 0x0142: "l", 0x0126: "h", 0x0127: "h",
    0x0131: "i", 0x00DE: "th", 0x00FE: "th", 0x00D0: "d", 0x00F0: "d",
    0x0671: "\u0627",  # alef wasla -> alef
    0x0640: "",         # tatweel
}


def read_unicode_data(path):
    categories, decompositions = {}, {}
    range_start = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split(";")
            cp, name, category, decomposition = int(fields[0], 16), fields[1], fields[2], fields[5]
            if name.endswith(", First>"):
                range_start = cp
                continue
            if name.endswith(", Last>"):
                for c in range(range_start, cp + 1):
                    categories[c] = category
                continue
            categories[cp] = category
            if decomposition:
                parts = decomposition.split()
                if parts[0].startswith("<"):
                    parts = parts[1:]  # compatibility tag: NFKD uses these too
                decompositions[cp] = [int(p, 16) for p in parts]
    return categories, decompositions


def read_case_folding(path):
    folding = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            code, status, mapping = [x.strip() for x in line.split(";")[:3]]
            if status in ("C", "F"):
                folding[int(code, 16)] = [int(p, 16) for p in mapping.split()]
    return folding


def fold(cp, categories, decompositions, folding, depth=0):
    if depth > 8:
        raise RuntimeError(f"folding of U+{cp:04X} does not converge")
    if cp in SUPPLEMENT:
        return [ord(c) for c in SUPPLEMENT[cp]]
    if categories.get(cp) in DROPPED_CATEGORIES:
        return []
    if cp in folding:
        out = []
        for c in folding[cp]:
            out += fold(c, categories, decompositions, folding, depth + 1) if c != cp else [c]
        return out
    if cp in decompositions:
        out = []
        for c in decompositions[cp]:
            out += fold(c, categories, decompositions, folding, depth + 1)
        return out
    return [cp]


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: gen_unicode_tables.py UnicodeData.txt CaseFolding.txt OUT.cpp")
    categories, decompositions = read_unicode_data(sys.argv[1])
    folding = read_case_folding(sys.argv[2])

    entries, pool = [], bytearray()
    for cp in sorted(categories):
        if not folds_here(cp):
            continue
        folded = fold(cp, categories, decompositions, folding)
        if folded == [cp]:
            continue
        text = "".join(chr(c) for c in folded).encode("utf-8")
        entries.append((cp, len(pool), len(text)))
        pool += text

    word_ranges = []
    for cp in sorted(categories):
        if not categories[cp].startswith(WORD_CATEGORY_PREFIXES) and categories[cp] != "Cf":
            continue
        if word_ranges and word_ranges[-1][1] == cp - 1:
            word_ranges[-1][1] = cp
        else:
            word_ranges.append([cp, cp])

    # Upper- and titlecase letters (Lu, Lt): how related articles spot proper names.
    upper_ranges = []
    for cp in sorted(categories):
        if categories[cp] not in ("Lu", "Lt"):
            continue
        if upper_ranges and upper_ranges[-1][1] == cp - 1:
            upper_ranges[-1][1] = cp
        else:
            upper_ranges.append([cp, cp])

    if len(pool) > 0xFFFF or any(length > 0xFF for _, _, length in entries):
        sys.exit("fold table outgrew its 16-bit offsets")
    with open(sys.argv[3], "w", encoding="utf-8") as out:
        out.write("// Generated by tools/gen_unicode_tables.py from the Unicode Character Database.\n")
        out.write("// Do not edit: change the generator instead.\n")
        out.write('#include "text/unicode_tables.h"\n\nnamespace encart::text::detail {\n\n')
        out.write("const FoldEntry kFoldEntries[] = {\n")
        for cp, offset, length in entries:
            out.write(f"    {{0x{cp:04X}, {offset}, {length}}},\n")
        out.write("};\nconst std::size_t kFoldEntryCount = sizeof(kFoldEntries) / sizeof(kFoldEntries[0]);\n\n")
        out.write("const char kFoldPool[] =\n")
        for i in range(0, len(pool), 32):
            chunk = "".join(f"\\x{b:02x}" for b in pool[i:i + 32])
            out.write(f'    "{chunk}"\n')
        out.write(";\n\nconst CodeRange kWordRanges[] = {\n")
        for first, last in word_ranges:
            out.write(f"    {{0x{first:04X}, 0x{last:04X}}},\n")
        out.write("};\nconst std::size_t kWordRangeCount = sizeof(kWordRanges) / sizeof(kWordRanges[0]);\n\n")
        out.write("const CodeRange kUpperRanges[] = {\n")
        for first, last in upper_ranges:
            out.write(f"    {{0x{first:04X}, 0x{last:04X}}},\n")
        out.write("};\nconst std::size_t kUpperRangeCount = sizeof(kUpperRanges) / sizeof(kUpperRanges[0]);\n\n")
        out.write("}  // namespace encart::text::detail\n")


if __name__ == "__main__":
    main()
