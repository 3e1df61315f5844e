// The one renderer path: an SDL_Renderer (accelerated on kiosk hardware, the
// software renderer into an SDL_Surface when headless) with our ImGui
// renderer (platform/imgui_sdl.h) on top.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "platform/imgui_sdl.h"
#include "util/result.h"

struct SDL_Window;
struct SDL_Renderer;
struct SDL_Surface;

namespace kiosk::platform {

class Video {
public:
  // Real display. Null, and why, when there is no display.
  static util::Result<std::unique_ptr<Video>> open_window(bool fullscreen, int w, int h);
  // No display at all: SDL's dummy video driver and the software renderer.
  static util::Result<std::unique_ptr<Video>> open_headless(int w, int h);
  // One window, renderer and SDL session: moved, never copied (a copy would
  // destroy them twice).
  Video(const Video&) = delete;
  Video& operator=(const Video&) = delete;
  Video(Video&& other) noexcept;
  Video& operator=(Video&& other) noexcept;
  ~Video();

  int width() const { return w_; }
  int height() const { return h_; }
  // Physical DPI of the display when SDL knows it, else 0.
  float display_dpi() const { return dpi_; }
  bool headless() const { return surface_ != nullptr; }

  // Call after ImGui::CreateContext / before ImGui::DestroyContext.
  void attach_imgui();
  void detach_imgui();
  void begin_frame();           // ImGui backend NewFrame (sizes, textures)
  void render();                // draws ImGui's draw data and presents
  // Headless only: skip drawing pixels until a screenshot asks for them (the
  // layout and the accessibility tree do not need pixels; tests run faster).
  void set_lazy(bool lazy) { lazy_ = lazy; }
  void rebuild_fonts_texture();
  std::string screenshot(const std::string& path);  // headless only; "" or why not
  // Headless only: draws the last frame and returns its pixels (R,G,B,A
  // bytes, width() * height() of them).
  std::vector<uint8_t> pixels();
  // How ImGui's triangles reach SDL (tests compare the two paths).
  void set_render_path(ImGuiSdl::Path p);
  const ImGuiSdl* imgui() const { return imgui_.get(); }
  void refresh_size();

private:
  Video() = default;
  // SDL's own free functions as deleters; SdlSession calls SDL_Quit.
  struct SdlFree {
    void operator()(SDL_Window* w) const;
    void operator()(SDL_Renderer* r) const;
    void operator()(SDL_Surface* s) const;
  };
  struct SdlQuit {
    void operator()(const void*) const;
  };
  // Declared in the order they are made; destroyed in reverse: ImGui's
  // renderer, the SDL renderer, the surface, the window, then SDL_Quit.
  std::unique_ptr<const void, SdlQuit> sdl_;  // set once SDL_Init succeeded
  std::unique_ptr<SDL_Window, SdlFree> window_;
  std::unique_ptr<SDL_Surface, SdlFree> surface_;
  std::unique_ptr<SDL_Renderer, SdlFree> renderer_;
  bool lazy_ = false;
  int w_ = 0, h_ = 0;
  float dpi_ = 0;
  ImGuiSdl::Path path_ = ImGuiSdl::Path::Shapes;
  bool software_ = false;
  std::unique_ptr<ImGuiSdl> imgui_;
};

}  // namespace kiosk::platform
