#include "content/pack.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fcntl.h>
#include <vector>

#include "content/store.h"

namespace kiosk::content {

namespace fs = std::filesystem;

namespace {
bool sodium_ready() {
  static const int rc = sodium_init();
  return rc >= 0;
}

std::string read_file(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::string to_hex(const unsigned char* p, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

bool from_hex(const std::string& hex, unsigned char* out, size_t n) {
  size_t len = 0;
  std::string h = hex;
  while (!h.empty() && (h.back() == '\n' || h.back() == '\r' || h.back() == ' ')) h.pop_back();
  return sodium_hex2bin(out, n, h.c_str(), h.size(), nullptr, &len, nullptr) == 0 && len == n;
}

// What is signed: the version as text, a newline, then the database bytes.
std::string signed_message(int64_t version, const std::string& db) { return std::to_string(version) + "\n" + db; }

int64_t read_version(const std::string& path) {
  std::ifstream in(path);
  int64_t v = 0;
  return (in >> v) ? v : 0;
}

// Writes text to path through a temporary file and a rename (fsynced).
bool write_atomic(const std::string& path, const std::string& text) {
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return false;
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  return ok && std::rename(tmp.c_str(), path.c_str()) == 0;
}

void fsync_dir(const std::string& path) {
  fs::path dir = fs::path(path).parent_path();
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) { ::fsync(fd); ::close(fd); }
}
}  // namespace

std::string make_keys(const std::string& public_path, const std::string& secret_path) {
  if (!sodium_ready()) return "libsodium could not start";
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(pk, sk);
  {
    int fd = ::open(secret_path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) return secret_path + ": cannot create (does it exist already?)";
    std::string hex = to_hex(sk, sizeof sk) + "\n";
    bool ok = ::write(fd, hex.data(), hex.size()) == static_cast<ssize_t>(hex.size());
    ::close(fd);
    sodium_memzero(sk, sizeof sk);
    if (!ok) return secret_path + ": cannot write";
  }
  std::ofstream(public_path) << to_hex(pk, sizeof pk) << "\n";
  return fs::exists(public_path) ? "" : public_path + ": cannot write";
}

std::string sign_pack(const std::string& db_path, const std::string& secret_key_path, int64_t version) {
  if (!sodium_ready()) return "libsodium could not start";
  bool ok = false;
  std::string db = read_file(db_path, &ok);
  if (!ok) return db_path + ": cannot read";
  std::string sk_hex = read_file(secret_key_path, &ok);
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  if (!ok || !from_hex(sk_hex, sk, sizeof sk)) return secret_key_path + ": not a secret key made by kiosk-content keygen";
  std::string msg = signed_message(version, db);
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), sk);
  sodium_memzero(sk, sizeof sk);
  if (!write_atomic(db_path + ".sig", "kiosk-content-pack 1\nversion " + std::to_string(version) + "\nsignature " +
                                          to_hex(sig, sizeof sig) + "\n"))
    return db_path + ".sig: cannot write";
  return "";
}

PackCheck check_pack(const std::string& db_path, const std::string& public_key_path) {
  PackCheck r;
  if (!sodium_ready()) { r.why = "libsodium could not start"; return r; }
  bool ok = false;
  std::string pk_hex = read_file(public_key_path, &ok);
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  if (!ok || !from_hex(pk_hex, pk, sizeof pk)) { r.why = public_key_path + ": no public key to check packs with"; return r; }
  std::string sig_text = read_file(db_path + ".sig", &ok);
  if (!ok) { r.why = db_path + ": unsigned (no " + db_path + ".sig)"; return r; }
  // "kiosk-content-pack 1", "version N", "signature HEX"
  std::istringstream in(sig_text);
  std::string magic, word, sig_hex;
  int format = 0;
  in >> magic >> format >> word >> r.version >> word >> sig_hex;
  unsigned char sig[crypto_sign_BYTES];
  if (magic != "kiosk-content-pack" || format != 1 || r.version <= 0 || !from_hex(sig_hex, sig, sizeof sig)) {
    r.why = db_path + ".sig: not a pack signature";
    return r;
  }
  std::string db = read_file(db_path, &ok);
  if (!ok) { r.why = db_path + ": cannot read"; return r; }
  std::string msg = signed_message(r.version, db);
  if (crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), pk) != 0) {
    r.why = db_path + ": wrong signature (changed, truncated, or signed with another key)";
    return r;
  }
  // signed, but is it a database this kiosk reads? (schema version, integrity)
  std::string why;
  if (!Store::open(db_path, &why)) { r.why = why; return r; }
  r.ok = true;
  return r;
}

Installed installed(const std::string& live) {
  return {read_version(live + ".version"), fs::exists(live + ".previous") ? read_version(live + ".previous.version") : 0};
}

std::string install_pack(const std::string& db_path, const std::string& public_key_path, const std::string& live) {
  PackCheck first = check_pack(db_path, public_key_path);
  if (!first.ok) return first.why;
  const Installed now = installed(live);
  if (first.version <= now.version)
    return db_path + ": version " + std::to_string(first.version) + " is not newer than the installed " + std::to_string(now.version);
  // a version staff rolled back from stays out, even if the stick still has it
  if (int64_t withdrawn = read_version(live + ".withdrawn"); first.version <= withdrawn)
    return db_path + ": version " + std::to_string(first.version) + " was rolled back by staff";
  // copy beside the live file (same file system, so the final rename is atomic)
  const std::string incoming = live + ".incoming";
  std::error_code ec;
  fs::remove(incoming, ec);
  fs::remove(incoming + ".sig", ec);
  if (!fs::copy_file(db_path, incoming, ec) || !fs::copy_file(db_path + ".sig", incoming + ".sig", ec))
    return live + ": cannot copy the pack beside it (" + ec.message() + ")";
  {
    int fd = ::open(incoming.c_str(), O_RDONLY);
    if (fd >= 0) { ::fsync(fd); ::close(fd); }
  }
  PackCheck copy = check_pack(incoming, public_key_path);
  if (!copy.ok || copy.version != first.version) {
    fs::remove(incoming, ec);
    fs::remove(incoming + ".sig", ec);
    return copy.ok ? db_path + ": changed while it was copied" : copy.why;
  }
  // keep the live one for roll back, then swap in one rename
  if (fs::exists(live)) {
    fs::remove(live + ".previous", ec);
    fs::create_hard_link(live, live + ".previous", ec);
    if (ec) fs::copy_file(live, live + ".previous", fs::copy_options::overwrite_existing, ec);
    write_atomic(live + ".previous.version", std::to_string(now.version) + "\n");
  }
  if (std::rename(incoming.c_str(), live.c_str()) != 0) return live + ": cannot rename the new content into place";
  write_atomic(live + ".version", std::to_string(first.version) + "\n");
  fs::remove(incoming + ".sig", ec);
  fsync_dir(live);
  return "";
}

std::string roll_back(const std::string& live) {
  const std::string prev = live + ".previous";
  if (!fs::exists(prev)) return "there is no previous content to go back to";
  std::string why;
  if (!Store::open(prev, &why)) return "the previous content is damaged: " + why;
  const Installed now = installed(live);
  std::error_code ec;
  const std::string swap = live + ".rollback";
  fs::remove(swap, ec);
  fs::create_hard_link(live, swap, ec);
  if (std::rename(prev.c_str(), live.c_str()) != 0) return "cannot put the previous content back";
  if (fs::exists(swap)) std::rename(swap.c_str(), prev.c_str());
  write_atomic(live + ".previous.version", std::to_string(now.version) + "\n");
  write_atomic(live + ".version", std::to_string(now.previous_version) + "\n");
  write_atomic(live + ".withdrawn", std::to_string(std::max(now.version, read_version(live + ".withdrawn"))) + "\n");
  fsync_dir(live);
  return "";
}

}  // namespace kiosk::content
