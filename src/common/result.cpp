#include "common/result.h"

namespace encart {

const char* error_code_name(ErrorCode code) {
  const auto i = static_cast<std::size_t>(code);
  // Every name in kErrorCodeNames is a literal, hence NUL-terminated.
  return i < kErrorCodeNames.size() ? kErrorCodeNames[i].data() : "internal";
}

}  // namespace encart
