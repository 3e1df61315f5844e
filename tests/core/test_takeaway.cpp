// Take-away payloads: numbers a phone dials, contact cards, short checklists.
#include <catch2/catch.hpp>

#include "content/takeaway.h"

using namespace kiosk::content;

TEST_CASE("phone numbers become tel: URIs a phone dials", "[content][qr]") {
  CHECK(tel_uri("1-800-228-KIDS (5437)") == "tel:+18002285437");
  CHECK(tel_uri("1-800-228-KIDS") == "tel:+18002285437");  // the letters on the keypad
  CHECK(tel_uri("(860) 832-1878") == "tel:+18608321878");
  CHECK(tel_uri("203-551-2703") == "tel:+12035512703");
  CHECK(tel_uri("2-1-1") == "tel:211");
  CHECK(tel_uri("7-1-1") == "tel:711");
  CHECK(tel_uri("") == "");
}

TEST_CASE("an office is a vCard with its fields escaped", "[content][qr]") {
  Office o;
  o.name = "Institute for Municipal and Regional Policy, CCSU";
  o.street = "185 Main Street; Suite 2";
  o.town = "New Britain";
  o.zip = "06051";
  o.phones = {"(860) 832-1878"};
  const std::string v = office_vcard(o, "CIP Initiative");
  CHECK(v.rfind("BEGIN:VCARD\r\nVERSION:3.0\r\n", 0) == 0);
  CHECK(v.find("FN:Institute for Municipal and Regional Policy\\, CCSU\r\n") != std::string::npos);
  CHECK(v.find("ADR;TYPE=WORK:;;185 Main Street\\; Suite 2;New Britain;CT;06051;\r\n") != std::string::npos);
  CHECK(v.find("TEL:+18608321878\r\n") != std::string::npos);
  CHECK(v.find("FAX") == std::string::npos);
  CHECK(v.find("ORG:CIP Initiative\r\n") != std::string::npos);
  CHECK(v.size() <= kQrMaxBytes);
}

TEST_CASE("a checklist fits the largest code: cut at words, then counted", "[content][qr]") {
  auto more = [](size_t n) { return "+" + std::to_string(n) + " more"; };
  SECTION("short lists stay whole, with their ticks") {
    std::string t = checklist_text("Apply", {{"Photo ID", true}, {"Birth certificate", false}}, more);
    CHECK(t == "Apply\n[x] Photo ID\n[ ] Birth certificate");
  }
  SECTION("long items are cut at a word, never inside a letter") {
    std::vector<CheckItem> items;
    for (int i = 0; i < 4; ++i) items.push_back({"Información sobre los ingresos de la otra persona y dónde trabaja ahora mismo " + std::to_string(i)});
    std::string t = checklist_text("Solicitar", items, more);
    CHECK(t.size() <= kQrMaxBytes);
    CHECK(t.find("[ ] Información sobre") != std::string::npos);
    CHECK(t.find(" ahora mismo 0") == std::string::npos);
    for (size_t i = 0; i < t.size(); ++i)  // no broken UTF-8 at a cut: every lead byte has its continuation
      if ((static_cast<unsigned char>(t[i]) & 0xE0) == 0xC0) CHECK((static_cast<unsigned char>(t[i + 1]) & 0xC0) == 0x80);
  }
  SECTION("too many items: the rest are counted") {
    std::vector<CheckItem> items(20, CheckItem{"Your most recent pay stubs from every job you have"});
    std::string t = checklist_text("Review", items, more);
    CHECK(t.size() <= kQrMaxBytes);
    CHECK(t.find(" more") != std::string::npos);
    CHECK(t.rfind("\n+", t.size()) != std::string::npos);
  }
}
