// A generated bundle (tools/generate), parsed: the archive the pack and index tests start from.
#pragma once

#include <gtest/gtest.h>

#include "bundle/parser.h"
#include "generate.h"

namespace encart {

inline Bundle generated(std::size_t articles) {
  auto parsed = parse_bundle(bench::generate_bundle(articles), ParseOptions{});
  EXPECT_TRUE(parsed.ok());
  return std::move(parsed).value();
}

}  // namespace encart
