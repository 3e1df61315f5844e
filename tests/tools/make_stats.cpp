// Test helper: writes the statistics of made-up kiosks with the real Stats
// writer (two weeks of visits, languages, topics, guides and failed searches),
// for the usage report's CTest. Prints what it wrote: "FILE visits N".
//   make_test_stats A.db [B.db ...]
#include <cstdio>
#include <ctime>
#include <string>

#include "stats/stats.h"

using namespace kiosk;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: make_test_stats FILE.db...\n");
    return 2;
  }
  const char* topics[] = {"paternity", "payments", "support-orders", "enforcement", "modification", "medical-support"};
  const char* guides[] = {"review", "apply", "modify"};
  const char* searches[] = {"custody", "visitation schedule", "umbrella", "passport", "lawyer for free"};
  std::tm start{};
  start.tm_year = 2026 - 1900;
  start.tm_mon = 10;
  start.tm_mday = 2;  // Monday, 2 November 2026
  const int64_t day0 = static_cast<int64_t>(timegm(&start));
  for (int f = 1; f < argc; ++f) {
    stats::Stats::Options o;
    o.batch_ms = 0;
    auto opened = stats::Stats::open(argv[f], o);
    if (!opened.ok()) {
      std::fprintf(stderr, "%s\n", opened.why.c_str());
      return 1;
    }
    auto st = std::move(opened.value);
    const int k = f - 1;
    int64_t visits = 0;
    for (int day = 0; day < 14; ++day) {
      const int weekday = day % 7;  // 0 = Monday
      if (weekday == 6 || (weekday == 5 && k == 0)) continue;  // offices closed on Sunday; the first on Saturday too
      for (int hour = 8; hour < 17; ++hour) {  // local hours, New York (EST: UTC-5)
        const int64_t at = day0 + day * 86400 + (hour + 5) * 3600 + 60 * (k + 1);
        // busiest in the late morning and after lunch, the second kiosk busier
        const int n = 1 + (k + 1) * ((hour == 10 || hour == 11 || hour == 13) ? 3 : 1) + (weekday == 0 ? 2 : 0);
        for (int i = 0; i < n; ++i) {
          st->count("visit", i % 3 == 2 ? "es" : "en", at);
          ++visits;
          st->count("screen", "home", at);
          st->count("item", std::string("topic/") + topics[(i + hour + k) % 6], at);
          if (i % 3 == 2) st->count("locale", "es", at);
          else if (i % 5 == 0) st->count("locale", "en", at);  // back to English after trying another
          if (i % 2 == 0) {
            const std::string g = guides[(i + day) % 3];
            st->count("item", "guide/" + g + ":intro", at);
            if ((i + hour) % 4 == 0) st->count("guide-done", g, at);
            else st->count("guide-left", g + ":" + ((i + hour) % 4 == 1 ? std::string("intro") : std::to_string((i + hour) % 4)), at);
          }
          if (i == 1) {
            const char* typed = searches[(hour + day + k) % 5];
            st->count_search_none("en", stats::search_words(typed, "en", [](const std::string&) { return true; }), at);
          }
        }
      }
    }
    if (const std::string why = st->flush(); !why.empty()) {
      std::fprintf(stderr, "%s: %s\n", argv[f], why.c_str());
      return 1;
    }
    std::printf("%s visits %lld\n", argv[f], static_cast<long long>(visits));
  }
  return 0;
}
