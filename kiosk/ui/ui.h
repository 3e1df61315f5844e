// The touch widgets every screen is made of. Each widget draws with ImGui,
// shows its pressed state at once, and registers itself in the accessibility
// tree; keyboard focus and activation come from that tree, not from ImGui.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "ui/a11y.h"
#include "ui/theme.h"

namespace kiosk::ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* large = nullptr;   // tile titles, buttons
  ImFont* reading = nullptr; // regular text at the large size (kids' corner)
  ImFont* title = nullptr;   // screen headings
  ImFont* huge = nullptr;    // attract screen
  ImFont* icons = nullptr;   // the font the icon glyphs are merged into (nullptr: no icon font)
};

enum class Style { Normal, Primary, Danger, Bar };

// A piece of text in one font, for wrapped text that mixes fonts (bold).
struct Run {
  std::string_view text;
  ImFont* font;
};

class Ui {
public:
  // Sizes, in pixels, derived from the display DPI and the large-text setting.
  float em = 28;            // body text size
  float min_target = 54;    // smallest touch target (~15 mm at the configured DPI)
  float tap_slop = 16;      // a finger that moves further than this drags, it does not tap
  Fonts fonts;
  bool high_contrast = false;
  bool kids = false;        // the kids' corner's softer colours
  std::string locale = "en";  // for line breaking
  bool rtl = false;         // the locale is written right to left: text is right-aligned

  // Text as drawn (Arabic shaped, right-to-left runs in visual order) and its
  // size; every widget draws its text through these.
  const std::string& shown(std::string_view logical) const;
  ImVec2 text_size(ImFont* font, std::string_view logical) const;
  // `size` 0 draws at the font's own size.
  void draw_text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 color, std::string_view logical, float size = 0) const;

  // Text fitted into a box of max_w x max_h: on one line in the first of
  // `fonts` that fits; else wrapped (ICU line breaks) in the last one; else
  // that one drawn smaller, down to half its size. Nothing is ever cut.
  struct Fitted {
    ImFont* font = nullptr;
    float size = 0;                       // pixel size to draw at
    std::vector<std::string_view> lines;  // logical text of each line (views into the text given)
    float line_h = 0;
    ImVec2 extent;                        // the whole block
  };
  Fitted fit(std::initializer_list<ImFont*> fonts, std::string_view text, float max_w, float max_h);
  // Draws fitted text, each line centred in [x, x + width) (or at x when !centre).
  void draw_fitted(ImDrawList* dl, const Fitted& f, ImVec2 pos, float width, ImU32 color, bool centre = true) const;

  const Theme& th() const { return kids && !high_contrast ? kids_theme() : theme(high_contrast); }

  void begin_frame(int64_t now_ms);
  // Applies keyboard moves to the tree just built and keeps it for lookups.
  void end_frame();

  // Touch and Hear: a touch moves focus to what is under the finger (and asks
  // for it to be spoken) instead of activating it; Enter or a second touch
  // on the same item within 600 ms activates.
  bool touch_hear = false;
  std::string word_on = "on", word_off = "off";  // spoken after a toggle or tick box (localized by the app)
  // What should be spoken after this frame: the newly focused item, or what a
  // Touch and Hear finger rests on. Empty when nothing changed.
  const std::string& speak_request() const { return speak_; }

  // Keyboard: move focus through interactive nodes in tree order; activate.
  void move_focus(int delta) { nav_move_ += delta; }
  void activate_focused() { activate_ = focused_; }
  uint32_t focused() const { return focused_; }
  void clear_focus() { focused_ = 0; }
  // Focus goes, at the end of the next frame, to the first interactive node
  // of the page itself (not the bar, not a keyboard key): the first result.
  void focus_first_result() { focus_first_ = true; }

  // Modal: the nodes registered so far belong to the screen under a dialog;
  // they are dropped so focus, speech and tests see only the dialog.
  void begin_modal() { tree_.clear(); }

  const A11yTree& tree() const { return last_tree_; }

  // Width left on the current line, within the innermost push_right() edge.
  float avail() const;
  // Keeps text and rows left of x (screen pixels), e.g. inside a card.
  void push_right(float x) { rights_.push_back(x); }
  void pop_right() { rights_.pop_back(); }

  // The visit to a place (route) this frame draws: each scrolling window
  // remembers its position per visit, so Back returns to where the visitor
  // was and a new visit starts at the top.
  void set_page(const std::string& key) { page_ = key; }
  void forget_scroll() { saved_scroll_.clear(); scrolls_.clear(); }

  // Touch scrolling for the current ImGui window: call right after Begin().
  // A drag scrolls it; a flick keeps it moving and slowing down.
  void touch_scroll();
  // True while a flick is still moving something (frames must keep coming).
  bool animating() const { return animating_; }
  // True while the finger has moved beyond tap_slop since it went down.
  bool dragging() const { return dragging_; }

  // Widgets. Labels are already localized. Return true when activated.
  bool button(const std::string& label, ImVec2 size, Style style = Style::Normal, Role role = Role::Button);
  // `picture` names a small drawing beside the title (see draw_picture);
  // `icon` an icon (content::icons()) drawn there instead, when the icon font
  // is loaded. !show_subtitle: the second line is only spoken (a grid too
  // short for it). Neither picture nor icon is ever spoken.
  bool tile(const std::string& title, const std::string& subtitle, ImVec2 size, const std::string& picture = {},
            bool show_subtitle = true, const std::string& icon = {});
  // True when `icon` names an icon whose glyph is in the atlas (a tile then
  // draws it, and tile_height should be asked with picture = true).
  bool has_icon(std::string_view icon) const;
  // The icon's glyph, centred at `center`, at most `side` pixels square.
  void draw_icon(std::string_view icon, ImVec2 center, float side, Color color);
  // The height a tile of this width needs for its text (at least min_height).
  float tile_height(const std::string& title, const std::string& subtitle, float width, bool picture, float min_height);
  bool toggle(const std::string& label, bool on, const std::string& on_text, const std::string& off_text, ImVec2 size);
  void heading(const std::string& text, ImFont* font = nullptr);
  void paragraph(const std::string& text, ImFont* font = nullptr, bool muted = false);
  // `text`: where its words are drawn, when not the whole of r.
  void text_node(const std::string& label, Rect r, Role role = Role::Text, const Rect* text = nullptr);
  // Records on the last node the size and weight its runs are drawn at (scaled by `scale`).
  void note_font(const std::vector<Run>& runs, float scale);
  // The words speech says for a node: its label, its second line, its state.
  std::string spoken(const A11yNode& n) const;
  // Nodes registered until the next call belong to this region ("nav" for the
  // navigation bar, "" for the screen itself).
  void set_region(std::string region) { region_ = std::move(region); }
  // A full-width row that opens something: title, optional second line, arrow.
  // `title_font`: the title's font when not the large one (links under an answer)
  bool row(const std::string& title, const std::string& subtitle, float width = 0, ImFont* title_font = nullptr);
  // A checklist line with a tick box; returns true when tapped (the caller flips it).
  bool checkbox(const std::string& label, bool checked, float width = 0);
  // A choice among a few ("Everyone", "I pay support"...): one pill button.
  bool chip(const std::string& label, bool selected);
  // Wrapped text of several runs (line breaks from ICU, in this->locale),
  // drawn at the cursor; `bullet` indents it behind a dot. Registers one node.
  void rich(const std::vector<Run>& runs, bool muted = false, const char* bullet = nullptr, Role role = Role::Text);
  // Size of wrapped runs without drawing.
  ImVec2 measure(const std::vector<Run>& runs, float wrap_width);
  // Small friendly drawings for the kids' corner, drawn with shapes (no image
  // files): sun, heart, hands, star, tree, letter, house.
  void draw_picture(const std::string& name, ImVec2 center, float radius);
  // A QR code of `payload`, `side` pixels square (quiet zone included).
  // Each payload is encoded once and kept (a few dozen at most).
  void qr(const std::string& payload, float side, const std::string& label);
  size_t qr_encoded() const { return qr_encoded_; }  // payloads encoded so far (tests)

  // The field the on-screen keyboard types into: the text (its end, when
  // long) and a caret, or the hint while empty; `e` is the em of its panel.
  // Registers "label: text".
  void text_field(const std::string& label, const std::string& text, const std::string& placeholder, float e);
  // A bar of `count` segments, `done` of them filled (a guide's steps), under
  // `words` ("Step 2 of 5"); !show_words: they are drawn elsewhere (and
  // registered there), the bar only draws.
  void progress(size_t done, size_t count, const std::string& words, bool show_words = true);
  // Fitted words centred on a pill of the accent colour at pos, size; its
  // node has `role` (the caller gives it a target when it is one).
  void pill(const std::string& label, const Fitted& words, ImVec2 pos, ImVec2 size, Role role = Role::Text);

private:
  struct Hit {
    ImVec2 a, b;
    bool pressed = false, clicked = false, focused = false;
    Look look;  // its colours in the state it is in
  };
  // A registered touch target drawn as a bordered card; the caller draws its inside.
  Hit card(const std::string& id_label, const std::string& label, ImVec2 size, Role role, bool selected, float rounding,
           Part part);
  void text_block(const std::string& text, ImFont* font, Color color, Role role);
  bool interact(const std::string& id_label, ImVec2 size, Role role, const std::string& label, bool selected, bool* pressed);
  void draw_focus(ImVec2 a, ImVec2 b);
  // Adds a drawn piece of text to the last node's text rectangle.
  void note_text(ImVec2 pos, ImVec2 size);
  // Scrolling windows of this frame; end_frame() draws their "more" cues.
  struct ScrollWindow {
    void* window;
    ImU32 bg;
  };
  std::vector<ScrollWindow> scroll_windows_;
  void draw_scroll_cues();

  struct Line {
    std::vector<std::pair<size_t, std::pair<size_t, size_t>>> pieces;  // run, [begin, end)
    float width = 0;
  };
  std::vector<Line> layout(const std::vector<Run>& runs, float wrap_width);
  // k < 1 draws every run smaller (lines broken at wrap_width / k).
  void draw_runs(const std::vector<Run>& runs, ImVec2 pos, float wrap_width, Color color, float k = 1);
  // The scale (1, or down to 0.5) at which every block of runs fits wrap_width
  // and all of them, plus `gaps`, fit max_h; the size of the blocks at it.
  float fit_scale(const std::vector<std::vector<Run>>& blocks, float wrap_width, float max_h, float gaps = 0);
  bool tap_cancelled() const { return drag_cancel_; }

  struct Scroll {
    std::string page;
    bool grabbed = false;
    float start_y = 0, start_scroll = 0, last_y = 0, velocity = 0;  // velocity: px per ms
    int64_t last_ms = 0;
  };
  std::map<ImGuiID, Scroll> scrolls_;
  std::vector<float> rights_;
  std::string region_;
  std::string page_;
  std::map<std::string, float> saved_scroll_;  // page + window -> scroll y
  mutable std::map<std::string, std::string, std::less<>> shown_cache_;
  // QR codes as encoded: payload -> modules (row by row, 1 = dark) and width
  struct QrModules {
    int width = 0;
    std::vector<uint8_t> dark;
  };
  std::map<std::string, QrModules, std::less<>> qr_cache_;
  size_t qr_encoded_ = 0;
  int64_t now_ms_ = 0, prev_ms_ = 0;
  bool dragging_ = false, drag_cancel_ = false, animating_ = false, was_down_ = false, nav_moved_ = false;
  bool tapped_ = false;          // a finger lifted this frame without dragging
  ImVec2 tap_pos_;
  uint32_t last_touch_id_ = 0;   // Touch and Hear: the item touched last, and when
  int64_t last_touch_ms_ = 0;
  std::string speak_;
  A11yTree tree_, last_tree_;
  uint32_t focused_ = 0, activate_ = 0, activate_next_ = 0;
  int nav_move_ = 0;
  bool focus_first_ = false;
};

// ImGui colour from a theme colour.
inline ImU32 col(Color c) { return IM_COL32(c.r, c.g, c.b, c.a); }

}  // namespace kiosk::ui
