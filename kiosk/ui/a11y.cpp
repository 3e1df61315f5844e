// Accessibility tree lookups.
#include "ui/a11y.h"

#include <algorithm>

namespace kiosk::ui {

const char* role_name(Role r) {
  switch (r) {
    case Role::Button: return "button";
    case Role::Tile: return "tile";
    case Role::Toggle: return "toggle";
    case Role::Heading: return "heading";
    case Role::Text: return "text";
    case Role::Row: return "row";
    case Role::Checkbox: return "checkbox";
    case Role::Image: return "image";
    case Role::Key: return "key";
  }
  return "text";
}

bool A11yNode::visible() const {
  // At least half of the node must be inside its window's visible area.
  float x0 = std::max(rect.x, clip.x), y0 = std::max(rect.y, clip.y);
  float x1 = std::min(rect.x + rect.w, clip.x + clip.w), y1 = std::min(rect.y + rect.h, clip.y + clip.h);
  if (x1 <= x0 || y1 <= y0) return false;
  return (y1 - y0) * 2 >= std::min(rect.h, clip.h) - 0.5f;
}

const A11yNode* A11yTree::find(const std::string& label) const {
  for (const auto& n : nodes_)
    if (n.interactive() && n.label == label && n.visible()) return &n;
  for (const auto& n : nodes_)
    if (n.label == label && n.visible()) return &n;
  return nullptr;
}

}  // namespace kiosk::ui

