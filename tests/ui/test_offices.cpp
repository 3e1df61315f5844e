// The office finder as a visitor uses it: letters typed on the on-screen
// keyboard find an office by any word of its name, town or street; the
// kiosk's own office ([site] office) comes first as "You are here"; a word
// that matches nothing leaves the call center and every office on screen.
#include <catch2/catch.hpp>

#include <cstdio>

#include "headless.h"
#include "platform/png.h"

using namespace test;

namespace {
void type_keys(Headless& k, const std::string& text) {
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    tap(*k.app, text.substr(i, n));
    i += n;
  }
}
// The office rows on screen, in order (rows not of an office left out).
std::vector<const ui::A11yNode*> office_rows(Headless& k) {
  auto store = content::Store::open(real_db(), nullptr);
  auto model = content::load_model(*store, k.app->session().prefs.locale);
  std::set<std::string> names;
  for (const auto& o : model->offices) names.insert(o.name);
  std::vector<const ui::A11yNode*> out;
  for (const auto& n : k.app->tree().nodes())
    if (n.role == ui::Role::Row && names.count(n.label)) out.push_back(&n);
  return out;
}
// At least half of it within the visible part of its window.
bool in_view(const ui::A11yNode& n) {
  const float y0 = std::max(n.rect.y, n.clip.y), y1 = std::min(n.rect.y + n.rect.h, n.clip.y + n.clip.h);
  return (y1 - y0) * 2 >= n.rect.h;
}
void shot(Headless& k, const std::string& name) { save_screen(k, "offices", name); }
void larger_text(Headless& k) {
  REQUIRE(activate_bar(k, "Accessibility"));
  activate(k, "Larger text");
  k.key(platform::Key::Escape);
  REQUIRE(k.app->session().prefs.large_text);
}
}  // namespace

TEST_CASE("hart typed on the keyboard finds Greater Hartford (in Windsor), East Hartford and Hartford", "[ui][offices]") {
  for (auto [w, h, large] : {std::tuple{1920, 1080, false}, std::tuple{1280, 720, true}}) {
    INFO(w << "x" << h << (large ? " large" : ""));
    Headless k(w, h, real_db());
    k.start();
    if (large) larger_text(k);
    tap(*k.app, "Offices");
    REQUIRE(k.app->screen() == "offices");
    type_keys(k, "hart");
    REQUIRE(k.app->session().office_town == "hart");
    std::vector<std::string> names;
    for (const auto* n : office_rows(k)) names.push_back(n->label);
    INFO(names.size() << " offices");
    CHECK(names.size() == 4);
    CHECK(std::count(names.begin(), names.end(), "Greater Hartford") == 1);   // DSS OCSS, 20 Meadow Road, Windsor
    CHECK(std::count(names.begin(), names.end(), "Administration") == 1);     // SES, East Hartford
    CHECK(std::count(names.begin(), names.end(), "Hartford (Main Office)") == 1);
    CHECK(std::count(names.begin(), names.end(), "Hartford (Court Office)") == 1);
    CHECK(std::count(names.begin(), names.end(), "Bridgeport") == 0);
    shot(k, "hart-" + std::to_string(w) + "x" + std::to_string(h) + (large ? "-large" : ""));
    const ui::A11yNode* gh = nullptr;
    for (const auto* n : office_rows(k))
      if (n->label == "Greater Hartford") gh = n;
    REQUIRE(gh);
    // third, after the two whose name starts with it: in view at 1080p; at
    // 720p with large text two offices are, and it is the next one down
    if (!large) CHECK(in_view(*gh));
    // its row says what the source says: by appointment
    CHECK(gh->description.find("Appointment needed") != std::string::npos);
    // and it opens, with the appointment above the address
    activate(k, "Greater Hartford");
    REQUIRE(k.app->screen() == "office");
    const ui::A11yNode* appt = k.app->tree().find("Appointment needed: call this office to make one.");
    REQUIRE(appt);
    CHECK(in_view(*appt));
    const ui::A11yNode* street = k.app->tree().find("20 Meadow Road");
    REQUIRE(street);
    CHECK(appt->rect.y < street->rect.y);
    shot(k, "greater-hartford-" + std::to_string(w) + "x" + std::to_string(h) + (large ? "-large" : ""));
  }
}

TEST_CASE("Spanish: the same letters, with an accent typed or not, find the same offices", "[ui][offices]") {
  Headless k(1920, 1080, real_db());
  k.start();
  REQUIRE(activate_bar(k, "Language"));
  activate(k, "Español");
  REQUIRE(k.app->session().prefs.locale == "es");
  tap(*k.app, "Oficinas");
  type_keys(k, "hárt");
  std::vector<std::string> names;
  for (const auto* n : office_rows(k)) names.push_back(n->label);
  CHECK(names.size() == 4);
  CHECK(std::count(names.begin(), names.end(), "Greater Hartford") == 1);
  const ui::A11yNode* gh = k.app->tree().find("Greater Hartford");
  REQUIRE(gh);
  CHECK(gh->description.find("Se necesita cita") != std::string::npos);
}

TEST_CASE("the kiosk's own office ([site] office) is first, marked You are here, its agency's offices next", "[ui][offices]") {
  for (auto [w, h, large] : {std::tuple{1920, 1080, false}, std::tuple{1280, 720, true}}) {
    INFO(w << "x" << h << (large ? " large" : ""));
    Headless k(w, h, real_db(), [](app::Settings& s) { s.site_office = "ses-hartford-main"; });
    k.start();
    if (large) larger_text(k);
    tap(*k.app, "Offices");
    const auto rows = office_rows(k);
    REQUIRE(rows.size() == 27);
    CHECK(rows[0]->label == "Hartford (Main Office)");
    CHECK(in_view(*rows[0]));
    const ui::A11yNode* here = k.app->tree().find("You are here");
    REQUIRE(here);
    CHECK(in_view(*here));
    CHECK(here->rect.y < rows[0]->rect.y);
    // then the 13 other SES offices, then DSS OCSS and CIP (each row names its agency)
    for (size_t i = 1; i <= 13; ++i) CHECK(rows[i]->description.find("SES") != std::string::npos);
    for (size_t i = 14; i < rows.size(); ++i) CHECK(rows[i]->description.find("SES") == std::string::npos);
    // the next office in view too; headings for the parts where there is room
    CHECK(in_view(*rows[1]));
    if (!large) {
      CHECK(k.app->tree().find("More SES (Judicial Branch) offices"));
      CHECK(std::any_of(k.app->tree().nodes().begin(), k.app->tree().nodes().end(),
                        [](const ui::A11yNode& n) { return n.label == "Other offices"; }));  // further down
    }
    shot(k, "here-" + std::to_string(w) + "x" + std::to_string(h) + (large ? "-large" : ""));
    // typing keeps it first when it matches
    type_keys(k, "hart");
    const auto found = office_rows(k);
    REQUIRE(found.size() == 4);
    CHECK(found[0]->label == "Hartford (Main Office)");
    CHECK(k.app->tree().find("You are here"));
  }
}

TEST_CASE("a [site] office that is not an office is a log line, no office is marked and nothing breaks", "[ui][offices]") {
  const std::string log = (fs::temp_directory_path() / ("kiosk-offices-log-" + std::to_string(::getpid()))).string();
  {
    std::fflush(stderr);
    const int saved = ::dup(2);
    FILE* f = std::fopen(log.c_str(), "w");
    REQUIRE(f);
    ::dup2(::fileno(f), 2);
    std::fclose(f);
    {
      Headless k(1920, 1080, real_db(), [](app::Settings& s) { s.site_office = "hartford"; });
      k.start();
      tap(*k.app, "Offices");
      CHECK(office_rows(k).size() == 27);
      CHECK_FALSE(k.app->tree().find("You are here"));
    }
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
  }
  std::ifstream in(log);
  const std::string said{std::istreambuf_iterator<char>(in), {}};
  fs::remove(log);
  INFO(said);
  CHECK(said.find("site.office = \"hartford\" is not an office of this content") != std::string::npos);
}

TEST_CASE("letters that match no office: the call center and every office, never an empty screen", "[ui][offices]") {
  for (auto [w, h, large] : {std::tuple{1920, 1080, false}, std::tuple{1280, 720, true}}) {
    INFO(w << "x" << h << (large ? " large" : ""));
    Headless k(w, h, real_db());
    k.start();
    if (large) larger_text(k);
    tap(*k.app, "Offices");
    type_keys(k, "qxzv");
    shot(k, "nothing-" + std::to_string(w) + "x" + std::to_string(h) + (large ? "-large" : ""));
    const ui::A11yNode* none = k.app->tree().find("No office matches “qxzv”.");
    REQUIRE(none);
    CHECK(in_view(*none));
    const ui::A11yNode* phone = k.app->tree().find("1-800-228-KIDS (5437)");
    REQUIRE(phone);
    CHECK(in_view(*phone));
    CHECK(office_rows(k).size() == 27);
  }
}
