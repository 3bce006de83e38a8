// Errors are values: the core is compiled without exceptions (and to WASM, where a throw aborts
// the module), so every operation that can fail returns a Result.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace encart {

// Stable codes: the JS layer maps each one to EncartError.code (see docs/api.md). Never rename.
enum class ErrorCode {
  kBadJson,             // input is not well-formed JSON (or not UTF-8)
  kBadBundle,           // JSON, but not a bundle: no "articles" array, wrong top-level type
  kUnsupportedVersion,  // "version" is present and is not 1
  kTooLarge,            // input larger than the limit passed in LoadOptions
  kBadFilter,           // a filter value the core cannot read (e.g. since: "yesterday")
  kUnknownArticle,      // an id that is not in the loaded bundle
  kNotLoaded,           // a query before any successful load
  kBadPack,             // a pack file that is truncated, tampered with or of another kind
};

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
