// What a visitor takes away on a phone: the texts behind the QR codes, in
// forms a phone acts on (a contact card it can save, a number it can dial, a
// short list it can keep). Pure functions of the content; no drawing here.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "content/model.h"

namespace kiosk::content {

// The largest QR code the kiosk shows: version 10 (57 modules a side). At
// error correction M it holds 213 bytes; drawn 300 px wide on a 24-inch
// 1080p screen its modules are 1.2 mm, which a phone reads from arm's length.
constexpr int kQrMaxVersion = 10;
constexpr size_t kQrMaxBytes = 213;

// "1-800-228-KIDS (5437)" -> "tel:+18002285437", "2-1-1" -> "tel:211",
// "(860) 832-1878" -> "tel:+18608321878"; "" when there is no number in it.
std::string tel_uri(const std::string& phone);

// An office as a vCard 3.0 (RFC 2426): name, agency, address, phones, fax,
// within kQrMaxBytes where it can be.
std::string office_vcard(const Office& o, const std::string& agency_name);

// A checklist as short text: the title, then one "[x]"/"[ ]" line per item,
// shortened (items cut at a word, then dropped with a line `more(N)` such as
// "+2 more") to fit
// `max_bytes`, never cutting a UTF-8 character.
struct CheckItem {
  std::string text;
  bool ticked = false;
};
std::string checklist_text(const std::string& title, const std::vector<CheckItem>& items,
                           const std::function<std::string(size_t)>& more, size_t max_bytes = kQrMaxBytes);

}  // namespace kiosk::content
