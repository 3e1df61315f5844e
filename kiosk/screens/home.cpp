// Home: large tiles for each part of the mission.
#include "content/kinds.h"
#include "screens/parts.h"

namespace kiosk::screens {

void draw_home(Ctx& c) {
  begin_body(c, "##home");
  c.ui.heading(c.t("home.welcome"));
  // what staff announce for today (content/notices: between its starts and
  // ends), in the visitor's language; the tiles take the room left below
  if (c.model)
    for (const content::Entry* n : c.model->shown_on(c.today)) {
      const Card k = card_begin(c);
      c.ui.paragraph(n->get(content::title_field(n->kind)), c.ui.fonts.bold);
      markdown(c, n->get("body"));
      card_end(c, k);
    }
  ImGui::Dummy(ImVec2(0, c.ui.em * 0.6f));
  // the tiles are the screens registry.cpp gives a home tile; each tile's icon
  // is named after its screen (content::icons())
  static const std::vector<const ScreenDef*> tiles = home_tiles();
  const int count = static_cast<int>(tiles.size());
  const bool icons = c.ui.has_icon(session::screen_name(tiles[0]->id));
  const float gap = c.ui.em * 0.9f;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const bool portrait = c.h > c.w;
  // The grid: 3 x 2 in landscape, 2 x 3 in portrait, tiles filling the room up
  // to a comfortable size and never shorter than their words need. When that
  // is taller than the screen (720p, 768p), the other grid is tried, then the
  // titles alone (the second lines are still spoken), then titles without
  // icons; when nothing fits (large text there), the grid that needs least
  // height is taken and the page scrolls as little as it can.
  struct Grid {
    int cols, rows;
    bool subtitles, icons;
    float tw, th;
  };
  auto grid = [&](int cols, bool subtitles, bool with_icons) {
    const int rows = (count + cols - 1) / cols;
    Grid g{cols, rows, subtitles, with_icons, (avail.x - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols), 0};
    g.th = std::max(c.ui.min_target * 2, (avail.y - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
    g.th = std::min(g.th, c.ui.em * (portrait ? 11.0f : 9.0f));
    for (const auto* t : tiles)
      g.th = c.ui.tile_height(c.t(t->home_tile), subtitles ? c.t(std::string(t->home_tile) + ".sub") : "", g.tw, with_icons, g.th);
    return g;
  };
  auto height = [&](const Grid& g) { return static_cast<float>(g.rows) * g.th + static_cast<float>(g.rows - 1) * gap; };
  const int first = portrait ? 2 : 3, second = portrait ? 1 : 2;
  const Grid options[] = {grid(first, true, icons),   grid(second, true, icons), grid(first, false, icons),
                          grid(second, false, icons), grid(first, false, false), grid(second, false, false)};
  const float room = avail.y - ImGui::GetStyle().ItemSpacing.y * 2;
  const Grid* pick = nullptr;
  for (const auto& g : options)
    if (!pick && height(g) <= room) pick = &g;
  if (!pick) {
    pick = &options[0];
    for (const auto& g : options)
      if (height(g) < height(*pick) - 1) pick = &g;
  }
  const Grid& g = *pick;
  // On a tall screen the grid sits low, within reach of a seated visitor.
  float grid_h = height(g);
  if (portrait && avail.y > grid_h) ImGui::Dummy(ImVec2(0, avail.y - grid_h - ImGui::GetStyle().ItemSpacing.y * 2));
  const float x0 = ImGui::GetCursorPosX();
  for (int i = 0; i < count; ++i) {
    if (i % g.cols == 0 && i) ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y * 2));
    grid_cell(c, i, g.cols, g.tw, gap, x0);
    const std::string key = tiles[static_cast<size_t>(i)]->home_tile;
    const ScreenId screen = tiles[static_cast<size_t>(i)]->id;
    if (c.ui.tile(c.t(key), c.t(key + ".sub"), ImVec2(g.tw, g.th), {}, g.subtitles, g.icons ? session::screen_name(screen) : ""))
      c.open(screen);
  }
  end_body();
}

}  // namespace kiosk::screens
