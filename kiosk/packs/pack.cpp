// Content packs: keys, signatures over (version, length, SHA-256), install and roll back.
#include "packs/pack.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include "content/accept.h"
#include "util/files.h"

namespace kiosk::packs {

using content::accept_database;
using content::copy_bounded;
using content::limits;
using content::open_regular;
using content::read_small_file;

namespace fs = std::filesystem;

namespace {
bool sodium_ready() {
  static const int rc = sodium_init();
  return rc >= 0;
}

std::string to_hex(const unsigned char* p, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

bool from_hex(std::string h, unsigned char* out, size_t n) {
  size_t len = 0;
  while (!h.empty() && (h.back() == '\n' || h.back() == '\r' || h.back() == ' ')) h.pop_back();
  return h.size() == n * 2 && sodium_hex2bin(out, n, h.c_str(), h.size(), nullptr, &len, nullptr) == 0 && len == n;
}

int64_t clock_now(int64_t now) { return now > 0 ? now : static_cast<int64_t>(std::time(nullptr)); }

// What is signed: these four lines, exactly.
std::string signed_header(int64_t version, int64_t length, const std::string& sha256) {
  return "kiosk-content-pack 2\nversion " + std::to_string(version) + "\nlength " + std::to_string(length) + "\nsha256 " +
         sha256 + "\n";
}

bool parse_number(const std::string& s, int64_t* out) {
  if (s.empty() || s.size() > 19 || s[0] == '0') return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && *out > 0;
}

// The length and SHA-256 of a regular file, read through a fixed buffer.
std::string hash_file(const std::string& path, int64_t max_bytes, int64_t* length, std::string* hex) {
  auto file = open_regular(path, false);
  if (!file.ok()) return file.why;
  util::Fd fd = std::move(file.value.fd);
  const int64_t size = file.value.size;
  if (size > max_bytes)
    return path + ": " + std::to_string(size) + " bytes, more than the " + std::to_string(max_bytes) + " allowed";
  crypto_hash_sha256_state h;
  crypto_hash_sha256_init(&h);
  std::vector<unsigned char> buf(1 << 16);
  int64_t total = 0;
  for (;;) {
    ssize_t n = ::read(fd.get(), buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    total += n;
    if (total > max_bytes) return path + ": longer than " + std::to_string(max_bytes) + " bytes";
    crypto_hash_sha256_update(&h, buf.data(), static_cast<unsigned long long>(n));
  }
  fd.reset();
  unsigned char d[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&h, d);
  *length = total;
  *hex = to_hex(d, sizeof d);
  return "";
}

int64_t read_version(const std::string& path) {
  auto read = read_small_file(path, 64);
  if (!read.ok()) return 0;
  std::string& text = read.value;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  int64_t v = 0;
  return parse_number(text, &v) ? v : 0;
}

bool write_atomic(const std::string& path, const std::string& text) { return util::write_atomically(path, text).empty(); }

std::string date_of(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  char buf[32];
  std::tm tm{};
  if (!gmtime_r(&tt, &tm)) return std::to_string(t);
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}
}  // namespace

namespace {
// Creates path (it must not exist) holding text, fsynced; on any failure
// nothing is left there. "" or why not.
std::string write_new(const std::string& path, const std::string& text, mode_t mode) {
  util::Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode));
  if (!fd) {
    if (errno == EEXIST) return path + " exists; keygen replaces a key only with --force";
    return path + ": cannot create: " + std::strerror(errno);
  }
  bool ok = util::write_all(fd.get(), text) && ::fsync(fd.get()) == 0;
  ok = fd.close() && ok;
  if (ok) return "";
  ::unlink(path.c_str());
  return path + ": cannot write";
}
}  // namespace

std::string make_keys(const std::string& public_path, const std::string& secret_path, bool replace) {
  if (!sodium_ready()) return "libsodium could not start";
  std::error_code ec;
  if (public_path.empty() || secret_path.empty()) return "keygen needs a path for each key";
  if (fs::weakly_canonical(fs::absolute(public_path, ec), ec) == fs::weakly_canonical(fs::absolute(secret_path, ec), ec))
    return "the public and the secret key need two different files";
  if (!replace)
    for (const std::string* p : {&public_path, &secret_path})
      if (fs::exists(fs::symlink_status(*p, ec))) return *p + " exists; keygen replaces a key only with --force";
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(pk, sk);
  std::string sk_hex = to_hex(sk, sizeof sk) + "\n";
  sodium_memzero(sk, sizeof sk);
  const std::string pk_hex = to_hex(pk, sizeof pk) + "\n";
  // Without replace the keys are created in place (O_EXCL: never over a file,
  // and it works on a USB stick's FAT, which has no hard links); with it, new
  // files beside them are renamed over the old ones once both are written.
  const std::string suffix = replace ? ".new-" + std::to_string(::getpid()) : "";
  const std::string sec = secret_path + suffix, pub = public_path + suffix;
  std::string why = write_new(sec, sk_hex, 0600);
  sodium_memzero(sk_hex.data(), sk_hex.size());
  if (!why.empty()) return why;
  if (why = write_new(pub, pk_hex, 0644); !why.empty()) {
    ::unlink(sec.c_str());  // no secret key without its public key
    return why;
  }
  if (replace) {
    if (::rename(sec.c_str(), secret_path.c_str()) != 0) {
      why = secret_path + ": cannot replace: " + std::strerror(errno);
      ::unlink(sec.c_str());
      ::unlink(pub.c_str());
      return why;
    }
    if (::rename(pub.c_str(), public_path.c_str()) != 0) {
      why = public_path + ": cannot replace: " + std::strerror(errno) + " (" + secret_path + " is the new secret key; run keygen again)";
      ::unlink(pub.c_str());
      return why;
    }
  }
  util::fsync_folder_of(secret_path);
  util::fsync_folder_of(public_path);
  return "";
}

std::string sign_pack(const std::string& db_path, const std::string& secret_key_path, int64_t version, int64_t now) {
  if (!sodium_ready()) return "libsodium could not start";
  const int64_t clock = clock_now(now);
  if (version <= 0) return "version " + std::to_string(version) + ": a pack version is a positive number";
  if (version > clock + kMaxVersionAhead)
    return "version " + std::to_string(version) + " is more than a year ahead of the clock (" + date_of(clock) +
           "); kiosks would refuse it. Leave --version out (it is then the current time) or use a number close to the last pack's";
  int64_t length = 0;
  std::string sha;
  if (auto why = hash_file(db_path, limits().max_database_bytes, &length, &sha); !why.empty()) return why;
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  if (auto sk_hex = read_small_file(secret_key_path, 1024); !sk_hex.ok() || !from_hex(sk_hex.value, sk, sizeof sk))
    return secret_key_path + ": not a secret key made by kiosk-content keygen";
  const std::string header = signed_header(version, length, sha);
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(header.data()), header.size(), sk);
  sodium_memzero(sk, sizeof sk);
  if (!write_atomic(db_path + ".sig", header + "signature " + to_hex(sig, sizeof sig) + "\n")) return db_path + ".sig: cannot write";
  return "";
}

PackCheck read_signature_text(const std::string& text, const std::string& public_key_path) {
  PackCheck r;
  if (!sodium_ready()) { r.why = "libsodium could not start"; return r; }
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  if (auto pk_hex = read_small_file(public_key_path, 1024); !pk_hex.ok() || !from_hex(pk_hex.value, pk, sizeof pk)) {
    r.why = public_key_path + ": no public key to check packs with";
    return r;
  }
  // exactly five lines: the four signed ones and the signature
  std::vector<std::string> lines;
  for (size_t a = 0; a < text.size();) {
    size_t b = text.find('\n', a);
    if (b == std::string::npos) b = text.size();
    lines.push_back(text.substr(a, b - a));
    a = b + 1;
  }
  auto value = [&](size_t i, const char* word) -> std::string {
    std::string w = std::string(word) + " ";
    return i < lines.size() && lines[i].rfind(w, 0) == 0 ? lines[i].substr(w.size()) : std::string("\x01");
  };
  if (!lines.empty() && lines[0] == "kiosk-content-pack 1") {
    r.why = "an old signature format (no length and hash); sign the pack again with this kiosk-content";
    return r;
  }
  unsigned char sig[crypto_sign_BYTES], digest[crypto_hash_sha256_BYTES];
  if (lines.size() != 5 || lines[0] != "kiosk-content-pack 2" || !parse_number(value(1, "version"), &r.version) ||
      !parse_number(value(2, "length"), &r.length) || !from_hex(value(3, "sha256"), digest, sizeof digest) ||
      value(3, "sha256") != to_hex(digest, sizeof digest) || !from_hex(value(4, "signature"), sig, sizeof sig)) {
    r = PackCheck{};
    r.why = "not a pack signature";
    return r;
  }
  r.sha256 = value(3, "sha256");
  const std::string header = signed_header(r.version, r.length, r.sha256);
  if (crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(header.data()), header.size(), pk) != 0) {
    r = PackCheck{};
    r.why = "wrong signature (changed, or signed with another key)";
    return r;
  }
  r.ok = true;
  return r;
}

PackCheck read_signature(const std::string& sig_path, const std::string& public_key_path) {
  struct stat st {};
  if (::lstat(sig_path.c_str(), &st) != 0) {
    PackCheck r;
    r.why = "unsigned (no " + sig_path + ")";
    return r;
  }
  auto text = read_small_file(sig_path, kMaxSignatureBytes);
  if (!text.ok()) {
    PackCheck r;
    r.why = text.why;
    return r;
  }
  PackCheck r = read_signature_text(text.value, public_key_path);
  if (!r.ok) r.why = sig_path + ": " + r.why;
  return r;
}

PackCheck check_pack(const std::string& db_path, const std::string& public_key_path) {
  PackCheck r = read_signature(db_path + ".sig", public_key_path);
  if (!r.ok) return r;
  int64_t length = 0;
  std::string sha;
  if (auto why = hash_file(db_path, r.length, &length, &sha); !why.empty() || length != r.length || sha != r.sha256) {
    r.ok = false;
    r.why = db_path + ": wrong signature (" +
            (!why.empty() ? why : length != r.length ? "the file is " + std::to_string(length) + " bytes, the signature is for " +
                                                           std::to_string(r.length)
                                                     : std::string("the bytes are not the ones signed")) +
            "; changed, truncated, or signed with another key)";
    return r;
  }
  if (auto why = accept_database(db_path); !why.empty()) {
    r.ok = false;
    r.why = why;
  }
  return r;
}

Installed installed(const std::string& live) {
  return {read_version(live + ".version"), fs::exists(live + ".previous") ? read_version(live + ".previous.version") : 0,
          read_version(live + ".withdrawn")};
}

std::string version_refusal(int64_t version, const Installed& now_installed, int64_t now) {
  const int64_t clock = clock_now(now);
  if (version <= now_installed.version)
    return "version " + std::to_string(version) + " is not newer than the installed " + std::to_string(now_installed.version);
  if (version <= now_installed.withdrawn)
    return "version " + std::to_string(version) + " was rolled back by staff (only versions after " +
           std::to_string(now_installed.withdrawn) + " are taken)";
  if (version > std::max(now_installed.version, clock) + kMaxVersionAhead)
    return "version " + std::to_string(version) + " is more than a year ahead of the installed version and of the clock (" +
           date_of(clock) + "); refused so that no pack can freeze updates";
  return "";
}

std::string install_pack(const std::string& db_path, const std::string& public_key_path, const std::string& live,
                         const std::atomic<bool>* cancel, int64_t now) {
  PackCheck sig = read_signature(db_path + ".sig", public_key_path);
  if (!sig.ok) return sig.why;
  const Installed inst = installed(live);
  if (auto why = version_refusal(sig.version, inst, now); !why.empty()) return db_path + ": " + why;
  // copy beside the live file (same file system, so the final rename is
  // atomic), never more than the signed length, hashing what is written
  {
    auto file = open_regular(db_path, false);
    if (!file.ok()) return file.why;
    const int64_t size = file.value.size;
    file.value.fd.reset();
    if (size != sig.length)
      return db_path + ": wrong signature (the file is " + std::to_string(size) + " bytes, the signature is for " +
             std::to_string(sig.length) + "; changed, truncated, not fully uploaded, or signed with another key)";
  }
  const std::string incoming = live + ".incoming";
  std::error_code ec;
  fs::remove(incoming, ec);
  std::string sha;
  if (auto why = copy_bounded(db_path, incoming, sig.length, &sha, cancel); !why.empty()) {
    fs::remove(incoming, ec);
    return why;
  }
  const int64_t length = static_cast<int64_t>(fs::file_size(incoming, ec));
  if (length != sig.length || sha != sig.sha256) {
    fs::remove(incoming, ec);
    return db_path + ": wrong signature (" +
           (length != sig.length ? "the file is " + std::to_string(length) + " bytes, the signature is for " + std::to_string(sig.length)
                                 : std::string("the bytes are not the ones signed")) +
           "; changed, truncated, not fully uploaded, or signed with another key)";
  }
  if (auto why = accept_database(incoming, cancel); !why.empty()) {
    fs::remove(incoming, ec);
    if (why.rfind(incoming, 0) == 0) why = db_path + why.substr(incoming.size());
    return why;
  }
  // keep the live one for roll back, then swap in one rename
  if (fs::exists(live)) {
    fs::remove(live + ".previous", ec);
    fs::create_hard_link(live, live + ".previous", ec);
    if (ec) fs::copy_file(live, live + ".previous", fs::copy_options::overwrite_existing, ec);
    write_atomic(live + ".previous.version", std::to_string(inst.version) + "\n");
  }
  if (std::rename(incoming.c_str(), live.c_str()) != 0) {
    fs::remove(incoming, ec);
    return live + ": cannot rename the new content into place";
  }
  write_atomic(live + ".version", std::to_string(sig.version) + "\n");
  util::fsync_folder_of(live);
  return "";
}

std::string roll_back(const std::string& live) {
  const std::string prev = live + ".previous";
  if (!fs::exists(prev)) return "there is no previous content to go back to (a roll back happens once per version)";
  if (auto why = accept_database(prev); !why.empty()) return "the previous content is damaged: " + why;
  const Installed now = installed(live);
  // the previous file becomes the live one: nothing of the withdrawn pack is
  // kept, so pressing Roll back again cannot bring it back
  if (std::rename(prev.c_str(), live.c_str()) != 0) return "cannot put the previous content back";
  std::error_code ec;
  fs::remove(live + ".previous.version", ec);
  write_atomic(live + ".version", std::to_string(now.previous_version) + "\n");
  write_atomic(live + ".withdrawn", std::to_string(std::max(now.version, now.withdrawn)) + "\n");
  util::fsync_folder_of(live);
  return "";
}

}  // namespace kiosk::packs
