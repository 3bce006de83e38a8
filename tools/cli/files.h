// Files as the command line reads and writes them: whole, atomically, and digested with SHA-256
// (OpenSSL), which names pack files and keys the pack state.
#pragma once

#include <openssl/evp.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace encart::cli {

// SHA-256 fed piece by piece (a 1M-article input is digested without a copy of it).
class Sha256 {
 public:
  Sha256() : context_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
    EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr);
  }
  void add(std::string_view bytes) { EVP_DigestUpdate(context_.get(), bytes.data(), bytes.size()); }
  std::string digest() {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(context_.get(), out, &size);
    return {reinterpret_cast<const char*>(out), size};
  }

 private:
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context_;
};

inline std::string sha256(std::string_view content) {
  Sha256 sha;
  sha.add(content);
  return sha.digest();
}

// The whole file, or nothing when it cannot be read.
std::optional<std::string> read_file(const std::string& path);

// A file written to a temporary file of its own beside `path` (its folder created if needed),
// then renamed to `path` by commit(): a reader sees the old file or the new one, never a part.
// Without a successful commit(), nothing is left behind.
class AtomicFile {
 public:
  // `mode`: the permissions the file gets (0644: served; 0600: for its owner only).
  explicit AtomicFile(const std::string& path, unsigned mode = 0644);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();
  // False once any write has failed.
  bool write(std::string_view bytes);
  // False (and the temporary file removed) when a write, the close or the rename failed.
  bool commit();

 private:
  std::string path_, temporary_;
  unsigned mode_;
  int fd_ = -1;
  bool ok_ = false;
};

// Writes `bytes` to `path` through an AtomicFile.
bool write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace encart::cli
