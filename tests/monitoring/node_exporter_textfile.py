#!/usr/bin/env python3
# The kiosk's health file as a fleet's Prometheus sees it: the real headless
# kiosk (its benchmark run: idle on the attract screen, a touch, idle on the
# home screen, on the real clock) writes [monitoring] textfile every 5 s into
# a temporary folder; the real prometheus-node-exporter on 127.0.0.1 serves
# it with its textfile collector. Checked on /metrics: the kiosk's metrics
# and labels, no textfile scrape error, the file's mtime, the visit the touch
# made, and kiosk_up 0 once the kiosk has stopped.
# usage: node_exporter_textfile.py KIOSK DB
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

kiosk, db = sys.argv[1], sys.argv[2]
exporter = shutil.which("prometheus-node-exporter") or shutil.which("node_exporter")
if not exporter:
    sys.exit("prometheus-node-exporter is not installed (scripts/setup.sh installs it)")

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def metrics(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
            return r.read().decode()
    except OSError:
        return ""


def value(text, name):
    m = re.search(r"^" + re.escape(name) + r" (\S+)$", text, re.M)
    return float(m.group(1)) if m else None


def wait_for(what, cond, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        got = cond()
        if got:
            return got
        time.sleep(0.25)
    check(False, what + f" within {seconds} s")
    return None


with tempfile.TemporaryDirectory() as tmp:
    folder = os.path.join(tmp, "node-exporter")
    os.mkdir(folder)
    prom = os.path.join(folder, "kiosk.prom")
    config = os.path.join(tmp, "kiosk.toml")
    with open(config, "w") as f:
        f.write(f'[monitoring]\ntextfile = "{prom}"\ninterval_seconds = 5\n')
    env = dict(os.environ, SDL_VIDEODRIVER="dummy")
    k = subprocess.Popen([kiosk, "--headless", "--benchmark", "--idle-seconds", "12", "--config", config, "--db", db],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         preexec_fn=lambda: os.umask(0o027))  # as deploy/kiosk.service runs it
    node = None
    try:
        wait_for("the kiosk writes its health file", lambda: os.path.exists(prom), 30)
        for attempt in range(5):  # a port taken between our look and its bind: another
            port = free_port()
            node = subprocess.Popen([exporter, f"--web.listen-address=127.0.0.1:{port}",
                                     f"--collector.textfile.directory={folder}",
                                     "--collector.disable-defaults", "--collector.textfile"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            end = time.monotonic() + 15  # up, and serving the kiosk's file
            while time.monotonic() < end and node.poll() is None and "kiosk_up" not in metrics(port):
                time.sleep(0.25)
            if node.poll() is None:
                break
            print("node exporter exited:", node.stderr.read()[-500:])
        text = metrics(port)
        check(value(text, "kiosk_up") == 1, "node_exporter serves kiosk_up 1")
        check(value(text, "node_textfile_scrape_error") == 0, "node_textfile_scrape_error is 0")
        check(re.search(r'^node_textfile_mtime_seconds\{file="[^"]*kiosk\.prom"\} \S+$', text, re.M) is not None,
              "node_textfile_mtime_seconds has the kiosk's file (KioskDown watches it)")
        check(re.search(r'^kiosk_info\{content_version="[0-9a-f]{8,}",pack_version="0"\} 1$', text, re.M) is not None,
              "kiosk_info carries the content version and the pack version as labels")
        age = value(text, "kiosk_last_frame_age_seconds")
        # the loop wakes at least every interval (5 s) though it draws nothing; slack for a loaded machine
        check(age is not None and 0 <= age < 15, f"kiosk_last_frame_age_seconds {age} stays under the interval on an idle kiosk")
        check((value(text, "kiosk_content_age_seconds") or -1) >= 0, "kiosk_content_age_seconds is served")
        check(value(text, "kiosk_content_past_review_items") is not None, "kiosk_content_past_review_items is served")
        check(value(text, "kiosk_speech_up") == 1, "kiosk_speech_up 1 (headless records speech)")
        check(value(text, "kiosk_starts_total") == 1, "kiosk_starts_total 1 on a first start")
        check("kiosk_printer_up" not in text, "no kiosk_printer_up without a printer configured")
        check("kiosk_pack_check_success" not in text, "no pack metrics without packs configured")
        check(re.search(r'^# TYPE kiosk_visits_total counter$', text, re.M) is not None, "kiosk_visits_total is a counter")
        check(len(re.findall(r'^kiosk_visits_today\{hour="\d\d"\} \d+$', text, re.M)) == 24, "24 hours of today's visits")
        # the benchmark touches the attract screen after 12 s: one visit, counted by the hour
        got = wait_for("the touch's visit is served", lambda: value(metrics(port), "kiosk_visits_total") == 1, 30)
        if got:
            hours = re.findall(r'^kiosk_visits_today\{hour="\d\d"\} (\d+)$', metrics(port), re.M)
            check(sum(int(h) for h in hours) == 1, "the visit is in today's hours")
        try:
            k.wait(timeout=45)
        except subprocess.TimeoutExpired:
            check(False, "the kiosk's benchmark run ends")
        check(k.returncode == 0, f"the kiosk exits 0 (got {k.returncode})")
        check(value(metrics(port), "kiosk_up") == 0, "a kiosk that stopped leaves kiosk_up 0 (KioskDown)")
        check(not os.path.exists(prom + ".tmp"), "no temporary file left beside it")
        # node_exporter runs as another user than the kiosk: readable by all under the unit's umask 0027
        check(os.stat(prom).st_mode & 0o777 == 0o644, f"the file's mode is 0644 (got {os.stat(prom).st_mode & 0o777:o})")
        with open(prom + ".starts") as f:
            check(f.read().strip() == "1", "the start count is kept beside the textfile")
    finally:
        for p in (k, node):
            if p and p.poll() is None:
                p.kill()
                p.wait()
    if k.stderr:
        err = k.stderr.read()
        if failures:
            print(err[-2000:])

sys.exit(1 if failures else 0)
