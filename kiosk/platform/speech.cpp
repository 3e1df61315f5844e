#include "platform/speech.h"

#include <algorithm>
#include <mutex>

#include <espeak-ng/speak_lib.h>

namespace kiosk::platform {

namespace {
class Espeak : public Speech {
public:
  void say(const std::string& text, const std::string& locale, int volume) override {
    std::lock_guard<std::mutex> lock(mu_);
    espeak_Cancel();
    std::string voice = locale.substr(0, locale.find_first_of("_-"));
    if (voice != voice_ && espeak_SetVoiceByName(voice.c_str()) == EE_OK) voice_ = voice;
    // espeak's volume runs 0..200 with 100 as normal
    espeak_SetParameter(espeakVOLUME, std::clamp(volume, 0, 100) * 2, 0);
    espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
  }
  void stop() override {
    std::lock_guard<std::mutex> lock(mu_);
    espeak_Cancel();
  }
  bool busy() const override { return espeak_IsPlaying() == 1; }
  ~Espeak() override { espeak_Terminate(); }

private:
  std::mutex mu_;
  std::string voice_;
};
}  // namespace

std::unique_ptr<Speech> open_espeak(std::string* why) {
  // Playback mode: espeak-ng synthesises and plays on its own thread.
  int rate = espeak_Initialize(AUDIO_OUTPUT_PLAYBACK, 0, nullptr, 0);
  if (rate <= 0) {
    if (why) *why = "espeak-ng could not start (no audio device, or espeak-ng-data missing)";
    return nullptr;
  }
  if (espeak_SetVoiceByName("en") != EE_OK) {
    if (why) *why = "espeak-ng has no English voice (install espeak-ng-data)";
    espeak_Terminate();
    return nullptr;
  }
  return std::make_unique<Espeak>();
}

}  // namespace kiosk::platform
