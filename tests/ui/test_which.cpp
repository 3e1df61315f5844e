// "Which office handles my case?" reads its results from content/which.toml
// (issue 16): staff change a result there, the builder stores it, the screen
// shows it; content without the file is refused (nothing in the code stands in).
#include <catch2/catch.hpp>

#include <fstream>

#include "content/model.h"
#include "content/store.h"
#include "headless.h"

using namespace kiosk;
using namespace test;

namespace {

std::string read_text(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

bool shows(const app::App& app, const std::string& text) {
  for (const auto& n : app.tree().nodes())
    if (n.label.find(text) != std::string::npos) return true;
  return false;
}

std::string question(const std::string& db, const std::string& faq) {
  auto store = content::Store::open(db).value;
  REQUIRE(store);
  const auto model = content::load_model(*store, "en");
  const auto* f = model->faq(faq);
  REQUIRE(f);
  return f->question;
}

// Offices, the question under the list, "Yes, I have an order", "Ask about a
// payment": the payment result.
void payment_result(Headless& k) {
  k.start();
  tap(*k.app, "Offices");
  activate(k, "Which office handles my case?");
  activate(k, "Yes, I have an order");
  activate(k, "Ask about a payment");
  REQUIRE(k.app->session().nav.top().id == "r-payment");
  REQUIRE(shows(*k.app, "Payments: the payment information line"));
}

}  // namespace

TEST_CASE("r-payment pointed at another question and line in which.toml: the payment result shows them", "[ui][which]") {
  Tmp t;
  fs::copy(KIOSK_SOURCE_DIR "/content", t.dir / "content", fs::copy_options::recursive);
  const fs::path which = t.dir / "content" / "which.toml";
  std::string text = read_text(which.string());
  const std::string before = "id = \"r-payment\"\nline = \"payment-line\"\nfaq = \"payments-info\"";
  REQUIRE(text.find(before) != std::string::npos);
  text.replace(text.find(before), before.size(), "id = \"r-payment\"\nline = \"call-center\"\nfaq = \"stopped-paying\"");
  std::ofstream(which, std::ios::binary) << text;
  const std::string db = (t.dir / "changed.db").string();
  build((t.dir / "content").string(), db);

  Headless k(1920, 1080, db);
  payment_result(k);
  save_screen(k, "which", "payment-changed-1920x1080");
  CHECK(shows(*k.app, question(db, "stopped-paying")));
  CHECK_FALSE(shows(*k.app, question(db, "payments-info")));
  CHECK(shows(*k.app, "1-800-228-KIDS (5437)"));
  CHECK_FALSE(shows(*k.app, "1-888-233-7223"));
  activate(k, question(db, "stopped-paying"));
  CHECK(k.app->screen() == "answer");
  CHECK(k.app->session().nav.top().id == "stopped-paying");
}

TEST_CASE("content without which.toml is refused: no screen would know the main phone line", "[ui][which]") {
  Tmp t;
  fs::copy(KIOSK_SOURCE_DIR "/content", t.dir / "content", fs::copy_options::recursive);
  fs::remove(t.dir / "content" / "which.toml");
  std::vector<tools::Diag> diags;
  auto set = tools::load_content((t.dir / "content").string(), KIOSK_SOURCE_DIR "/locales", diags);
  tools::validate(set, diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].str().rfind("content/which.toml:0: missing: which.toml names the main phone line", 0) == 0);
  // the repository's content names them there, and the screens find them
  auto store = content::Store::open(real_db()).value;
  REQUIRE(store);
  auto m = content::load_model(*store, "en");
  REQUIRE(m->line(content::Line::Children));
  CHECK(m->line(content::Line::Children)->id == "cip");
  REQUIRE(m->line(content::Line::Main));
  CHECK(m->line(content::Line::Main)->id == "call-center");
  REQUIRE(m->place(content::Place::Children));
  CHECK(m->place(content::Place::Children)->id == "cip-imrp");
  CHECK(m->which.size() == 6);
}
