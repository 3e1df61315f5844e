#!/usr/bin/env python3
"""The staff tool says what the tests say, on a copy of the real sources:
`kiosk-content validate` and `build` refuse a Spanish file or UI string whose
phone number or fee differs from English, a locales/es.po that cannot be read, no locales/
folder and bytes that are not UTF-8, each as file:line, and write nothing;
`dump --json` and `search --json` print valid JSON even from a database that
holds bytes that are not UTF-8.

usage: staff_tool_honest.py KIOSK_CONTENT SOURCE_DIR CONTENT_DB
"""
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

tool, source_dir, real_db = (os.path.abspath(a) for a in sys.argv[1:4])
failures = []


def run(*args, prefix=(), env=None):
    p = subprocess.run([*prefix, tool, *args], capture_output=True, timeout=60, cwd="/", env=env)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else "\n     " + detail.replace("\n", "\n     ")))
    if not ok:
        failures.append(name)


def fresh(tmp, name):
    root = os.path.join(tmp, name)
    shutil.copytree(os.path.join(source_dir, "content"), os.path.join(root, "content"))
    shutil.copytree(os.path.join(source_dir, "locales"), os.path.join(root, "locales"))
    return root


def edit_first(root, pattern, old, new):
    """Replaces the first `old` in the first Spanish file holding it; returns (shown path, line)."""
    for folder in sorted(os.listdir(os.path.join(root, "content"))):
        d = os.path.join(root, "content", folder)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if not re.fullmatch(pattern, f):
                continue
            path = os.path.join(d, f)
            data = open(path, "rb").read()
            at = data.find(old)
            if at < 0:
                continue
            open(path, "wb").write(data[:at] + new + data[at + len(old):])
            return "content/%s/%s" % (folder, f), data[:at].count(b"\n") + 1
    raise SystemExit("no Spanish file holds %r" % old)


def refused(name, root, needle, locales=None):
    """validate and build both fail, name `needle`, print no ok and write no database."""
    loc = ["--locales", locales if locales is not None else os.path.join(root, "locales")]
    rc, out, err = run("validate", os.path.join(root, "content"), *loc)
    check(name + ": validate says " + needle, rc == 1 and needle in err and b"ok" not in out,
          "rc %d\nstdout %r\nstderr %s" % (rc, out[:300], err[:2000]))
    db = os.path.join(root, "out.db")
    rc, out, err = run("build", os.path.join(root, "content"), *loc, "--out", db)
    check(name + ": build refuses and writes nothing", rc == 1 and needle in err and not os.path.exists(db),
          "rc %d\nstderr %s" % (rc, err[:2000]))


with tempfile.TemporaryDirectory() as tmp:
    root = fresh(tmp, "phone")
    f, line = edit_first(root, r".*\.es\.md", b"5437", b"5438")
    refused("phone 5437 -> 5438", root, "%s:%d:" % (f, line))

    root = fresh(tmp, "fee")
    f, line = edit_first(root, r".*\.es\.md", b"$35", b"$25")
    refused("fee $35 -> $25", root, "%s:%d:" % (f, line))

    root = fresh(tmp, "ui-phone")
    po = os.path.join(root, "locales", "es.po")
    text = open(po, "rb").read()
    at = text.index(b"(5437)")
    open(po, "wb").write(text[:at] + b"(5438)" + text[at + 6:])
    msgid_line = text[:at].rfind(b"\nmsgid ")
    refused("UI string 5437 -> 5438", root, "locales/es.po:%d: message" % (text[:msgid_line + 1].count(b"\n") + 1))

    root = fresh(tmp, "utf8")
    f, line = edit_first(root, r".*\.es\.md", b"$35", b"$35 \xe9")  # a Latin-1 byte, as an old editor saves it
    refused("a byte that is not UTF-8", root, "%s:%d: not UTF-8 text" % (f, line))

    # chmod 000 (as root, run as nobody: root reads it anyway) and a link to a
    # file that is gone gave "ok" and a database without Spanish UI strings
    root = fresh(tmp, "es-gone")
    os.remove(os.path.join(root, "locales", "es.po"))
    os.symlink(os.path.join(root, "moved", "es.po"), os.path.join(root, "locales", "es.po"))
    refused("locales/es.po a link to nowhere", root, "locales/es.po:0: cannot be read")

    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv:
        root = fresh(tmp, "es-000")
        os.chmod(os.path.join(root, "locales", "es.po"), 0)
        if os.geteuid() == 0:  # the tool as nobody, on a copy nobody may enter
            os.chmod(tmp, 0o755)
            for d, dirs, files in os.walk(root):
                os.chmod(d, 0o755)
                for f in files:
                    if f != "es.po":
                        os.chmod(os.path.join(d, f), 0o644)
            rc, out, err = run("validate", os.path.join(root, "content"), "--locales", os.path.join(root, "locales"),
                               prefix=[setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"],
                               # under the sanitizers: nobody may not read the leak suppressions
                               env=dict(os.environ, ASAN_OPTIONS="detect_leaks=0", LSAN_OPTIONS=""))
            check("locales/es.po chmod 000 (run as nobody): validate says it cannot be read",
                  rc == 1 and "locales/es.po:0: cannot be read (Permission denied)" in err, "rc %d\n%s" % (rc, err[:2000]))
        else:
            refused("locales/es.po chmod 000", root, "locales/es.po:0: cannot be read (Permission denied)")

    root = fresh(tmp, "es-folder")
    os.remove(os.path.join(root, "locales", "es.po"))
    os.mkdir(os.path.join(root, "locales", "es.po"))  # unreadable for root too, unlike chmod 000
    refused("locales/es.po a folder", root, "locales/es.po:0: cannot be read (a folder, not a file)")

    root = fresh(tmp, "no-locales")
    shutil.rmtree(os.path.join(root, "locales"))
    refused("no locales folder", root, "the folder of UI strings (locales/*.po) does not exist")

    root = fresh(tmp, "good")
    rc, out, err = run("validate", os.path.join(root, "content"), "--locales", os.path.join(root, "locales"))
    check("the real sources are ok", rc == 0 and out.startswith(b"ok:"), "rc %d\n%s" % (rc, err[:2000]))

    # A database with bytes that are not UTF-8 in titles, bodies and the search index
    # (built by something else, or damaged): the JSON is still JSON.
    bad = os.path.join(tmp, "bad.db")
    shutil.copy(real_db, bad)
    os.chmod(bad, 0o644)
    con = sqlite3.connect(bad)
    junk = "CAST(X'FF20C0AF20EDA08020E282' AS TEXT)"  # a stray byte, an overlong '/', a surrogate, a cut-off sequence
    con.execute("UPDATE texts SET value = value || ' ' || " + junk + " WHERE locale = 'en' AND field IN ('body', 'question', 'title', 'name')")
    con.execute("UPDATE search_en SET display = display || ' ' || " + junk + ", body = body || ' ' || " + junk)
    con.commit()
    con.close()
    for args in (["dump", "--db", bad, "--locale", "en", "--json"],
                 ["search", "--db", bad, "--locale", "en", "--json", "jail"]):
        rc, out, err = run(*args)
        lines, problem = out.splitlines(), ""
        try:
            objs = [json.loads(l.decode("utf-8")) for l in lines]  # strict: any byte that is not UTF-8 fails here
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            objs, problem = [], str(e)
        replaced = sum("\ufffd" in (o.get("title", "") + o.get("body", "") + o.get("snippet", "")) for o in objs)
        check(args[0] + " --json of a database with bad UTF-8 is valid JSON",
              rc == 0 and len(objs) > 0 and not problem and replaced == len(objs),
              "rc %d, %d lines, %d parsed, %d with U+FFFD, %s\n%s" % (rc, len(lines), len(objs), replaced, problem, err[:500]))

sys.exit(1 if failures else 0)
