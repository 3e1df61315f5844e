// Dear ImGui renderer for SDL_Renderer. SDL's software renderer fills a
// triangle by testing every pixel of its bounding box, so ImGui's fans (a
// rounded tile is ~40 triangles from one corner, each box nearly the tile)
// cost most of a frame; rectangles, glyphs and convex fills are recognised
// here and drawn as SDL rects and copies instead.
#include "platform/imgui_sdl.h"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace kiosk::platform {

namespace {
// First pixel whose centre is at or right of x: SDL's software rasteriser and
// GL both fill a pixel when its centre is inside.
int first_pixel(float x) { return static_cast<int>(std::ceil(x - 0.5f)); }

Uint8 red(ImU32 c) { return static_cast<Uint8>(c >> IM_COL32_R_SHIFT); }
Uint8 green(ImU32 c) { return static_cast<Uint8>(c >> IM_COL32_G_SHIFT); }
Uint8 blue(ImU32 c) { return static_cast<Uint8>(c >> IM_COL32_B_SHIFT); }
Uint8 alpha(ImU32 c) { return static_cast<Uint8>(c >> IM_COL32_A_SHIFT); }

float cross(ImVec2 o, ImVec2 a, ImVec2 b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }
}  // namespace

ImGuiSdl::ImGuiSdl(SDL_Renderer* renderer) : renderer_(renderer) {
  SDL_RendererInfo info{};
  if (SDL_GetRendererInfo(renderer_, &info) == 0) software_ = (info.flags & SDL_RENDERER_SOFTWARE) != 0;
  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "kiosk_imgui_sdl";
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
}

ImGuiSdl::~ImGuiSdl() {
  if (font_) SDL_DestroyTexture(font_);
  if (ImGui::GetCurrentContext()) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.Fonts->TexID == static_cast<ImTextureID>(font_)) io.Fonts->SetTexID(nullptr);
    io.BackendRendererName = nullptr;
    io.BackendFlags &= ~ImGuiBackendFlags_RendererHasVtxOffset;
  }
}

bool ImGuiSdl::upload_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  if (font_) {
    io.Fonts->SetTexID(nullptr);
    SDL_DestroyTexture(font_);
    font_ = nullptr;
  }
  // ImGui rasterises one byte of coverage per texel; SDL_Renderer has no
  // single-channel format, so the texture is RGBA. Widen a band of rows at a
  // time instead of asking ImGui for its RGBA copy: for the Chinese atlas
  // that copy was 16 MB more at the moment the language changes.
  unsigned char* alpha = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsAlpha8(&alpha, &w, &h);
  font_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, w, h);
  if (!font_) {
    std::fprintf(stderr, "kiosk: cannot make the %dx%d font texture: %s\n", w, h, SDL_GetError());
    return false;
  }
  constexpr int kBand = 64;
  std::vector<uint32_t> band(static_cast<size_t>(w) * kBand);
  for (int y0 = 0; y0 < h; y0 += kBand) {
    const int rows = std::min(kBand, h - y0);
    const unsigned char* src = alpha + static_cast<size_t>(y0) * static_cast<size_t>(w);
    auto* dst = reinterpret_cast<unsigned char*>(band.data());
    for (size_t i = 0, n = static_cast<size_t>(w) * static_cast<size_t>(rows); i < n; ++i) {
      dst[4 * i + 0] = dst[4 * i + 1] = dst[4 * i + 2] = 255;  // white, as ImGui's RGBA copy is
      dst[4 * i + 3] = src[i];
    }
    const SDL_Rect r{0, y0, w, rows};
    SDL_UpdateTexture(font_, &r, band.data(), 4 * w);
  }
  SDL_SetTextureBlendMode(font_, SDL_BLENDMODE_BLEND);
  io.Fonts->SetTexID(static_cast<ImTextureID>(font_));
  // The texture holds the pixels now (on the software renderer it is itself
  // a surface in RAM): ImGui's alpha copy would be a byte a texel more. The glyph tables stay; the next build_fonts() makes new pixels.
  io.Fonts->ClearTexData();
  return true;
}

void ImGuiSdl::render(ImDrawData* data) {
  counts_ = {};
  if (!data || !data->Valid) return;
  // When SDL scales already (SDL_RenderSetScale), do not scale twice.
  float rsx = 1, rsy = 1;
  SDL_RenderGetScale(renderer_, &rsx, &rsy);
  const ImVec2 scale(rsx == 1.0f ? data->FramebufferScale.x : 1.0f, rsy == 1.0f ? data->FramebufferScale.y : 1.0f);
  const ImVec2 off = data->DisplayPos;
  const int fb_w = static_cast<int>(data->DisplaySize.x * scale.x), fb_h = static_cast<int>(data->DisplaySize.y * scale.y);
  if (fb_w <= 0 || fb_h <= 0) return;
  const bool moved = scale.x != 1.0f || scale.y != 1.0f || off.x != 0.0f || off.y != 0.0f;

  SDL_Rect old_viewport, old_clip;
  const bool old_clip_on = SDL_RenderIsClipEnabled(renderer_) == SDL_TRUE;
  SDL_RenderGetViewport(renderer_, &old_viewport);
  SDL_RenderGetClipRect(renderer_, &old_clip);
  Uint8 old_r, old_g, old_b, old_a;
  SDL_GetRenderDrawColor(renderer_, &old_r, &old_g, &old_b, &old_a);
  SDL_BlendMode old_blend;
  SDL_GetRenderDrawBlendMode(renderer_, &old_blend);
  auto reset_state = [&] {
    SDL_RenderSetViewport(renderer_, nullptr);
    SDL_RenderSetClipRect(renderer_, nullptr);
  };
  reset_state();
  white_ = ImGui::GetIO().Fonts->TexUvWhitePixel;

  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    const ImDrawVert* vtx = list->VtxBuffer.Data;
    if (moved) {
      scaled_.assign(list->VtxBuffer.begin(), list->VtxBuffer.end());
      for (ImDrawVert& v : scaled_) v.pos = ImVec2((v.pos.x - off.x) * scale.x, (v.pos.y - off.y) * scale.y);
      vtx = scaled_.data();
    }
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback == ImDrawCallback_ResetRenderState) reset_state();
        else cmd.UserCallback(list, &cmd);
        continue;
      }
      const float x0 = std::max(0.0f, (cmd.ClipRect.x - off.x) * scale.x), y0 = std::max(0.0f, (cmd.ClipRect.y - off.y) * scale.y);
      const float x1 = std::min(static_cast<float>(fb_w), (cmd.ClipRect.z - off.x) * scale.x),
                  y1 = std::min(static_cast<float>(fb_h), (cmd.ClipRect.w - off.y) * scale.y);
      if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
      const SDL_Rect clip{static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1 - x0), static_cast<int>(y1 - y0)};
      SDL_RenderSetClipRect(renderer_, &clip);

      tex_ = static_cast<SDL_Texture*>(cmd.GetTexID());
      atlas_ = tex_ && tex_ == font_;
      tex_w_ = tex_h_ = 0;
      vtx_ = vtx + cmd.VtxOffset;
      vtx_count_ = list->VtxBuffer.Size - static_cast<int>(cmd.VtxOffset);
      idx_ = list->IdxBuffer.Data + cmd.IdxOffset;
      if (path_ == Path::Triangles) {
        SDL_RenderGeometryRaw(renderer_, tex_, &vtx_->pos.x, sizeof(ImDrawVert), reinterpret_cast<const SDL_Color*>(&vtx_->col),
                              sizeof(ImDrawVert), &vtx_->uv.x, sizeof(ImDrawVert), vtx_count_, idx_,
                              static_cast<int>(cmd.ElemCount), sizeof(ImDrawIdx));
        counts_.triangles += static_cast<int>(cmd.ElemCount / 3);
      } else {
        if (tex_) SDL_QueryTexture(tex_, nullptr, nullptr, &tex_w_, &tex_h_);
        draw_shapes(list, cmd, clip);
      }
    }
  }

  SDL_RenderSetViewport(renderer_, &old_viewport);
  SDL_RenderSetClipRect(renderer_, old_clip_on ? &old_clip : nullptr);
  SDL_SetRenderDrawColor(renderer_, old_r, old_g, old_b, old_a);
  SDL_SetRenderDrawBlendMode(renderer_, old_blend);
}

// Walks the command's triangles. Two that make an axis-aligned rectangle of
// one colour become a fill or a copy; a fan of one solid colour (ImGui's
// convex fills: rounded rectangles, circles) becomes rows of rects; the rest
// waits in batch_ and goes out as one SDL_RenderGeometry call, before
// anything drawn after it so the order of painting stays ImGui's.
void ImGuiSdl::draw_shapes(const ImDrawList*, const ImDrawCmd& cmd, const SDL_Rect& clip) {
  batch_.clear();
  const unsigned n = cmd.ElemCount - cmd.ElemCount % 3;
  unsigned i = 0;
  while (i < n) {
    const ImDrawIdx* t = idx_ + i;
    if (i + 6 <= n) {
      // Two triangles sharing a diagonal: the two vertices of the second one
      // not in the first are one vertex (the fourth corner) plus two shared.
      int shared = 0, other = -1;
      for (int k = 3; k < 6; ++k) {
        if (t[k] == t[0] || t[k] == t[1] || t[k] == t[2]) ++shared;
        else other = t[k];
      }
      if (shared == 2) {
        int lone = -1;  // the first triangle's vertex the second lacks
        for (int k = 0; k < 3; ++k)
          if (t[k] != t[3] && t[k] != t[4] && t[k] != t[5]) lone = t[k];
        const ImDrawVert* q[4] = {&vtx_[lone], nullptr, &vtx_[other], nullptr};
        int m = 1;
        for (int k = 0; k < 3; ++k)
          if (t[k] != lone) { q[m] = &vtx_[t[k]]; m += 2; }
        // q: lone, shared, other, shared: lone and other must be opposite
        // corners, the shared pair the other diagonal.
        if (rect(q, clip)) { i += 6; continue; }
      }
    }
    // A fan of one solid colour: (a,b,c) (a,c,d) (a,d,e)... It stops at the
    // first vertex of another colour (an anti-aliased fill's fringe goes on
    // from the fan's last edge, towards transparent).
    const ImU32 col = vtx_[t[0]].col;
    auto solid = [&](ImDrawIdx j) {
      const ImDrawVert& v = vtx_[j];
      return v.col == col && (!tex_ || (atlas_ && v.uv.x == white_.x && v.uv.y == white_.y));
    };
    unsigned k = 0;
    if (solid(t[0]) && solid(t[1]) && solid(t[2])) {
      k = 1;
      while (i + 3 * k + 3 <= n && t[3 * k] == t[0] && t[3 * k + 1] == t[3 * k - 1] && solid(t[3 * k + 2])) ++k;
    }
    if (k >= 2 && polygon(i, k, clip)) {
      i += 3 * k;
      continue;
    }
    k = std::max(k, 1u);
    // Triangles wholly outside the clip rect (rows scrolled out of a list)
    // would still cost SDL a set-up each.
    for (unsigned j = 0; j < 3 * k; j += 3) {
      const ImVec2 p = vtx_[t[j]].pos, q = vtx_[t[j + 1]].pos, r = vtx_[t[j + 2]].pos;
      if (std::max({p.x, q.x, r.x}) < static_cast<float>(clip.x) || std::min({p.x, q.x, r.x}) > static_cast<float>(clip.x + clip.w) ||
          std::max({p.y, q.y, r.y}) < static_cast<float>(clip.y) || std::min({p.y, q.y, r.y}) > static_cast<float>(clip.y + clip.h))
        continue;
      batch_.insert(batch_.end(), {t[j], t[j + 1], t[j + 2]});
    }
    i += 3 * k;
  }
  flush_triangles();
}

void ImGuiSdl::flush_triangles() {
  if (batch_.empty()) return;
  SDL_RenderGeometryRaw(renderer_, tex_, &vtx_->pos.x, sizeof(ImDrawVert), reinterpret_cast<const SDL_Color*>(&vtx_->col),
                        sizeof(ImDrawVert), &vtx_->uv.x, sizeof(ImDrawVert), vtx_count_, batch_.data(),
                        static_cast<int>(batch_.size()), sizeof(int));
  counts_.triangles += static_cast<int>(batch_.size() / 3);
  batch_.clear();
}

void ImGuiSdl::set_fill(ImU32 col) {
  SDL_SetRenderDrawColor(renderer_, red(col), green(col), blue(col), alpha(col));
  // Opaque needs no blending: SDL then fills with a plain memset-like loop.
  SDL_SetRenderDrawBlendMode(renderer_, alpha(col) == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
}

// q[0], q[2]: opposite corners; q[1], q[3]: the other two.
bool ImGuiSdl::rect(const ImDrawVert* q[4], const SDL_Rect& clip) {
  const ImU32 col = q[0]->col;
  const bool uniform = q[1]->col == col && q[2]->col == col && q[3]->col == col;
  const ImVec2 a = q[0]->pos, c = q[2]->pos, b = q[1]->pos, d = q[3]->pos;
  if (a.x == c.x || a.y == c.y) return false;
  // b and d are the corners (a.x, c.y) and (c.x, a.y), in either order.
  const bool bd = b.x == a.x && b.y == c.y && d.x == c.x && d.y == a.y;
  const bool db = d.x == a.x && d.y == c.y && b.x == c.x && b.y == a.y;
  if (!bd && !db) return false;
  const float x0 = std::min(a.x, c.x), x1 = std::max(a.x, c.x), y0 = std::min(a.y, c.y), y1 = std::max(a.y, c.y);
  const int px0 = first_pixel(x0), px1 = first_pixel(x1), py0 = first_pixel(y0), py1 = first_pixel(y1);

  bool solid = !tex_;
  if (atlas_) {
    solid = true;
    for (int k = 0; k < 4 && solid; ++k) solid = q[k]->uv.x == white_.x && q[k]->uv.y == white_.y;
  }
  if (!uniform) return solid && gradient(q, clip);
  if (solid) {
    ++counts_.fills;
    if (px1 <= clip.x || px0 >= clip.x + clip.w || py1 <= clip.y || py0 >= clip.y + clip.h || px1 <= px0 || py1 <= py0) return true;
    flush_triangles();
    set_fill(col);
    // As a float rect, so SDL places it as it places the rects it finds in
    // triangles itself (its software renderer truncates), and edges agree.
    const SDL_FRect r{x0, y0, x1 - x0, y1 - y0};
    SDL_RenderFillRectF(renderer_, &r);
    return true;
  }
  if (!tex_w_ || !tex_h_) return false;
  // Textured: u must follow x alone and v follow y alone, growing with them
  // (no rotation, no mirror), so a rect of the texture maps onto it.
  for (int i = 0; i < 4; ++i)
    for (int j = i + 1; j < 4; ++j) {
      if (q[i]->pos.x == q[j]->pos.x && q[i]->uv.x != q[j]->uv.x) return false;
      if (q[i]->pos.y == q[j]->pos.y && q[i]->uv.y != q[j]->uv.y) return false;
    }
  const ImVec2 uv_a = q[0]->uv, uv_c = q[2]->uv;
  if ((uv_c.x - uv_a.x) * (c.x - a.x) <= 0 || (uv_c.y - uv_a.y) * (c.y - a.y) <= 0) return false;
  const float tw = static_cast<float>(tex_w_), th = static_cast<float>(tex_h_);
  const float u0 = std::min(uv_a.x, uv_c.x) * tw, u1 = std::max(uv_a.x, uv_c.x) * tw;
  const float v0 = std::min(uv_a.y, uv_c.y) * th, v1 = std::max(uv_a.y, uv_c.y) * th;
  const SDL_Rect src{static_cast<int>(std::lround(u0)), static_cast<int>(std::lround(v0)),
                     static_cast<int>(std::lround(u1) - std::lround(u0)), static_cast<int>(std::lround(v1) - std::lround(v0))};
  if (src.w <= 0 || src.h <= 0) return false;
  ++counts_.copies;
  if (px1 <= clip.x || px0 >= clip.x + clip.w || py1 <= clip.y || py0 >= clip.y + clip.h || px1 <= px0 || py1 <= py0) return true;
  flush_triangles();
  SDL_SetTextureColorMod(tex_, red(col), green(col), blue(col));
  SDL_SetTextureAlphaMod(tex_, alpha(col));
  const SDL_FRect dst{x0, y0, x1 - x0, y1 - y0};
  SDL_RenderCopyF(renderer_, tex_, &src, &dst);
  return true;
}

// A solid rectangle whose colour changes along one axis only (the fades at a
// scrolling list's ends, AddRectFilledMultiColor): interpolating over two
// triangles gives each row (or column) one colour, so each is one fill.
bool ImGuiSdl::gradient(const ImDrawVert* q[4], const SDL_Rect& clip) {
  bool by_y = true, by_x = true;  // colour a function of y alone / of x alone
  for (int i = 0; i < 4; ++i)
    for (int j = i + 1; j < 4; ++j) {
      if (q[i]->pos.y == q[j]->pos.y && q[i]->col != q[j]->col) by_y = false;
      if (q[i]->pos.x == q[j]->pos.x && q[i]->col != q[j]->col) by_x = false;
    }
  if (!by_y && !by_x) return false;
  const ImDrawVert& a = *q[0];
  const ImDrawVert& c = *q[2];
  const float x0 = std::min(a.pos.x, c.pos.x), x1 = std::max(a.pos.x, c.pos.x), y0 = std::min(a.pos.y, c.pos.y),
              y1 = std::max(a.pos.y, c.pos.y);
  // colours at the low and the high end of the axis that varies
  const float lo = by_y ? y0 : x0, hi = by_y ? y1 : x1;
  const bool a_low = by_y ? a.pos.y == y0 : a.pos.x == x0;
  const ImVec4 c_lo = ImGui::ColorConvertU32ToFloat4(a_low ? a.col : c.col), c_hi = ImGui::ColorConvertU32ToFloat4(a_low ? c.col : a.col);
  int p0 = first_pixel(by_y ? y0 : x0), p1 = first_pixel(by_y ? y1 : x1);
  const int q0 = first_pixel(by_y ? x0 : y0), q1 = first_pixel(by_y ? x1 : y1);
  p0 = std::max(p0, by_y ? clip.y : clip.x);
  p1 = std::min(p1, by_y ? clip.y + clip.h : clip.x + clip.w);
  ++counts_.fills;
  if (p1 <= p0 || q1 <= q0) return true;
  flush_triangles();
  ImU32 last = 0;
  int run = p0;  // first line of the run of lines of colour `last`
  auto emit = [&](int from, int to) {
    if (to <= from || !(last >> IM_COL32_A_SHIFT & 0xFF)) return;
    set_fill(last);
    const SDL_Rect r = by_y ? SDL_Rect{q0, from, q1 - q0, to - from} : SDL_Rect{from, q0, to - from, q1 - q0};
    SDL_RenderFillRect(renderer_, &r);
  };
  for (int p = p0; p < p1; ++p) {
    const float t = std::clamp((static_cast<float>(p) + 0.5f - lo) / (hi - lo), 0.0f, 1.0f);
    const ImVec4 v(c_lo.x + (c_hi.x - c_lo.x) * t, c_lo.y + (c_hi.y - c_lo.y) * t, c_lo.z + (c_hi.z - c_lo.z) * t,
                   c_lo.w + (c_hi.w - c_lo.w) * t);
    const ImU32 col = ImGui::ColorConvertFloat4ToU32(v);
    if (p == p0) last = col;
    if (col != last) {
      emit(run, p);
      run = p;
      last = col;
    }
  }
  emit(run, p1);
  return true;
}

// A fan of `triangles` triangles of one solid colour from idx_[first]: filled
// row by row when it is convex (ImGui fans only convex shapes; checked).
bool ImGuiSdl::polygon(unsigned first, unsigned triangles, const SDL_Rect& clip) {
  const ImDrawIdx* t = idx_ + first;
  const ImU32 col = vtx_[t[0]].col;
  poly_.clear();
  // SDL's software triangles sit on a half-pixel grid; the fill's fringe is
  // drawn by them, so the rows use the same corners or pixels between the two
  // stay light.
  auto corner = [&](ImDrawIdx i) {
    const ImVec2 p = vtx_[i].pos;
    return software_ ? ImVec2(std::floor(p.x * 2) / 2, std::floor(p.y * 2) / 2) : p;
  };
  poly_.push_back(corner(t[0]));
  poly_.push_back(corner(t[1]));
  for (unsigned k = 0; k < triangles; ++k) poly_.push_back(corner(t[3 * k + 2]));
  const int m = static_cast<int>(poly_.size());
  // Convex: every corner turns the same way, and y changes direction at most
  // twice around the outline (so the turns add up to one full turn).
  int sign = 0, flips = 0, last_dy = 0;
  float ymin = poly_[0].y, ymax = poly_[0].y;
  for (int i = 0; i < m; ++i) {
    const ImVec2 p = poly_[i], q = poly_[(i + 1) % m], r = poly_[(i + 2) % m];
    // (float error on screen coordinates makes near-straight corners turn
    // either way by a hair: those count as straight)
    const float turn = cross(p, q, r);
    const float size = (std::fabs(q.x - p.x) + std::fabs(q.y - p.y)) * (std::fabs(r.x - q.x) + std::fabs(r.y - q.y));
    if (std::fabs(turn) > 1e-3f * size) {
      const int s = turn > 0 ? 1 : -1;
      if (sign && s != sign) return false;
      sign = s;
    }
    const int dy = q.y > p.y ? 1 : (q.y < p.y ? -1 : 0);
    if (dy) {
      if (last_dy && dy != last_dy) ++flips;
      last_dy = dy;
    }
    ymin = std::min(ymin, p.y);
    ymax = std::max(ymax, p.y);
  }
  // the turn from the last run of y back to the first
  int first_dy = 0;
  for (int i = 0; i < m && !first_dy; ++i) {
    const float dy = poly_[(i + 1) % m].y - poly_[i].y;
    first_dy = dy > 0 ? 1 : (dy < 0 ? -1 : 0);
  }
  if (first_dy && last_dy && first_dy != last_dy) ++flips;
  if (!sign || flips > 2) return false;

  ++counts_.polygons;
  const int row0 = std::max(first_pixel(ymin), clip.y), row1 = std::min(first_pixel(ymax), clip.y + clip.h);
  if (row1 <= row0) return true;
  const int rows = row1 - row0;
  row_min_.assign(rows, INFINITY);
  row_max_.assign(rows, -INFINITY);
  // Each edge crosses the centres of the rows between its ends once.
  for (int i = 0; i < m; ++i) {
    ImVec2 p = poly_[i], q = poly_[(i + 1) % m];
    if (p.y == q.y) continue;
    if (p.y > q.y) std::swap(p, q);
    const int r0 = std::max(first_pixel(p.y), row0), r1 = std::min(first_pixel(q.y), row1);
    const float slope = (q.x - p.x) / (q.y - p.y);
    for (int r = r0; r < r1; ++r) {
      const float x = p.x + (static_cast<float>(r) + 0.5f - p.y) * slope;
      row_min_[r - row0] = std::min(row_min_[r - row0], x);
      row_max_[r - row0] = std::max(row_max_[r - row0], x);
    }
  }
  rows_.clear();
  for (int r = 0; r < rows; ++r) {
    if (row_min_[r] > row_max_[r]) continue;
    const int x0 = std::max(first_pixel(row_min_[r]), clip.x), x1 = std::min(first_pixel(row_max_[r]), clip.x + clip.w);
    if (x1 <= x0) continue;
    if (!rows_.empty()) {
      SDL_Rect& last = rows_.back();
      if (last.x == x0 && last.w == x1 - x0 && last.y + last.h == row0 + r) {
        ++last.h;
        continue;
      }
    }
    rows_.push_back({x0, row0 + r, x1 - x0, 1});
  }
  if (rows_.empty()) return true;
  flush_triangles();
  set_fill(col);
  SDL_RenderFillRects(renderer_, rows_.data(), static_cast<int>(rows_.size()));
  return true;
}

}  // namespace kiosk::platform
