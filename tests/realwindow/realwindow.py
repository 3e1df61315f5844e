#!/usr/bin/python3
"""The kiosk on a real X window, driven by real input events.

Xvfb is the display, matchbox the window manager (or none), xdotool sends
pointer events through XTEST the way a touch panel's driver would (a fast
burst goes through python3-xlib's XTEST from this process, so 100 moves a
second are kept even on a busy machine), ImageMagick
takes screenshots. The kiosk writes what it shows to --trace (one JSON line,
stamped with CLOCK_MONOTONIC, for every frame drawn); this script reads
that to find where widgets are and when a frame with a given pointer state was
drawn.

  realwindow.py --kiosk build/kiosk --db build/content.db [--slice] [--out DIR]

--slice runs the short CI part (taps with a window manager, one 300-move
burst, taps without a window manager). The full run adds more bursts and
prints the lag figures the benchmark reports. Exits non-zero on any failure.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

RESULTS = []  # (name, ok, detail)


def check(name, ok, detail=""):
    RESULTS.append((name, bool(ok), detail))
    print(("ok    " if ok else "FAIL  ") + name + (": " + detail if detail else ""), flush=True)
    return ok


class Display:
    """An Xvfb server, with or without a window manager."""

    def __init__(self, number, size="1920x1080", wm=True):
        self.name = f":{number}"
        lock = f"/tmp/.X{number}-lock"
        if os.path.exists(lock):
            raise SystemExit(f"display {self.name} is taken ({lock}); pick another with --display")
        self.xvfb = subprocess.Popen(["Xvfb", self.name, "-screen", "0", size + "x24", "-nolisten", "tcp"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if subprocess.run(["xdpyinfo", "-display", self.name], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode == 0:
                break
            time.sleep(0.05)
        else:
            raise SystemExit("Xvfb did not start")
        self.wm = None
        if wm:
            self.wm = subprocess.Popen(["matchbox-window-manager", "-use_titlebar", "no"], env=self.env(),
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.3)

    def env(self):
        e = dict(os.environ)
        e["DISPLAY"] = self.name
        e.pop("WAYLAND_DISPLAY", None)
        return e

    def xdo(self, *args):
        subprocess.run(["xdotool", *map(str, args)], env=self.env(), check=True)

    def screenshot(self, path):
        subprocess.run(["import", "-window", "root", path], env=self.env(), check=True)

    def close(self):
        for p in (self.wm, self.xvfb):
            if p and p.poll() is None:
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()


class Kiosk:
    """The real kiosk binary on that display, with its trace."""

    def __init__(self, display, binary, db, config, out, name):
        self.display = display
        self.trace_path = os.path.join(out, name + ".trace.jsonl")
        self.log_path = os.path.join(out, name + ".log")
        for stale in (self.trace_path, self.log_path):
            if os.path.exists(stale):
                os.remove(stale)
        self.t_start = time.monotonic()
        env = display.env()
        env.setdefault("SDL_AUDIODRIVER", "dummy")
        self.proc = subprocess.Popen([binary, "--config", config, "--db", db, "--trace", self.trace_path],
                                     env=env, stdout=open(self.log_path, "w"), stderr=subprocess.STDOUT)
        self.lines = []
        self._pos = 0

    def poll(self):
        try:
            with open(self.trace_path) as f:
                f.seek(self._pos)
                chunk = f.read()
        except FileNotFoundError:
            return
        last_nl = chunk.rfind("\n")
        if last_nl < 0:
            return
        self._pos += len(chunk[:last_nl + 1].encode())
        for line in chunk[:last_nl + 1].splitlines():
            if line.strip():
                self.lines.append(json.loads(line))

    def last(self):
        self.poll()
        return self.lines[-1] if self.lines else None

    def wait_for(self, pred, timeout=10.0, since=0):
        """The first trace line (index >= since) for which pred holds."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.poll()
            for i in range(since, len(self.lines)):
                if pred(self.lines[i]):
                    return self.lines[i]
            if self.proc.poll() is not None:
                raise SystemExit(f"the kiosk exited ({self.proc.returncode}); see {self.log_path}")
            time.sleep(0.01)
        return None

    def wait_drawn(self, screen, timeout=10.0, since=0):
        """The first frame drawn on `screen` (a trace line names the screen
        whose widgets it lists)."""
        return self.wait_for(lambda l: l["screen"] == screen, timeout, since)

    def node(self, label, line=None):
        line = line or self.last()
        for n in line["labels"] if line else []:
            if n["label"] == label:
                return n
        return None

    def close(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def centre(n):
    x, y, w, h = n["rect"]
    return x + w // 2, y + h // 2


def tap(k, label, expect_screen=None, timeout=5.0):
    """Taps the widget the accessibility tree names; waits for the screen."""
    n = k.node(label)
    if not n:
        return check(f"tap \"{label}\"", False, "not on screen; showing " + ", ".join(x["label"] for x in k.last()["labels"][:12]))
    x, y = centre(n)
    since = len(k.lines)
    k.display.xdo("mousemove", x, y, "click", "1")
    if expect_screen:
        got = k.wait_drawn(expect_screen, timeout, since)
        return check(f"tap \"{label}\" at {x},{y} opens {expect_screen}", got,
                     "" if got else "screen is " + k.last()["screen"])
    return True


def start_in_english(k, timeout=15.0):
    """Touches the attract screen while it shows English: a touch starts in
    the language the attract screen is showing at that moment."""
    # wait for the frame that turns it to English, so the touch comes early
    # in the 3 s that English shows (the first frame after start counts too)
    k.poll()
    since = len(k.lines) if len(k.lines) > 1 else 0
    english = lambda l: l["screen"] == "attract" and any(n["label"] == "Touch to start" for n in l["labels"])
    # the frame that turns it to English, not a later redraw in the same 3 s
    # (one at the end of them would leave the touch to land in the next language)
    def turns_english(l):
        i = k.lines.index(l)
        return english(l) and (i == 0 or not english(k.lines[i - 1]))
    if not k.wait_for(turns_english, timeout, since):
        return None
    since = len(k.lines)
    k.display.xdo("mousemove", 960, 540, "click", "1")
    return k.wait_for(lambda l: l["screen"] == "home" and l["locale"] == "en", 5.0, since)


def window_geometry(display):
    out = subprocess.run(["xwininfo", "-root", "-tree"], env=display.env(), capture_output=True, text=True).stdout
    for line in out.splitlines():
        if "Child Support Help" in line:
            # ...  1920x1080+0+0  +0+0
            geo = line.split(")")[-1].split()[0]
            size, _, pos = geo.partition("+")
            w, h = map(int, size.split("x"))
            return w, h
    return None


def burst(k, x, y_from, y_to, moves=300, hz=100.0, still_ms=200):
    """A finger down, `moves` pointer moves at `hz`, a rest, the finger up,
    through XTEST (as xdotool sends them; one xdotool process per move could
    not keep 100 a second). Returns (lag from the release to the frame that
    shows it in ms, in frames, the rate really sent, whether the last position
    was drawn, that position)."""
    from Xlib import X, display as xdisplay
    from Xlib.ext import xtest
    d = xdisplay.Display(k.display.name)
    since = len(k.lines)
    period = 1.0 / hz

    def move(px, py):
        xtest.fake_input(d, X.MotionNotify, x=px, y=py)
        d.sync()

    move(x, y_from)
    xtest.fake_input(d, X.ButtonPress, 1)
    d.sync()
    y = y_from
    t0 = time.monotonic()
    for i in range(1, moves + 1):
        # up, then half way back: a finger scrubbing the list
        f = i / moves
        y = int(y_from + (y_to - y_from) * (f * 2 if f < 0.5 else 1 - (f - 0.5)))
        target = t0 + i * period
        now = time.monotonic()
        if target > now:
            time.sleep(target - now)
        move(x, y)
    sent_hz = moves / (time.monotonic() - t0)
    time.sleep(still_ms / 1000.0)
    xtest.fake_input(d, X.ButtonRelease, 1)
    d.sync()  # the server has the release
    t_up = time.monotonic()
    d.close()
    down = k.wait_for(lambda l: l["pointer"][2] == 1, 10.0, since)
    if not down:
        return None, None, sent_hz, False, y
    first_down = k.lines.index(down)
    up = k.wait_for(lambda l: l["pointer"][2] == 0, 10.0, first_down)
    lag = (up["t"] - t_up) * 1000.0 if up else None
    # frames drawn after the release until the one that shows it (the frame
    # in progress when the finger lifted counts as the first)
    before = [l for l in k.lines[first_down:] if l["t"] < t_up]
    lag_frames = up["frame"] - before[-1]["frame"] if up and before else None
    drawn = any(l["pointer"][2] == 1 and l["pointer"][1] == y for l in k.lines[first_down:])
    return lag, lag_frames, sent_hz, drawn, y


def run(args):
    out = args.out or tempfile.mkdtemp(prefix="realwindow-")
    os.makedirs(out, exist_ok=True)
    config = args.config
    lags = []

    # 1. With a window manager, as under cage: taps land where the tree says.
    disp = Display(args.display, wm=True)
    k = Kiosk(disp, args.kiosk, args.db, config, out, "wm")
    try:
        first = k.wait_for(lambda l: True, 20.0)
        check("first frame on a real window", first, "")
        if first:
            check("first paint", True, f"{(first['t'] - k.t_start) * 1000:.0f} ms after start")
        geo = window_geometry(disp)
        check("window covers the screen (window manager)", geo == (1920, 1080), f"window {geo}")
        check("a touch on the attract screen opens home", start_in_english(k), "")
        tap(k, "Offices", "offices")
        disp.screenshot(os.path.join(out, "wm-offices.png"))
        # a burst of 300 moves at ~100/s on the list; it must end on screen
        # within 0.1 s of the finger lifting
        n_bursts = 1 if args.slice else 5
        for b in range(n_bursts):
            lag, lag_frames, hz, final_drawn, final_y = burst(k, 500, 950, 620)
            lags.append((lag, lag_frames))
            check(f"burst {b + 1}: 300 moves at {hz:.0f}/s, the last position drawn", final_drawn, f"y={final_y}")
            # the CI slice runs on a shared, loaded machine: there the frames
            # are the check and the milliseconds a number it reports; the full
            # run (scripts/real-window-test) holds them to 100 ms too
            in_time = lag is not None and (args.slice or lag <= 100.0)
            check(f"burst {b + 1}: release on screen within {'2 frames' if args.slice else '100 ms and 2 frames'}",
                  in_time and lag_frames is not None and lag_frames <= 2,
                  "never" if lag is None else f"{lag:.1f} ms, {lag_frames} frames")
        time.sleep(0.5)  # the list is at rest: no fling after a finger that stopped
        a = os.path.join(out, "wm-after-drag-a.png")
        b = os.path.join(out, "wm-after-drag-b.png")
        disp.screenshot(a)
        time.sleep(1.0)
        disp.screenshot(b)
        same = subprocess.run(["compare", "-metric", "AE", a, b, "null:"], capture_output=True, text=True)
        check("the list is at rest after the drag", same.stderr.strip().split()[0] == "0", "differing pixels " + same.stderr.strip())
        # a tap after the drag opens what is under the finger now
        line = k.last()
        rows = [n for n in line["labels"] if n["role"] == "row" and n["rect"][1] >= 560
                and n["rect"][1] + n["rect"][3] <= 985]
        towns = [n["label"] for n in rows]
        rows = [n for n in rows if towns.count(n["label"]) == 1]
        if check("office rows visible after the drag", rows, ", ".join(towns)):
            target = rows[0]
            since = len(k.lines)
            x, y = centre(target)
            disp.xdo("mousemove", x, y, "click", "1")
            got = k.wait_drawn("office", 5.0, since)
            check("a tap after the drag opens the row under the finger",
                  got and any(target["label"] in n["label"] for n in got["labels"]),
                  f"tapped \"{target['label']}\" at {x},{y}; the office page shows "
                  + ("; ".join(n["label"][:50] for n in got["labels"][:4]) if got else "nothing"))
        tap(k, "Home", "home")
        if not args.slice:
            for label, screen in (("Questions", "questions"), ("Home", "home"), ("Step-by-step guides", "guides"), ("Home", "home"),
                                  ("Kids' corner", "kids"), ("Home", "home"), ("Search", "search")):
                tap(k, label, screen)
        disp.screenshot(os.path.join(out, "wm-end.png"))
    finally:
        k.close()
        disp.close()

    # 2. No window manager: nobody grants fullscreen; the kiosk must still
    #    cover the screen and lay out for the size it really has.
    disp = Display(args.display, wm=False)
    k = Kiosk(disp, args.kiosk, args.db, config, out, "nowm")
    try:
        k.wait_for(lambda l: True, 20.0)
        geo = window_geometry(disp)
        check("window covers the screen (no window manager)", geo == (1920, 1080), f"window {geo}")
        check("no window manager: a touch opens home", start_in_english(k), "")
        line = k.last()
        right = max((n["rect"][0] + n["rect"][2] for n in line["labels"]), default=0)
        check("no window manager: laid out for the real width", 1700 < right <= 1920, f"rightmost widget ends at {right}")
        disp.screenshot(os.path.join(out, "nowm-home.png"))
        tap(k, "Offices", "offices")
        tap(k, "Back", "home")
        tap(k, "Step-by-step guides", "guides")
    finally:
        k.close()
        disp.close()

    good = [l for l in lags if l[0] is not None]
    if good:
        ms = sorted(l[0] for l in good)
        print(f"drag_end_lag_ms max {ms[-1]:.1f} median {ms[len(ms) // 2]:.1f} frames_max {max(l[1] for l in good)}"
              f" over {len(good)} bursts")
    failed = [r for r in RESULTS if not r[1]]
    print(f"realwindow: {len(RESULTS) - len(failed)} passed, {len(failed)} failed (screenshots and traces in {out})")
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--config", required=True)
    ap.add_argument("--out")
    ap.add_argument("--display", type=int, default=78)
    ap.add_argument("--slice", action="store_true", help="the short CI part")
    args = ap.parse_args()
    for tool in ("Xvfb", "xdotool", "matchbox-window-manager", "import", "compare", "xwininfo", "xdpyinfo"):
        if not shutil.which(tool):
            raise SystemExit(f"realwindow: {tool} is missing (scripts/setup.sh installs it)")
    sys.exit(run(args))


if __name__ == "__main__":
    main()
