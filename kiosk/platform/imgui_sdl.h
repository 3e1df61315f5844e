// Dear ImGui's draw lists on an SDL_Renderer, drawing the shapes ImGui makes
// most (rectangles, glyphs, convex fills) with the calls SDL's software
// renderer does fast, and only the rest as triangles.
#pragma once
#include <SDL_rect.h>
#include <imgui.h>

#include <cstdint>
#include <vector>

struct SDL_Renderer;
struct SDL_Texture;

namespace kiosk::platform {

class ImGuiSdl {
public:
  // Shapes: rectangles, glyphs and solid convex fills as rects and copies,
  // the rest (edges' anti-aliased fringes, thick lines) as triangles.
  // Triangles: every triangle through SDL_RenderGeometry, as ImGui's own
  // backend does; kept to check the shapes path against (tests/ui/test_render).
  enum class Path { Shapes, Triangles };

  // Registers as the current ImGui context's renderer backend.
  explicit ImGuiSdl(SDL_Renderer* renderer);
  ~ImGuiSdl();
  ImGuiSdl(const ImGuiSdl&) = delete;
  ImGuiSdl& operator=(const ImGuiSdl&) = delete;

  // Uploads the current font atlas (replacing the old texture), then frees
  // ImGui's CPU copy of it: the texture is the only copy kept.
  bool upload_fonts();
  bool has_fonts() const { return font_ != nullptr; }
  void render(ImDrawData* data);

  void set_path(Path p) { path_ = p; }
  Path path() const { return path_; }

  // What the last render() did, for tests and the benchmark.
  struct Counts {
    int fills = 0;        // solid rectangles
    int copies = 0;       // textured rectangles (glyphs)
    int polygons = 0;     // solid convex fills, as rows of rects
    int triangles = 0;    // everything else
  };
  const Counts& counts() const { return counts_; }

private:
  void draw_shapes(const ImDrawList* list, const ImDrawCmd& cmd, const SDL_Rect& clip);
  bool rect(const ImDrawVert* q[4], const SDL_Rect& clip);
  bool gradient(const ImDrawVert* q[4], const SDL_Rect& clip);
  bool polygon(unsigned first, unsigned triangles, const SDL_Rect& clip);
  void flush_triangles();
  void set_fill(ImU32 col);

  SDL_Renderer* renderer_;
  SDL_Texture* font_ = nullptr;
  bool software_ = false;  // SDL's software renderer truncates float rects: snap them ourselves
  Path path_ = Path::Shapes;
  Counts counts_;
  std::vector<ImDrawVert> scaled_;  // a draw list's vertices in framebuffer pixels, when they differ
  // The draw command being drawn.
  SDL_Texture* tex_ = nullptr;
  int tex_w_ = 0, tex_h_ = 0;
  bool atlas_ = false;
  ImVec2 white_;                   // the atlas's white pixel
  const ImDrawVert* vtx_ = nullptr;
  int vtx_count_ = 0;
  const ImDrawIdx* idx_ = nullptr;
  std::vector<int> batch_;         // triangles waiting for one SDL_RenderGeometry call
  std::vector<ImVec2> poly_;       // a convex fill's corners
  std::vector<float> row_min_, row_max_;
  std::vector<SDL_Rect> rows_;     // a convex fill as rows of pixels, equal rows merged
};

}  // namespace kiosk::platform
