#include "files.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

namespace encart::cli {

namespace fs = std::filesystem;

// Read into a string of the file's size when it has one: a stream copied through an
// ostringstream holds up to three times the file at its peak.
std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  const std::streamoff size = in.seekg(0, std::ios::end) ? std::streamoff(in.tellg()) : -1;
  if (size > 0) {
    std::string text(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    if (in.read(text.data(), size) && in.peek() == std::char_traits<char>::eof()) return text;
  }
  in.clear();
  in.seekg(0);  // no size (a pipe), or the file changed while read: read it as a stream
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

MappedFile::MappedFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat info {};
  if (fd >= 0 && ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
    // MAP_POPULATE: the pages are mapped in one go, not one fault at a time.
    void* mapped =
        ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (mapped != MAP_FAILED) {
      data_ = static_cast<const char*>(mapped);
      size_ = static_cast<std::size_t>(info.st_size);
      ok_ = true;
    }
  }
  if (fd >= 0) ::close(fd);  // a mapping outlives its descriptor
  if (!ok_) {
    read_ = read_file(path);
    ok_ = read_.has_value();
  }
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this == &other) return *this;
  unmap();
  data_ = std::exchange(other.data_, nullptr);
  size_ = std::exchange(other.size_, 0);
  read_ = std::exchange(other.read_, std::nullopt);
  ok_ = std::exchange(other.ok_, false);
  return *this;
}

void MappedFile::unmap() {
  if (size_ > 0) ::munmap(const_cast<char*>(data_), size_);
  data_ = nullptr;
  size_ = 0;
}

AtomicFile::AtomicFile(const std::string& path, unsigned mode)
    : path_(path), temporary_(path + ".XXXXXX"), mode_(mode) {
  const fs::path target(path);
  std::error_code error;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), error);
  // A name of its own in the same folder: two packs at once never write into one temporary file,
  // and the rename is atomic.
  fd_ = ::mkstemp(temporary_.data());
  ok_ = fd_ >= 0;
  if (!ok_) failed(errno);
}

void AtomicFile::failed(int error) {
  if (why_.empty()) why_ = std::strerror(error);
}

AtomicFile::~AtomicFile() {
  if (fd_ < 0) return;
  ::close(fd_);
  std::error_code error;
  fs::remove(temporary_, error);
}

bool AtomicFile::write(std::string_view bytes) {
  for (std::size_t done = 0; ok_ && done < bytes.size();) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok_ = n > 0;
    if (!ok_) failed(n < 0 ? errno : ENOSPC);  // 0 written: nothing more fits
    if (ok_) done += static_cast<std::size_t>(n);
  }
  return ok_;
}

bool AtomicFile::commit() {
  if (fd_ < 0) return false;
  bool ok = ok_;
  if (ok && ::fchmod(fd_, static_cast<mode_t>(mode_)) != 0) {  // mkstemp makes it 0600
    failed(errno);
    ok = false;
  }
  if (::close(fd_) != 0) {  // a full disk may only show here
    failed(errno);
    ok = false;
  }
  fd_ = -1;
  std::error_code error;
  if (ok) fs::rename(temporary_, path_, error);
  if (ok && error) why_ = error.message();
  if (!ok || error) {
    fs::remove(temporary_, error);
    return false;
  }
  return true;
}

bool write_file_atomically(const std::string& path, std::string_view bytes) {
  AtomicFile file(path);
  return file.write(bytes) && file.commit();
}

bool write_file_at(const std::string& path, std::uint64_t at, std::string_view bytes, std::string& why) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  struct stat info {};
  bool ok = fd >= 0 && ::fstat(fd, &info) == 0;
  if (ok && static_cast<std::uint64_t>(info.st_size) < at) {
    why = "shorter than expected (" + std::to_string(info.st_size) + " bytes, " + std::to_string(at) +
          " expected)";
    ::close(fd);
    return false;
  }
  // Cut first: past `at`, a write that did not finish; the file never ends in its bytes.
  ok = ok && ::ftruncate(fd, static_cast<off_t>(at)) == 0;
  for (std::size_t done = 0; ok && done < bytes.size();) {
    const ssize_t n = ::pwrite(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(at + done));
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) errno = ENOSPC;  // 0 written: nothing more fits
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  if (!ok && why.empty()) why = std::strerror(errno);
  if (fd >= 0 && ::close(fd) != 0 && ok) {  // a full disk may only show here
    why = std::strerror(errno);
    ok = false;
  }
  return ok;
}

}  // namespace encart::cli
