// kiosk-content: the staff tool that checks and builds the content database,
// and answers questions about it (search, dump, coverage, stale).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <iostream>
#include <string>
#include <vector>
#include <unistd.h>

#include "content/markdown.h"
#include "content/schema.h"
#include "packs/pack.h"
#include "content/search.h"
#include "stats/stats.h"
#include "staff/staff.h"
#include "content/store.h"
#include "i18n/catalog.h"
#include "tools/cli.h"
#include "tools/lib/diff.h"
#include "tools/lib/grades.h"
#include "tools/lib/json.h"
#include "tools/lib/model.h"
#include "tools/lib/report.h"
#include "tools/lib/search_check.h"

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

constexpr const char* kUsage = R"(kiosk-content: check and build what the kiosk says

  kiosk-content validate [DIR] [--locales DIR]      check content/ and locales/; prints file:line: problems
  kiosk-content build [DIR] --out FILE [--locales DIR]
                                                    validate, then write the database atomically
  kiosk-content search [--db FILE] --locale L [--limit N] [--json] QUERY...
  kiosk-content search-check TABLE.tsv [--db FILE] --locale L [--top N] [--min PERCENT]
                                                    runs each query of the table (query TAB ... TAB id|id)
                                                    as the kiosk does; prints how many find an answer in
                                                    the top N (3) and every miss; exit 1 under PERCENT (95)
  kiosk-content dump [--db FILE] --locale L [--json] everything a visitor can read, in order
  kiosk-content coverage [--db FILE] [--unreviewed L]
                                                    translated/total per kind and locale, how many of the
                                                    translated a person reviewed, and missing ids; with
                                                    --unreviewed, the ids of L not reviewed yet
  kiosk-content stale [--db FILE] [--today YYYY-MM-DD]
                                                    items past their review-by date
  kiosk-content bench [DIR] [--items N]             build time; search latency per keystroke on the
                                                    real content and on N generated items (default 10000)
  kiosk-content bench --db FILE                     search latency per keystroke of one database
  kiosk-content keygen --public FILE --secret FILE [--force]
                                                    a key pair for signing content packs; refuses to
                                                    replace either file unless --force
  kiosk-content sign --db FILE --secret FILE [--version N]
                                                    writes FILE.sig (version, length, SHA-256, signature);
                                                    N defaults to the current time, so each new pack is
                                                    newer than the last; at most a year ahead of the clock
  kiosk-content check-pack --db FILE --public FILE  what a kiosk would say of this pack: the signature,
                                                    the signed length and hash, and the acceptance check
  kiosk-content install-pack --db FILE --public FILE --live FILE
                                                    what a kiosk does with it: install it as FILE (the
                                                    database a kiosk reads), keeping the old one for roll back
  kiosk-content set-pin --pin-file FILE [--force] [--allow-short]
                                                    reads a 6-12 digit PIN from standard input and
                                                    stores only its Argon2id hash; refuses one digit
                                                    repeated, runs (123456) and repeated blocks
                                                    (121212); 4 or 5 digits only with --allow-short;
                                                    replaces an existing PIN file only with --force
  kiosk-content grades [--db FILE] [--over]         each English item's reading grade (Flesch-Kincaid, by
                                                    running 'style' of the Debian package diction) and
                                                    its target; exit status 1 when any is over target
  kiosk-content diff OLD.db NEW.db [--locale L]... [--json]
                                                    what a visitor would see change, per item and language;
                                                    exit 0 when nothing, 1 when something changed, 2 on error
  kiosk-content proof OLD.db NEW.db --out DIR [--size WxH] [--kiosk PATH] [--locale L]...
                                                    every changed screen rendered by the headless kiosk, old
                                                    beside new: DIR/index.html and DIR/proof.pdf to sign off
  kiosk-content stats --stats FILE                  the kiosk's usage counts as CSV (read only; refuses
                                                    a file that is not a kiosk statistics file)
  kiosk-content report STATS... --out DIR [--timezone ZONE] [--db CONTENT.db]
                                                    the usage report of several kiosks: DIR/index.html
                                                    with charts (python3-matplotlib) and the numbers as
                                                    CSV; hours in ZONE (default: this machine's zone);
                                                    with --db, topics and guides by English title
                                                    (their ids in a CSV column; without it, ids only)

DIR defaults to content, --locales to the locales folder beside DIR, --db to build/content.db.
Every other option is required where it is shown. An unknown or misspelled option is an error.
kiosk-content COMMAND --help lists the options of one command.
)";

// What the command line said; main() gives each command only its own options.
struct Args {
  std::string dir = "content";      // validate, build, bench: the content sources
  std::string locales;              // "": the locales folder beside dir
  std::string out;                  // build
  std::string db = "build/content.db";
  std::string bench_db;             // bench --db: time search of this database only
  std::string locale = "en";
  std::vector<std::string> query;   // search
  int limit = 10;                   // search
  std::string table;                // search-check: the table of queries and answering ids
  int top = 3;                      // search-check
  double min_percent = 95;          // search-check
  int items = 10000;                // bench
  bool json = false;
  std::string today;                // stale; "": today
  std::string unreviewed;           // coverage: list the ids of this locale not reviewed yet
  std::string public_key, secret_key, live, pin_file, pin, stats;
  bool has_pin = false;
  int64_t version = 0;              // sign; 0: the current time
  bool force = false;               // keygen, set-pin: replace what is there
  bool allow_short = false;         // set-pin: 4 or 5 digits
  bool over_only = false;           // grades: list only the items over target
  std::vector<std::string> stats_files;  // report
  std::string timezone;             // report; "": this machine's zone
  std::string report_db;            // report --db: topics and guides by English title; "": by id
  std::string old_db, new_db;       // diff, proof
  std::vector<std::string> locales_list;  // diff, proof: --locale, repeated; empty: every one
  std::string kiosk_bin;            // proof: "": the kiosk beside kiosk-content
  std::string size = "1080x1920";   // proof: the kiosk's screen
};

std::string locales_dir_for(const Args& a, const std::string& dir) {
  return a.locales.empty() ? (fs::absolute(dir).lexically_normal().parent_path() / "locales").string() : a.locales;
}

int cmd_validate(const Args& a, bool quiet_ok, tools::ContentSet* out_set) {
  const std::string& dir = a.dir;
  std::vector<tools::Diag> diags;
  auto set = tools::load_content(dir, locales_dir_for(a, dir), diags);
  tools::validate(set, diags);
  for (const auto& d : diags) std::cerr << d.str() << "\n";
  if (!diags.empty()) {
    std::cerr << diags.size() << (diags.size() == 1 ? " problem" : " problems") << " found; nothing was written.\n";
    return 1;
  }
  if (!quiet_ok) std::cout << "ok: " << set.files.size() << " content files, " << set.po.size() << " locale files\n";
  if (out_set) *out_set = std::move(set);
  return 0;
}

int cmd_build(const Args& a) {
  const std::string& out = a.out;
  auto t0 = std::chrono::steady_clock::now();
  tools::ContentSet set;
  if (int rc = cmd_validate(a, true, &set)) return rc;
  if (auto err = tools::build_database(set, out); !err.empty()) {
    std::cerr << "build failed, " << out << " was not changed: " << err << "\n";
    return 1;
  }
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "built " << out << " from " << set.files.size() << " files in " << static_cast<int>(ms) << " ms\n";
  return 0;
}

std::unique_ptr<content::Store> open_db(const std::string& path) {
  std::string why;
  auto store = content::Store::open(path, &why);
  if (!store) std::cerr << "cannot use the content database: " << why << "\n";
  return store;
}

// A locale the database has ("--locale sp" is a mistake, not English).
bool has_locale(content::Store& store, const std::string& locale) {
  auto all = store.locales();
  if (std::find(all.begin(), all.end(), locale) != all.end()) return true;
  std::cerr << "--locale " << locale << ": the database has no such locale; it has";
  for (const auto& l : all) std::cerr << " " << l;
  std::cerr << "\n";
  return false;
}

int cmd_search(const Args& a) {
  auto store = open_db(a.db);
  if (!store || !has_locale(*store, a.locale)) return 1;
  std::string q;
  for (const auto& p : a.query) q += (q.empty() ? "" : " ") + p;
  content::Search search(*store, a.locale);
  auto resp = search.query(q, a.limit);
  bool json = a.json;
  if (!resp.did_you_mean.empty() && !json) std::cout << "did you mean: " << resp.did_you_mean << "\n";
  for (const auto& r : resp.results) {
    if (json)
      std::cout << tools::json_line(tools::result_json(r)) << "\n";
    else
      std::cout << r.kind << "\t" << r.id << "\t" << r.title << "\n";
  }
  if (resp.results.empty() && !json) std::cout << "no results\n";
  return 0;
}

int cmd_search_check(const Args& a) {
  auto store = open_db(a.db);
  if (!store || !has_locale(*store, a.locale)) return 1;
  std::string why;
  auto cases = tools::read_search_cases(a.table, &why);
  std::cerr << why;
  if (cases.empty()) {
    std::cerr << a.table << ": no queries\n";
    return 1;
  }
  content::Search search(*store, a.locale);
  auto r = tools::search_check(*store, search, cases, a.top);
  std::cout << r.report(a.locale, a.top);
  return r.percent() >= a.min_percent && r.unknown.empty() ? 0 : 1;
}

int cmd_dump(const Args& a) {
  auto store = open_db(a.db);
  if (!store || !has_locale(*store, a.locale)) return 1;
  std::string loc = a.locale;
  bool json = a.json;
  for (const auto& k : content::kinds()) {
    if (!k.staff_listed) continue;
    const char* kind = k.kind;
    for (const auto& it : store->items(kind)) {
      if (json) {
        std::cout << tools::json_line(tools::item_json(*store, it, kind, loc)) << "\n";
        continue;
      }
      std::string title = store->text(it.id, k.title, loc);
      std::string body = store->text(it.id, "body", loc);
      std::cout << "== [" << kind << "] " << title << "  (" << it.id << ")\n";
      if (auto street = it.value("street"); !street.empty())
        std::cout << street << ", " << it.value("town") << (it.value("zip").empty() ? "" : " " + it.value("zip")) << "\n";
      for (const char* field : {"phones", "phone"})
        for (const auto& p : it.list(field)) std::cout << "Phone: " << p << "\n";
      if (auto fax = it.value("fax"); !fax.empty()) std::cout << "Fax: " << fax << "\n";
      if (auto h = store->text(it.id, "hours", loc); !h.empty()) std::cout << "Hours: " << h << "\n";
      if (auto s = store->text(it.id, "summary", loc); !s.empty()) std::cout << s << "\n";
      if (!body.empty()) std::cout << content::markdown_plain(body) << "\n";
      const int steps = std::atoi(it.value("steps").c_str());
      for (int i = 1; i <= steps; ++i) {
        std::string p = "step." + std::to_string(i) + ".";
        std::cout << "  Step " << i << ": " << store->text(it.id, p + "title", loc) << "\n    "
                  << content::markdown_plain(store->text(it.id, p + "text", loc)) << "\n";
        std::string cl = store->text(it.id, p + "checklist", loc);
        size_t pos = 0;
        while (!cl.empty() && pos != std::string::npos) {
          size_t nl = cl.find('\n', pos);
          std::cout << "    [ ] " << cl.substr(pos, nl == std::string::npos ? nl : nl - pos) << "\n";
          pos = nl == std::string::npos ? nl : nl + 1;
        }
      }
      std::cout << "(source: " << it.source << ", " << it.source_date << ")\n\n";
    }
  }
  return 0;
}

// coverage --unreviewed L: each translated item of L no person reviewed against
// today's English, with the reviewed_en its reviewer writes; then those whose
// review is out of date, then how many are not translated yet.
int cmd_unreviewed(content::Store& store, const std::string& loc) {
  const auto locs = store.locales();
  if (loc == "en") {
    std::cerr << "en is the source language: translations are reviewed against it, it is not reviewed itself\n";
    return 2;
  }
  if (std::find(locs.begin(), locs.end(), loc) == locs.end()) {
    std::string list;
    for (const auto& l : locs) list += (list.empty() ? "" : ", ") + l;
    std::cerr << "no locale '" << loc << "' in " << store.info().path << " (it has " << list << ")\n";
    return 2;
  }
  auto file_in = [&](const std::string& id) {  // content/faq/apply-how.en.md -> content/faq/apply-how.pl.md
    auto it = store.item(id);
    std::string f = it ? it->file : id;
    if (f.size() > 6 && f.compare(f.size() - 6, 6, ".en.md") == 0) f = f.substr(0, f.size() - 6) + "." + loc + ".md";
    return f;
  };
  int unreviewed = 0, out_of_date = 0, untranslated = 0;
  for (const auto& c : store.coverage(loc)) {
    for (const auto& id : c.unreviewed) {
      std::cout << content::plain_id(id) << "  " << file_in(id) << "  reviewed_en = \"" << store.english_text_hash(id) << "\"\n";
      ++unreviewed;
    }
    untranslated += static_cast<int>(c.missing.size());
  }
  for (const auto& c : store.coverage(loc))
    for (const auto& id : c.out_of_date) {
      auto r = store.review(id, loc);
      std::cout << content::plain_id(id) << "  " << file_in(id) << "  out of date: reviewed on " << (r ? r->on : "") << " by "
                << (r ? r->by : "") << ", English changed since (now reviewed_en = \"" << store.english_text_hash(id) << "\")\n";
      ++out_of_date;
    }
  std::cout << loc << ": " << unreviewed << " translated and not reviewed, " << out_of_date << " reviewed before English changed, "
            << untranslated << " not translated yet\n";
  return 0;
}

int cmd_coverage(const Args& a) {
  auto store = open_db(a.db);
  if (!store) return 1;
  if (!a.unreviewed.empty()) return cmd_unreviewed(*store, a.unreviewed);
  for (const auto& loc : store->locales()) {
    std::cout << loc << ":\n";
    std::vector<std::string> missing;
    for (const auto& c : store->coverage(loc)) {
      std::printf("  %-8s %3d/%-3d %5.1f%%", c.kind.c_str(), c.done, c.total, c.total == 0 ? 100.0 : 100.0 * c.done / c.total);
      // English is the source; of a translation, how many a person reviewed against today's English
      if (loc != "en")
        std::printf("  reviewed %d, unreviewed %d%s", c.reviewed, c.done - c.reviewed,
                    c.out_of_date.empty() ? "" : (" (" + std::to_string(c.out_of_date.size()) + " out of date)").c_str());
      std::printf("\n");
      missing.insert(missing.end(), c.missing.begin(), c.missing.end());
    }
    i18n::Catalog cat;
    store->load_catalog(cat);
    auto en_keys = cat.keys("en");
    int ui_done = 0;
    for (const auto& k : en_keys) if (cat.has_exact(loc, k)) ++ui_done; else missing.push_back("ui:" + k);
    std::printf("  %-8s %3d/%-3d %5.1f%%\n", "ui", ui_done, static_cast<int>(en_keys.size()),
                en_keys.empty() ? 100.0 : 100.0 * ui_done / static_cast<double>(en_keys.size()));
    if (!missing.empty()) {
      std::cout << "  missing:";
      for (const auto& m : missing) std::cout << " " << m;
      std::cout << "\n";
    }
  }
  return 0;
}

int cmd_stale(const Args& a) {
  auto store = open_db(a.db);
  if (!store) return 1;
  std::string today = a.today;
  if (today.empty()) {
    std::time_t t = std::time(nullptr);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&t));
    today = buf;
  }
  int n = 0;
  for (const auto& k : content::kinds())
    for (const auto& it : store->items(k.kind))
      if (!it.review_by.empty() && it.review_by < today) {
        std::cout << it.file << ": review was due " << it.review_by << " (" << k.kind << " " << it.id << ")\n";
        ++n;
      }
  std::cout << n << (n == 1 ? " item" : " items") << " past review-by date as of " << today << "\n";
  return 0;
}

// Reading grade of every English item against its target; 1 when any is over
// (or style cannot be run), so staff and the tests read the same verdict.
int cmd_grades(const Args& a) {
  auto store = open_db(a.db);
  if (!store) return 1;
  std::string why;
  auto grades = tools::grade_items(*store, "en", &why);
  if (grades.empty()) {
    std::cerr << "kiosk-content grades: " << (why.empty() ? "the database has no text to grade" : why) << "\n";
    return 1;
  }
  std::map<std::string, std::vector<double>> per_kind;
  int over = 0;
  std::printf("%-8s %-28s %5s %6s\n", "kind", "id", "grade", "target");
  for (const auto& g : grades) {
    per_kind[g.kind].push_back(g.grade);
    if (g.over()) ++over;
    if (a.over_only && !g.over()) continue;
    std::printf("%-8s %-28s %5.1f %6.1f%s\n", g.kind.c_str(), g.id.c_str(), g.grade, g.target, g.over() ? "  OVER" : "");
  }
  for (auto& [kind, v] : per_kind) {
    std::sort(v.begin(), v.end());
    double median = v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    std::printf("%s: %zu items, median %.1f, max %.1f\n", kind.c_str(), v.size(), median, v.back());
  }
  std::printf("%d of %zu items over target\n", over, grades.size());
  return over ? 1 : 0;
}

// The two databases compared (diff, proof); false, said as `command: why`, when either cannot be read.
bool read_diff(const Args& a, const char* command, tools::ContentDiff* d) {
  std::string why;
  bool read = false;
  try {
    read = tools::diff_content(a.old_db, a.new_db, a.locales_list, d, &why);
  } catch (const std::exception& e) {  // a database that breaks while read: an error, never "changed"
    why = e.what();
  }
  if (!read) std::cerr << "kiosk-content " << command << ": " << why << "\n";
  return read;
}

// What a visitor would see change: 0 nothing, 1 something (as diff(1)), 2 an error.
int cmd_diff(const Args& a) {
  tools::ContentDiff d;
  if (!read_diff(a, "diff", &d)) return 2;
  if (a.json) std::cout << tools::json_line(tools::diff_json(d)) << "\n";
  else std::cout << tools::diff_text(d);
  return d.changes.empty() ? 0 : 1;
}

// The proof of a change for sign-off; 0 when written (with or without changes), 2 when not.
int cmd_proof(const Args& a, const char* self) {
  tools::ContentDiff d;
  if (!read_diff(a, "proof", &d)) return 2;
  tools::ProofOptions o;
  o.out_dir = a.out;
  o.kiosk = a.kiosk_bin;
  o.self = self;
  std::sscanf(a.size.c_str(), "%dx%d", &o.width, &o.height);
  std::vector<tools::ProofShot> shots;
  if (const std::string why = tools::make_proof(d, o, &shots); !why.empty()) {
    std::cerr << "kiosk-content proof: " << why << "\n";
    return 2;
  }
  std::cout << d.changes.size() << (d.changes.size() == 1 ? " change, " : " changes, ") << shots.size()
            << (shots.size() == 1 ? " screen" : " screens") << " old and new: " << (fs::path(a.out) / "index.html").string() << ", "
            << (fs::path(a.out) / "proof.pdf").string() << "\n";
  return 0;
}

// Per-keystroke latency: every prefix of every query, as a visitor types it.
std::pair<double, double> keystroke_latency(content::Store& store, const std::string& locale) {
  static const char* queries[] = {"my ex stopped paying", "lost my job", "dad is in jail", "office in windsor",
                                  "how do i apply", "child care order", "payment information", "prsion visit"};
  content::Search search(store, locale);
  std::vector<double> ms;
  for (int round = 0; round < 3; ++round)
    for (const char* q : queries) {
      std::string typed;
      for (const char* c = q; *c; ++c) {
        typed += *c;
        auto t0 = std::chrono::steady_clock::now();
        auto r = search.query(typed, 20);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        if (std::getenv("KIOSK_BENCH_VERBOSE") && ms.back() > std::atof(std::getenv("KIOSK_BENCH_VERBOSE"))) std::fprintf(stderr, "%.1f ms  \"%s\"  %s\n", ms.back(), typed.c_str(), r.match.c_str());
      }
    }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)]};
}

int cmd_bench(const Args& a) {
  if (!a.bench_db.empty()) {  // search latency of an existing database only
    auto store = open_db(a.bench_db);
    if (!store) return 1;
    for (const auto& loc : store->locales()) {
      auto [p50, p99] = keystroke_latency(*store, loc);
      std::printf("search_%s_ms p50 %.3f p99 %.3f\n", loc.c_str(), p50, p99);
    }
    return 0;
  }
  const std::string& dir = a.dir;
  const int n_items = a.items;
  std::vector<tools::Diag> diags;
  auto set = tools::load_content(dir, locales_dir_for(a, dir), diags);
  tools::validate(set, diags);
  if (!diags.empty()) { std::cerr << "content has problems; run validate\n"; return 1; }
  std::string tmp = (fs::temp_directory_path() / ("kiosk-bench-" + std::to_string(::getpid()))).string();
  fs::create_directories(tmp);
  std::vector<double> build_ms;
  for (int i = 0; i < 5; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<tools::Diag> d2;
    auto s2 = tools::load_content(dir, locales_dir_for(a, dir), d2);
    tools::validate(s2, d2);
    tools::build_database(s2, tmp + "/real.db");
    build_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(build_ms.begin(), build_ms.end());
  std::printf("build_real_content_ms_median %.1f  (%zu files, 5 runs)\n", build_ms[2], set.files.size());
  {
    auto store = open_db(tmp + "/real.db");
    if (!store) return 1;
    for (const char* loc : {"en", "es"}) {
      auto [p50, p99] = keystroke_latency(*store, loc);
      std::printf("search_real_%s_ms p50 %.3f p99 %.3f\n", loc, p50, p99);
    }
  }
  // Generated items: copies of the real questions with new ids and mixed words,
  // so the index has a realistic vocabulary at a much larger size.
  tools::ContentSet big = set;
  std::vector<const tools::ItemFile*> faqs;
  for (const auto& f : set.files) if (f.kind == "faq" && f.locale == "en") faqs.push_back(&f);
  if (faqs.empty()) { std::cerr << dir << ": no English questions to generate items from\n"; return 1; }
  for (int i = 0; i < n_items; ++i) {
    tools::ItemFile f = *faqs[i % faqs.size()];
    f.id = "gen-" + std::to_string(i);
    f.path = "generated/" + f.id + ".en.md";
    const auto& other = *faqs[(i * 7 + 3) % faqs.size()];
    f.body = f.body + "\n\n" + other.body.substr(0, other.body.size() / 2) + " item" + std::to_string(i);
    f.meta.erase("related");
    big.files.push_back(std::move(f));
  }
  auto t0 = std::chrono::steady_clock::now();
  tools::build_database(big, tmp + "/big.db");
  double big_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("build_generated_ms %.0f  (%zu items)\n", big_ms, big.files.size());
  {
    auto store = open_db(tmp + "/big.db");
    if (!store) return 1;
    auto [p50, p99] = keystroke_latency(*store, "en");
    std::printf("search_generated_en_ms p50 %.3f p99 %.3f\n", p50, p99);
  }
  if (!getenv("KIOSK_BENCH_KEEP")) fs::remove_all(tmp);
  else std::printf("kept %s\n", tmp.c_str());
  return 0;
}

}  // namespace

// Prints the outcome of a command that returns "" or why it failed.
int report(const std::string& why, const std::string& done) {
  if (!why.empty()) {
    std::cerr << "kiosk-content: " << why << "\n";
    return 1;
  }
  std::cout << done << "\n";
  return 0;
}

// --version of sign: a positive whole number at most a year ahead of the clock
// (what every kiosk accepts; packs::sign_pack refuses the same).
CLI::Validator pack_version() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        int64_t v = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return "'" + s + "' is not a whole number";
        if (v <= 0)
          return s + " is not a pack version: versions are positive whole numbers (leave --version out and it is the current time)";
        if (v > static_cast<int64_t>(::time(nullptr)) + packs::kMaxVersionAhead)
          return s + " is more than a year ahead of the clock: every kiosk would refuse the pack";
        return "";
      },
      "");
}

// Whether path names something already (a file, a folder, a dangling symlink).
bool taken(const std::string& path) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(path, ec));
}

int main(int argc, char** argv) {
  i18n::init_icu_defaults();
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  Args a;
  CLI::App app{"kiosk-content: check and build what the kiosk says", "kiosk-content"};
  app.require_subcommand(1);
  auto db = [&](CLI::App* c, std::string* to, const char* what) {
    return c->add_option("--db", *to, what)->type_name("FILE")->check(cli::readable_file());
  };
  auto content_dir = [&](CLI::App* c) {
    c->add_option("--locales", a.locales, "the PO files (default: the locales folder beside DIR)")->type_name("DIR");
    return c->add_option("DIR", a.dir, "the content sources (default: content)")->type_name("DIR");
  };
  auto locale = [&](CLI::App* c) { c->add_option("--locale", a.locale, "the locale to read, e.g. es (default: en)")->type_name("L"); };
  const char* kDb = "the content database (default: build/content.db)";

  // One row per command: its options, then what it does.
  struct Command {
    const char* name;
    const char* about;
    std::function<void(CLI::App*)> options;
    std::function<int()> run;
  };
  auto two_dbs = [&](CLI::App* c) {
    c->add_option("OLD", a.old_db, "the content database as it is")->type_name("OLD.db")->required();
    c->add_option("NEW", a.new_db, "the content database as it would be")->type_name("NEW.db")->required();
    c->add_option("--locale", a.locales_list, "compare this language only (repeat for more; default: every one)")->type_name("L");
  };
  const std::vector<Command> commands = {
      {"validate", "check content/ and locales/; prints file:line: problems and writes nothing",
       [&](CLI::App* c) { content_dir(c); }, [&] { return cmd_validate(a, false, nullptr); }},
      {"build", "validate, then write the database atomically",
       [&](CLI::App* c) {
         content_dir(c);
         c->add_option("--out", a.out, "the database to write")->type_name("FILE")->required();
       },
       [&] { return cmd_build(a); }},
      {"search", "search the database as the kiosk does",
       [&](CLI::App* c) {
         db(c, &a.db, kDb);
         locale(c);
         c->add_option("--limit", a.limit, "at most N results (default: 10)")->type_name("N")->check(cli::whole_number(1, 1000));
         c->add_flag("--json", a.json, "one JSON object a line");
         c->add_option("QUERY", a.query, "the words a visitor types")->required();
       },
       [&] { return cmd_search(a); }},
      {"search-check", "run a table of visitor questions (query TAB ... TAB id|id) as the kiosk searches; the top-N figure and every miss",
       [&](CLI::App* c) {
         db(c, &a.db, kDb);
         locale(c);
         c->add_option("--top", a.top, "an answer among the first N counts (default: 3)")->type_name("N")->check(cli::whole_number(1, 100));
         c->add_option("--min", a.min_percent, "exit 1 when fewer than PERCENT find an answer (default: 95)")->type_name("PERCENT");
         c->add_option("TABLE", a.table, "the table, TAB-separated, one query a line")->required()->check(cli::readable_file());
       },
       [&] { return cmd_search_check(a); }},
      {"dump", "everything a visitor can read, in order",
       [&](CLI::App* c) {
         db(c, &a.db, kDb);
         locale(c);
         c->add_flag("--json", a.json, "one JSON object a line");
       },
       [&] { return cmd_dump(a); }},
      {"coverage", "translated/total per kind and locale, reviewed/unreviewed, and missing ids",
       [&](CLI::App* c) {
         db(c, &a.db, kDb);
         c->add_option("--unreviewed", a.unreviewed, "list the ids of locale L not reviewed yet, each with its reviewed_en")
             ->type_name("L");
       },
       [&] { return cmd_coverage(a); }},
      {"stale", "items past their review-by date",
       [&](CLI::App* c) {
         db(c, &a.db, kDb);
         c->add_option("--today", a.today, "the day to compare with (default: today)")->type_name("YYYY-MM-DD")->check(cli::calendar_date());
       },
       [&] { return cmd_stale(a); }},
      {"bench", "build time and search latency per keystroke, on the real content and on N generated items",
       [&](CLI::App* c) {
         auto* dir = content_dir(c);
         auto* items = c->add_option("--items", a.items, "generated items (default: 10000)")->type_name("N")->check(cli::whole_number(1, 1000000));
         db(c, &a.bench_db, "time search of this database only")->excludes(items)->excludes(dir);
       },
       [&] { return cmd_bench(a); }},
      {"keygen", "a key pair for signing content packs; never replaces a file unless --force",
       [&](CLI::App* c) {
         c->add_option("--public", a.public_key, "the public key to write (for kiosks)")->type_name("FILE")->required();
         c->add_option("--secret", a.secret_key, "the secret key to write (mode 0600; keep it offline)")->type_name("FILE")->required();
         c->add_flag("--force", a.force, "replace keys that are there");
       },
       [&] { return report(packs::make_keys(a.public_key, a.secret_key, a.force), "keys written"); }},
      {"sign", "write FILE.sig: version, length, SHA-256 and the signature",
       [&](CLI::App* c) {
         db(c, &a.db, "the pack to sign (default: build/content.db)");
         c->add_option("--secret", a.secret_key, "the secret key from keygen")->type_name("FILE")->required()->check(cli::readable_file());
         c->add_option("--version", a.version, "the pack's version (default: the current time; at most a year ahead)")
             ->type_name("N")->check(pack_version());
       },
       [&] {
         const int64_t version = a.version > 0 ? a.version : static_cast<int64_t>(::time(nullptr));
         return report(packs::sign_pack(a.db, a.secret_key, version), "signed, version " + std::to_string(version));
       }},
      {"check-pack", "what a kiosk would say of a pack: the signature, the signed length and hash, the acceptance check",
       [&](CLI::App* c) {
         db(c, &a.db, "the pack (default: build/content.db)");
         c->add_option("--public", a.public_key, "the public key kiosks have")->type_name("FILE")->required()->check(cli::readable_file());
       },
       [&] {
         auto r = packs::check_pack(a.db, a.public_key);
         return report(r.ok ? "" : r.why, "good pack, version " + std::to_string(r.version) + ", " + std::to_string(r.length) +
                                              " bytes, sha256 " + r.sha256);
       }},
      {"install-pack", "what a kiosk does with a pack: install it as the live database, keeping the old one for roll back",
       [&](CLI::App* c) {
         db(c, &a.db, "the pack (default: build/content.db)");
         c->add_option("--public", a.public_key, "the public key kiosks have")->type_name("FILE")->required()->check(cli::readable_file());
         c->add_option("--live", a.live, "the database a kiosk reads")->type_name("FILE")->required();
       },
       [&] {
         std::string why = packs::install_pack(a.db, a.public_key, a.live);
         return report(why, "installed, version " + std::to_string(packs::installed(a.live).version));
       }},
      {"set-pin", "read a 6-12 digit PIN from standard input and store only its Argon2id hash",
       [&](CLI::App* c) {
         c->add_option("--pin-file", a.pin_file, "where the kiosk reads the PIN's hash ([staff] pin_file)")->type_name("FILE")->required();
         c->add_option("--pin", a.pin, "the PIN, for scripts (standard input keeps it out of the process list)")->type_name("DIGITS");
         c->add_flag("--force", a.force, "replace a PIN file that is there");
         c->add_flag("--allow-short", a.allow_short, "allow a PIN of 4 or 5 digits (a site that must; 6 or more resist guessing)");
       },
       [&] {
         if (!a.force && taken(a.pin_file))
           return report(a.pin_file + " exists; set-pin replaces a PIN file only with --force", "");
         std::string pin = a.pin;
         if (!a.has_pin) std::getline(std::cin, pin);
         return report(staff::set_pin(a.pin_file, pin, a.allow_short), "PIN set");
       }},
      {"grades", "each English item's reading grade (Flesch-Kincaid by 'style', Debian package diction) and its target: "
                 "6 for answers, guides, offices, lines and topics, 3 for kids' pages for children; exit 1 when any is over",
       [&](CLI::App* c) {
         db(c, &a.db, kDb);
         c->add_flag("--over", a.over_only, "list only the items over their target");
       },
       [&] { return cmd_grades(a); }},
      {"diff", "what a visitor would see change between two databases, per item and language; exit 1 when anything did",
       [&](CLI::App* c) {
         two_dbs(c);
         c->add_flag("--json", a.json, "one JSON object");
       },
       [&] { return cmd_diff(a); }},
      {"proof", "every changed screen rendered by the headless kiosk, old beside new, in DIR/index.html and DIR/proof.pdf",
       [&](CLI::App* c) {
         two_dbs(c);
         c->add_option("--out", a.out, "the folder to write the proof in (made if missing)")->type_name("DIR")->required();
         c->add_option("--size", a.size, "the kiosk's screen (default: 1080x1920)")->type_name("WxH")
             ->check(CLI::Validator([](std::string& v) -> std::string {
               int w = 0, h = 0;
               char end = 0;
               return std::sscanf(v.c_str(), "%5dx%5d%c", &w, &h, &end) == 2 && w >= 320 && h >= 320 && w <= 8192 && h <= 8192
                          ? "" : "'" + v + "' is not WIDTHxHEIGHT, each side from 320 to 8192, e.g. 1080x1920";
             }, ""));
         c->add_option("--kiosk", a.kiosk_bin, "the kiosk program (default: the one beside kiosk-content)")->type_name("PATH");
       },
       [&] { return cmd_proof(a, argv[0]); }},
      {"stats", "the kiosk's usage counts as CSV (reads the file; never writes it)",
       [&](CLI::App* c) { c->add_option("--stats", a.stats, "the kiosk's statistics file ([stats] file)")->type_name("FILE")->required()->check(cli::readable_file()); },
       [&] {
         std::string why;
         auto st = stats::Stats::open_read_only(a.stats, &why);
         if (!st) return report(why, "");
         std::cout << st->csv();
         return 0;
       }},
      {"report", "the usage report of several kiosks: charts and tables in DIR/index.html, the numbers as CSV",
       [&](CLI::App* c) {
         c->add_option("STATS", a.stats_files, "the kiosks' statistics files (each opened read only)")->type_name("FILE")->required()->check(cli::readable_file());
         c->add_option("--out", a.out, "the folder to write the report in (made if missing)")->type_name("DIR")->required();
         c->add_option("--timezone", a.timezone, "the time zone of the hours shown, e.g. America/New_York (default: this machine's)")->type_name("ZONE");
         db(c, &a.report_db, "a content database: topics and guides named by their English titles (default: by id)");
       },
       [&] {
         tools::ReportData data;
         std::string why = tools::make_report(a.stats_files, a.out, a.timezone, tools::find_charts_script(KIOSK_REPORT_CHARTS_SOURCE), &data,
                                              a.report_db);
         return report(why, "report of " + std::to_string(data.kiosks.size()) + (data.kiosks.size() == 1 ? " kiosk" : " kiosks") + " (hours in " + data.zone + "): " +
                                (std::filesystem::path(a.out) / "index.html").string());
       }},
  };
  std::vector<CLI::App*> subs;
  for (const auto& c : commands) {
    subs.push_back(app.add_subcommand(c.name, c.about));
    c.options(subs.back());
  }
  if (int rc = cli::parse(app, argc, argv, "kiosk-content"); rc >= 0) return rc;
  for (size_t i = 0; i < commands.size(); ++i) {
    if (!subs[i]->parsed()) continue;
    if (auto* pin = subs[i]->get_option_no_throw("--pin")) a.has_pin = pin->count() > 0;
    try {
      return commands[i].run();
    } catch (const std::exception& e) {
      std::cerr << "kiosk-content " << commands[i].name << ": " << e.what() << "\n";
      return 1;
    }
  }
  std::cerr << kUsage;
  return 2;
}
