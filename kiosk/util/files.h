// Files written so that a power cut leaves the old version or the new one, and
// file descriptors that close themselves. No ImGui, no SDL: core uses it.
#pragma once
#include <string>
#include <string_view>
#include <sys/types.h>
#include <utility>

namespace kiosk::util {

// Owns a file descriptor: closed when it goes out of scope, moved, never copied.
class Fd {
public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(other.release()) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) reset(other.release());
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }

  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  int release() { return std::exchange(fd_, -1); }
  void reset(int fd = -1);
  // Closes now; false (errno set) when close reports a failed write-back.
  bool close();

private:
  int fd_ = -1;
};

// Writes all of text to fd (partial writes and EINTR retried); false with errno set.
bool write_all(int fd, std::string_view text);

// Writes text to path through path + ".tmp" with the given mode: written,
// fsynced, renamed over path, the folder fsynced. On failure the temporary
// file is gone and path is as it was. "" or "path: cannot write (reason)".
std::string write_atomically(const std::string& path, std::string_view text, mode_t mode = 0644);

// A finished file (tmp, written by someone else, e.g. SQLite) made durable and
// put at path: fsync tmp, rename it over path, fsync the folder. "" or why not;
// tmp is left for the caller to remove.
std::string replace_durably(const std::string& tmp, const std::string& path);

// fsyncs the folder that holds path, so a rename or a new file in it survives a power cut.
void fsync_folder_of(const std::string& path);

}  // namespace kiosk::util
