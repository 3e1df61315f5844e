// Every QR code the kiosk can show, read back from the drawn pixels by zbar
// (the decoder behind phone scanner apps), in English and Spanish, landscape
// and portrait, normal and large text: each office as a contact card, each
// guide's checklist, each phone line as a number to dial.
#include <zbar.h>

#include <cctype>
#include <map>
#include <set>

#include "content/model.h"
#include "content/store.h"
#include "headless.h"

using namespace test;
using namespace zbar;  // zbar.h puts its C API in namespace zbar under C++

namespace {
// Every QR symbol zbar finds on the screen the app drew last.
std::vector<std::string> decode_screen(Headless& k) {
  const std::vector<uint8_t> rgba = k.video->pixels();
  const int w = k.video->width(), h = k.video->height();
  REQUIRE(rgba.size() == static_cast<size_t>(w) * h * 4);
  std::vector<uint8_t> gray(static_cast<size_t>(w) * h);
  for (size_t i = 0; i < gray.size(); ++i)
    gray[i] = static_cast<uint8_t>((rgba[i * 4] * 299 + rgba[i * 4 + 1] * 587 + rgba[i * 4 + 2] * 114) / 1000);
  zbar_image_scanner_t* scanner = zbar_image_scanner_create();
  zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  zbar_image_t* img = zbar_image_create();
  zbar_image_set_format(img, zbar_fourcc('Y', '8', '0', '0'));
  zbar_image_set_size(img, static_cast<unsigned>(w), static_cast<unsigned>(h));
  zbar_image_set_data(img, gray.data(), gray.size(), nullptr);
  std::vector<std::string> out;
  if (zbar_scan_image(scanner, img) > 0)
    for (const zbar_symbol_t* s = zbar_image_first_symbol(img); s; s = zbar_symbol_next(s))
      out.emplace_back(zbar_symbol_get_data(s), zbar_symbol_get_data_length(s));
  zbar_image_destroy(img);
  zbar_image_scanner_destroy(scanner);
  return out;
}

// A finger moves the screen's list up by a fifth of the screen and rests before
// lifting, as a visitor scrolls to what is below.
void scroll_down(Headless& k) {
  const float x = static_cast<float>(k.video->width()) * 0.3f, y0 = static_cast<float>(k.video->height()) * 0.45f,
              y1 = static_cast<float>(k.video->height()) * 0.25f;
  k.app->handle({platform::InputEvent::Type::PointerDown, x, y0});
  for (int i = 0; i < 2; ++i) k.app->frame();
  for (int i = 1; i <= 10; ++i) {
    k.clock.advance(16);
    k.app->handle({platform::InputEvent::Type::PointerMove, x, y0 + (y1 - y0) * static_cast<float>(i) / 10});
    k.app->frame();
  }
  for (int i = 0; i < 4; ++i) {
    k.clock.advance(100);
    k.app->frame();
  }
  k.input({platform::InputEvent::Type::PointerUp, x, y1});
}

// The codes on this screen, scrolling down until some are in view.
std::vector<std::string> decode_scrolling(Headless& k) {
  for (int page = 0; page < 16; ++page) {
    auto codes = decode_screen(k);
    if (!codes.empty()) return codes;
    scroll_down(k);
  }
  return {};
}

// A vCard's text values with their escapes undone.
std::string unescape_vcard(const std::string& s) {
  std::string o;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      ++i;
      o += s[i] == 'n' ? '\n' : s[i];
    } else {
      o += s[i];
    }
  }
  return o;
}

// The digits a phone dials for a number as the sources write it: letters
// give way to the digits written after them, "1-800-228-KIDS (5437)".
std::string dialled(const std::string& phone) {
  std::string digits, paren;
  bool letters = false, in_paren = false;
  for (char c : phone) {
    if (c == '(') in_paren = true;
    else if (c == ')') in_paren = false;
    else if (std::isdigit(static_cast<unsigned char>(c))) (in_paren ? paren : digits) += c;
    else if (std::isalpha(static_cast<unsigned char>(c))) letters = true;
  }
  if (letters) digits += paren;
  else digits = paren + digits;  // "(860) 832-1878"
  if (digits.size() == 10) digits = "1" + digits;
  return digits.size() == 11 ? "+" + digits : digits;
}

struct Variant {
  std::string locale;
  int w, h;
  bool large;
};

const char* const kLarger = "Larger text";

std::unique_ptr<Headless> open(const Variant& v) {
  auto kp = std::make_unique<Headless>(v.w, v.h, real_db());
  Headless& k = *kp;
  k.start();
  if (v.large) {
    REQUIRE(activate_bar(k, "Accessibility"));  // behind More on a short screen
    tap(*k.app, kLarger);
    activate(k, "Close");
    if (k.app->overlay() == "more") activate(k, "Close");
    REQUIRE(k.app->session().prefs.large_text);
  }
  if (v.locale == "es") {
    tap(*k.app, "Language · Español");
    tap(*k.app, "Español");
    REQUIRE(k.app->session().prefs.locale == "es");
  }
  return kp;
}

// The interactive rows of the screen, in focus order (their focus indices).
std::vector<size_t> rows(const Headless& k) {
  std::vector<size_t> out;
  size_t i = 0;
  for (const auto& n : k.app->tree().nodes()) {
    if (!n.interactive() || !n.enabled) continue;
    if (n.role == ui::Role::Row && n.region != "nav") out.push_back(i);
    ++i;
  }
  return out;
}

std::vector<Variant> variants() {
  std::vector<Variant> v;
  for (const char* loc : {"en", "es"})
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}, std::pair{1280, 720}})
      for (bool large : {false, true}) v.push_back({loc, w, h, large});
  return v;
}

std::string label(const Variant& v) {
  return v.locale + " " + std::to_string(v.w) + "x" + std::to_string(v.h) + (v.large ? " large text" : "");
}

std::shared_ptr<const content::Model> model(const std::string& locale) {
  auto store = content::Store::open(real_db()).value;
  REQUIRE(store);
  return content::load_model(*store, locale);
}
}  // namespace

TEST_CASE("every office's QR code scans as a contact card with its name, address and phones", "[ui][qr]") {
  for (const Variant& v : variants()) {
    auto kp = open(v);
    Headless& k = *kp;
    auto m = model(v.locale);
    k.key(platform::Key::Home);
    tap(*k.app, v.locale == "es" ? "Oficinas" : "Offices");
    const std::vector<size_t> office_rows = rows(k);
    REQUIRE(office_rows.size() >= m->offices.size());
    std::set<std::string> seen;
    for (size_t r : office_rows) {
      k.key(platform::Key::Home);
      tap(*k.app, v.locale == "es" ? "Oficinas" : "Offices");
      activate(k, r);
      if (k.app->screen() != "office") continue;  // "Which office handles my case?"
      const std::string id = k.app->session().nav.top().id;
      const content::Office* o = m->office(id);
      REQUIRE(o);
      const auto codes = decode_scrolling(k);
      INFO(label(v) << ", office " << id);
      REQUIRE(codes.size() == 1);
      const std::string card = unescape_vcard(codes[0]);
      CHECK(card.rfind("BEGIN:VCARD\r\nVERSION:3.0\r\n", 0) == 0);
      CHECK(card.find("\r\nFN:" + o->name + "\r\n") != std::string::npos);
      CHECK(card.find(o->town) != std::string::npos);
      CHECK(card.find(o->zip) != std::string::npos);
      for (const auto& p : o->phones) CHECK(card.find("TEL:" + dialled(p) + "\r\n") != std::string::npos);
      CHECK(codes[0].size() <= 213);  // fits version 10 at error correction M
      seen.insert(id);
    }
    INFO(label(v));
    CHECK(seen.size() == m->offices.size());
  }
}

TEST_CASE("every guide's checklist QR code scans as the guide's title and its items", "[ui][qr]") {
  for (const Variant& v : variants()) {
    auto kp = open(v);
    Headless& k = *kp;
    auto m = model(v.locale);
    const std::string guides = v.locale == "es" ? "Guías paso a paso" : "Step-by-step guides";
    const std::string start = v.locale == "es" ? "Empezar" : "Start";
    const std::string next = v.locale == "es" ? "Siguiente" : "Next";
    const std::string finish = v.locale == "es" ? "Adónde ir" : "Where to go";
    for (const auto& g : m->guides) {
      k.key(platform::Key::Home);
      activate(k, guides);
      activate(k, g.title);
      activate(k, start);  // from the introduction to step 1
      for (size_t s = 0; s < g.steps.size() + 1 && k.app->tree().find(next); ++s) activate(k, next);
      activate(k, finish);
      INFO(label(v) << ", guide " << g.id);
      REQUIRE(session::route_text(k.app->session().nav.top()) == "guide/" + g.id + ":end");
      const auto codes = decode_scrolling(k);
      REQUIRE(codes.size() == 1);
      const std::string& text = codes[0];
      CHECK(text.size() <= 213);  // fits version 10 at error correction M
      CHECK(text.rfind(g.title.substr(0, 20), 0) == 0);
      // the items in order, each whole or cut at a word, the rest counted
      std::vector<std::string> all;
      for (const auto& st : g.steps)
        for (const auto& it : st.checklist) all.push_back(it);
      std::vector<std::string> lines;
      for (size_t at = 0, nl; at < text.size(); at = nl + 1) {
        nl = text.find('\n', at);
        if (nl == std::string::npos) nl = text.size();
        lines.push_back(text.substr(at, nl - at));
      }
      size_t listed = 0;
      for (const auto& l : lines)
        if (l.rfind("[ ] ", 0) == 0 || l.rfind("[x] ", 0) == 0) {
          REQUIRE(listed < all.size());
          CHECK(all[listed].rfind(l.substr(4), 0) == 0);  // the item, or its start
          ++listed;
        }
      INFO("the code says: " << text);
      if (listed < all.size()) CHECK(lines.back().find("+" + std::to_string(all.size() - listed)) == 0);
      else CHECK(listed == all.size());
    }
  }
}

TEST_CASE("every phone line's QR code scans as a number the phone dials", "[ui][qr]") {
  for (const Variant& v : variants()) {
    auto kp = open(v);
    Headless& k = *kp;
    auto m = model(v.locale);
    activate(k, v.locale == "es" ? "Llamar o visitar" : "Call or visit");
    REQUIRE(k.app->screen() == "call");
    std::set<std::string> found;
    // down to the end of the list (large text on a short screen is many pages)
    std::vector<uint8_t> before;
    for (int page = 0; page < 200 && k.video->pixels() != before; ++page) {
      for (const auto& c : decode_screen(k)) found.insert(c);
      before = k.video->pixels();
      scroll_down(k);
    }
    INFO(label(v));
    for (const auto& line : m->contacts) {
      INFO(line.id << " " << line.phone);
      CHECK(found.count("tel:" + dialled(line.phone)) == 1);
    }
  }
}
