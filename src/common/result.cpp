#include "common/result.h"

namespace encart {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadJson:
      return "bad_json";
    case ErrorCode::kBadBundle:
      return "bad_bundle";
    case ErrorCode::kUnsupportedVersion:
      return "unsupported_version";
    case ErrorCode::kTooLarge:
      return "too_large";
    case ErrorCode::kBadFilter:
      return "bad_filter";
    case ErrorCode::kUnknownArticle:
      return "unknown_article";
    case ErrorCode::kBadPack:
      return "bad_pack";
    case ErrorCode::kNotLoaded:
      return "not_loaded";
  }
  return "internal";
}

}  // namespace encart
