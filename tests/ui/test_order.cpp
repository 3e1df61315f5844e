// Questions in the order a visitor needs them, and the answer first (issue
// 17): a topic lists its questions as staff set them (the other parent
// stopping payment under Payments too); the answer is drawn at least as large
// and heavy as the links under it; a guide opens on its introduction, has one
// Back on every screen (the bar's), and ends with Done, which returns home.
#include <catch2/catch.hpp>

#include <filesystem>
#include <tuple>

#include "content/markdown.h"
#include "content/model.h"
#include "content/store.h"
#include "headless.h"
#include "platform/png.h"

using namespace kiosk;
using namespace test;
namespace fs = std::filesystem;

namespace {

std::string route_of(const app::App& app) {
  return session::route_text(app.session().nav.top());
}

void larger_text(Headless& k) {
  REQUIRE(activate_bar(k, "Accessibility"));
  activate(k, "Larger text");
  k.key(platform::Key::Escape);
  REQUIRE(k.app->session().prefs.large_text);
}

void shot(Headless& k, const std::string& name) { save_screen(k, "order", name); }

// The screen's own rows (not the bar's), in the order they are drawn.
std::vector<std::string> rows(const app::App& app) {
  std::vector<std::string> out;
  for (const auto& n : app.tree().nodes())
    if (n.role == ui::Role::Row && n.region.empty()) out.push_back(n.label);
  return out;
}

// Interactive nodes labelled `label` anywhere on screen (bar and footer too).
int count_labelled(const app::App& app, const std::string& label) {
  int n = 0;
  for (const auto& node : app.tree().nodes()) n += node.interactive() && node.label == label;
  return n;
}

// The words of each paragraph or list item of a Markdown text, as drawn.
std::vector<std::string> paragraphs(const std::string& md) {
  std::vector<std::string> out;
  for (const auto& b : content::parse_markdown(md)) {
    std::string s;
    for (const auto& sp : b.spans) s += sp.text;
    out.push_back(s);
  }
  return out;
}

std::shared_ptr<const content::Model> model(const std::string& locale) {
  auto store = content::Store::open(real_db()).value;
  REQUIRE(store);
  return content::load_model(*store, locale);
}

}  // namespace

TEST_CASE("a topic lists its questions in the order staff set, the other parent stopping payment under Payments", "[ui][order]") {
  auto m = model("en");
  Headless k(1920, 1080, real_db());
  k.start();
  tap(*k.app, "Questions");
  activate(k, "Payments and your account");
  REQUIRE(route_of(*k.app) == "topic/payments");
  std::vector<std::string> want;
  for (const auto* f : m->faqs_for("payments", "")) want.push_back(f->question);
  const auto shown = rows(*k.app);
  REQUIRE(shown.size() >= want.size());
  CHECK(std::vector<std::string>(shown.begin(), shown.begin() + static_cast<long>(want.size())) == want);
  CHECK(shown.front() == "Where do child support payments go?");
  CHECK(std::find(shown.begin(), shown.begin() + 3, "What happens if the other parent stops paying?") != shown.begin() + 3);
  shot(k, "payments-topic-1920x1080");
  // and it opens from there, with Back to Payments
  activate(k, "What happens if the other parent stops paying?");
  REQUIRE(route_of(*k.app) == "answer/stopped-paying");
  tap(*k.app, "Back");
  REQUIRE(route_of(*k.app) == "topic/payments");
}

TEST_CASE("an answer is drawn at least as large and heavy as the links under it", "[ui][order]") {
  auto m = model("en");
  const content::Faq* f = m->faq("stopped-paying");
  REQUIRE(f);
  REQUIRE_FALSE(f->related.empty());
  const auto words = paragraphs(f->answer);
  for (auto [w, h, large] : {std::tuple{1280, 720, false}, std::tuple{1280, 720, true}, std::tuple{1920, 1080, false},
                             std::tuple{1080, 1920, false}}) {
    const std::string where = std::to_string(w) + "x" + std::to_string(h) + (large ? "-large" : "");
    INFO(where);
    Headless k(w, h, real_db());
    k.start();
    if (large) larger_text(k);
    tap(*k.app, "Questions");
    activate(k, "Payments and your account");
    activate(k, f->question);
    REQUIRE(route_of(*k.app) == "answer/stopped-paying");
    shot(k, "answer-" + where);
    float answer_px = 1e9f;
    bool answer_bold = true;
    int found = 0;
    for (const auto& n : k.app->tree().nodes())
      if (n.role == ui::Role::Text && std::find(words.begin(), words.end(), n.label) != words.end()) {
        ++found;
        answer_px = std::min(answer_px, n.text_px);
        answer_bold = answer_bold && n.text_bold;
      }
    REQUIRE(found == static_cast<int>(words.size()));
    int links = 0;
    for (const auto& n : k.app->tree().nodes()) {
      if (n.role != ui::Role::Row || !n.region.empty()) continue;
      ++links;
      INFO("link " << n.label << ": " << n.text_px << " px" << (n.text_bold ? " bold" : "") << "; answer " << answer_px << " px"
                   << (answer_bold ? " bold" : ""));
      CHECK(n.text_px > 0);
      CHECK(answer_px >= n.text_px - 0.5f);
      CHECK((answer_bold || !n.text_bold));  // a link is never heavier than the answer
    }
    CHECK(links >= 1);
  }
}

TEST_CASE("a guide opens on its introduction, has one Back on every screen, and its last screen's Done goes home", "[ui][order][guides]") {
  for (const std::string loc : {"en", "es"}) {
    auto m = model(loc);
    for (auto [w, h, large] : {std::tuple{1920, 1080, false}, std::tuple{1280, 720, true}}) {
      Headless k(w, h, real_db());
      k.start();
      if (large) larger_text(k);
      if (loc != "en") {
        REQUIRE(activate_bar(k, "Language"));
        activate(k, "Español");
        REQUIRE(k.app->session().prefs.locale == loc);
      }
      const auto& cat = k.app->catalog();
      auto say = [&](const char* key) { return cat.format(loc, key); };
      const std::string back = say("header.back"), start = say("guide.start"), next = say("guide.next"),
                        finish = say("guide.finish"), done = say("guide.done");
      for (const auto& g : m->guides) {
        INFO(loc << " " << w << "x" << h << (large ? " large" : "") << ", guide " << g.id);
        k.key(platform::Key::Home);
        activate(k, say("home.tile.guides"));
        activate(k, g.title);
        // first the introduction: the guide's body, no step yet
        REQUIRE(route_of(*k.app) == "guide/" + g.id + ":intro");
        const auto intro = paragraphs(g.body);
        REQUIRE_FALSE(intro.empty());
        REQUIRE(k.app->tree().find(intro.front()));
        CHECK_FALSE(k.app->tree().find(cat.format(loc, "guide.progress", {{"step", int64_t{1}}, {"count", static_cast<int64_t>(g.steps.size())}})));
        CHECK(count_labelled(*k.app, back) == 1);
        CHECK(count_labelled(*k.app, start) == 1);
        if (g.id == "review" && !large) shot(k, "guide-intro-" + loc + "-" + std::to_string(w) + "x" + std::to_string(h));
        activate(k, start);
        for (size_t i = 1; i <= g.steps.size(); ++i) {
          REQUIRE(route_of(*k.app) == "guide/" + g.id + ":" + std::to_string(i));
          CHECK(count_labelled(*k.app, back) == 1);  // the bar's, not a second one in the footer
          activate(k, i == g.steps.size() ? finish : next);
        }
        REQUIRE(route_of(*k.app) == "guide/" + g.id + ":end");
        CHECK(count_labelled(*k.app, back) == 1);
        REQUIRE(count_labelled(*k.app, done) == 1);
        if (g.id == "review" && !large) shot(k, "guide-end-" + loc + "-" + std::to_string(w) + "x" + std::to_string(h));
        activate(k, done);
        REQUIRE(route_of(*k.app) == "home");
      }
    }
  }
}

TEST_CASE("Back from a guide's step 1 returns to its introduction, and from there to the list", "[ui][order][guides]") {
  Headless k(1920, 1080, real_db());
  k.start();
  tap(*k.app, "Step-by-step guides");
  tap(*k.app, "Ask for a review of your order");
  tap(*k.app, "Start");
  REQUIRE(k.app->tree().find("Step 1 of 5"));
  tap(*k.app, "Back");
  REQUIRE(route_of(*k.app) == "guide/review:intro");
  tap(*k.app, "Back");
  REQUIRE(route_of(*k.app) == "guides");
}
