// Speech output. The app talks to this interface only: espeak-ng on a kiosk
// (offline, en and es voices, asynchronous so the frame loop never waits),
// a recorder in tests and headless runs, which keeps what would be said.
#pragma once
#include <memory>
#include <string>
#include <vector>

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
  std::vector<Utterance> said;
  int stops = 0;
  bool busy_for_tests = false;
};

// espeak-ng playing through the default audio device; nullptr (and *why) when
// it cannot start (no espeak-ng data, no audio device).
std::unique_ptr<Speech> open_espeak(std::string* why);

}  // namespace kiosk::platform
