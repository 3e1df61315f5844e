// The accessibility tree: every widget on screen registers a node each frame
// (role, localized label, rectangle, state). Keyboard focus, speech and
// tests all read this one structure.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::ui {

enum class Role { Button, Tile, Toggle, Heading, Text, Row, Checkbox, Image, Key };
const char* role_name(Role r);

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  float cx() const { return x + w / 2; }
  float cy() const { return y + h / 2; }
  bool contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
};

struct A11yNode {
  uint32_t id = 0;
  Role role = Role::Text;
  std::string label;
  Rect rect;         // on screen, in window pixels
  Rect clip;         // the visible part of its window
  bool enabled = true;
  bool selected = false;
  bool focused = false;
  std::string region;  // "" for a screen's own content, "nav" for the navigation bar
  std::string description;  // second line of a row or tile (spoken after the label)
  // Where its words are drawn, label and second line together (w == 0: none
  // drawn). Every word must be inside the node, its window and the screen.
  Rect text;
  // The size its words are drawn at (pixels, the largest run's, after any
  // shrinking to fit) and whether they are all bold: so a test can tell what
  // a screen draws strongest (0: no words drawn).
  float text_px = 0;
  bool text_bold = false;
  // Its window scrolls (content taller than the window by more than its
  // padding): outside `clip` vertically is still reachable by dragging.
  bool scrolls = false;
  bool interactive() const {
    return role == Role::Button || role == Role::Tile || role == Role::Toggle || role == Role::Row || role == Role::Checkbox ||
           role == Role::Key;
  }
  bool visible() const;
};

class A11yTree {
public:
  void clear() { nodes_.clear(); }
  void add(A11yNode n) { nodes_.push_back(std::move(n)); }
  A11yNode& last() { return nodes_.back(); }
  const std::vector<A11yNode>& nodes() const { return nodes_; }
  std::vector<A11yNode>& nodes() { return nodes_; }
  // First visible node with exactly this label (interactive nodes first).
  const A11yNode* find(const std::string& label) const;

private:
  std::vector<A11yNode> nodes_;
};

}  // namespace kiosk::ui
