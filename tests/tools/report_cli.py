#!/usr/bin/env python3
"""The usage report's command line (CTest report_cli): `kiosk-content report`
on two kiosks' statistics written by the real Stats writer (make_test_stats)
exits 0 and writes index.html, a PNG and a CSV per chart whose totals are the
visits written; with --db CONTENT_DB topics and guides are named by their
English titles, their ids in a column of their own; a file that is not a statistics file, a wrong zone or no
--out is refused, naming it, with nothing written.

  report_cli.py KIOSK_CONTENT MAKE_TEST_STATS CONTENT_DB"""
import csv
import html
import os
import subprocess
import sys
import tempfile

tool, make_stats, content_db = sys.argv[1:4]
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def run(*args):
    return subprocess.run([tool, *args], capture_output=True, text=True, timeout=120)


def table(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


with tempfile.TemporaryDirectory() as tmp:
    a, b = os.path.join(tmp, "hartford.db"), os.path.join(tmp, "bridgeport.db")
    made = subprocess.run([make_stats, a, b], capture_output=True, text=True, timeout=60, check=True).stdout
    written = {os.path.basename(line.split()[0])[:-3]: int(line.split()[2]) for line in made.splitlines()}
    out = os.path.join(tmp, "report")
    r = run("report", a, b, "--out", out, "--timezone", "America/New_York")
    print(r.stdout + r.stderr)
    check(r.returncode == 0, "report of two kiosks exits 0")
    check("report of 2 kiosks" in r.stdout, "it says how many kiosks it merged")
    names = ["visits_by_hour", "visits_by_weekday", "languages", "topics", "guides", "guides_left", "searches_not_found"]
    for n in names:
        png = os.path.join(out, n + ".png")
        ok = os.path.exists(png) and os.path.getsize(png) > 8000
        if ok:
            with open(png, "rb") as f:
                ok = f.read(8) == b"\x89PNG\r\n\x1a\n"
        check(ok, n + ".png is a PNG of some size")
        check(os.path.exists(os.path.join(out, n + ".csv")), n + ".csv written")
    for n in ["visits_by_hour", "visits_by_weekday"]:
        rows = table(os.path.join(out, n + ".csv"))
        head = rows[0]
        check(head == [head[0], "hartford", "bridgeport", "total"], n + ": a column per kiosk and the total")
        for i, k in enumerate(["hartford", "bridgeport"]):
            check(sum(int(r[1 + i]) for r in rows[1:]) == written[k], "%s: %s's %d visits" % (n, k, written[k]))
        check(all(int(r[1]) + int(r[2]) == int(r[3]) for r in rows[1:]), n + ": each total is the sum")
    hours = {r[0]: int(r[3]) for r in table(os.path.join(out, "visits_by_hour.csv"))[1:]}
    check(hours["8"] > 0 and hours["16"] > 0 and hours["7"] == 0 and hours["17"] == 0,
          "visits between 8 am and 5 pm New York time (the files hold UTC hours)")
    days = {r[0]: r for r in table(os.path.join(out, "visits_by_weekday.csv"))[1:]}
    check(days["Sunday"][3] == "0" and days["Saturday"][1] == "0" and int(days["Saturday"][2]) > 0,
          "no visits on Sunday, on Saturday only at the second kiosk")
    with open(os.path.join(out, "index.html"), encoding="utf-8") as f:
        page = f.read()
    check("hartford" in page and "bridgeport" in page, "index.html names both kiosks")
    check("2026-11-02 to 2026-11-14" in page, "index.html gives the days covered")
    check(all('src="%s.png"' % n in page and 'href="%s.csv"' % n in page for n in names), "every chart and its CSV linked")

    # without --db: topics and guides by id, no id column
    check(table(os.path.join(out, "topics.csv"))[0] == ["topic", "hartford", "bridgeport", "total"], "topics.csv without --db: ids only")

    # with --db: topics and guides by their English titles, the ids in a column of their own
    named = os.path.join(tmp, "named")
    r = run("report", a, b, "--out", named, "--timezone", "America/New_York", "--db", content_db)
    print(r.stdout + r.stderr)
    check(r.returncode == 0, "report --db exits 0")
    with open(os.path.join(named, "index.html"), encoding="utf-8") as f:
        named_page = f.read()
    for n, heading in (("topics", "topic"), ("guides", "guide")):
        rows = table(os.path.join(named, n + ".csv"))
        check(rows[0] == [heading, "content id", "hartford", "bridgeport", "total"], n + ".csv with --db: title, content id, kiosks, total")
        by_id = {r[1]: r for r in rows[1:]}
        plain = {r[0]: r for r in table(os.path.join(out, n + ".csv"))[1:]}
        check(set(by_id) == set(plain), n + ": the same ids as without --db")
        check(all(by_id[i][2:] == plain[i][1:] for i in plain), n + ": the same numbers as without --db")
        for i in ("payments", "enforcement") if n == "topics" else ("review", "apply"):
            title = by_id[i][0] if i in by_id else ""
            check(title and title != i and html.escape(title) in named_page, "%s %s is named by its title (%r), in index.html too" % (n, i, title))
        if n == "topics":  # an id the content no longer has stays as it is
            check(by_id["paternity"][0] == "paternity", "a topic the content does not have keeps its id")
        check(os.path.getsize(os.path.join(named, n + ".png")) > 8000, n + ".png drawn from the named table")
    titles = {r[1]: r[0] for r in table(os.path.join(named, "guides.csv"))[1:]}
    left = table(os.path.join(named, "guides_left.csv"))
    check(left[0][:2] == ["guide and step", "content id"] and len(left) > 1
          and all(r[1] in titles and r[0].startswith(titles[r[1]] + ": ") for r in left[1:]),
          "guides_left.csv with --db: each guide by title, its id beside it")
    out4 = os.path.join(tmp, "refused-db")
    r = run("report", a, "--out", out4, "--db", b)
    check(r.returncode != 0 and b in r.stderr and not os.path.exists(out4), "--db of a statistics file is refused by name, nothing written (%s)" % r.stderr.strip())

    # without matplotlib (a stand-in that fails to import): one line naming the package, the CSVs written
    fake = os.path.join(tmp, "no-matplotlib", "matplotlib")
    os.makedirs(fake)
    with open(os.path.join(fake, "__init__.py"), "w") as f:
        f.write("raise ImportError('no matplotlib here')\n")
    out3 = os.path.join(tmp, "no-charts")
    r = subprocess.run([tool, "report", a, "--out", out3], capture_output=True, text=True, timeout=60,
                       env=dict(os.environ, PYTHONPATH=os.path.dirname(fake)))
    check(r.returncode == 1 and r.stderr.count("\n") == 1 and "python3-matplotlib" in r.stderr
          and os.path.exists(os.path.join(out3, "visits_by_hour.csv")), "no matplotlib: one line naming python3-matplotlib (%s)" % r.stderr.strip())

    # refused, naming the file, nothing written
    notes = os.path.join(tmp, "notes.txt")
    with open(notes, "w") as f:
        f.write("not a database\n")
    for bad, what in [(notes, "a text file"), (content_db, "a content database")]:
        out2 = os.path.join(tmp, "refused")
        r = run("report", a, bad, "--out", out2)
        check(r.returncode != 0 and bad in r.stderr and not os.path.exists(out2), "%s is refused by name, nothing written (%s)" % (what, r.stderr.strip()))
    r = run("report", a, "--out", os.path.join(tmp, "refused"), "--timezone", "Mars/Olympus")
    check(r.returncode != 0 and "Mars/Olympus" in r.stderr and not os.path.exists(os.path.join(tmp, "refused")), "a zone that is not one is refused")
    r = run("report", a)
    check(r.returncode == 2 and "--out" in r.stderr, "--out is required")
    r = run("report", os.path.join(tmp, "missing.db"), "--out", os.path.join(tmp, "refused"))
    check(r.returncode != 0 and "missing.db" in r.stderr and not os.path.exists(os.path.join(tmp, "missing.db")), "a missing file is named, not created")

print("%d failed" % len(failures) if failures else "all passed")
sys.exit(1 if failures else 0)
