// Speech through espeak-ng and ALSA, and whether anything can play it at all.
#include "platform/speech.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include <alsa/asoundlib.h>
#include <espeak-ng/speak_lib.h>

#include "i18n/spoken.h"

namespace kiosk::platform {

namespace {
// ALSA prints its own errors on stderr (nine per utterance without a sound
// card); the kiosk says once why speech is off instead.
void quiet_alsa(const char*, int, const char*, int, const char*, ...) {}

// Why the default ALSA device cannot play espeak-ng's stream, or "" when it can.
std::string playback_problem() {
  snd_lib_error_set_handler(quiet_alsa);
  snd_pcm_t* raw = nullptr;
  int err = snd_pcm_open(&raw, "default", SND_PCM_STREAM_PLAYBACK, SND_PCM_NONBLOCK);
  if (err < 0) return std::string("no sound device (ALSA's default playback device: ") + snd_strerror(err) + ")";
  std::unique_ptr<snd_pcm_t, int (*)(snd_pcm_t*)> pcm(raw, snd_pcm_close);
  // espeak-ng's own stream: 22050 Hz, 16-bit, mono
  err = snd_pcm_set_params(pcm.get(), SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, 1, 22050, 1, 500000);
  if (err < 0) return std::string("the sound device refuses 22050 Hz mono 16-bit sound (") + snd_strerror(err) + ")";
  return {};
}

class Espeak : public Speech {
public:
  void say(const std::string& text, const std::string& locale, int volume) override {
    std::lock_guard<std::mutex> lock(mu_);
    espeak_Cancel();
    // The locale's own voice; without it, English words saying so (never the
    // locale's text in another language's voice), and the log says why once.
    const i18n::VoiceChoice choice = i18n::choose_voice(text, locale, [this](const std::string& v) { return set_voice(v); });
    if (!choice.why.empty() && warned_.insert(locale).second) std::fprintf(stderr, "kiosk: speech: %s\n", choice.why.c_str());
    if (choice.text.empty() || !set_voice(choice.voice)) return;
    // espeak's volume runs 0..200 with 100 as normal
    espeak_SetParameter(espeakVOLUME, std::clamp(volume, 0, 100) * 2, 0);
    const std::string spoken = i18n::spoken_text(choice.text, choice.english_instead ? "en" : locale);
    espeak_Synth(spoken.c_str(), spoken.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
  }
  void stop() override {
    std::lock_guard<std::mutex> lock(mu_);
    espeak_Cancel();
  }
  bool busy() const override { return espeak_IsPlaying() == 1; }
  ~Espeak() override { espeak_Terminate(); }

private:
  // Sets espeak-ng's voice by name (only when it changes); false when espeak-ng has no such voice.
  bool set_voice(const std::string& name) {
    if (name == voice_) return true;
    if (missing_.count(name)) return false;
    if (espeak_SetVoiceByName(name.c_str()) != EE_OK) {
      missing_.insert(name);
      return false;
    }
    voice_ = name;
    return true;
  }
  std::mutex mu_;
  std::string voice_;
  std::set<std::string> missing_, warned_;
};
}  // namespace

util::Result<std::unique_ptr<Speech>> open_espeak() {
  if (std::string problem = playback_problem(); !problem.empty()) return {nullptr, problem};
  // Playback mode: espeak-ng synthesises and plays on its own thread.
  int rate = espeak_Initialize(AUDIO_OUTPUT_PLAYBACK, 0, nullptr, 0);
  if (rate <= 0) return {nullptr, "espeak-ng could not start (espeak-ng-data missing?)"};
  const std::string english = i18n::espeak_voice("en");
  if (espeak_SetVoiceByName(english.c_str()) != EE_OK) {
    espeak_Terminate();
    return {nullptr, "espeak-ng has no " + english + " voice (install espeak-ng-data)"};
  }
  return {std::make_unique<Espeak>(), ""};
}

void wait_until_said(const Speech& speech, int max_ms) {
  using namespace std::chrono;
  const auto until = steady_clock::now() + milliseconds(max_ms);
  // the synthesis thread may not have picked the text up yet
  std::this_thread::sleep_for(milliseconds(std::min(max_ms, 200)));
  while (speech.busy() && steady_clock::now() < until) std::this_thread::sleep_for(milliseconds(20));
}

}  // namespace kiosk::platform
