#!/usr/bin/env python3
"""Command lines of both binaries, as a table (CTest command_lines).

Each row runs the real kiosk or kiosk-content in a fresh folder with one
argument vector. A bad one must end with a non-zero exit status, not a signal
and not a hang, and print a message that names the problem; the files a row
names must be as they were (nothing overwritten, nothing created, no table
added). Good rows show the same commands working. Every example of issue 15's
"Command lines" and "Tools that overwrite" is here.

  command_lines.py --kiosk build/kiosk --tool build/kiosk-content --db build/test-content.db --content content
"""
import argparse
import hashlib
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

TIMEOUT = 20  # seconds; a command that reads forever fails here


def digest(path):
    if not os.path.lexists(path):
        return None
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--tool", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--content", required=True)
    a = ap.parse_args()
    K, T = os.path.abspath(a.kiosk), os.path.abspath(a.tool)
    DB, CONTENT = os.path.abspath(a.db), os.path.abspath(a.content)

    failures, ran = [], 0
    work = tempfile.mkdtemp(prefix="kiosk-cli-")

    def run(binary, args, stdin="", cwd=None, env_extra=None):
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", **(env_extra or {}))
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        try:
            p = subprocess.run([binary, *args], input=stdin.encode(), capture_output=True, cwd=cwd, env=env,
                               timeout=TIMEOUT)
            return p.returncode, (p.stdout + p.stderr).decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            return "timeout", ""

    def case(name, binary, args, expect, ok=False, stdin="", unchanged=(), absent=(), setup=None, env=None):
        """expect: a regex the output must match. ok: the command must succeed.
        unchanged: files (relative to the row's folder) that must keep their bytes.
        absent: files that must not exist afterwards."""
        nonlocal ran
        ran += 1
        d = os.path.join(work, "%02d" % ran)
        os.makedirs(d)
        if setup:
            setup(d)
        before = {f: digest(os.path.join(d, f)) for f in unchanged}
        rc, out = run(binary, [x.replace("@", d) for x in args], stdin=stdin, cwd=d, env_extra=env)
        problems = []
        if rc == "timeout":
            problems.append("did not end within %d s" % TIMEOUT)
        elif rc < 0:
            problems.append("killed by signal %d" % -rc)
        elif ok and rc != 0:
            problems.append("exit status %d, expected 0" % rc)
        elif not ok and rc == 0:
            problems.append("exit status 0, expected an error")
        if rc != "timeout" and not re.search(expect, out, re.S):
            problems.append("output does not match /%s/" % expect)
        for f in unchanged:
            if digest(os.path.join(d, f)) != before[f]:
                problems.append("%s was changed" % f)
        for f in absent:
            if os.path.lexists(os.path.join(d, f)):
                problems.append("%s was created" % f)
        if problems:
            failures.append("%s: %s %s\n    %s\n    output: %s" % (name, os.path.basename(binary), " ".join(args),
                                                                 "; ".join(problems), out.strip()[:400]))

    def put(path, text="x\n"):
        def f(d):
            full = os.path.join(d, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w") as fh:
                fh.write(text)
        return f

    def copy_db(name):
        def f(d):
            with open(DB, "rb") as src, open(os.path.join(d, name), "wb") as dst:
                dst.write(src.read())
        return f

    def stats_file(d):  # what the kiosk writes: the counts table
        c = sqlite3.connect(os.path.join(d, "stats.db"))
        c.execute("CREATE TABLE counts(hour TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,"
                  " n INTEGER NOT NULL, PRIMARY KEY(hour, kind, key)) WITHOUT ROWID")
        c.execute("INSERT INTO counts VALUES('2026-11-30T15', 'screen', 'offices', 3)")
        c.commit()
        c.close()

    def keys(d):
        assert run(T, ["keygen", "--public", "old.pub", "--secret", "old.key"], cwd=d)[0] == 0

    # ---- unknown and misspelled options, refused by name with a suggestion
    case("search --lcoale", T, ["search", "--db", DB, "--lcoale", "es", "child"], r"unknown option --lcoale \(did you mean --locale\?\)")
    case("validate --locale", T, ["validate", CONTENT, "--locale", "es"], r"unknown option --locale \(did you mean --locales\?\)")
    case("validate --strict", T, ["validate", CONTENT, "--strict"], r"validate: unknown option --strict")
    case("dump --jsno", T, ["dump", "--db", DB, "--jsno"], r"unknown option --jsno \(did you mean --json\?\)")
    case("check-pack --sig", T, ["check-pack", "--db", DB, "--public", "x.pub", "--sig", "x"], r"check-pack: unknown option --sig")
    case("keygen --publc", T, ["keygen", "--publc", "a.pub", "--secret", "a.key"], r"did you mean --public\?", absent=["a.key", "a.pub", "pack.key"])
    case("sign --verison", T, ["sign", "--db", "@/c.db", "--secret", "k", "--verison", "5"], r"did you mean --version\?",
         setup=copy_db("c.db"), absent=["c.db.sig"])
    case("set-pin --pin-fiel", T, ["set-pin", "--pin-fiel", "p2"], r"unknown option --pin-fiel \(did you mean --pin-file\?\)",
         stdin="482913\n", setup=put("staff-pin", "the real one\n"), unchanged=["staff-pin"], absent=["p2"])
    case("unknown command", T, ["serch", "child"], r"unknown command 'serch' \(did you mean 'search'\?\)")
    case("kiosk --sise", K, ["--headless", "--sise", "800x600", "--benchmark"], r"unknown option --sise \(did you mean --size\?\)")
    case("kiosk stray word", K, ["--headless", "soak"], r"unexpected argument 'soak'")

    # ---- values: required, typed, in range
    case("coverage --db", T, ["coverage", "--db"], r"--db: 1 required FILE missing")
    case("build without --out", T, ["build", CONTENT], r"--out is required")
    case("search without words", T, ["search", "--db", DB], r"QUERY is required")
    case("search --limit abc", T, ["search", "--db", DB, "--limit", "abc", "child"], r"--limit: 'abc' is not a whole number")
    case("search --limit 0", T, ["search", "--db", DB, "--limit", "0", "child"], r"--limit: 0 is too small: at least 1")
    case("search --locale sp", T, ["search", "--db", DB, "--locale", "sp", "child"], r"--locale sp: the database has no such locale; it has .*en")
    case("stale --today notadate", T, ["stale", "--db", DB, "--today", "notadate"], r"'notadate' is not a date written YYYY-MM-DD")
    case("stale --today 2026-02-30", T, ["stale", "--db", DB, "--today", "2026-02-30"], r"2026-02-30 is not a day of the calendar")
    case("bench --items 0", T, ["bench", CONTENT, "--items", "0"], r"--items: 0 is too small")
    case("bench --db missing.db", T, ["bench", "--db", "missing.db"], r"cannot use the content database: .*missing\.db", absent=["missing.db"])
    case("bench --db and DIR", T, ["bench", CONTENT, "--db", DB], r"(--db excludes DIR|DIR excludes --db)")
    case("sign --version -5", T, ["sign", "--db", "@/c.db", "--secret", "old.key", "--version", "-5"],
         r"--version: -5 is not a pack version: versions are positive", setup=lambda d: (copy_db("c.db")(d), keys(d)), absent=["c.db.sig"])
    case("sign --version far ahead", T, ["sign", "--db", "@/c.db", "--secret", "old.key", "--version", "9223372036854775807"],
         r"more than a year ahead of the clock", setup=lambda d: (copy_db("c.db")(d), keys(d)), absent=["c.db.sig"])
    case("sign --version abc", T, ["sign", "--db", "@/c.db", "--secret", "old.key", "--version", "abc"], r"'abc' is not a whole number",
         setup=lambda d: (copy_db("c.db")(d), keys(d)), absent=["c.db.sig"])
    case("kiosk --soak abc", K, ["--headless", "--soak", "abc"], r"--soak: 'abc' is not a whole number")
    case("kiosk --soak abc, no --headless", K, ["--soak", "abc"], r"--soak: 'abc' is not a whole number")
    case("kiosk --seed x", K, ["--headless", "--soak", "10", "--seed", "x"], r"--seed: 'x' is not a whole number")
    case("kiosk --seed -1", K, ["--headless", "--soak", "10", "--seed", "-1"], r"--seed: '-1' is not a whole number")
    case("kiosk --idle-seconds x", K, ["--headless", "--benchmark", "--idle-seconds", "x"], r"--idle-seconds: 'x' is not a whole number")
    # --setting: the value the kiosk would use (kiosk.service's monitoring-folder asks it)
    case("kiosk --setting, set", K, ["--config", "@/k.toml", "--setting", "monitoring.textfile"], r"^/var/lib/prometheus/node-exporter/kiosk\.prom\n$",
         ok=True, setup=put("k.toml", "[monitoring]\ntextfile = '/var/lib/prometheus/node-exporter/kiosk.prom'  # on\n"))
    case("kiosk --setting, default", K, ["--config", "@/k.toml", "--setting", "monitoring.textfile"], r"^\n$",
         ok=True, setup=put("k.toml", "[monitoring]\n# textfile = \"/var/lib/prometheus/node-exporter/kiosk.prom\"\n"))
    case("kiosk --setting, a list", K, ["--setting", "locales.enabled"], r"^\[\"en\", ", ok=True)
    case("kiosk --setting nonsense", K, ["--setting", "monitoring.textfil"], r"--setting monitoring\.textfil: there is no such setting")
    case("kiosk --size 10x10", K, ["--headless", "--benchmark", "--size", "10x10"], r"--size: 10x10: each side from 320 to 8192")
    case("kiosk --size big", K, ["--headless", "--benchmark", "--size", "big"], r"--size: 'big' is not WIDTHxHEIGHT")
    case("kiosk --speech loud", K, ["--headless", "--script", "s.txt", "--out", "o", "--speech", "loud"], r"--speech: .*loud")
    case("kiosk --db", K, ["--headless", "--benchmark", "--db"], r"--db: 1 required FILE missing")
    case("kiosk --script without --headless", K, ["--script", "s.txt", "--out", "o"], r"--script requires --headless")
    case("kiosk --soak with --benchmark", K, ["--headless", "--soak", "5", "--benchmark"], r"(--soak excludes --benchmark|--benchmark excludes --soak)")

    # ---- scripts are regular files of at most 1 MB
    case("kiosk --script /dev/zero", K, ["--headless", "--script", "/dev/zero", "--out", "@/o"], r"/dev/zero is not a regular file")
    case("kiosk --script 2 MB", K, ["--headless", "--script", "@/big.txt", "--out", "@/o"], r"big\.txt is 1572864 bytes; a script may have at most 1048576",
         setup=put("big.txt", "# \n" * (1 << 19)))
    case("kiosk --db FIFO", K, ["--headless", "--benchmark", "--db", "@/fifo"], r"--db: .*fifo is not a regular file", setup=lambda d: os.mkfifo(os.path.join(d, "fifo")))
    case("kiosk --config /dev/zero", K, ["--headless", "--benchmark", "--config", "/dev/zero"], r"--config: /dev/zero is not a regular file")
    case("search --db FIFO", T, ["search", "--db", "fifo", "x"], r"--db: fifo is not a regular file", setup=lambda d: os.mkfifo(os.path.join(d, "fifo")))
    case("stats --stats FIFO", T, ["stats", "--stats", "fifo"], r"--stats: fifo is not a regular file", setup=lambda d: os.mkfifo(os.path.join(d, "fifo")))
    case("check-pack --public /dev/zero", T, ["check-pack", "--db", DB, "--public", "/dev/zero"], r"--public: /dev/zero is not a regular file")
    case("kiosk --script missing", K, ["--headless", "--script", "@/nope.txt", "--out", "@/o"], r"cannot read script .*nope\.txt")

    # ---- keygen: both paths, never over a file, both or neither
    case("keygen without paths", T, ["keygen"], r"--public is required", absent=["pack.key", "pack.pub"])
    case("keygen without --public", T, ["keygen", "--secret", "s.key"], r"--public is required", absent=["pack.pub", "s.key"])
    case("keygen over a public key", T, ["keygen", "--public", "old.pub", "--secret", "new.key"], r"old\.pub exists; keygen replaces a key only with --force",
         setup=keys, unchanged=["old.pub", "old.key"], absent=["new.key"])
    case("keygen over a secret key", T, ["keygen", "--public", "new.pub", "--secret", "old.key"], r"old\.key exists",
         setup=keys, unchanged=["old.pub", "old.key"], absent=["new.pub"])
    case("keygen, public unwritable", T, ["keygen", "--public", "@/no/such/dir/p.pub", "--secret", "s.key"], r"p\.pub: cannot create",
         absent=["s.key"])
    case("keygen, one file for both", T, ["keygen", "--public", "k", "--secret", "./k"], r"two different files", absent=["k"])
    case("keygen --force", T, ["keygen", "--public", "old.pub", "--secret", "old.key", "--force"], r"keys written", ok=True, setup=keys)
    case("keygen", T, ["keygen", "--public", "p.pub", "--secret", "s.key"], r"keys written", ok=True)

    # ---- set-pin: a path always given, an existing file only with --force
    case("set-pin without --pin-file", T, ["set-pin"], r"--pin-file is required", stdin="482913\n", absent=["staff-pin"])
    case("set-pin over a PIN file", T, ["set-pin", "--pin-file", "staff-pin"], r"staff-pin exists; set-pin replaces a PIN file only with --force",
         stdin="482913\n", setup=put("staff-pin", "the real one\n"), unchanged=["staff-pin"])
    case("set-pin --force", T, ["set-pin", "--pin-file", "staff-pin", "--force"], r"PIN set", ok=True, stdin="482913\n",
         setup=put("staff-pin", "the real one\n"))
    case("set-pin", T, ["set-pin", "--pin-file", "p"], r"PIN set", ok=True, stdin="482913\n")
    # ---- set-pin: the PINs tried first are refused, short ones only when the site insists
    case("set-pin 000000", T, ["set-pin", "--pin-file", "p"], r"one digit repeated", stdin="000000\n", absent=["p"])
    case("set-pin 123456", T, ["set-pin", "--pin-file", "p"], r"counting up or down", stdin="123456\n", absent=["p"])
    case("set-pin 121212", T, ["set-pin", "--pin-file", "p"], r"short block repeated", stdin="121212\n", absent=["p"])
    case("set-pin 2468", T, ["set-pin", "--pin-file", "p"], r"at least 6 digits", stdin="2468\n", absent=["p"])
    case("set-pin 2468 --allow-short", T, ["set-pin", "--pin-file", "p", "--allow-short"], r"PIN set", ok=True, stdin="2468\n")
    case("set-pin 1234 --allow-short", T, ["set-pin", "--pin-file", "p", "--allow-short"], r"counting up or down", stdin="1234\n", absent=["p"])

    # ---- stats reads, never writes, and only a statistics file
    case("stats --stats content.db", T, ["stats", "--stats", "content.db"], r"content\.db: not a kiosk statistics file",
         setup=copy_db("content.db"), unchanged=["content.db"], absent=["content.db-journal", "content.db-wal"])
    case("stats --stats typo.db", T, ["stats", "--stats", "typo.db"], r"typo\.db: cannot open", absent=["typo.db"])
    case("stats --stats a text file", T, ["stats", "--stats", "notes.txt"], r"notes\.txt: .*not a database",
         setup=put("notes.txt", "not a database at all, only words\n" * 10), unchanged=["notes.txt"])
    case("stats", T, ["stats", "--stats", "stats.db"], r'hour,kind,key,count\n2026-11-30T15,screen,"offices",3', ok=True,
         setup=stats_file, unchanged=["stats.db"])

    # ---- grades: each item's reading grade by `style` (diction); a clear error without it
    case("grades", T, ["grades", "--db", DB], r"faq +apply-how +\d+\.\d +6\.0.*kids +kids-feelings +\d+\.\d +3\.0.*0 of \d+ items over target",
         ok=True)
    case("grades --over", T, ["grades", "--over", "--db", DB], r"^kind +id +grade +target\n(?!faq).*0 of \d+ items over target", ok=True)
    case("grades without style", T, ["grades", "--db", DB], r"'style' was not found: install the Debian package diction",
         env={"PATH": "/nonexistent"})
    case("grades --db typo.db", T, ["grades", "--db", "typo.db"], r"typo\.db", absent=["typo.db"])
    case("grades --help", T, ["grades", "--help"], r"style.*diction.*--over", ok=True)

    # ---- help: per command, exit 0
    case("help", T, ["--help"], r"kiosk-content validate .*kiosk-content COMMAND --help", ok=True)
    case("no command", T, [], r"kiosk-content validate")
    case("search --help", T, ["search", "--help"], r"QUERY.*--locale L.*--limit N", ok=True)
    case("keygen --help", T, ["keygen", "--help"], r"--public FILE.*--secret FILE.*--force", ok=True)
    case("kiosk --help", K, ["--help"], r"--headless.*--seed N", ok=True)

    # ---- random argument vectors (seeded) for the commands that only read:
    # any mix of their options and odd values ends in a status, never a
    # signal or a hang, and writes nothing.
    import random
    rnd = random.Random(15)
    commands = ["validate", "search", "dump", "coverage", "stale", "check-pack", "stats", "grades", "serch", ""]
    options = ["--db", "--locale", "--locales", "--limit", "--json", "--today", "--public", "--stats", "--out", "--items",
               "--force", "--version", "--pin-file", "--over", "-h", "--", "-", "--db=", "--limit=5", "--lcoale", "-x"]
    values = [DB, CONTENT, "es", "en", "zz", "0", "-1", "5", "99999999999999999999", "abc", "", "2026-13-01", "2026-12-01",
              "../", "/dev/zero", "/", "jail", "caf\u00e9", "\u0668\u0666\u0660", "%s%n", "x" * 5000, "--help"]
    fuzz_dir = os.path.join(work, "fuzz")
    os.makedirs(fuzz_dir)
    for i in range(120):
        argv = [rnd.choice(commands)] + [rnd.choice(options + values) for _ in range(rnd.randint(0, 6))]
        argv = [x for x in argv if x != ""] if rnd.random() < 0.5 else argv
        rc, out = run(T, argv, cwd=fuzz_dir)
        ran += 1
        if rc == "timeout" or rc < 0:
            failures.append("random argv %r: %s" % (argv, "did not end" if rc == "timeout" else "signal %d" % -rc))
        elif rc != 0 and not out.strip():
            failures.append("random argv %r: exit %d with no message" % (argv, rc))
    if os.listdir(fuzz_dir):
        failures.append("random argument vectors wrote %s" % os.listdir(fuzz_dir))

    print("%d command lines, %d wrong" % (ran, len(failures)))
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
