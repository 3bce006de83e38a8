// Code that runs once per load over small input (feed mappings: a WordPress page holds at most
// 100 posts) is compiled for size between these marks, while the hot paths (the bundle reader,
// the index, the queries) keep the build's -O3: under LTO the mapping was otherwise inlined into
// the WASM module's load() and grew it by a tenth. Functions defined in between get clang's
// minsize attribute; templates instantiated from headers are left as they are. GCC ignores it.
#pragma once

#if defined(__clang__)
#define ENCART_COMPACT_BEGIN _Pragma("clang attribute push(__attribute__((minsize)), apply_to = function)")
#define ENCART_COMPACT_END _Pragma("clang attribute pop")
#else
#define ENCART_COMPACT_BEGIN
#define ENCART_COMPACT_END
#endif

// On the entry points of such code: kept out of line, so that a caller compiled for speed does
// not inline it back (and all it inlined) into its own body.
#define ENCART_COMPACT_ENTRY [[gnu::noinline]]
