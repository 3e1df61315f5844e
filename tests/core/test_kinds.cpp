// The content-kind registry (content/kinds.h, issue 16): a kind's fields are
// rows, so a new field needs no schema change; the notices kind, shown on the
// home screen between its dates; the registry's folders and content/ agree.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "content/kinds.h"
#include "content/model.h"
#include "content/schema.h"
#include "content/sqlite.h"
#include "content/store.h"
#include "fixtures.h"

using namespace kiosk;
using test::all;
using test::ContentTree;
using test::has;
namespace fs = std::filesystem;

namespace {

const char* kSource = "source = \"002_655b8a153c870c4a.txt\"\nsource_date = \"2024-10\"\nreview_by = 2027-10-01\n";
std::string faq(const std::string& extra) {
  return "+++\nquestion = \"How do I apply?\"\ntopic = \"apply\"\n" + extra + kSource + "+++\nCall the office.\n";
}
// A notice with the given date lines (each "starts = 2026-12-24\n" or "").
std::string notice(const std::string& dates, const std::string& title = "Closed on Christmas Day") {
  return "+++\ntitle = \"" + title + "\"\n" + dates + kSource + "+++\nThe office is closed that day.\n";
}

// Every table, index and column of a database, as SQLite keeps them.
std::string schema_of(const std::string& path) {
  content::Db db(path, content::Db::Mode::ReadOnly);
  content::Stmt st(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'search%' ORDER BY name");
  std::string out;
  while (st.step()) out += st.text(0) + " " + st.text(1) + ": " + st.text(2) + "\n";
  return out + "version " + std::to_string(db.user_version());
}

}  // namespace

TEST_CASE("a field added to one kind's definition is stored and read back with no schema change", "[content][kinds]") {
  // what the schema is with the registry as it is
  ContentTree plain({{"content/faq/apply-how.en.md", faq("")}});
  const std::string before = schema_of(plain.build());

  // the FAQ gets an English-only field and a translated one, in its definition alone
  std::vector<content::KindDef> kinds = content::kinds();
  auto faq_def = std::find_if(kinds.begin(), kinds.end(), [](const content::KindDef& k) { return k.kind == std::string("faq"); });
  REQUIRE(faq_def != kinds.end());
  faq_def->fields.push_back({"office_note", content::FieldType::String, false, false});
  faq_def->fields.push_back({"tip", content::FieldType::String, true, false});
  faq_def->glyphs.push_back("tip");
  content::ScopedKinds scoped(std::move(kinds));

  ContentTree f({{"content/faq/apply-how.en.md", faq("office_note = \"Bring your ID\"\ntip = \"Come early\"\n")},
                 {"content/faq/apply-how.es.md", "+++\ntip = \"Venga temprano\"\n+++\nLlame a la oficina.\n"}});
  const std::string db = f.build();
  CHECK(schema_of(db) == before);  // same tables, same columns, same version

  auto store = content::Store::open(db, nullptr);
  REQUIRE(store);
  auto item = store->item("apply-how");
  REQUIRE(item);
  CHECK(item->value("office_note") == "Bring your ID");
  auto es = content::load_model(*store, "es");
  const content::Entry* e = nullptr;
  for (const auto& x : es->entries)
    if (x.id == "apply-how") e = &x;
  REQUIRE(e);
  CHECK(e->get("tip") == "Venga temprano");
  CHECK(e->get("office_note") == "Bring your ID");
  CHECK(content::load_model(*store, "en")->entries.size() == es->entries.size());
  // and a visitor can be shown it: its letters are in the font atlas
  std::set<char32_t> glyphs;
  content::add_model_glyphs(*es, false, glyphs);
  CHECK(glyphs.count(U'V'));

  // the validator knows the field's rules from the same definition
  ContentTree wrong({{"content/faq/apply-how.en.md", faq("office_note = 3\n")},
                     {"content/faq/apply-how.es.md", "+++\noffice_note = \"Traiga su ID\"\n+++\nLlame.\n"}});
  const auto p = wrong.messages();
  INFO(all(p));
  CHECK(has(p, "content/faq/apply-how.en.md:4: 'office_note' must be text in quotes"));
  CHECK(has(p, "content/faq/apply-how.es.md:2: 'office_note' is only set in the English file"));
}

TEST_CASE("a notice is shown on the home screen only between its dates, in the visitor's language", "[content][kinds][notices]") {
  ContentTree f({{"content/faq/apply-how.en.md", faq("")},
                 {"content/notices/christmas.en.md", notice("starts = 2026-12-24\nends = 2026-12-26\n")},
                 {"content/notices/christmas.es.md", "+++\ntitle = \"Cerrado el día de Navidad\"\n+++\nLa oficina cierra ese día.\n"}});
  auto store = content::Store::open(f.build(), nullptr);
  REQUIRE(store);
  auto en = content::load_model(*store, "en");
  auto es = content::load_model(*store, "es");
  auto pt = content::load_model(*store, "pt");
  CHECK(en->shown_on("2026-12-23").empty());
  REQUIRE(en->shown_on("2026-12-24").size() == 1);  // its first day
  CHECK(en->shown_on("2026-12-24")[0]->get("title") == "Closed on Christmas Day");
  CHECK(en->shown_on("2026-12-25").size() == 1);
  CHECK(en->shown_on("2026-12-26").size() == 1);    // and its last
  CHECK(en->shown_on("2026-12-27").empty());
  CHECK(en->shown_on("2027-12-25").empty());        // not every year
  REQUIRE(es->shown_on("2026-12-25").size() == 1);
  CHECK(es->shown_on("2026-12-25")[0]->get("title") == "Cerrado el día de Navidad");
  CHECK(es->shown_on("2026-12-25")[0]->get("body") == "La oficina cierra ese día.");
  REQUIRE(pt->shown_on("2026-12-25").size() == 1);  // no Portuguese: English
  CHECK(pt->shown_on("2026-12-25")[0]->get("title") == "Closed on Christmas Day");
  // not a search result (it is on the home screen), but staff see it listed and covered
  content::Stmt fts(store->db(), "SELECT count(*) FROM search_en WHERE id = 'christmas'");
  REQUIRE(fts.step());
  CHECK(fts.integer(0) == 0);
  bool covered = false;
  for (const auto& c : store->coverage("es"))
    if (c.kind == "notice") covered = c.done == 1 && c.total == 1;
  CHECK(covered);
}

TEST_CASE("a notice without a date, or that ends before it starts, is a file:line problem", "[content][kinds][notices]") {
  ContentTree f({{"content/notices/no-end.en.md", notice("starts = 2026-12-24\n")},
                 {"content/notices/no-start.en.md", notice("ends = 2026-12-24\n")},
                 {"content/notices/backwards.en.md", notice("starts = 2026-12-26\nends = 2026-12-24\n")},
                 {"content/notices/quoted.en.md", notice("starts = \"2026-12-24\"\nends = 2026-12-26\n")},
                 {"content/notices/one-day.en.md", notice("starts = 2026-12-24\nends = 2026-12-24\n")}});
  const auto p = f.messages();
  INFO(all(p));
  CHECK(has(p, "content/notices/no-end.en.md:1: missing setting 'ends'"));
  CHECK(has(p, "content/notices/no-start.en.md:1: missing setting 'starts'"));
  CHECK(has(p, "content/notices/backwards.en.md:4: 'ends' is 2026-12-24, before 'starts' (2026-12-26)"));
  CHECK(has(p, "content/notices/quoted.en.md:3: 'starts' must be a date like 2027-10-01 (no quotes)"));
  CHECK_FALSE(has(p, "one-day.en.md"));  // a notice of one day is fine
}

TEST_CASE("the registry and the content folders agree, and a stray folder is reported", "[content][kinds]") {
  // every kind's folder is in the repository's content/, and every folder there is a kind's (or synonyms/)
  for (const auto& k : content::kinds()) {
    INFO(k.kind);
    CHECK(fs::is_directory(fs::path(KIOSK_SOURCE_DIR "/content") / k.folder));
    CHECK(content::kind_of_folder(k.folder) == &k);
    CHECK(content::find_kind(k.kind) == &k);
    CHECK(content::find_field(k, k.title));
  }
  for (const auto& e : fs::directory_iterator(KIOSK_SOURCE_DIR "/content"))
    if (e.is_directory()) {
      const std::string name = e.path().filename().string();
      INFO(name);
      // a kind's, synonyms/, or notes that are no items (reviews/: the translators' back-translations)
      bool items = false;
      for (const auto& f : fs::directory_iterator(e.path()))
        if (f.path().extension() == ".md") items |= test::read(f.path().string()).rfind("+++", 0) == 0;
      CHECK((name == "synonyms" || content::kind_of_folder(name) || !items));
    }
  // a folder a staff member misnamed: its files would never be shown; a folder of notes is fine
  ContentTree f({{"content/faq/apply-how.en.md", faq("")},
                 {"content/faqs/apply-fee.en.md", faq("")},
                 {"content/reviews/back-translation.es.md", "# Back-translation\n\nNotes of the translator.\n"}});
  const auto p = f.messages();
  INFO(all(p));
  CHECK(has(p, "content/faqs:0: not a content folder (the folders are topics/, faq/, guides/, offices/, contacts/, kids/, notices/ and synonyms/)"));
  CHECK_FALSE(has(p, "reviews"));
}
