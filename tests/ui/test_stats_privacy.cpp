// Usage statistics on the real app: what visitors type on the on-screen
// keyboard (lowercase names), numbers in any script, and what is left of them
// in every file the kiosk writes; counting costs a tap no disk sync.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "stats/stats.h"
#include "headless.h"

using namespace test;

namespace {
// stderr (the kiosk's log) into a file while it lives
struct CaptureLog {
  std::string path;
  int saved = -1;
  explicit CaptureLog(std::string p) : path(std::move(p)) {
    std::fflush(stderr);
    saved = ::dup(2);
    FILE* f = std::fopen(path.c_str(), "w");
    REQUIRE(f);
    ::dup2(::fileno(f), 2);
    std::fclose(f);
  }
  ~CaptureLog() {
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
  }
};

// Types on the on-screen keyboard, key by key ("Space" between words).
void type_keys(Headless& k, const std::string& text, const std::string& space) {
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const std::string ch = text.substr(i, n);
    i += n;
    tap(*k.app, ch == " " ? space : ch);
  }
}
// What a physical keyboard (or a paste) sends: the digits of any script.
void type_text(Headless& k, const std::string& text) {
  platform::InputEvent ev{platform::InputEvent::Type::Text};
  ev.text = text;
  k.input(ev);
}

// A search that finds nothing, then the visitor leaves it.
void failed_search(Headless& k, const std::function<void()>& type, const std::string& nothing, const std::string& home) {
  tap(*k.app, home == "Inicio" ? "Limpiar" : "Clear");
  type();
  INFO("searched: " << k.app->session().search_text);
  REQUIRE(k.app->tree().find(nothing));
  tap(*k.app, home);
  REQUIRE(k.app->screen() == "home");
}

// A SQLite VFS over the default one that counts file syncs (fsync,
// fdatasync) by thread: the test's thread runs the frame loop.
struct SyncCounter {
  static inline std::atomic<int> on_ui{0}, elsewhere{0};
  static inline std::thread::id ui;
  static inline sqlite3_vfs* base = nullptr;
  static inline sqlite3_vfs vfs{};
  static inline sqlite3_io_methods methods{};
  struct File {
    sqlite3_file f;
    sqlite3_file* real;
  };
  static sqlite3_file* real(sqlite3_file* f) { return reinterpret_cast<File*>(f)->real; }

  SyncCounter() {
    base = sqlite3_vfs_find(nullptr);
    vfs = *base;
    vfs.zName = "kiosk-test-sync-counter";
    vfs.szOsFile = static_cast<int>(sizeof(File)) + base->szOsFile;
    vfs.pNext = nullptr;
    vfs.xOpen = [](sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out) {
      File* f = reinterpret_cast<File*>(file);
      f->real = reinterpret_cast<sqlite3_file*>(f + 1);
      int rc = base->xOpen(base, name, f->real, flags, out);
      f->f.pMethods = f->real->pMethods ? &methods : nullptr;
      return rc;
    };
    methods.iVersion = 3;
    methods.xClose = [](sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); };
    methods.xRead = [](sqlite3_file* f, void* b, int n, sqlite3_int64 o) { return real(f)->pMethods->xRead(real(f), b, n, o); };
    methods.xWrite = [](sqlite3_file* f, const void* b, int n, sqlite3_int64 o) { return real(f)->pMethods->xWrite(real(f), b, n, o); };
    methods.xTruncate = [](sqlite3_file* f, sqlite3_int64 s) { return real(f)->pMethods->xTruncate(real(f), s); };
    methods.xSync = [](sqlite3_file* f, int flags) {
      (std::this_thread::get_id() == ui ? on_ui : elsewhere)++;
      return real(f)->pMethods->xSync(real(f), flags);
    };
    methods.xFileSize = [](sqlite3_file* f, sqlite3_int64* s) { return real(f)->pMethods->xFileSize(real(f), s); };
    methods.xLock = [](sqlite3_file* f, int l) { return real(f)->pMethods->xLock(real(f), l); };
    methods.xUnlock = [](sqlite3_file* f, int l) { return real(f)->pMethods->xUnlock(real(f), l); };
    methods.xCheckReservedLock = [](sqlite3_file* f, int* r) { return real(f)->pMethods->xCheckReservedLock(real(f), r); };
    methods.xFileControl = [](sqlite3_file* f, int op, void* a) { return real(f)->pMethods->xFileControl(real(f), op, a); };
    methods.xSectorSize = [](sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); };
    methods.xDeviceCharacteristics = [](sqlite3_file* f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); };
    methods.xShmMap = [](sqlite3_file* f, int i, int sz, int e, void volatile** p) { return real(f)->pMethods->xShmMap(real(f), i, sz, e, p); };
    methods.xShmLock = [](sqlite3_file* f, int o, int n, int fl) { return real(f)->pMethods->xShmLock(real(f), o, n, fl); };
    methods.xShmBarrier = [](sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); };
    methods.xShmUnmap = [](sqlite3_file* f, int d) { return real(f)->pMethods->xShmUnmap(real(f), d); };
    methods.xFetch = [](sqlite3_file* f, sqlite3_int64 o, int n, void** p) { return real(f)->pMethods->xFetch(real(f), o, n, p); };
    methods.xUnfetch = [](sqlite3_file* f, sqlite3_int64 o, void* p) { return real(f)->pMethods->xUnfetch(real(f), o, p); };
    ui = std::this_thread::get_id();
    REQUIRE(sqlite3_vfs_register(&vfs, 1) == SQLITE_OK);
  }
  ~SyncCounter() {
    sqlite3_vfs_register(base, 1);
    sqlite3_vfs_unregister(&vfs);
  }
  static void reset() { on_ui = 0; elsewhere = 0; }
};

std::string bytes_of(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<fs::path> files_under(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(e.path());
  return out;
}
}  // namespace

TEST_CASE("names and numbers typed into search are in no file the kiosk writes, known words are counted", "[ui][stats][privacy]") {
  Tmp tmp;
  const fs::path data = tmp.dir / "data";
  fs::create_directories(data);
  const std::string file = (data / "stats.db").string();
  const std::string log = (tmp.dir / "kiosk.log").string();
  {
    CaptureLog capture(log);
    Headless k(1920, 1080, real_db(), [&](app::Settings& s) { s.stats_file = file; });
    k.start();
    tap(*k.app, "Search");
    const std::string en_none = "Nothing found yet.", en_home = "Home";
    for (const char* name : {"maria lopez", "keisha jones", "zzqx kowalski brzezinski"})
      failed_search(k, [&] { type_keys(k, name, "Space"); }, en_none, en_home), tap(*k.app, "Search");
    for (const char* number : {"٨٦٠٥٥٥١٢٣٤", "８６０５５５", "parasol ８６０-５５５-０１９９"})
      failed_search(k, [&] { type_text(k, number); }, en_none, en_home), tap(*k.app, "Search");
    failed_search(k, [&] { type_text(k, "umbrella мария"); }, en_none, en_home);  // mixed scripts
    tap(*k.app, "Search");
    failed_search(k, [&] { type_keys(k, "my umbrella", "Space"); }, en_none, en_home);
    // in Spanish, with the Spanish keyboard's accents
    tap(*k.app, "Language · Español");
    tap(*k.app, "Español");
    REQUIRE(k.app->session().prefs.locale == "es");
    const std::string es_none = "Todavía no encontramos nada.", es_home = "Inicio";
    tap(*k.app, "Buscar");
    failed_search(k, [&] { type_keys(k, "maría lópez", "Espacio"); }, es_none, es_home);
    tap(*k.app, "Buscar");
    failed_search(k, [&] { type_keys(k, "el paraguas", "Espacio"); }, es_none, es_home);
  }  // the kiosk stops: what is queued is written
  std::string why;
  auto st = stats::Stats::open_read_only(file, &why);
  REQUIRE(st);
  const std::string csv = st->csv();
  st.reset();
  INFO(csv);
  CHECK(csv.find(",search-none,\"umbrella\",1") != std::string::npos);
  CHECK(csv.find(",search-none,\"my umbrella\",1") != std::string::npos);
  CHECK(csv.find(",search-none,\"el paraguas\",1") != std::string::npos);
  CHECK(csv.find(",search-none,\"parasol\",1") != std::string::npos);
  // every file under the data folder, and the log
  std::vector<fs::path> files = files_under(data);
  files.push_back(log);
  REQUIRE(files.size() >= 2);
  for (const auto& f : files) {
    const std::string bytes = bytes_of(f.string());
    INFO(f.string() << " (" << bytes.size() << " bytes)");
    for (const char* never : {"maria", "maría", "lopez", "lópez", "keisha", "jones", "zzqx", "kowalski", "brzezinski",
                              "мария", "٨٦٠", "８６０", "860", "555"})
      CHECK(bytes.find(never) == std::string::npos);
  }
}

TEST_CASE("a tap costs no disk sync on the frame loop: counts go to a writer thread in batches", "[ui][stats]") {
  Tmp tmp;
  const std::string file = (tmp.dir / "stats.db").string();
  SyncCounter syncs;
  int64_t counted = 0;
  {
    Headless k(1920, 1080, real_db(), [&](app::Settings& s) { s.stats_file = file; });
    k.start();
    SyncCounter::reset();
    for (int i = 0; i < 3; ++i) {
      tap(*k.app, "Offices");
      tap(*k.app, "Home");
      tap(*k.app, "Step-by-step guides");
      tap(*k.app, "Ask for a review of your order");
      tap(*k.app, "Start");
      tap(*k.app, "Home");
      tap(*k.app, "Search");
      type_text(k, "umbrella");
      tap(*k.app, "Home");
    }
    INFO("syncs on the frame loop: " << SyncCounter::on_ui << ", on the writer: " << SyncCounter::elsewhere);
    CHECK(SyncCounter::on_ui == 0);
    CHECK(SyncCounter::elsewhere <= 2);  // WAL: a commit appends without waiting for the disk
  }  // the kiosk stops: what is queued is written
  std::string why;
  auto view = stats::Stats::open_read_only(file, &why);
  REQUIRE(view);
  for (const auto& [what, n] : view->totals(100)) counted += n;
  INFO("counts: " << counted);
  CHECK(counted >= 20);
}

TEST_CASE("without its dictionary the kiosk says so once and keeps only the content's words", "[ui][stats]") {
  Tmp tmp;
  const std::string file = (tmp.dir / "stats.db").string();
  const std::string log = (tmp.dir / "kiosk.log").string();
  ::setenv("KIOSK_DICTIONARY_DIR", (tmp.dir / "no-dictionaries").c_str(), 1);
  {
    CaptureLog capture(log);
    Headless k(1920, 1080, real_db(), [&](app::Settings& s) { s.stats_file = file; });
    k.start();
    for (int i = 0; i < 2; ++i) {
      tap(*k.app, "Search");
      failed_search(k, [&] { type_keys(k, "for umbrella", "Space"); }, "Nothing found yet.", "Home");
      k.app->tick();
    }
    tap(*k.app, "Offices");  // the kiosk serves visitors all the same
    REQUIRE(k.app->screen() == "offices");
  }
  ::unsetenv("KIOSK_DICTIONARY_DIR");
  const std::string said = bytes_of(log);
  INFO(said);
  CHECK(said.find("no hunspell dictionary for \"en\"") != std::string::npos);
  CHECK(said.find("no hunspell dictionary") == said.rfind("no hunspell dictionary"));  // once
  std::string why;
  auto st = stats::Stats::open_read_only(file, &why);
  REQUIRE(st);
  const std::string csv = st->csv();
  INFO(csv);
  CHECK(csv.find(",search-none,\"for\",2") != std::string::npos);
  CHECK(csv.find("umbrella") == std::string::npos);
}
