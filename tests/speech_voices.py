#!/usr/bin/env python3
"""Every language's voice, as heard: the real kiosk (headless, --speech espeak)
starts in each of Portuguese, Polish, Haitian Creole, Chinese, Vietnamese and
Arabic, a key on the attract screen turns audio on, and what ALSA plays (an
~/.asoundrc whose default PCM is a file plugin) must hold, sample for sample,
espeak-ng's own rendering of that language's "audio.on" and "audio.keys"
(locales/<code>.po) in that language's voice (the same voice and text give
the same samples).  And where a language's voice is missing from
espeak-ng-data (a copy without Vietnamese, through ESPEAK_DATA_PATH), the log
says so once and what is heard is English words saying so, not Vietnamese read
by an English voice.

usage: speech_voices.py KIOSK DATABASE CONFIG [WORK_DIR]
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from wav import core, samples_of_wav

KIOSK, DB, CONFIG = sys.argv[1:4]
WORK = sys.argv[4] if len(sys.argv) > 4 else tempfile.mkdtemp(prefix="kiosk-voices-")
SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VOLUME = 60  # the kiosk's default volume; espeak-ng's amplitude is twice it
ALL = ["en", "es", "pt", "pl", "ht", "zh", "vi", "ar"]
# the voices of kiosk/i18n/spoken.cpp's table
VOICES = {"pt": "pt-br", "pl": "pl", "ht": "ht", "zh": "cmn-latn-pinyin", "vi": "vi", "ar": "ar"}
failures = []


def fail(msg):
    print("FAIL: " + msg)
    failures.append(msg)


def po_string(locale, key):
    text = open(os.path.join(SOURCE, "locales", locale + ".po"), encoding="utf-8").read()
    m = re.search(r'^msgid "%s"\nmsgstr ((?:"(?:[^"\\]|\\.)*"\n?)+)' % re.escape(key), text, re.M)
    if not m:
        raise SystemExit("no %s in locales/%s.po" % (key, locale))
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))).replace('\\"', '"')


def config_for(locale, home):
    text = open(CONFIG, encoding="utf-8").read()
    # first in the list: the attract screen shows it first, and a key there starts in the language it shows
    order = [locale] + [l for l in ALL if l != locale]
    text = re.sub(r"^enabled = .*$", "enabled = [%s]" % ", ".join('"%s"' % l for l in order), text, flags=re.M)
    text = re.sub(r'^default = .*$', 'default = "%s"' % locale, text, flags=re.M)
    path = os.path.join(home, "kiosk.toml")
    open(path, "w", encoding="utf-8").write(text)
    return path


def run_kiosk(name, locale, steps, env_extra=None):
    home = os.path.join(WORK, name)
    shutil.rmtree(home, ignore_errors=True)
    os.makedirs(home)
    cap = os.path.join(home, "cap.raw")
    with open(os.path.join(home, ".asoundrc"), "w") as f:
        f.write('pcm.!default {\n  type file\n  slave.pcm "null"\n  file "%s"\n  format "raw"\n  truncate false\n}\n' % cap)
    script = os.path.join(home, "steps.txt")
    with open(script, "w", encoding="utf-8") as f:
        f.write("\n".join(steps) + "\n")
    env = dict(os.environ, HOME=home, PULSE_SERVER="unix:" + os.path.join(home, "no-pulse"),
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", **(env_extra or {}))
    env.pop("ALSA_CONFIG_PATH", None)
    p = subprocess.run([KIOSK, "--headless", "--script", script, "--out", os.path.join(home, "out"),
                        "--config", config_for(locale, home), "--db", DB, "--speech", "espeak", "--size", "1920x1080"],
                       env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    parts = sorted(f for f in os.listdir(home) if f == "cap.raw" or f.startswith("cap.raw."))
    captured = b"".join(open(os.path.join(home, f), "rb").read() for f in parts)
    return p, home, captured


def heard(name, captured, home, voice, said):
    ref_wav = os.path.join(home, "ref.wav")
    subprocess.run(["espeak-ng", "-v", voice, "-a", str(VOLUME * 2), "-w", ref_wav, said], check=True)
    ref = core(samples_of_wav(open(ref_wav, "rb").read()))
    if len(ref) < 22050:  # half a second
        fail("%s: espeak-ng rendered %.2f s of \"%s\" (%s)" % (name, len(ref) / 44100.0, said, voice))
        return False
    at = captured.find(ref)
    while at >= 0 and at % 2:
        at = captured.find(ref, at + 1)
    print("%s: captured %.2f s; espeak-ng's %.2f s of \"%s\" (%s) %s" %
          (name, len(captured) / 44100.0, len(ref) / 44100.0, said, voice, "found at %.2f s" % (at / 44100.0) if at >= 0 else "NOT found"))
    return at >= 0


for locale, voice in VOICES.items():
    said = po_string(locale, "audio.on") + " " + po_string(locale, "audio.keys")
    if re.search(r"[0-9$%]", said):
        fail("%s: the audio start has numbers; this check compares it with espeak-ng unchanged" % locale)
        continue
    p, home, captured = run_kiosk("first-key-" + locale, locale, ["key Down", "expect-screen home", "expect-locale " + locale])
    if p.returncode != 0 or "speech is off" in p.stderr or "ALSA lib" in p.stderr:
        fail("%s: the kiosk exited %d or did not speak:\n%s%s" % (locale, p.returncode, p.stdout[-1500:], p.stderr[-1500:]))
        continue
    if not heard("first-key-" + locale, captured, home, voice, said):
        fail("%s: the capture does not hold \"%s\" in the %s voice" % (locale, said, voice))

# Vietnamese without its voice: a copy of espeak-ng-data without lang/aav (vi, vi-VN-x-central, vi-VN-x-south).
data = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True).stdout.split("Data at:")[-1].strip()
trimmed = os.path.join(WORK, "espeak-data", "espeak-ng-data")
shutil.rmtree(os.path.dirname(trimmed), ignore_errors=True)
shutil.copytree(data, trimmed, symlinks=True, ignore=lambda d, names: ["aav"] if os.path.basename(d) == "lang" else [])
p, home, captured = run_kiosk("no-vi-voice", "vi", ["key Down", "expect-screen home", "key Down", "key Down"],
                              {"ESPEAK_DATA_PATH": os.path.dirname(trimmed)})
lines = [l for l in p.stderr.splitlines() if "no espeak-ng voice" in l]
print("no-vi-voice: %s" % (lines[0] if lines else "(no line)"))
if p.returncode != 0:
    fail("no-vi-voice: the kiosk exited %d\n%s" % (p.returncode, p.stderr[-1500:]))
if len(lines) != 1 or "'vi'" not in lines[0]:
    fail("no-vi-voice: want one 'kiosk: speech: no espeak-ng voice 'vi' ...' line for three utterances, got %r" % lines)
# Three utterances of the notice, each cut short by the next key but the last.
# espeak-ng's generator keeps its state from one utterance to the next, so only
# the first is sample-exact: as far as it got, it must be the reference; and
# the last must be the reference's length.
notice = "Spoken help is not available in Vietnamese on this kiosk."
ref_wav = os.path.join(home, "ref.wav")
subprocess.run(["espeak-ng", "-v", "en-us", "-a", str(VOLUME * 2), "-w", ref_wav, notice], check=True)
ref = core(samples_of_wav(open(ref_wav, "rb").read()))
parts = [core(open(os.path.join(home, f), "rb").read())
         for f in sorted(f for f in os.listdir(home) if f == "cap.raw" or f.startswith("cap.raw."))]
parts = [x for x in parts if x]
print("no-vi-voice: %d utterance(s) of %s s; the notice is %.2f s" %
      (len(parts), ", ".join("%.2f" % (len(x) / 44100.0) for x in parts), len(ref) / 44100.0))
if not parts or len(parts[0]) < 441 or not ref.startswith(parts[0][:len(ref)]):  # at least 10 ms (the next key may cut it that soon on a busy machine), all of it the notice's
    fail("no-vi-voice: the first utterance is not espeak-ng's en-us \"%s\"" % notice)
elif abs(len(parts[-1]) - len(ref)) > len(ref) // 50:
    fail("no-vi-voice: the last utterance (%.2f s) is not the whole notice (%.2f s)" % (len(parts[-1]) / 44100.0, len(ref) / 44100.0))
vi_said = po_string("vi", "audio.on")
ref_wav = os.path.join(home, "vi-in-english.wav")
subprocess.run(["espeak-ng", "-v", "en-us", "-a", str(VOLUME * 2), "-w", ref_wav, vi_said], check=True)
if core(samples_of_wav(open(ref_wav, "rb").read())) in captured:
    fail("no-vi-voice: Vietnamese was read by the English voice")

if failures:
    print("%d failure(s); files in %s" % (len(failures), WORK))
    sys.exit(1)
if len(sys.argv) <= 4:
    shutil.rmtree(WORK, ignore_errors=True)
print("every language's voice heard")
