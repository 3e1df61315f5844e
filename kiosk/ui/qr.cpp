// QR codes drawn as filled squares (libqrencode does the encoding). Nothing is
// sent anywhere: the visitor's phone reads the code off the screen.
#include <qrencode.h>

#include <memory>

#include "ui/ui.h"

namespace kiosk::ui {

void Ui::qr(const std::string& payload, float side, const std::string& label) {
  ImVec2 a = ImGui::GetCursorScreenPos();
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString8bit(payload.c_str(), 0, payload.size() > 120 ? QR_ECLEVEL_L : QR_ECLEVEL_M), &QRcode_free);
  ImGui::Dummy(ImVec2(side, side));
  auto* dl = ImGui::GetWindowDrawList();
  // Always dark on white with a quiet zone, whatever the theme: phones need it.
  dl->AddRectFilled(a, ImVec2(a.x + side, a.y + side), IM_COL32(255, 255, 255, 255));
  if (!code) return;  // too long to encode: the white square stays, the label says what it was
  const int n = code->width, quiet = 4;
  const float m = side / static_cast<float>(n + quiet * 2);
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x)
      if (code->data[y * n + x] & 1) {
        ImVec2 p(a.x + (x + quiet) * m, a.y + (y + quiet) * m);
        dl->AddRectFilled(p, ImVec2(p.x + m + 0.5f, p.y + m + 0.5f), IM_COL32(0, 0, 0, 255));
      }
  text_node(label, {a.x, a.y, side, side}, Role::Image);
}

}  // namespace kiosk::ui
