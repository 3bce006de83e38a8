#include "files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

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

bool write_file_atomically(const std::string& path, std::string_view bytes) {
  const fs::path target(path);
  std::error_code error;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), error);
  // A name of its own in the same folder: two packs at once never write into one temporary file,
  // and the rename is atomic.
  std::string temporary = path + ".XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return false;
  bool ok = true;
  for (std::size_t done = 0; ok && done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  ok = ::fchmod(fd, 0644) == 0 && ok;  // mkstemp makes it private; pack files are served
  ok = ::close(fd) == 0 && ok;         // a full disk may only show here
  if (ok) fs::rename(temporary, target, error);
  if (!ok || error) {
    fs::remove(temporary, error);
    return false;
  }
  return true;
}

}  // namespace encart::cli
