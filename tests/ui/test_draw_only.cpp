// Screens draw, the model computes: drawing the same screen again searches,
// sorts, parses and encodes nothing; a change of the visitor's words does it
// once; another language starts from its own model.
#include <catch2/catch.hpp>

#include "content/memo.h"
#include "headless.h"

using namespace test;

namespace {
void frames(Headless& k, int n) {
  for (int i = 0; i < n; ++i) k.input({platform::InputEvent::Type::Wake});
}
void type(Headless& k, const std::string& text) {
  platform::InputEvent ev{platform::InputEvent::Type::Text};
  ev.text = text;
  k.input(ev);
}
}  // namespace

TEST_CASE("the search screen searches when the words change, not every frame", "[ui][draw-only][search]") {
  Headless k(1920, 1080, real_db());
  k.start();
  tap(*k.app, "Search");
  REQUIRE(k.app->searches_run() == 0);
  type(k, "fee");
  REQUIRE(k.app->tree().find("Search words: fee"));
  REQUIRE(k.app->searches_run() == 1);
  frames(k, 30);
  REQUIRE(k.app->frames_drawn() > 60);
  REQUIRE(k.app->searches_run() == 1);
  tap(*k.app, "s");  // the on-screen keyboard: "fees"
  REQUIRE(k.app->tree().find("Search words: fees"));
  frames(k, 30);
  REQUIRE(k.app->searches_run() == 2);
}

TEST_CASE("the offices screen lists and sorts once per typed town, an office's text and QR code are made once", "[ui][draw-only][offices]") {
  Headless k(1920, 1080, real_db());
  k.start();
  tap(*k.app, "Offices");
  const content::Model* model = k.app->model();
  REQUIRE(model);
  frames(k, 30);
  content::Memo& en = content::memo(*model);
  REQUIRE(en.office_lists_built() == 1);  // the whole list, in the locale's order
  type(k, "win");
  REQUIRE(k.app->tree().find("Town: win"));
  frames(k, 30);
  REQUIRE(en.office_lists_built() == 2);
  activate(k, "Greater Hartford");
  REQUIRE(k.app->screen() == "office");
  const size_t parsed = en.markdown_parsed(), encoded = k.app->qr_codes_encoded();
  REQUIRE(parsed >= 1);
  REQUIRE(encoded == 1);
  frames(k, 30);
  REQUIRE(en.markdown_parsed() == parsed);
  REQUIRE(k.app->qr_codes_encoded() == encoded);

  // Spanish: its own model, whose lists and texts are worked out afresh in Spanish
  tap(*k.app, "Language · Español");
  tap(*k.app, "Español");
  REQUIRE(k.app->session().prefs.locale == "es");
  const content::Model* es = k.app->model();
  REQUIRE(es);
  REQUIRE(es->locale == "es");
  REQUIRE(content::memo(*es).markdown_parsed() >= 1);
  k.key(platform::Key::Escape);  // Back to the list, in Spanish
  REQUIRE(k.app->screen() == "offices");
  frames(k, 30);
  REQUIRE(content::memo(*es).office_lists_built() == 1);
}
