// The touch widgets every screen is made of. Each widget draws with ImGui,
// shows its pressed state at once, and registers itself in the accessibility
// tree; keyboard focus and activation come from that tree, not from ImGui.
#pragma once
#include <cstdint>
#include <string>

#include <imgui.h>

#include "ui/a11y.h"
#include "ui/theme.h"

namespace kiosk::ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* large = nullptr;   // tile titles, buttons
  ImFont* title = nullptr;   // screen headings
  ImFont* huge = nullptr;    // attract screen
};

enum class Style { Normal, Primary, Danger, Bar };

class Ui {
public:
  // Sizes, in pixels, derived from the display DPI and the large-text setting.
  float em = 28;            // body text size
  float min_target = 54;    // smallest touch target (~15 mm at the configured DPI)
  Fonts fonts;
  bool high_contrast = false;

  const Theme& th() const { return theme(high_contrast); }

  void begin_frame();
  // Applies keyboard moves to the tree just built and keeps it for lookups.
  void end_frame();

  // Keyboard: move focus through interactive nodes in tree order; activate.
  void move_focus(int delta) { nav_move_ += delta; }
  void activate_focused() { activate_ = focused_; }
  uint32_t focused() const { return focused_; }
  void clear_focus() { focused_ = 0; }

  // Modal: the nodes registered so far belong to the screen under a dialog;
  // they are dropped so focus, speech and tests see only the dialog.
  void begin_modal() { tree_.clear(); }

  const A11yTree& tree() const { return last_tree_; }

  // Widgets. Labels are already localized. Return true when activated.
  bool button(const std::string& label, ImVec2 size, Style style = Style::Normal);
  bool tile(const std::string& title, const std::string& subtitle, ImVec2 size);
  bool toggle(const std::string& label, bool on, const std::string& on_text, const std::string& off_text, ImVec2 size);
  void heading(const std::string& text, ImFont* font = nullptr);
  void paragraph(const std::string& text, ImFont* font = nullptr, bool muted = false);
  void text_node(const std::string& label, Rect r, Role role = Role::Text);

private:
  struct Hit {
    ImVec2 a, b;
    bool pressed = false, clicked = false, focused = false;
  };
  // A registered touch target drawn as a bordered card; the caller draws its inside.
  Hit card(const std::string& id_label, const std::string& label, ImVec2 size, Role role, bool selected, float rounding);
  void text_block(const std::string& text, ImFont* font, Color color, Role role);
  bool interact(const std::string& id_label, ImVec2 size, Role role, const std::string& label, bool selected, bool* pressed);
  void draw_focus(ImVec2 a, ImVec2 b);

  A11yTree tree_, last_tree_;
  uint32_t focused_ = 0, activate_ = 0;
  int nav_move_ = 0;
};

// ImGui colour from a theme colour.
inline ImU32 col(Color c) { return IM_COL32(c.r, c.g, c.b, c.a); }

}  // namespace kiosk::ui
