// The health file a fleet's Prometheus reads (health/health.h): its text in
// the exposition format, a frozen frame loop seen in a file that stays fresh,
// starts counted across processes, visits and searches by hour, counts only.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "fixtures.h"
#include "health/health.h"

using namespace kiosk;

namespace {
std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The value of the sample `name` (with its labels, as written), or "" when absent.
std::string sample(const std::string& text, const std::string& name) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(name + " ", 0) == 0) return line.substr(name.size() + 1);
  return "";
}

struct FakeClocks {
  int64_t steady = 1'000'000, unix = 1'764'000'000;
  health::Monitor::Clocks clocks() {
    return {[this] { return steady; }, [this] { return unix; }};
  }
};

int local_hour(int64_t unix) {
  std::time_t t = static_cast<std::time_t>(unix);
  std::tm tm {};
  localtime_r(&t, &tm);
  return tm.tm_hour;
}
}  // namespace

TEST_CASE("label values are escaped as the exposition format asks", "[health]") {
  CHECK(health::escape_label("plain-123") == "plain-123");
  CHECK(health::escape_label("a\\b") == "a\\\\b");
  CHECK(health::escape_label("say \"hi\"") == "say \\\"hi\\\"");
  CHECK(health::escape_label("two\nlines") == "two\\nlines");
  health::Health h;
  h.content_version = "v\"1\\\n";
  const std::string text = health::exposition(h, 0);
  CHECK(text.find("kiosk_info{content_version=\"v\\\"1\\\\\\n\",pack_version=\"0\"} 1\n") != std::string::npos);
}

TEST_CASE("every metric has its HELP and TYPE, a kiosk_ name with its unit, and counters end in _total", "[health]") {
  health::Health h;
  h.content_version = "abc123";
  h.pack_version = 1764000000;
  h.content_published_unix = 1764000000 - 3 * 86400;
  h.content_past_review = 2;
  h.packs_configured = true;
  h.pack_check_unix = 1764000000;
  h.pack_check_ok = true;
  h.pack_last_valid_unix = 1764000000;
  h.speech_up = true;
  h.printer_up = false;
  h.starts_total = 4;
  const std::string text = health::exposition(h, 1764000000);
  const std::regex help("# HELP (kiosk_[a-z_]+) .+"), type("# TYPE (kiosk_[a-z_]+) (gauge|counter)");
  const std::regex line("(kiosk_[a-z_]+)(\\{[a-z_]+=\"([^\"\\\\\n]|\\\\.)*\"(,[a-z_]+=\"([^\"\\\\\n]|\\\\.)*\")*\\})? -?[0-9.]+");
  std::set<std::string> helped, typed, sampled;
  std::istringstream in(text);
  std::string last_type;
  for (std::string l; std::getline(in, l);) {
    std::smatch m;
    INFO(l);
    if (std::regex_match(l, m, help)) helped.insert(m[1]);
    else if (std::regex_match(l, m, type)) {
      typed.insert(m[1]);
      last_type = m[2];
      CHECK((last_type == "counter") == (std::string(m[1]).size() > 6 && std::string(m[1]).substr(std::string(m[1]).size() - 6) == "_total"));
    } else {
      REQUIRE(std::regex_match(l, m, line));
      CHECK(typed.count(m[1]) == 1);  // its TYPE came first
      sampled.insert(m[1]);
    }
  }
  CHECK(helped == typed);
  CHECK(typed == sampled);
  CHECK(sample(text, "kiosk_up") == "1");
  CHECK(sample(text, "kiosk_content_age_seconds") == std::to_string(3 * 86400));
  CHECK(sample(text, "kiosk_content_past_review_items") == "2");
  CHECK(sample(text, "kiosk_pack_check_success") == "1");
  CHECK(sample(text, "kiosk_printer_up") == "0");
  CHECK(sample(text, "kiosk_starts_total") == "4");
  CHECK(sample(text, "kiosk_visits_today{hour=\"00\"}") == "0");
  CHECK(sample(text, "kiosk_searches_today{hour=\"23\"}") == "0");
  CHECK(text.find("pack_version=\"1764000000\"") != std::string::npos);
}

TEST_CASE("a kiosk without a printer or packs says nothing of them, so no alert fires for what it does not have", "[health]") {
  health::Health h;
  const std::string text = health::exposition(h, 1764000000);
  CHECK(text.find("kiosk_printer_up") == std::string::npos);
  CHECK(text.find("kiosk_pack_") == std::string::npos);
  CHECK(text.find("kiosk_content_age_seconds") == std::string::npos);  // no content: no age
  CHECK(sample(text, "kiosk_speech_up") == "0");
  h.printer_up = true;
  CHECK(sample(health::exposition(h, 0), "kiosk_printer_up") == "1");
}

TEST_CASE("a frozen frame loop shows as a growing last-frame age in a file that is still written", "[health]") {
  test::TempDir t;
  const std::string path = (t.path / "kiosk.prom").string();
  FakeClocks c;
  health::Monitor m(path, 60, c.clocks(), false);
  m.beat();
  c.steady += 2'500;
  REQUIRE(m.write_now().empty());
  CHECK(sample(read(path), "kiosk_last_frame_age_seconds") == "2.500");
  CHECK(m.ms_to_next_beat() == 57'500);  // the loop wakes before the interval is out
  c.steady += 400'000;  // the loop stopped turning; the writer did not
  REQUIRE(m.write_now().empty());
  CHECK(sample(read(path), "kiosk_last_frame_age_seconds") == "402.500");
  CHECK(m.ms_to_next_beat() == 0);
  m.beat();  // it turns again
  REQUIRE(m.write_now().empty());
  CHECK(sample(read(path), "kiosk_last_frame_age_seconds") == "0.000");
}

TEST_CASE("the writer thread rewrites the file while the loop is frozen, and says kiosk_up 0 when it stops", "[health]") {
  test::TempDir t;
  const std::string path = (t.path / "kiosk.prom").string();
  {
    health::Monitor m(path, 1);  // real clocks; nobody beats
    std::string first;
    for (int i = 0; i < 100 && first.empty(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      first = sample(read(path), "kiosk_last_frame_age_seconds");
    }
    REQUIRE_FALSE(first.empty());
    std::string later = first;
    for (int i = 0; i < 100 && later == first; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      later = sample(read(path), "kiosk_last_frame_age_seconds");
    }
    CHECK(std::stod(later) >= std::stod(first) + 0.9);  // written again, a second older
    CHECK(sample(read(path), "kiosk_up") == "1");
  }
  CHECK(sample(read(path), "kiosk_up") == "0");
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));  // node_exporter never sees half a file
}

TEST_CASE("starts are counted across processes in a state file, and a damaged one starts again at 1", "[health]") {
  test::TempDir t;
  const std::string path = (t.path / "kiosk.prom.starts").string();
  CHECK(health::count_start(path).value == 1);
  CHECK(health::count_start(path).value == 2);
  CHECK(health::count_start(path).value == 3);
  std::ofstream(path) << "garbage";
  CHECK(health::count_start(path).value == 1);
  const auto failed = health::count_start((t.path / "no-such-dir" / "x.starts").string());
  CHECK(failed.value == 1);
  CHECK_FALSE(failed.ok());
}

TEST_CASE("visits and searches are counted by the hour of today, and a new day starts its hours empty", "[health]") {
  test::TempDir t;
  FakeClocks c;
  health::Monitor m((t.path / "kiosk.prom").string(), 60, c.clocks(), false);
  const int h = local_hour(c.unix);
  char label[32];
  std::snprintf(label, sizeof label, "{hour=\"%02d\"}", h);
  m.count_visit();
  m.count_visit();
  m.count_search();
  std::string text = health::exposition(m.snapshot(), c.unix);
  CHECK(sample(text, "kiosk_visits_total") == "2");
  CHECK(sample(text, "kiosk_searches_total") == "1");
  CHECK(sample(text, std::string("kiosk_visits_today") + label) == "2");
  CHECK(sample(text, std::string("kiosk_searches_today") + label) == "1");
  c.unix += 86400;  // tomorrow, nobody yet
  text = health::exposition(m.snapshot(), c.unix);
  CHECK(sample(text, std::string("kiosk_visits_today") + label) == "0");
  CHECK(sample(text, "kiosk_visits_total") == "2");
  m.count_visit();
  text = health::exposition(m.snapshot(), c.unix);
  CHECK(sample(text, std::string("kiosk_visits_today") + label) == "1");
  CHECK(sample(text, "kiosk_visits_total") == "3");
}
