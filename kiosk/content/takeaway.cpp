// Take-away payloads: tel: URIs, vCards, short checklists.
#include "content/takeaway.h"

#include <cctype>

namespace kiosk::content {

namespace {
// Letters on a phone keypad (ITU E.161).
char keypad_digit(char c) {
  static const char* keys = "22233344455566677778889999";
  c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return c >= 'A' && c <= 'Z' ? keys[c - 'A'] : 0;
}

// vCard text values escape backslash, comma, semicolon and newlines.
std::string vc(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '\\' || c == ',' || c == ';') o += '\\';
    if (c == '\n') { o += "\\n"; continue; }
    o += c;
  }
  return o;
}

// The longest prefix of s of at most n bytes that ends at a word (or at a
// character boundary when the first word alone is too long).
std::string cut(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t end = n;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  size_t space = s.rfind(' ', end);
  if (space != std::string::npos && space > n / 2) end = space;
  return s.substr(0, end);
}
}  // namespace

std::string tel_uri(const std::string& phone) {
  // "(5437)" after a number with letters only repeats the letters as digits
  std::string main = phone;
  bool letters = false;
  for (char c : main.substr(0, main.find('('))) letters = letters || std::isalpha(static_cast<unsigned char>(c));
  if (letters) main = main.substr(0, main.find('('));
  std::string digits;
  for (char c : main) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    else if (char k = keypad_digit(c)) digits += k;
  }
  if (digits.empty()) return "";
  if (digits.size() == 10) return "tel:+1" + digits;
  if (digits.size() == 11 && digits[0] == '1') return "tel:+" + digits;
  return "tel:" + digits;  // 2-1-1, 7-1-1: short codes dial as they are
}

std::string office_vcard(const Office& o, const std::string& agency_name) {
  // As short as a vCard 3.0 may be (N may be empty, no type on a voice
  // number, no country), so an office fits the largest code the kiosk shows;
  // if it still does not, the fax and then the agency (the office's name
  // usually says it) give way.
  auto card = [&](bool org, bool fax) {
    std::string v = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:" + vc(o.name) + "\r\n";
    if (org) v += "ORG:" + vc(agency_name) + "\r\n";
    v += "ADR;TYPE=WORK:;;" + vc(o.street) + ";" + vc(o.town) + ";CT;" + vc(o.zip) + ";\r\n";
    for (const auto& p : o.phones)
      if (auto t = tel_uri(p); !t.empty()) v += "TEL:" + t.substr(4) + "\r\n";
    if (auto f = tel_uri(o.fax); fax && !f.empty()) v += "TEL;TYPE=FAX:" + f.substr(4) + "\r\n";
    return v + "END:VCARD\r\n";
  };
  for (auto [org, fax] : {std::pair{true, true}, std::pair{true, false}, std::pair{false, false}})
    if (std::string v = card(org, fax); v.size() <= kQrMaxBytes) return v;
  return card(false, false);
}

std::string checklist_text(const std::string& title, const std::vector<CheckItem>& items,
                           const std::function<std::string(size_t)>& more_line, size_t max_bytes) {
  auto line = [](const CheckItem& it, size_t n) { return std::string(it.ticked ? "[x] " : "[ ] ") + cut(it.text, n); };
  auto more = [&](size_t left) { return "\n" + more_line(left); };
  auto build = [&](size_t per) {
    std::string t = cut(title, 60);
    for (const auto& it : items) t += "\n" + line(it, per);
    return t;
  };
  // Every item whole if it fits, else every item cut at a word, shorter and
  // shorter; still too long, the items that do not fit are counted instead.
  for (size_t per : {size_t(1000), size_t(120), size_t(80), size_t(60), size_t(40)})
    if (std::string t = build(per); t.size() <= max_bytes) return t;
  std::string t = cut(title, 60);
  size_t i = 0;
  for (; i < items.size(); ++i) {
    std::string next = "\n" + line(items[i], 40);
    if (t.size() + next.size() + more(items.size() - i - 1).size() > max_bytes) break;
    t += next;
  }
  if (i < items.size()) t += more(items.size() - i);
  return t.size() <= max_bytes ? t : cut(title, max_bytes);
}

}  // namespace kiosk::content
