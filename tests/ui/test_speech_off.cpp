// Without sound: where nothing can play (no sound card), visitors are offered
// no speech, Read aloud, Touch and Hear or volume, and the staff menu says why.
#include <catch2/catch.hpp>

#include "headless.h"
#include "staff/staff.h"

using namespace test;

TEST_CASE("without sound: no speech controls for visitors, and the staff menu says why", "[ui][access][speech]") {
  Tmp tmp;
  const std::string pin = (tmp.dir / "pin").string();
  REQUIRE(staff::set_pin(pin, "246813").empty());
  Headless k(1920, 1080, real_db());
  platform::NoSpeech silent("no sound device (ALSA's default playback device: No such file or directory)");
  app::Settings s;
  s.database = real_db();
  s.staff_pin_file = pin;
  k.app.reset();  // one ImGui context at a time
  k.app = std::make_unique<app::App>(s, k.clock, *k.video, &silent);
  settle(*k.app);
  k.start();
  REQUIRE(k.app->screen() == "home");
  REQUIRE_FALSE(k.app->tree().find("Read aloud"));
  REQUIRE(k.app->tree().find("Help"));
  REQUIRE(k.app->tree().find("Start over"));
  tap(*k.app, "Accessibility");
  REQUIRE(k.app->tree().find("Larger text"));
  REQUIRE(k.app->tree().find("High contrast"));
  for (const char* gone : {"Speak what I select", "Touch and Hear", "Louder", "Quieter"}) {
    INFO(gone);
    REQUIRE_FALSE(k.app->tree().find(gone));
  }
  k.key(platform::Key::Escape);
  REQUIRE_FALSE(k.app->session().prefs.speech);
  REQUIRE_FALSE(k.app->session().prefs.touch_hear);
  // staff see why
  k.key(platform::Key::StaffChord);
  for (char d : std::string("246813")) tap(*k.app, std::string(1, d));
  tap(*k.app, "OK");
  REQUIRE(k.app->screen() == "staff");
  bool told = false;
  for (const auto& n : k.app->tree().nodes())
    told = told || n.label.rfind("Speech is off: no sound device (ALSA's default playback device: No such file or directory).", 0) == 0;
  REQUIRE(told);
}
