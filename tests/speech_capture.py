#!/usr/bin/env python3
"""Speech as it is heard: the real kiosk (headless, --speech espeak) speaks
through ALSA into a file (an ~/.asoundrc whose default PCM is a file plugin),
and each capture must hold espeak-ng's own rendering of the words the kiosk
should have said (the same voice and text give the same samples): phone
numbers and money, and "audio is on" from the first key on the attract screen,
from a script's key and from a real key press in an X window.  Also: where
nothing can play sound the kiosk says so once, prints no ALSA errors and offers
no speech controls.

usage: speech_capture.py KIOSK DATABASE CONFIG [WORK_DIR]
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

from wav import best_correlation, core, samples_of_wav

KIOSK, DB, CONFIG = sys.argv[1:4]
WORK = sys.argv[4] if len(sys.argv) > 4 else tempfile.mkdtemp(prefix="kiosk-speech-")
VOLUME = 60  # the kiosk's default volume; espeak-ng's amplitude is twice it

# Touch and Hear reads what a finger touches; the script's last touch is what
# the capture must end with (each new utterance cuts the one before short).
TOUCH_AND_HEAR = ['tap "Accessibility"', 'tap "{touch_hear}"', "key Escape"]
# EZ Access: one key on the attract screen, and audio is on (no "shown" text:
# nothing on the screen is read as it is written).
FIRST_KEY_EN = ("Audio is on. Press Up or Down to move, Enter to choose, Back to go back, and Help to hear where you are. "
                "Home. How can we help you today? 6 choices: Questions, Offices, Step-by-step guides, Kids' corner, Search, "
                "Call or visit.")
FIRST_KEY_ES = ("El audio está activado. Oprima Arriba o Abajo para moverse, Enter para elegir, Atrás para volver y Ayuda "
                "para saber dónde está. Inicio. ¿Cómo podemos ayudarle hoy? 6 opciones: Preguntas, Oficinas, Guías paso a "
                "paso, Rincón de los niños, Buscar, Llamar o visitar.")
CASES = [
    {
        "name": "en-first-key",
        "voice": "en-us",
        "steps": ["expect \"Touch to start\"", "key Down", "expect-screen home"],
        "said": FIRST_KEY_EN,
        "shown": None,
    },
    {
        "name": "es-first-key",
        "voice": "es-419",
        "steps": ["advance 3", "expect \"Toque para empezar\"", "key Enter", "expect-locale es"],
        "said": FIRST_KEY_ES,
        "shown": None,
    },
    {
        "name": "en-phone",
        "voice": "en-us",
        "steps": ['tap 500 500', 'tap "Call or visit"', "expect-screen call", *TOUCH_AND_HEAR,
                  'tap "1-800-228-KIDS (5437)"'],
        "touch_hear": "Touch and Hear",
        "said": "1, 8 0 0, 2 2 8, K.I.D.S., 5 4 3 7",
    },
    {
        "name": "en-fee",
        "voice": "en-us",
        "steps": ['tap 500 500', 'tap "Search"', 'type "fee"', 'tap "Does it cost money to get child support services?"',
                  "expect-screen answer", *TOUCH_AND_HEAR,
                  'tap "You may be charged an annual service fee of $35. Annual means once a year."'],
        "touch_hear": "Touch and Hear",
        "said": "You may be charged an annual service fee of 35 dollars. Annual means once a year.",
    },
    {
        "name": "es-fee",
        "voice": "es-419",
        "steps": ['tap 500 500', 'tap "Language · Español"', 'tap "Español"', 'tap "Buscar"', 'type "cuota"',
                  'tap "¿Cuesta dinero recibir servicios de manutención de menores?"', "expect-screen answer",
                  'tap "Accesibilidad"', 'tap "{touch_hear}"', "key Escape",
                  'tap "Es posible que le cobren un cargo anual por servicio de $35. Anual quiere decir una vez al año."'],
        "touch_hear": "Tocar y escuchar",
        "said": "Es posible que le cobren un cargo anual por servicio de 35 dólares. Anual quiere decir una vez al año.",
    },
    {
        "name": "es-phone",
        "voice": "es-419",
        "steps": ['tap 500 500', 'tap "Language · Español"', 'tap "Español"', 'tap "{call}"', "expect-screen call",
                  'tap "Accesibilidad"', 'tap "{touch_hear}"', "key Escape", 'tap "1-800-228-KIDS (5437)"'],
        "touch_hear": "Tocar y escuchar",
        "call": "Llamar o visitar",
        "said": "1, 8 0 0, 2 2 8, K.I.D.S., 5 4 3 7",
    },
]

failures = []


def fail(msg):
    print("FAIL: " + msg)
    failures.append(msg)


def write_asoundrc(home, body):
    with open(os.path.join(home, ".asoundrc"), "w") as f:
        f.write(body)


def run_kiosk(home, name, steps):
    script = os.path.join(home, name + ".txt")
    with open(script, "w") as f:
        f.write("\n".join(steps) + "\n")
    env = dict(os.environ, HOME=home, PULSE_SERVER="unix:" + os.path.join(home, "no-pulse"),
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env.pop("ALSA_CONFIG_PATH", None)
    p = subprocess.run([KIOSK, "--headless", "--script", script, "--out", os.path.join(home, name + "-out"),
                        "--config", CONFIG, "--db", DB, "--speech", "espeak", "--size", "1920x1080"],
                       env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=240)
    return p


def capture_home(name):
    home = os.path.join(WORK, name)
    shutil.rmtree(home, ignore_errors=True)
    os.makedirs(home)
    cap = os.path.join(home, "cap.raw")
    write_asoundrc(home, 'pcm.!default {\n  type file\n  slave.pcm "null"\n  file "%s"\n  format "raw"\n  truncate false\n}\n' % cap)
    return home


def check_capture(case, home=None):
    if home is None:  # a headless script; else the kiosk already ran (a real window)
        home = capture_home(case["name"])
        steps = [s.format(**case) for s in case["steps"]]
        p = run_kiosk(home, case["name"], steps)
        if p.returncode != 0:
            fail("%s: the kiosk exited %d\n%s%s" % (case["name"], p.returncode, p.stdout[-2000:], p.stderr[-2000:]))
            return
        if "speech is off" in p.stderr or "ALSA lib" in p.stderr:
            fail("%s: speech did not play:\n%s" % (case["name"], p.stderr[-2000:]))
            return
    # ALSA's file plugin never appends: with "truncate false" each opening of
    # the device (one per utterance, and the kiosk's check that it opens)
    # writes a new file, cap.raw, cap.raw.0001, ...: together, in order, they
    # are what was played.
    parts = sorted(f for f in os.listdir(home) if f == "cap.raw" or f.startswith("cap.raw."))
    captured = b"".join(open(os.path.join(home, f), "rb").read() for f in parts)
    ref_wav = os.path.join(home, "ref.wav")
    subprocess.run(["espeak-ng", "-v", case["voice"], "-a", str(VOLUME * 2), "-w", ref_wav, case["said"]], check=True)
    ref = core(samples_of_wav(open(ref_wav, "rb").read()))
    print("%s: captured %.2f s in %d file(s), reference %.2f s of \"%s\" (%s)" % (case["name"], len(captured) / 44100.0, len(parts), len(ref) / 44100.0,
                                                                  case["said"], case["voice"]))
    if not ref:
        fail("%s: espeak-ng rendered silence" % case["name"])
        return
    # and not what the screen shows, read as espeak-ng would read it unaided
    shown = case["shown"] if "shown" in case else case["steps"][-1].split('"')[1]
    if shown:
        raw_wav = os.path.join(home, "shown.wav")
        subprocess.run(["espeak-ng", "-v", case["voice"], "-a", str(VOLUME * 2), "-w", raw_wav, shown], check=True)
        if core(samples_of_wav(open(raw_wav, "rb").read())) in captured:
            fail("%s: the kiosk read \"%s\" as shown, not as a person reads it" % (case["name"], shown))
    at = captured.find(ref)
    while at >= 0 and at % 2:  # a match must start on a sample
        at = captured.find(ref, at + 1)
    if at >= 0:
        print("%s: ok, the reference's %d samples are in the capture exactly, at %.2f s" % (case["name"], len(ref) // 2, at / 44100.0))
        return
    c, off = best_correlation(ref, captured[-len(ref) * 2 - 44100 * 4:]) if captured else (0.0, -1)
    fail("%s: the capture does not hold espeak-ng's rendering of \"%s\" (best normalized correlation %.3f)" % (case["name"], case["said"], c))


def check_no_sound():
    home = os.path.join(WORK, "no-sound")
    shutil.rmtree(home, ignore_errors=True)
    os.makedirs(home)
    write_asoundrc(home, "pcm.!default {\n  type hw\n  card 7\n}\n")  # a sound card that is not there
    steps = ['tap 500 500', 'expect-not "Read aloud"', 'expect "Help"', 'tap "Accessibility"', 'expect "Larger text"',
             'expect-not "Speak what I select"', 'expect-not "Touch and Hear"', 'expect-not "Louder"', "key Escape",
             'tap "Call or visit"', 'expect-not "Read aloud"']
    p = run_kiosk(home, "no-sound", steps)
    off = [l for l in p.stderr.splitlines() if "speech is off" in l]
    print("no-sound: %s" % (off[0] if off else "(no line)"))
    if p.returncode != 0:
        fail("no-sound: the kiosk exited %d\n%s%s" % (p.returncode, p.stdout[-3000:], p.stderr[-2000:]))
    if len(off) != 1 or "no sound device" not in off[0]:
        fail("no-sound: want one 'kiosk: speech is off: no sound device ...' line, got %r" % off)
    alsa = [l for l in p.stderr.splitlines() if l.startswith("ALSA lib")]
    if alsa:
        fail("no-sound: ALSA printed %d lines of its own, e.g. %s" % (len(alsa), alsa[0]))


def check_real_key():
    """The kiosk in a real X window (Xvfb); xdotool presses Down on the
    attract screen through XTEST, as a keyboard or keypad would: SDL's key
    event, the kiosk's key translation, and the words heard through ALSA."""
    missing = [t for t in ("Xvfb", "xdotool", "xdpyinfo") if not shutil.which(t)]
    if missing:
        print("real-key: skipped, %s not installed (scripts/setup.sh installs them)" % ", ".join(missing))
        return
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "realwindow"))
    import realwindow
    home = capture_home("real-key")

    class SoundDisplay(realwindow.Display):
        def env(self):
            e = super().env()
            e.update(HOME=home, PULSE_SERVER="unix:" + os.path.join(home, "no-pulse"))
            e.pop("ALSA_CONFIG_PATH", None)
            return e

    number = 79
    while os.path.exists("/tmp/.X%d-lock" % number):
        number += 1
    display = SoundDisplay(number, "1920x1080", wm=False)
    kiosk = None
    try:
        kiosk = realwindow.Kiosk(display, KIOSK, DB, CONFIG, home, "real-key")
        english = lambda l: l["screen"] == "attract" and any(n["label"] == "Touch to start" for n in l["labels"])
        if not kiosk.wait_for(english, 15.0):
            fail("real-key: the attract screen never showed \"Touch to start\"")
            return
        since = len(kiosk.lines)
        display.xdo("key", "Down")
        if not kiosk.wait_for(lambda l: l["screen"] == "home" and l["locale"] == "en", 5.0, since):
            fail("real-key: Down on the attract screen did not start in English")
            return
        # espeak-ng plays into the file plugin faster than real time: wait until the capture stops growing
        size, still = -1, 0
        for _ in range(300):
            time.sleep(0.1)
            now = sum(os.path.getsize(os.path.join(home, f)) for f in os.listdir(home) if f.startswith("cap.raw"))
            still = still + 1 if now == size and now > 0 else 0
            size = now
            if still >= 10:
                break
    finally:
        if kiosk:
            kiosk.close()
        display.close()
    log = open(os.path.join(home, "real-key.log")).read()
    if "speech is off" in log or "ALSA lib" in log:
        fail("real-key: speech did not play:\n" + log[-2000:])
        return
    check_capture({"name": "real-key", "voice": "en-us", "steps": [], "said": FIRST_KEY_EN, "shown": None}, home)


for case in CASES:
    check_capture(case)
check_real_key()
check_no_sound()
if failures:
    print("%d failure(s); files in %s" % (len(failures), WORK))
    sys.exit(1)
if len(sys.argv) <= 4:
    shutil.rmtree(WORK, ignore_errors=True)
print("all speech captures match")
