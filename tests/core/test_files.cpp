// The one atomic write (util/files.h) as its users see it: a staff PIN file, a
// pack's signature, the built database; nothing half-written, nothing left
// beside the file, no file descriptor left open.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

#include "packs/pack.h"
#include "fixtures.h"
#include "util/files.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {
size_t open_fds() {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator("/proc/self/fd")) ++n;
  return n;
}
}  // namespace

TEST_CASE("a file written atomically is replaced whole, keeps its mode, and leaves nothing beside it", "[files]") {
  test::TempDir t;
  const std::string path = (t.path / "staff.pin").string();
  REQUIRE(util::write_atomically(path, "first\n", 0600).empty());
  REQUIRE(util::write_atomically(path, "the second version\n", 0600).empty());
  REQUIRE(test::read(path) == "the second version\n");
  struct stat st{};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  REQUIRE((st.st_mode & 0777) == 0600);
  REQUIRE(std::distance(fs::directory_iterator(t.path), fs::directory_iterator()) == 1);
}

TEST_CASE("a write that cannot finish leaves the old file as it was and no temporary file", "[files]") {
  test::TempDir t;
  // a folder where the file should go: the rename fails after the data was written
  const std::string path = (t.path / "content.db.version").string();
  fs::create_directories(fs::path(path) / "inside");
  const std::string why = util::write_atomically(path, "200\n");
  REQUIRE(why.rfind(path + ": cannot write (", 0) == 0);
  REQUIRE(fs::is_directory(fs::path(path) / "inside"));
  REQUIRE_FALSE(fs::exists(path + ".tmp"));
  // no folder to write in: said, nothing created
  const std::string nowhere = (t.path / "no-such-folder" / "file").string();
  REQUIRE(util::write_atomically(nowhere, "x").find("No such file or directory") != std::string::npos);
}

TEST_CASE("signing a pack whose signature file cannot be written leaves no temporary file beside the pack", "[files][packs]") {
  test::TempDir t;
  const std::string pub = (t.path / "pack.pub").string(), key = (t.path / "pack.key").string();
  REQUIRE(packs::make_keys(pub, key).empty());
  const std::string db = t.file("content.db", "not really a database, but bytes to sign");
  REQUIRE(packs::sign_pack(db, key, 100).empty());
  fs::remove(db + ".sig");
  fs::create_directories(db + ".sig/inside");
  REQUIRE(packs::sign_pack(db, key, 101) == db + ".sig: cannot write");
  REQUIRE_FALSE(fs::exists(db + ".sig.tmp"));
}

TEST_CASE("file descriptors close themselves: no descriptor is left open by writes that fail or succeed", "[files]") {
  test::TempDir t;
  const size_t before = open_fds();
  const std::string blocked = (t.path / "blocked").string();
  fs::create_directories(fs::path(blocked) / "inside");
  for (int i = 0; i < 50; ++i) {
    REQUIRE_FALSE(util::write_atomically(blocked, "x").empty());
    REQUIRE(util::write_atomically((t.path / "ok").string(), std::to_string(i)).empty());
  }
  {
    util::Fd a(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    REQUIRE(a);
    util::Fd b = std::move(a);  // moved: one descriptor, closed once
    REQUIRE_FALSE(a);
    REQUIRE(b);
    REQUIRE(open_fds() == before + 1);
  }
  REQUIRE(open_fds() == before);
}
