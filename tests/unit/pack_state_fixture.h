// The fixture of the --state tests (pack_state_test.cpp, pack_splice_test.cpp): a state path of
// the test's own in the temporary folder, removed with its archive file after the test.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "pack_state.h"

namespace encart::cli {

class PackState : public ::testing::Test {
 protected:
  void TearDown() override {
    std::filesystem::remove(path_);
    std::filesystem::remove(archive_path(path_));
  }
  const std::string path_ = (std::filesystem::temp_directory_path() /
                             ("encart-state-test-" + std::to_string(::getpid()) + "-" +
                              ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                                .string();
};

}  // namespace encart::cli
