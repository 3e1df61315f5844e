// Search as a visitor types it on the on-screen keyboard: digits and an
// apostrophe are keys, so "35 dollar fee" and "can't pay" are typed as people
// write them and find the fee and the can't-pay answers; Go moves focus to the
// first result. At 1920x1080, 1080x1920 and 1280x720 with large text, every
// key is on screen and none overlaps another.
#include <catch2/catch.hpp>

#include <tuple>

#include "headless.h"
#include "platform/png.h"

using namespace test;

namespace {
// Taps each character's key; a space is the Space key.
void type_keys(Headless& k, const std::string& text, const std::string& space) {
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const std::string ch = text.substr(i, n);
    const ui::A11yNode* key = nullptr;
    for (const auto& node : k.app->tree().nodes())
      if (node.role == ui::Role::Key && node.label == (ch == " " ? space : ch)) key = &node;
    INFO("the key for \"" << ch << "\"");
    REQUIRE(key);
    k.app->handle({platform::InputEvent::Type::PointerDown, key->rect.cx(), key->rect.cy()});
    k.app->handle({platform::InputEvent::Type::PointerUp, key->rect.cx(), key->rect.cy()});
    settle(*k.app);
    i += n;
  }
}
const ui::A11yNode* key_labelled(Headless& k, const std::string& label) {
  for (const auto& n : k.app->tree().nodes())
    if (n.role == ui::Role::Key && n.label == label) return &n;
  return nullptr;
}
// The result rows on screen, in order.
std::vector<std::string> result_rows(Headless& k) {
  std::vector<std::string> out;
  for (const auto& n : k.app->tree().nodes())
    if (n.role == ui::Role::Row && n.region != "nav" && n.region != "keys") out.push_back(n.label);
  return out;
}
bool in_first(const std::vector<std::string>& rows, const std::string& title, size_t n) {
  for (size_t i = 0; i < rows.size() && i < n; ++i)
    if (rows[i] == title) return true;
  return false;
}
void shot(Headless& k, const std::string& name) { save_screen(k, "search-keys", name); }
}  // namespace

TEST_CASE("35 dollar fee and can't pay typed on the on-screen keys find the fee and can't-pay answers", "[ui][search][keys]") {
  for (auto [w, h, large] : {std::tuple{1920, 1080, false}, std::tuple{1080, 1920, false}, std::tuple{1280, 720, true}}) {
    const std::string size = std::to_string(w) + "x" + std::to_string(h) + (large ? "-large" : "");
    INFO(size);
    Headless k(w, h, real_db());
    k.start();
    if (large) {
      REQUIRE(activate_bar(k, "Accessibility"));
      activate(k, "Larger text");
      k.key(platform::Key::Escape);
      REQUIRE(k.app->session().prefs.large_text);
    }
    activate(k, "Search");  // the home tile, in view or not
    REQUIRE(k.app->screen() == "search");
    // every key of the keyboard on screen, none on top of another
    std::vector<const ui::A11yNode*> keys;
    for (const auto& n : k.app->tree().nodes())
      if (n.role == ui::Role::Key) keys.push_back(&n);
    REQUIRE(keys.size() >= 10 + 26 + 1 + 4);  // digits, letters, the apostrophe, Clear, Space, Delete, Go
    for (const char* label : {"0", "1", "9", "'", "Go", "Space", "Delete", "Clear"}) {
      INFO(label);
      CHECK(key_labelled(k, label));
    }
    for (const auto* a : keys) {
      INFO(a->label << " " << fmt(a->rect));
      CHECK(a->rect.x >= -kLayoutSlack);
      CHECK(a->rect.y >= -kLayoutSlack);
      CHECK(a->rect.x + a->rect.w <= static_cast<float>(w) + kLayoutSlack);
      CHECK(a->rect.y + a->rect.h <= static_cast<float>(h) + kLayoutSlack);
      for (const auto* b : keys) {
        if (a == b) continue;
        const float ox = std::min(a->rect.x + a->rect.w, b->rect.x + b->rect.w) - std::max(a->rect.x, b->rect.x);
        const float oy = std::min(a->rect.y + a->rect.h, b->rect.y + b->rect.h) - std::max(a->rect.y, b->rect.y);
        INFO("and " << b->label << " " << fmt(b->rect));
        CHECK_FALSE((ox > kLayoutSlack && oy > kLayoutSlack));
      }
    }

    type_keys(k, "35 dollar fee", "Space");
    REQUIRE(k.app->session().search_text == "35 dollar fee");
    auto rows = result_rows(k);
    INFO("results: " << rows.size());
    CHECK(in_first(rows, "Does it cost money to get child support services?", 3));
    shot(k, "fee-" + size);
    // Go: focus on the first result, which Enter opens
    const ui::A11yNode* go = key_labelled(k, "Go");
    REQUIRE(go);
    tap(*k.app, "Go");
    std::string focused;
    for (const auto& n : k.app->tree().nodes())
      if (n.focused) focused = n.label;
    REQUIRE_FALSE(rows.empty());
    CHECK(focused == rows.front());

    tap(*k.app, "Clear");
    REQUIRE(k.app->session().search_text.empty());
    type_keys(k, "can't pay", "Space");
    REQUIRE(k.app->session().search_text == "can't pay");
    rows = result_rows(k);
    CHECK(in_first(rows, "What should I do if I can't pay my child support?", 3));
    shot(k, "cant-pay-" + size);
  }
}

TEST_CASE("the Spanish keyboard has the digits, the apostrophe, ñ and the accents, and Ir", "[ui][search][keys]") {
  Headless k(1920, 1080, real_db());
  k.start();
  REQUIRE(activate_bar(k, "Language"));
  activate(k, "Español");
  tap(*k.app, "Buscar");
  for (const char* label : {"0", "5", "'", "ñ", "á", "ü", "Ir", "Espacio", "Borrar", "Limpiar"}) {
    INFO(label);
    CHECK(key_labelled(k, label));
  }
  type_keys(k, "cuota de 35", "Espacio");
  REQUIRE(k.app->session().search_text == "cuota de 35");
  auto rows = result_rows(k);
  std::string got;
  for (auto& r : rows) got += r + " | ";
  INFO(got);
  auto store = content::Store::open(real_db()).value;
  auto model = content::load_model(*store, "es");
  const auto* fee = model->faq("apply-fee");
  REQUIRE(fee);
  CHECK(in_first(rows, fee->question, 3));
  shot(k, "es-fee-1920x1080");
}
