#!/usr/bin/env python3
"""What a person's review of a translation does to `kiosk-content coverage`,
on a copy of the real sources: nothing is reviewed as shipped; two Polish
questions marked as a reviewer marks them (reviewed_on, reviewed_by and the
reviewed_en that `coverage --unreviewed pl` shows) count as reviewed 2 under
pl, leave --unreviewed pl's list and change nothing in Spanish; once the
English of one changes, its review is out of date and it is listed again.

usage: coverage_reviewed.py KIOSK_CONTENT SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

tool, source_dir = (os.path.abspath(a) for a in sys.argv[1:3])
failures = []


def run(*args):
    p = subprocess.run([tool, *args], capture_output=True, timeout=60, cwd="/")
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else "\n     " + detail.replace("\n", "\n     ")))
    if not ok:
        failures.append(name)


def build(root):
    db = os.path.join(root, "content.db")
    rc, out, err = run("build", os.path.join(root, "content"), "--out", db)
    if rc != 0:
        print(err)
        sys.exit("FAIL build: exit " + str(rc))
    return db


def section(text, locale):
    """The lines of `coverage` under `locale:`."""
    m = re.search(r"^" + locale + r":\n((?:  .*\n)*)", text, re.M)
    return m.group(1) if m else ""


def kind_line(text, locale, kind):
    m = re.search(r"^  " + kind + r"\s.*$", section(text, locale), re.M)
    return m.group(0) if m else ""


with tempfile.TemporaryDirectory() as tmp:
    root = os.path.join(tmp, "src")
    shutil.copytree(os.path.join(source_dir, "content"), os.path.join(root, "content"))
    shutil.copytree(os.path.join(source_dir, "locales"), os.path.join(root, "locales"))
    db = build(root)

    rc, out, err = run("coverage", "--db", db)
    check("coverage runs", rc == 0, err)
    faq_pl = kind_line(out, "pl", "faq")
    m = re.search(r"(\d+)/(\d+)\s+\S+%\s+reviewed 0, unreviewed (\d+)$", faq_pl)
    check("as shipped nothing is reviewed: pl faq says reviewed 0, unreviewed = translated", bool(m) and m.group(1) == m.group(3), faq_pl)
    check("English has no reviewed column (it is the source)", "reviewed" not in section(out, "en"), section(out, "en"))

    rc, listing, err = run("coverage", "--db", db, "--unreviewed", "pl")
    check("--unreviewed pl runs", rc == 0, err)
    hashes = dict(re.findall(r'^(\S+)  content/faq/\S+\.pl\.md  reviewed_en = "([0-9a-f]{8})"$', listing, re.M))
    check("--unreviewed pl lists apply-how and apply-fee with the English they would be reviewed against",
          "apply-how" in hashes and "apply-fee" in hashes, listing[:2000])
    rc, _, err = run("coverage", "--db", db, "--unreviewed", "en")
    check("--unreviewed en is refused: English is the source", rc == 2 and "source" in err, err)
    rc, _, err = run("coverage", "--db", db, "--unreviewed", "xx")
    check("--unreviewed of a locale the content does not have is refused by name", rc == 2 and "'xx'" in err, err)

    # a reviewer marks two Polish questions, as content/README.md says
    for id in ("apply-how", "apply-fee"):
        path = os.path.join(root, "content", "faq", id + ".pl.md")
        text = open(path, encoding="utf-8").read()
        assert text.startswith("+++\n")
        review = 'reviewed_on = 2026-11-30\nreviewed_by = "A. Kowalska"\nreviewed_en = "%s"\n' % hashes.get(id, "00000000")
        open(path, "w", encoding="utf-8").write("+++\n" + review + text[4:])
    rc, _, err = run("validate", os.path.join(root, "content"))
    check("validate accepts the two reviews", rc == 0, err)
    db = build(root)
    rc, out, err = run("coverage", "--db", db)
    faq_pl2 = kind_line(out, "pl", "faq")
    m2 = re.search(r"(\d+)/(\d+)\s+\S+%\s+reviewed 2, unreviewed (\d+)$", faq_pl2)
    check("two reviewed: pl faq says reviewed 2 and two fewer unreviewed", bool(m and m2) and int(m2.group(3)) == int(m.group(3)) - 2,
          faq_pl + "\n" + faq_pl2)
    def kinds(locale):  # the kind lines (not ui, not missing) of a locale
        return [l for l in section(out, locale).splitlines() if re.match(r"^  \w+\s+\d+/", l) and not l.startswith("  ui ")]
    check("the other kinds of pl and all of Spanish still reviewed 0",
          len(kinds("es")) >= 6 and all(" reviewed 0," in l for l in kinds("es")) and
          all(" reviewed 0," in l for l in kinds("pl") if not l.startswith("  faq ")),
          section(out, "es") + section(out, "pl"))
    rc, listing, err = run("coverage", "--db", db, "--unreviewed", "pl")
    check("the two reviewed are no longer listed", not re.search(r"^apply-(how|fee) ", listing, re.M), listing[:2000])

    # English changes after the review: it is out of date and listed again
    en = os.path.join(root, "content", "faq", "apply-fee.en.md")
    with open(en, "a", encoding="utf-8") as f:
        f.write("\nA sentence added to English after the review.\n")
    db = build(root)
    rc, out, err = run("coverage", "--db", db)
    faq_pl3 = kind_line(out, "pl", "faq")
    check("after English changed: reviewed 1, (1 out of date)", "reviewed 1," in faq_pl3 and "(1 out of date)" in faq_pl3, faq_pl3)
    rc, listing, err = run("coverage", "--db", db, "--unreviewed", "pl")
    check("--unreviewed pl says apply-fee was reviewed before English changed",
          re.search(r"^apply-fee  content/faq/apply-fee\.pl\.md  out of date: reviewed on 2026-11-30 by A\. Kowalska", listing, re.M)
          is not None, listing[-2000:])

if failures:
    sys.exit("%d failed: %s" % (len(failures), ", ".join(failures)))
print("all passed")
