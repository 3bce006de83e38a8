// Errors are values: the core is compiled without exceptions (and to WASM, where a throw aborts
// the module), so every operation that can fail returns a Result.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

#include "common/vocabulary.h"

namespace encart {

// Stable codes (ErrorCode, in common/vocabulary.h): the JS layer maps each one to
// EncartError.code (docs/api.md). Never rename one.

const char* error_code_name(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string message;  // what and where, e.g. "line 3, column 14: unexpected '}'"
  // Position in the input for kBadJson (1-based line/column in code points; 0 when unknown).
  std::size_t line = 0;
  std::size_t column = 0;
  std::size_t offset = 0;  // byte offset, 0-based
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : data_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<T>(data_); }
  T& value() & { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  const Error& error() const { return std::get<Error>(data_); }

 private:
  std::variant<T, Error> data_;
};

}  // namespace encart
