// Files as the command line reads and writes them: whole, atomically, and digested with SHA-256
// (OpenSSL), which names pack files and keys the pack state, or checked with CRC-32 (libdeflate).
#pragma once

#include <libdeflate.h>
#include <openssl/evp.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace encart::cli {

// CRC-32 (libdeflate's, some 20 times SHA-256's speed): what a pack state carries against damage
// (a write cut short, a bad disk). Not against tampering: whoever can write the state can write
// its checksum too, as with any hash kept beside the data.
class Crc32 {
 public:
  // `start`: the CRC-32 of the bytes before those added (a file appended to).
  explicit Crc32(std::uint32_t start = 0) : crc_(start) {}
  std::uint32_t value() const { return crc_; }
  void add(std::string_view bytes) {
    // libdeflate reads a null buffer (an empty string_view's) as "start again".
    if (!bytes.empty()) crc_ = libdeflate_crc32(crc_, bytes.data(), bytes.size());
  }
  // Little-endian.
  std::string bytes() const {
    return {static_cast<char>(crc_), static_cast<char>(crc_ >> 8), static_cast<char>(crc_ >> 16),
            static_cast<char>(crc_ >> 24)};
  }

 private:
  std::uint32_t crc_;
};

// SHA-256 fed piece by piece (a 1M-article input is digested without a copy of it). digest()
// starts the next one, so that one object serves many: a pack hashes every article's record
// (100,000 and more), and a context made and SHA-256 looked up for each took 0.82 us a call
// against 0.32 us reused (200 bytes, this machine).
class Sha256 {
 public:
  Sha256() : context_(EVP_MD_CTX_new(), EVP_MD_CTX_free) { start(); }
  void add(std::string_view bytes) { check(EVP_DigestUpdate(context_.get(), bytes.data(), bytes.size())); }
  std::string digest() {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    check(EVP_DigestFinal_ex(context_.get(), out, &size));
    start();
    return {reinterpret_cast<const char*>(out), size};
  }

 private:
  void start() { check(context_ != nullptr && EVP_DigestInit_ex2(context_.get(), algorithm(), nullptr)); }
  // Looked up once, held until the process exits.
  static const EVP_MD* algorithm() {
    static EVP_MD* const fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched;
  }
  // A digest that failed would name two files alike: never go on without one.
  static void check(int ok) {
    if (ok == 1) return;
    std::fputs("encart: SHA-256 is not available from OpenSSL\n", stderr);
    std::abort();
  }
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context_;
};

inline std::string sha256(std::string_view content) {
  thread_local Sha256 sha;
  sha.add(content);
  return sha.digest();
}

// The whole file, or nothing when it cannot be read.
std::optional<std::string> read_file(const std::string& path);

// A file mapped whole, read-only (mmap): the pack state (97 MB at 100,000 articles) is read
// where the system caches it, without a copy; reading it into a string (zeroed, then filled)
// was a twentieth of an update's CPU. Files that cannot be mapped (a pipe) are read instead.
// Only for files replaced by renaming (AtomicFile), never rewritten in place: a file cut short
// while mapped would fault on the pages gone.
class MappedFile {
 public:
  MappedFile() = default;
  // ok() is false when `path` cannot be read.
  explicit MappedFile(const std::string& path);
  MappedFile(MappedFile&& other) noexcept { *this = std::move(other); }
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile() { unmap(); }
  bool ok() const { return ok_; }
  std::string_view bytes() const { return read_ ? std::string_view(*read_) : std::string_view(data_, size_); }

 private:
  void unmap();
  const char* data_ = nullptr;  // mapped, when size_ > 0
  std::size_t size_ = 0;
  std::optional<std::string> read_;  // when it could not be mapped
  bool ok_ = false;
};

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
  // Why the first failure happened (the system's words: "No space left on device"), or "".
  const std::string& why() const { return why_; }

 private:
  void failed(int error);
  std::string path_, temporary_;
  unsigned mode_;
  int fd_ = -1;
  bool ok_ = false;
  std::string why_;
};

// Writes `bytes` to `path` through an AtomicFile.
bool write_file_atomically(const std::string& path, std::string_view bytes);

// Writes `bytes` at byte `at` of the file `path`, which must be there and hold at least `at`
// bytes, and which ends with them afterwards: what lay past `at` (the end of a write that did not
// finish) is dropped. For files only ever appended to, whose readers never read past what a
// commit of their own recorded. False with `why` (the system's words).
bool write_file_at(const std::string& path, std::uint64_t at, std::string_view bytes, std::string& why);

}  // namespace encart::cli
