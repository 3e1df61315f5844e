// Content packs: a built content database and a detached signature file
// (libsodium Ed25519) stating the pack's version, the database's length and
// its SHA-256. Staff make keys and sign with kiosk-content; a kiosk reads a
// signature of at most a few kilobytes, and never more of a database than the
// signed length. It installs a pack only when the signature is good, the
// version is newer than what it has (and not absurdly far ahead), and a copy
// it owns has the signed length and hash and passes the acceptance check
// (content/accept.h). The swap is one rename; the previous database is kept
// for roll back.
#pragma once
#include <atomic>
#include <cstdint>
#include <string>

namespace kiosk::packs {

// How far ahead of both the installed version and the clock a version may
// be: versions are normally the signing time (seconds), so a year is plenty,
// and a version of 9223372036854775807 can never freeze a kiosk.
inline constexpr int64_t kMaxVersionAhead = 366LL * 24 * 3600;
// The most a signature file may hold.
inline constexpr int64_t kMaxSignatureBytes = 4096;

// Writes a new key pair as hex text: the public key (for kiosks) and the
// secret key (for whoever signs; file mode 0600). Both or neither: when either
// path exists (unless replace) or either file cannot be written, nothing is
// left behind. "" or why not.
std::string make_keys(const std::string& public_path, const std::string& secret_path, bool replace = false);

// Signs db_path with the secret key: writes db_path + ".sig" holding the
// version, the length and SHA-256 of the database, and the signature over
// those. Refuses a version more than kMaxVersionAhead past `now` (0: the
// clock). "" or why not.
std::string sign_pack(const std::string& db_path, const std::string& secret_key_path, int64_t version, int64_t now = 0);

struct PackCheck {
  bool ok = false;
  int64_t version = 0, length = 0;
  std::string sha256;
  std::string why;  // the reason a pack is refused, in words for the log
};
// Reads a signature file (regular, at most kMaxSignatureBytes) and checks its
// signature: ok means version, length and sha256 are what the key holder signed.
PackCheck read_signature(const std::string& sig_path, const std::string& public_key_path);
PackCheck read_signature_text(const std::string& sig_text, const std::string& public_key_path);
// Checks a pack (db + db.sig) against a public key file: the signature, the
// database's length and hash, and the acceptance check; nothing is changed.
PackCheck check_pack(const std::string& db_path, const std::string& public_key_path);

// The live content: `live` (the database the kiosk reads), `live`.version,
// and `live`.previous (+ .version) kept for roll back.
struct Installed {
  int64_t version = 0;          // 0: none, or not installed from a pack
  int64_t previous_version = 0;  // 0: nothing to roll back to
  int64_t withdrawn = 0;         // the newest version staff rolled back from
};
Installed installed(const std::string& live);

// Whether a pack of `version` may replace what is installed: newer, not
// withdrawn, within kMaxVersionAhead of max(installed, now). "" or why not.
std::string version_refusal(int64_t version, const Installed& now_installed, int64_t now = 0);

// Installs a pack: checks its signature, copies at most the signed length
// beside `live` (hashing on the way), refuses it unless the copy has the
// signed length and hash, passes the acceptance check and is newer; keeps the
// live database as previous and renames the copy into place. A crash at any
// point leaves `live` whole. `cancel` stops it early. "" or why it was refused.
std::string install_pack(const std::string& db_path, const std::string& public_key_path, const std::string& live,
                         const std::atomic<bool>* cancel = nullptr, int64_t now = 0);

// Puts the previous database back, once: the withdrawn one is not kept, so a
// second roll back has nothing to revive, and its version stays refused.
std::string roll_back(const std::string& live);

}  // namespace kiosk::packs
