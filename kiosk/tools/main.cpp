// kiosk-content: the staff tool that checks and builds the content database,
// and answers questions about it (search, dump, coverage, stale).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>
#include <unistd.h>

#include "content/markdown.h"
#include "content/schema.h"
#include "content/pack.h"
#include "content/search.h"
#include "content/stats.h"
#include "session/staff.h"
#include "content/store.h"
#include "i18n/catalog.h"
#include "tools/lib/json.h"
#include "tools/lib/model.h"

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

constexpr const char* kUsage = R"(kiosk-content: check and build what the kiosk says

  kiosk-content validate [DIR] [--locales DIR]      check content/ and locales/; prints file:line: problems
  kiosk-content build [DIR] --out FILE [--locales DIR]
                                                    validate, then write the database atomically
  kiosk-content search [--db FILE] --locale L [--limit N] [--json] QUERY...
  kiosk-content dump [--db FILE] --locale L [--json] everything a visitor can read, in order
  kiosk-content coverage [--db FILE]                translated/total per kind and locale, and missing ids
  kiosk-content stale [--db FILE] [--today YYYY-MM-DD]
                                                    items past their review-by date
  kiosk-content bench [DIR] [--items N]             build time; search latency per keystroke on the
                                                    real content and on N generated items (default 10000)
  kiosk-content bench --db FILE                     search latency per keystroke of one database
  kiosk-content keygen --public FILE --secret FILE  a key pair for signing content packs
  kiosk-content sign --db FILE --secret FILE [--version N]
                                                    writes FILE.sig (version, length, SHA-256, signature);
                                                    N defaults to the current time, so each new pack is
                                                    newer than the last; at most a year ahead of the clock
  kiosk-content check-pack --db FILE --public FILE  what a kiosk would say of this pack: the signature,
                                                    the signed length and hash, and the acceptance check
  kiosk-content install-pack --db FILE --public FILE --live FILE
                                                    what a kiosk does with it: install it as FILE (the
                                                    database a kiosk reads), keeping the old one for roll back
  kiosk-content set-pin --pin-file FILE             reads a 4-12 digit PIN from standard input and
                                                    stores only its Argon2id hash
  kiosk-content stats --stats FILE                  the kiosk's usage counts as CSV

DIR defaults to content, --locales to the locales folder beside DIR, --db to build/content.db.
)";

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> opts;
  bool flag(const std::string& k) const { return opts.count(k) > 0; }
  std::string get(const std::string& k, const std::string& def) const {
    auto it = opts.find(k);
    return it == opts.end() ? def : it->second;
  }
};

Args parse(int argc, char** argv, int from) {
  Args a;
  for (int i = from; i < argc; ++i) {
    std::string s = argv[i];
    if (s == "--json") a.opts["--json"] = "1";
    else if (s.rfind("--", 0) == 0 && i + 1 < argc) a.opts[s] = argv[++i];
    else a.positional.push_back(s);
  }
  return a;
}

std::string locales_dir_for(const Args& a, const std::string& dir) {
  return a.get("--locales", (fs::absolute(dir).lexically_normal().parent_path() / "locales").string());
}

int cmd_validate(const Args& a, bool quiet_ok, tools::ContentSet* out_set) {
  std::string dir = a.positional.empty() ? "content" : a.positional[0];
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
  std::string out = a.get("--out", "");
  if (out.empty()) { std::cerr << "build needs --out FILE\n"; return 2; }
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

std::unique_ptr<content::Store> open_db(const Args& a) {
  std::string why;
  auto store = content::Store::open(a.get("--db", "build/content.db"), &why);
  if (!store) std::cerr << "cannot use the content database: " << why << "\n";
  return store;
}

int cmd_search(const Args& a) {
  auto store = open_db(a);
  if (!store) return 1;
  std::string q;
  for (const auto& p : a.positional) q += (q.empty() ? "" : " ") + p;
  content::Search search(*store, a.get("--locale", "en"));
  auto resp = search.query(q, std::stoi(a.get("--limit", "10")));
  bool json = a.flag("--json");
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

int cmd_dump(const Args& a) {
  auto store = open_db(a);
  if (!store) return 1;
  std::string loc = a.get("--locale", "en");
  bool json = a.flag("--json");
  for (const char* kind : {"topic", "faq", "guide", "office", "contact", "kids"}) {
    for (const auto& it : store->items(kind)) {
      if (json) {
        std::cout << tools::json_line(tools::item_json(*store, it, kind, loc)) << "\n";
        continue;
      }
      std::string title = store->text(it.id, content::title_field(kind), loc);
      std::string body = store->text(it.id, "body", loc);
      std::cout << "== [" << kind << "] " << title << "  (" << it.id << ")\n";
      if (!it.street.empty()) std::cout << it.street << ", " << it.town << (it.zip.empty() ? "" : " " + it.zip) << "\n";
      for (const auto& p : it.phones) std::cout << "Phone: " << p << "\n";
      if (!it.fax.empty()) std::cout << "Fax: " << it.fax << "\n";
      if (auto h = store->text(it.id, "hours", loc); !h.empty()) std::cout << "Hours: " << h << "\n";
      if (auto s = store->text(it.id, "summary", loc); !s.empty()) std::cout << s << "\n";
      if (!body.empty()) std::cout << content::markdown_plain(body) << "\n";
      for (int i = 1; i <= it.steps; ++i) {
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

int cmd_coverage(const Args& a) {
  auto store = open_db(a);
  if (!store) return 1;
  for (const auto& loc : store->locales()) {
    std::cout << loc << ":\n";
    std::vector<std::string> missing;
    for (const auto& c : store->coverage(loc)) {
      std::printf("  %-8s %3d/%-3d %5.1f%%\n", c.kind.c_str(), c.done, c.total, c.total == 0 ? 100.0 : 100.0 * c.done / c.total);
      missing.insert(missing.end(), c.missing.begin(), c.missing.end());
    }
    i18n::Catalog cat;
    store->load_catalog(cat);
    auto en_keys = cat.keys("en");
    int ui_done = 0;
    for (const auto& k : en_keys) if (cat.has_exact(loc, k)) ++ui_done; else missing.push_back("ui:" + k);
    std::printf("  %-8s %3d/%-3d %5.1f%%\n", "ui", ui_done, static_cast<int>(en_keys.size()),
                en_keys.empty() ? 100.0 : 100.0 * ui_done / en_keys.size());
    if (!missing.empty()) {
      std::cout << "  missing:";
      for (const auto& m : missing) std::cout << " " << m;
      std::cout << "\n";
    }
  }
  return 0;
}

int cmd_stale(const Args& a) {
  auto store = open_db(a);
  if (!store) return 1;
  std::string today = a.get("--today", "");
  if (today.empty()) {
    std::time_t t = std::time(nullptr);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&t));
    today = buf;
  }
  int n = 0;
  for (const char* kind : {"topic", "faq", "guide", "office", "contact", "kids"})
    for (const auto& it : store->items(kind))
      if (!it.review_by.empty() && it.review_by < today) {
        std::cout << it.file << ": review was due " << it.review_by << " (" << kind << " " << it.id << ")\n";
        ++n;
      }
  std::cout << n << (n == 1 ? " item" : " items") << " past review-by date as of " << today << "\n";
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
  if (a.flag("--db")) {  // search latency of an existing database only
    auto store = content::Store::open(a.get("--db", ""), nullptr);
    for (const auto& loc : store->locales()) {
      auto [p50, p99] = keystroke_latency(*store, loc);
      std::printf("search_%s_ms p50 %.3f p99 %.3f\n", loc.c_str(), p50, p99);
    }
    return 0;
  }
  std::string dir = a.positional.empty() ? "content" : a.positional[0];
  int n_items = std::stoi(a.get("--items", "10000"));
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
    auto store = content::Store::open(tmp + "/real.db", nullptr);
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
    auto store = content::Store::open(tmp + "/big.db", nullptr);
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

int main(int argc, char** argv) {
  i18n::init_icu_defaults();
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  std::string cmd = argv[1];
  Args a = parse(argc, argv, 2);
  try {
    if (cmd == "validate") return cmd_validate(a, false, nullptr);
    if (cmd == "build") return cmd_build(a);
    if (cmd == "search") return cmd_search(a);
    if (cmd == "dump") return cmd_dump(a);
    if (cmd == "coverage") return cmd_coverage(a);
    if (cmd == "stale") return cmd_stale(a);
    if (cmd == "bench") return cmd_bench(a);
    if (cmd == "keygen") return report(content::make_keys(a.get("--public", "pack.pub"), a.get("--secret", "pack.key")), "keys written");
    if (cmd == "sign") {
      int64_t version = static_cast<int64_t>(::time(nullptr));
      if (a.flag("--version")) {
        const std::string v = a.get("--version", "");
        size_t used = 0;
        try { version = std::stoll(v, &used); } catch (const std::exception&) { used = 0; }
        if (used == 0 || used != v.size()) return report("--version " + v + ": not a whole number a pack version can be", "");
      }
      return report(content::sign_pack(a.get("--db", "build/content.db"), a.get("--secret", "pack.key"), version),
                    "signed, version " + std::to_string(version));
    }
    if (cmd == "set-pin") {
      std::string pin;
      if (a.flag("--pin")) pin = a.get("--pin", "");  // for scripts; standard input keeps it out of the process list
      else std::getline(std::cin, pin);
      return report(session::set_pin(a.get("--pin-file", "staff-pin"), pin), "PIN set");
    }
    if (cmd == "stats") {
      std::string why;
      auto st = content::Stats::open(a.get("--stats", "stats.db"), &why);
      if (!st) return report(why, "");
      std::cout << st->csv();
      return 0;
    }
    if (cmd == "check-pack") {
      auto r = content::check_pack(a.get("--db", "build/content.db"), a.get("--public", "pack.pub"));
      return report(r.ok ? "" : r.why, "good pack, version " + std::to_string(r.version) + ", " + std::to_string(r.length) +
                                           " bytes, sha256 " + r.sha256);
    }
    if (cmd == "install-pack") {
      std::string live = a.get("--live", "");
      if (live.empty()) return report("install-pack needs --live FILE", "");
      std::string why = content::install_pack(a.get("--db", "build/content.db"), a.get("--public", "pack.pub"), live);
      return report(why, "installed, version " + std::to_string(content::installed(live).version));
    }
  } catch (const std::exception& e) {
    std::cerr << "kiosk-content " << cmd << ": " << e.what() << "\n";
    return 1;
  }
  std::cerr << "unknown command '" << cmd << "'\n" << kUsage;
  return 2;
}
