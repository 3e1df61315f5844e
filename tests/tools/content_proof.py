#!/usr/bin/env python3
"""kiosk-content diff and proof on a real change (issue 19): a copy of
content/ with one office's phone, one guide step and one answer changed (in
Spanish, Arabic and Chinese), built with kiosk-content build and compared
with the database of the real content. The proof's PDF is read back with
poppler-utils: the Arabic words in order, an Arabic and a CJK font embedded.

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
OLD_AR = "يمكنك أن تجد مكاتب OCSS وأرقام هواتفها على هذا الجهاز."
NEW_AR = "يمكنك أن ترى مكاتب OCSS وأرقام هواتفها على هذا الجهاز."
OLD_ZH = "您可以在本自助服务机上找到 OCSS 各办公室及其电话号码。"
NEW_ZH = "您可以在本自助服务机上看到 OCSS 各办公室及其电话号码。"
# what a visitor would see change: (kind, id, language: * for every one, the field)
EXPECTED = {("office", "ses-bridgeport", "*", "phones"), ("guide", "apply", "en", "step.3.text"),
            ("faq", "apply-how", "es", "body"), ("faq", "apply-how", "ar", "body"), ("faq", "apply-how", "zh", "body")}

failures = []


def squeeze(s):
    """Letters and digits only, in order: what a reader of the page sees,
    whatever pdftotext makes of spaces, line ends, punctuation and
    right-to-left runs (as tests/print/test_print.cpp's squeeze())."""
    skip = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
               "\u060c\u061b\u061f\u06d4\u00a0\u2022\u3002\uff0c")
    latin = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
    out = []
    for ch in s:
        if ord(ch) < 0x80:
            if ch.isalnum():
                out.append(ch)
        elif ch in latin:
            out.append(latin[ch])
        elif ch not in skip and not (0x64B <= ord(ch) <= 0x65F or ord(ch) == 0x670):  # Arabic vowel marks
            out.append(ch)
    return "".join(out)


def lam_alef_drawn(s):
    """pdftotext writes the two letters of a lam-alef ligature in the order
    they are drawn, alef first (as test_print.cpp's lam_alef_drawn())."""
    for alef in "اأإآى":
        s = s.replace("ل" + alef, alef + "ل")
    return s


def reads(text, words):
    return squeeze(lam_alef_drawn(words)) in squeeze(text)


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
    edit(os.path.join(c, "faq", "apply-how.ar.md"), OLD_AR, NEW_AR)
    edit(os.path.join(c, "faq", "apply-how.zh.md"), OLD_ZH, NEW_ZH)
    new_db = os.path.join(tmp, "new.db")
    r = run("build", c, "--out", new_db)
    check(r.returncode == 0, "the changed copy builds: " + r.stderr)

    if mode == "diff":
        r = run("diff", old_db, new_db)
        check(r.returncode == 1, "diff exits 1 when something changed (got %d: %s)" % (r.returncode, r.stderr))
        for words in (OLD_PHONE, NEW_PHONE, "{+call+}", "[-encontrar-]{+ver+}", "[-تجد-]{+ترى+}", "[-找-]{+看+}",
                      "changed office ses-bridgeport, every language", "changed guide apply, en", "changed faq apply-how, es",
                      "changed faq apply-how, ar", "changed faq apply-how, zh"):
            check(words in r.stdout, "the diff says " + words)
        check(r.stdout.count("\nchanged ") == 5, "the diff lists five changes:\n" + r.stdout)
        r = run("diff", old_db, new_db, "--json")
        check(r.returncode == 1, "diff --json exits 1 too")
        d = json.loads(r.stdout)
        got = {(x["kind"], x["id"], x["locale"], f["field"]) for x in d["changes"] for f in x["fields"]}
        check(got == EXPECTED, "exactly the five changes, in the right languages: %s" % sorted(got))
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
        check(len(shots) == 5 and sorted(os.listdir(os.path.join(out, "old"))) == sorted(os.listdir(os.path.join(out, "new"))),
              "five screens on each side: %s" % shots)
        for n in shots:
            with open(os.path.join(out, "old", n), "rb") as a, open(os.path.join(out, "new", n), "rb") as b:
                check(a.read() != b.read(), n + " differs between old and new")
            check(('src="old/%s"' % n) in html and ('src="new/%s"' % n) in html, "index.html shows both " + n)
        # the screens show the changed words: what each kiosk run had in view
        for side, words in (("old", (OLD_PHONE, OLD_STEP, OLD_ES, OLD_AR, OLD_ZH)), ("new", (NEW_PHONE, NEW_STEP, NEW_ES, NEW_AR, NEW_ZH))):
            with open(os.path.join(out, side, "trace.jsonl"), encoding="utf-8") as f:
                trace = f.read()
            for w in words:
                check(w in trace, "the %s screens show %r" % (side, w))
        pdf = os.path.join(out, "proof.pdf")
        check(os.path.getsize(pdf) > 10000, "proof.pdf is written")
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages = [int(l.split()[-1]) for l in info.splitlines() if l.startswith("Pages:")]
        check(pages == [7], "proof.pdf has 7 pages (the versions, 5 screens, the sign-off): %s" % pages)
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True).stdout
        check(NEW_PHONE in text and OLD_PHONE in text, "the PDF's text holds the old and the new phone number")
        check(d["new"]["content_version"] in text, "the PDF's text holds the new content version")
        # shaped text read back in order: Arabic right to left (its Latin and
        # its words each in order), Chinese in a CJK font
        for words in (OLD_AR, NEW_AR):
            for part in words.split("OCSS"):
                check(reads(text, part), "the PDF reads the Arabic %r in order" % part)
        for words in (OLD_ZH, NEW_ZH, NEW_ES, NEW_STEP):
            check(reads(text, words), "the PDF reads %r" % words)
        fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout
        check(any("Arabic" in l and " yes " in l for l in fonts.splitlines()), "an Arabic font is embedded:\n" + fonts)
        check(any("CJK" in l and " yes " in l for l in fonts.splitlines()), "a CJK font is embedded:\n" + fonts)
        if os.environ.get("KIOSK_PROOF_KEEP"):
            shutil.copytree(out, os.environ["KIOSK_PROOF_KEEP"], dirs_exist_ok=True)
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print("%s: %s" % (mode, "ok" if not failures else "%d failed" % len(failures)))
sys.exit(1 if failures else 0)
