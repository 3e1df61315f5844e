// Atomic, durable file writes and the self-closing file descriptor.
#include "util/files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace kiosk::util {

void Fd::reset(int fd) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
}

bool Fd::close() {
  const int fd = release();
  return fd < 0 || ::close(fd) == 0;
}

bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    text.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

void fsync_folder_of(const std::string& path) {
  const std::filesystem::path dir = std::filesystem::path(path).parent_path();
  Fd fd(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd) ::fsync(fd.get());
}

std::string write_atomically(const std::string& path, std::string_view text, mode_t mode) {
  const std::string tmp = path + ".tmp";
  Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode));
  if (!fd) return path + ": cannot write (" + std::strerror(errno) + ")";
  bool ok = write_all(fd.get(), text) && ::fsync(fd.get()) == 0;
  int err = errno;
  if (!fd.close() && ok) {
    ok = false;
    err = errno;
  }
  if (ok && ::rename(tmp.c_str(), path.c_str()) != 0) {
    ok = false;
    err = errno;
  }
  if (!ok) {
    ::unlink(tmp.c_str());
    return path + ": cannot write (" + std::strerror(err) + ")";
  }
  fsync_folder_of(path);
  return "";
}

std::string replace_durably(const std::string& tmp, const std::string& path) {
  if (Fd fd(::open(tmp.c_str(), O_RDONLY | O_CLOEXEC)); fd && ::fsync(fd.get()) != 0)
    return tmp + ": cannot sync (" + std::strerror(errno) + ")";
  if (::rename(tmp.c_str(), path.c_str()) != 0) return path + ": cannot replace (" + std::strerror(errno) + ")";
  fsync_folder_of(path);
  return "";
}

}  // namespace kiosk::util
