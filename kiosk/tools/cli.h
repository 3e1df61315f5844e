// Strict command lines for kiosk and kiosk-content, on CLI11 (Debian's
// libcli11-dev, 2.1.2): typed values with ranges whose errors say what was
// wrong in words, and unknown options refused by name with the closest known
// one ("did you mean --locale?"), which CLI11 2.1.2 does not do itself.
#pragma once
#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace kiosk::cli {

// Edit distance with adjacent transpositions (optimal string alignment), so
// "lcoale" is one edit from "locale".
inline size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

// The known name closest to `word` (dashes and anything after '=' ignored),
// or "" when none is close enough to be what was meant.
inline std::string closest(std::string word, const std::vector<std::string>& names) {
  if (auto eq = word.find('='); eq != std::string::npos) word.resize(eq);
  auto bare = [](const std::string& s) { return s.substr(std::min(s.find_first_not_of('-'), s.size())); };
  const std::string w = bare(word);
  if (w.empty()) return "";
  std::string best;
  size_t best_d = std::max<size_t>(2, w.size() / 3) + 1;
  for (const auto& n : names) {
    const std::string b = bare(n);
    size_t d = edit_distance(w, b);
    // a prefix of a name is what a hurried typist gives too: "--pin" for "--pin-file"
    if (b.size() > w.size() && b.compare(0, w.size(), w) == 0 && w.size() >= 3) d = std::min<size_t>(d, 1);
    if (d < best_d) { best_d = d; best = n; }
  }
  return best;
}

// Every long and short name of an app's options (--help too).
inline std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* o : app.get_options()) {
    for (const auto& l : o->get_lnames()) out.push_back("--" + l);
    for (const auto& s : o->get_snames()) out.push_back("-" + s);
  }
  return out;
}

// The deepest subcommand the command line reached (the app itself if none).
inline const CLI::App* reached(const CLI::App& app) {
  const CLI::App* at = &app;
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (const CLI::App* sub : at->get_subcommands())
      if (sub->parsed()) { at = sub; deeper = true; break; }
  }
  return at;
}

// What to print when parsing failed: the problem by name, then where to read
// more. `program` is the binary's name ("kiosk-content").
inline std::string error_message(const CLI::App& app, const CLI::Error& e, const std::string& program) {
  const CLI::App* at = reached(app);
  const std::string who = at == &app ? program : program + " " + at->get_name();
  std::vector<std::string> extra = at->remaining();
  if (extra.empty() && at != &app) extra = app.remaining();
  std::string msg;
  if (!extra.empty()) {
    // An option first: "--pin-fiel p2" is one mistake, not two.
    auto opt = std::find_if(extra.begin(), extra.end(), [](const std::string& s) { return s.size() > 1 && s[0] == '-'; });
    if (opt != extra.end()) {
      msg = who + ": unknown option " + *opt;
      if (auto s = closest(*opt, option_names(*at)); !s.empty()) msg += " (did you mean " + s + "?)";
    } else if (at == &app && !app.get_subcommands({}).empty()) {
      msg = program + ": unknown command '" + extra.front() + "'";
      std::vector<std::string> names;
      for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
      if (auto s = closest(extra.front(), names); !s.empty()) msg += " (did you mean '" + s + "'?)";
    } else {
      msg = who + ": unexpected argument '" + extra.front() + "'";
    }
  } else {
    msg = who + ": " + e.what();
  }
  return msg + "\nRun '" + who + " --help' for what it takes.\n";
}

// A whole number from lo to hi, e.g. "--limit: abc is not a whole number".
inline CLI::Validator whole_number(int64_t lo, int64_t hi) {
  return CLI::Validator(
      [lo, hi](std::string& s) -> std::string {
        int64_t v = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (s.empty() || ec == std::errc::result_out_of_range) return s + " is not a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
        if (ec != std::errc() || end != s.data() + s.size()) return "'" + s + "' is not a whole number";
        if (v < lo) return s + " is too small: at least " + std::to_string(lo);
        if (v > hi) return s + " is too large: at most " + std::to_string(hi);
        return "";
      },
      std::to_string(lo) + ".." + std::to_string(hi));
}

// A calendar date written YYYY-MM-DD that exists (2026-02-30 does not).
inline CLI::Validator calendar_date() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        const std::string bad = "'" + s + "' is not a date written YYYY-MM-DD";
        if (s.size() != 10 || s[4] != '-' || s[7] != '-') return bad;
        for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
          if (s[i] < '0' || s[i] > '9') return bad;
        int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
        std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                                        std::chrono::day(static_cast<unsigned>(d))};
        if (!ymd.ok()) return s + " is not a day of the calendar";
        return "";
      },
      "");
}

// A file to read: a regular file, or nothing there yet (the command then says
// it cannot open it); never a FIFO, a device or a folder, which SQLite and
// readers would block on or read forever.
inline CLI::Validator readable_file() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        struct stat st {};
        if (::stat(s.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) return s + " is not a regular file";
        return "";
      },
      "");
}

// Parses; on a mistake prints it and returns the exit code (2), on --help
// prints the help and returns 0; -1 when parsing succeeded.
inline int parse(CLI::App& app, int argc, char** argv, const std::string& program) {
  try {
    app.parse(argc, argv);
    return -1;
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << error_message(app, e, program);
    return 2;
  }
}

}  // namespace kiosk::cli
