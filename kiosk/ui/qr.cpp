// QR codes drawn as filled squares (libqrencode does the encoding). Nothing is
// sent anywhere: the visitor's phone reads the code off the screen.
//
// What makes a screen's QR code scan: modules of a whole number of pixels
// (fractional ones leave seams that phones read as light modules), a quiet
// zone of 4 modules, error correction M or better, and an ECI marker saying
// UTF-8 when the text is not ASCII (else phones guess Latin-1 and Spanish
// comes out garbled).
#include <qrencode.h>

#include <cmath>
#include <memory>

#include "content/takeaway.h"
#include "ui/ui.h"

namespace kiosk::ui {

namespace {
using Code = std::unique_ptr<QRcode, decltype(&QRcode_free)>;

Code encode(const std::string& payload, QRecLevel level) {
  std::unique_ptr<QRinput, decltype(&QRinput_free)> in(QRinput_new2(0, level), &QRinput_free);
  if (!in) return Code(nullptr, &QRcode_free);
  bool ascii = true;
  for (unsigned char c : payload) ascii = ascii && c < 0x80;
  if (!ascii && QRinput_appendECIheader(in.get(), 26) != 0)  // ECI 26: UTF-8
    return Code(nullptr, &QRcode_free);
  if (QRinput_append(in.get(), QR_MODE_8, static_cast<int>(payload.size()),
                     reinterpret_cast<const unsigned char*>(payload.data())) != 0)
    return Code(nullptr, &QRcode_free);
  return Code(QRcode_encodeInput(in.get()), &QRcode_free);
}
}  // namespace

void Ui::qr(const std::string& payload, float side, const std::string& label) {
  ImVec2 a = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(side, side));
  // encoded once per payload, not every frame (a screen shows a few codes;
  // the kept ones are dropped when a few dozen different ones were shown)
  auto it = qr_cache_.find(payload);
  if (it == qr_cache_.end()) {
    if (qr_cache_.size() >= 64) qr_cache_.clear();
    // Q (25 % of the code can be lost) while the code stays small enough to
    // scan from arm's length; M when Q would need a larger version.
    Code code = encode(payload, QR_ECLEVEL_Q);
    if (!code || code->version > content::kQrMaxVersion) code = encode(payload, QR_ECLEVEL_M);
    QrModules q;
    if (code) {
      q.width = code->width;
      q.dark.resize(static_cast<size_t>(q.width) * static_cast<size_t>(q.width));
      for (size_t i = 0; i < q.dark.size(); ++i) q.dark[i] = static_cast<uint8_t>(code->data[i] & 1);
    }
    ++qr_encoded_;
    it = qr_cache_.emplace(payload, std::move(q)).first;
  }
  const QrModules& code = it->second;
  auto* dl = ImGui::GetWindowDrawList();
  const float x0 = std::floor(a.x), y0 = std::floor(a.y);
  // Always dark on white with a quiet zone, whatever the theme: phones need it.
  dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + side, y0 + side), IM_COL32(255, 255, 255, 255));
  if (code.width > 0) {
    const int n = code.width, quiet = 4;
    const float m = std::max(1.0f, std::floor(side / static_cast<float>(n + quiet * 2)));
    // centred in the square on whole pixels
    const float off = std::floor((side - m * static_cast<float>(n + quiet * 2)) / 2) + m * quiet;
    for (int y = 0; y < n; ++y)
      for (int x = 0; x < n;) {
        if (!code.dark[static_cast<size_t>(y * n + x)]) { ++x; continue; }
        int run = 1;  // a run of dark modules is one rectangle
        while (x + run < n && code.dark[static_cast<size_t>(y * n + x + run)]) ++run;
        ImVec2 p(x0 + off + static_cast<float>(x) * m, y0 + off + static_cast<float>(y) * m);
        dl->AddRectFilled(p, ImVec2(p.x + m * static_cast<float>(run), p.y + m), IM_COL32(0, 0, 0, 255));
        x += run;
      }
  }
  // too long to encode: the white square stays, the label says what it was
  text_node(label, {a.x, a.y, side, side}, Role::Image);
}

}  // namespace kiosk::ui
