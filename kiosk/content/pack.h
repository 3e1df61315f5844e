// Content packs: a built content database and a detached Ed25519 signature
// (libsodium) over its bytes and its version number. Staff make keys and
// sign with kiosk-content; a kiosk installs a pack only when the signature
// is good, the database opens and checks out, its schema is the one the kiosk
// reads, and its version is newer than what it has. The swap is one rename;
// the previous database is kept for roll back.
#pragma once
#include <cstdint>
#include <string>

namespace kiosk::content {

// Writes a new key pair as hex text: the public key (for kiosks) and the
// secret key (for whoever signs; file mode 0600). "" or why not.
std::string make_keys(const std::string& public_path, const std::string& secret_path);

// Signs db_path with the secret key: writes db_path + ".sig" holding the
// version and the signature. "" or why not.
std::string sign_pack(const std::string& db_path, const std::string& secret_key_path, int64_t version);

struct PackCheck {
  bool ok = false;
  int64_t version = 0;
  std::string why;  // the reason a pack is refused, in words for the log
};
// Checks a pack (db + db.sig) against a public key file; nothing is changed.
PackCheck check_pack(const std::string& db_path, const std::string& public_key_path);

// The live content: `live` (the database the kiosk reads), `live`.version,
// and `live`.previous (+ .version) kept for roll back.
struct Installed {
  int64_t version = 0;          // 0: none, or not installed from a pack
  int64_t previous_version = 0;  // 0: nothing to roll back to
};
Installed installed(const std::string& live);

// Installs a checked pack: copies it beside `live`, checks the copy again
// (the stick may change under us), refuses it unless newer than the live
// version, keeps the live database as previous, and renames the copy into
// place. A crash at any point leaves `live` whole. "" or why it was refused.
std::string install_pack(const std::string& db_path, const std::string& public_key_path, const std::string& live);

// Puts the previous database back (and keeps the one it replaces as previous).
std::string roll_back(const std::string& live);

}  // namespace kiosk::content
