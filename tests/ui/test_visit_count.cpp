// A visit, as the usage report counts it: one "visit" when a visitor leaves
// the attract screen, in the language it showed; nothing more within a visit.
#include <catch2/catch.hpp>

#include "headless.h"
#include "stats/stats.h"

using namespace test;

TEST_CASE("a visit is counted when a visitor touches the attract screen and not again until the next visitor", "[ui][stats][report]") {
  Tmp tmp;
  const std::string file = (tmp.dir / "visits.db").string();
  {
    Headless k(1920, 1080, real_db(), [&](app::Settings& s) { s.stats_file = file; });
    REQUIRE(k.app->screen() == "attract");
    k.start();
    REQUIRE(k.app->screen() == "home");
    tap(*k.app, "Offices");
    tap(*k.app, "Home");  // home again within the visit: the same visit
    tap(*k.app, "Questions");
    tap(*k.app, "Start over");
    REQUIRE(k.app->screen() == "attract");
    k.start();  // the next visitor
    REQUIRE(k.app->screen() == "home");
  }  // the kiosk stops: what is queued is written
  std::string why;
  auto st = stats::Stats::open_read_only(file, &why);
  REQUIRE(st);
  int64_t visits = 0;
  for (const auto& [what, n] : st->totals(100))
    if (what.rfind("visit ", 0) == 0) visits += n;
  INFO(st->csv());
  CHECK(visits == 2);
  CHECK(st->csv().find(",visit,\"en\",") != std::string::npos);  // the language the attract screen showed
}
