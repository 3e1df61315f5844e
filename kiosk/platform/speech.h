// Speech output. The app talks to this interface only: espeak-ng on a kiosk
// (offline, a voice per language, asynchronous so the frame loop never
// waits), a recorder in tests and headless runs, which keeps what would be
// said, and silence (with the reason) where nothing can play sound.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "util/result.h"

namespace kiosk::platform {

class Speech {
public:
  virtual ~Speech() = default;
  // Says text in the locale's voice at volume 0..100, replacing whatever is
  // being said. Returns at once.
  virtual void say(const std::string& text, const std::string& locale, int volume) = 0;
  virtual void stop() = 0;
  // True while something is being said.
  virtual bool busy() const = 0;
  // Empty when what is said can be heard; otherwise why not ("no sound
  // device: ..."). The app then offers no speech controls.
  virtual std::string unavailable() const { return {}; }
};

// Nothing can play sound: says nothing, and keeps why.
class NoSpeech : public Speech {
public:
  explicit NoSpeech(std::string why) : why_(std::move(why)) {}
  void say(const std::string&, const std::string&, int) override {}
  void stop() override {}
  bool busy() const override { return false; }
  std::string unavailable() const override { return why_; }

private:
  std::string why_;
};

// What would have been said, in order (tests and headless scripts).
class RecordedSpeech : public Speech {
public:
  struct Utterance {
    std::string text, locale;
    int volume;
  };
  void say(const std::string& text, const std::string& locale, int volume) override {
    if (said.size() >= 1000) said.erase(said.begin(), said.begin() + 500);  // a long headless run keeps the recent ones
    said.push_back({text, locale, volume});
  }
  void stop() override { ++stops; }
  bool busy() const override { return busy_for_tests; }
  std::string unavailable() const override { return unavailable_for_tests; }
  std::vector<Utterance> said;
  int stops = 0;
  bool busy_for_tests = false;
  std::string unavailable_for_tests;
};

// espeak-ng playing through the default ALSA device, in the locale's voice
// (i18n::choose_voice: never another language's voice) and with the text rewritten as it is read aloud
// (i18n::spoken_text); null, and why, when nothing can play it: the
// default PCM does not open for playback, or espeak-ng cannot start.
util::Result<std::unique_ptr<Speech>> open_espeak();

// Waits until what is being said has been played (at most max_ms).
void wait_until_said(const Speech& speech, int max_ms);

}  // namespace kiosk::platform
