#!/usr/bin/env python3
"""kiosk-content diff and proof on a real change (issue 19): a copy of
content/ with one office's phone, one guide step and one Spanish answer
changed, built with kiosk-content build and compared with the database of
the real content.

  content_proof.py diff  KIOSK_CONTENT SOURCE_DIR OLD_DB
  content_proof.py proof KIOSK_CONTENT SOURCE_DIR OLD_DB KIOSK
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

mode, tool, src, old_db = sys.argv[1:5]
kiosk = sys.argv[5] if len(sys.argv) > 5 else None

OLD_PHONE, NEW_PHONE = "203-579-6590", "203-555-0123"  # 555-01xx: a number no one has
OLD_STEP = "Before you go, ask the OCSS office or the call center what to bring."
NEW_STEP = "Before you go, call the OCSS office or the call center and ask what to bring."
OLD_ES = "En este quiosco puede encontrar las oficinas de la OCSS"
NEW_ES = "En este quiosco puede ver las oficinas de la OCSS"
# what a visitor would see change: (kind, id, language: * for every one, the field)
EXPECTED = {("office", "ses-bridgeport", "*", "phones"), ("guide", "apply", "en", "step.3.text"),
            ("faq", "apply-how", "es", "body")}

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def edit(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert text.count(old) == 1, (path, old)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new))


def run(*args):
    return subprocess.run([tool, *args], capture_output=True, text=True, timeout=80)


tmp = tempfile.mkdtemp(prefix="kiosk-proof-")
try:
    shutil.copytree(os.path.join(src, "content"), os.path.join(tmp, "content"))
    shutil.copytree(os.path.join(src, "locales"), os.path.join(tmp, "locales"))
    c = os.path.join(tmp, "content")
    edit(os.path.join(c, "offices", "ses-bridgeport.en.md"), OLD_PHONE, NEW_PHONE)
    edit(os.path.join(c, "guides", "apply.en.md"), OLD_STEP, NEW_STEP)
    edit(os.path.join(c, "faq", "apply-how.es.md"), OLD_ES, NEW_ES)
    new_db = os.path.join(tmp, "new.db")
    r = run("build", c, "--out", new_db)
    check(r.returncode == 0, "the changed copy builds: " + r.stderr)

    if mode == "diff":
        r = run("diff", old_db, new_db)
        check(r.returncode == 1, "diff exits 1 when something changed (got %d: %s)" % (r.returncode, r.stderr))
        for words in (OLD_PHONE, NEW_PHONE, "{+call+}", "[-encontrar-]{+ver+}",
                      "changed office ses-bridgeport, every language", "changed guide apply, en", "changed faq apply-how, es"):
            check(words in r.stdout, "the diff says " + words)
        check(r.stdout.count("\nchanged ") == 3, "the diff lists three changes:\n" + r.stdout)
        r = run("diff", old_db, new_db, "--json")
        check(r.returncode == 1, "diff --json exits 1 too")
        d = json.loads(r.stdout)
        got = {(x["kind"], x["id"], x["locale"], f["field"]) for x in d["changes"] for f in x["fields"]}
        check(got == EXPECTED, "exactly the three changes, in the right languages: %s" % sorted(got))
        check(d["old"]["content_version"] != d["new"]["content_version"], "the two content versions differ")
        # only Spanish asked: the phone (every language) and the Spanish answer
        r = run("diff", old_db, new_db, "--json", "--locale", "es")
        got = {(x["kind"], x["id"], x["locale"]) for x in json.loads(r.stdout)["changes"]}
        check(got == {("office", "ses-bridgeport", "*"), ("faq", "apply-how", "es")}, "--locale es: %s" % sorted(got))
        r = run("diff", old_db, old_db)
        check(r.returncode == 0, "diff of a database with itself exits 0 (got %d)" % r.returncode)
        check("nothing a visitor sees has changed" in r.stdout and "\nchanged " not in r.stdout,
              "and says nothing changed:\n" + r.stdout)
        not_db = os.path.join(tmp, "notes.db")
        with open(not_db, "w") as f:
            f.write("not a database\n")
        for args in ((not_db, new_db), (old_db, not_db), (old_db, os.path.join(tmp, "missing.db"))):
            r = run("diff", *args)
            bad = args[0] if args[0] != old_db else args[1]
            check(r.returncode == 2 and bad in r.stderr and not r.stdout, "diff refuses %s by name with exit 2 (got %d: %s)"
                  % (bad, r.returncode, r.stderr))
        r = run("diff", old_db, new_db, "--locale", "xx")
        check(r.returncode == 2 and "xx" in r.stderr, "an unknown --locale is an error")
        # a word of the screens (a UI string) is a change too, in its language
        po = os.path.join(tmp, "locales", "es.po")
        with open(po, encoding="utf-8") as f:
            text = f.read()
        with open(po, "w", encoding="utf-8") as f:
            f.write(text.replace('msgstr "Inicio"', 'msgstr "Inicio de todo"', 1))
        ui_db = os.path.join(tmp, "ui.db")
        check(run("build", c, "--out", ui_db).returncode == 0, "the copy with a changed es.po builds")
        d = json.loads(run("diff", new_db, ui_db, "--json").stdout)
        got = [(x["kind"], x["locale"], x["fields"][0]["new"]) for x in d["changes"]]
        check(got == [("ui", "es", "Inicio de todo")], "one UI string changed, in Spanish: %s" % got)

    if mode == "proof":
        out = os.path.join(tmp, "proof")
        r = run("proof", old_db, new_db, "--out", out, "--kiosk", kiosk, "--size", "1080x1920")
        check(r.returncode == 0, "proof exits 0 (%s%s)" % (r.stdout, r.stderr))
        with open(os.path.join(out, "index.html"), encoding="utf-8") as f:
            html = f.read()
        d = json.loads(run("diff", old_db, new_db, "--json").stdout)
        for side in ("old", "new"):
            check(d[side]["content_version"] in html, "index.html holds the %s content version" % side)
        check("Reviewer name" in html and "Approved" in html and "Changes needed" in html, "index.html has the sign-off block")
        shots = sorted(n for n in os.listdir(os.path.join(out, "new")) if n.endswith(".png"))
        check(len(shots) == 3 and sorted(os.listdir(os.path.join(out, "old"))) == sorted(os.listdir(os.path.join(out, "new"))),
              "three screens on each side: %s" % shots)
        for n in shots:
            with open(os.path.join(out, "old", n), "rb") as a, open(os.path.join(out, "new", n), "rb") as b:
                check(a.read() != b.read(), n + " differs between old and new")
            check(('src="old/%s"' % n) in html and ('src="new/%s"' % n) in html, "index.html shows both " + n)
        # the screens show the changed words: what each kiosk run had in view
        for side, words in (("old", (OLD_PHONE, OLD_STEP, OLD_ES)), ("new", (NEW_PHONE, NEW_STEP, NEW_ES))):
            with open(os.path.join(out, side, "trace.jsonl"), encoding="utf-8") as f:
                trace = f.read()
            for w in words:
                check(w in trace, "the %s screens show %r" % (side, w))
        pdf = os.path.join(out, "proof.pdf")
        check(os.path.getsize(pdf) > 10000, "proof.pdf is written")
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages = [int(l.split()[-1]) for l in info.splitlines() if l.startswith("Pages:")]
        check(pages == [5], "proof.pdf has 5 pages (the versions, 3 screens, the sign-off): %s" % pages)
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        check(NEW_PHONE in text and OLD_PHONE in text, "the PDF's text holds the old and the new phone number")
        check(d["new"]["content_version"] in text, "the PDF's text holds the new content version")
        if os.environ.get("KIOSK_PROOF_KEEP"):
            shutil.copytree(out, os.environ["KIOSK_PROOF_KEEP"], dirs_exist_ok=True)
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print("%s: %s" % (mode, "ok" if not failures else "%d failed" % len(failures)))
sys.exit(1 if failures else 0)
