// Fuzz target: the search query builder (words, stop words, synonyms, stems,
// typo correction, the FTS5 expression) against the real content.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include "content/search.h"
#include "content/store.h"
#include "i18n/catalog.h"
#include "tools/lib/model.h"

namespace fs = std::filesystem;
using namespace kiosk;

static std::unique_ptr<content::Store> g_store;
static std::unique_ptr<content::Search> g_en, g_es;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  i18n::init_icu_defaults();
  std::vector<tools::Diag> diags;
  auto set = tools::load_content(KIOSK_SOURCE_DIR "/content", KIOSK_SOURCE_DIR "/locales", diags);
  const std::string db = (fs::temp_directory_path() / ("kiosk-fuzz-search-" + std::to_string(::getpid()) + ".db")).string();
  if (!tools::build_database(set, db).empty()) std::abort();
  g_store = content::Store::open(db).value;
  g_en = std::make_unique<content::Search>(*g_store, "en");
  g_es = std::make_unique<content::Search>(*g_store, "es");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string q(reinterpret_cast<const char*>(data), size);
  (size % 2 ? g_en : g_es)->query(q, 10);
  return 0;
}
