// SDL window/renderer set-up and the ImGui SDL_Renderer backend.
#include "platform/video.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include "platform/png.h"

namespace kiosk::platform {

std::unique_ptr<Video> Video::open_window(bool fullscreen, int w, int h, std::string* why) {
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    if (why) *why = SDL_GetError();
    return nullptr;
  }
  // SDL falls back to drivers that draw nowhere when no screen is attached.
  std::string driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
  if (SDL_GetNumVideoDisplays() < 1 || driver == "dummy" || driver == "offscreen") {
    if (why) *why = "no display";
    SDL_Quit();
    return nullptr;
  }
  std::unique_ptr<Video> v(new Video);
  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI | (fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_RESIZABLE);
  v->window_ = SDL_CreateWindow("Child Support Help", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
  if (!v->window_) {
    if (why) *why = SDL_GetError();
    return nullptr;
  }
  v->renderer_ = SDL_CreateRenderer(v->window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
  if (!v->renderer_) v->renderer_ = SDL_CreateRenderer(v->window_, -1, SDL_RENDERER_SOFTWARE);
  if (!v->renderer_) {
    if (why) *why = SDL_GetError();
    return nullptr;
  }
  if (fullscreen) SDL_ShowCursor(SDL_DISABLE);
  float ddpi = 0;
  if (SDL_GetDisplayDPI(SDL_GetWindowDisplayIndex(v->window_), &ddpi, nullptr, nullptr) == 0) v->dpi_ = ddpi;
  v->refresh_size();
  SDL_StartTextInput();
  return v;
}

std::unique_ptr<Video> Video::open_headless(int w, int h, std::string* why) {
  SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
  if (SDL_Init(SDL_INIT_EVENTS) != 0) {
    if (why) *why = SDL_GetError();
    return nullptr;
  }
  std::unique_ptr<Video> v(new Video);
  v->surface_ = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ABGR8888);  // bytes R,G,B,A
  if (!v->surface_) {
    if (why) *why = SDL_GetError();
    return nullptr;
  }
  v->renderer_ = SDL_CreateSoftwareRenderer(v->surface_);
  if (!v->renderer_) {
    if (why) *why = SDL_GetError();
    return nullptr;
  }
  v->w_ = w;
  v->h_ = h;
  return v;
}

void Video::attach_imgui() {
  if (!attached_) ImGui_ImplSDLRenderer_Init(renderer_);
  attached_ = true;
}

void Video::detach_imgui() {
  if (attached_) ImGui_ImplSDLRenderer_Shutdown();
  attached_ = false;
}

Video::~Video() {
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (surface_) SDL_FreeSurface(surface_);
  if (window_) SDL_DestroyWindow(window_);
  SDL_Quit();
}

void Video::refresh_size() {
  if (window_) SDL_GetRendererOutputSize(renderer_, &w_, &h_);
}

void Video::begin_frame() {
  refresh_size();
  ImGui_ImplSDLRenderer_NewFrame();
}

void Video::render() {
  if (lazy_ && surface_) return;  // drawn by screenshot(), from the same draw data
  SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
  SDL_RenderClear(renderer_);
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
  SDL_RenderPresent(renderer_);
}

void Video::rebuild_fonts_texture() {
  ImGui_ImplSDLRenderer_DestroyFontsTexture();
  ImGui_ImplSDLRenderer_CreateFontsTexture();
}

std::string Video::screenshot(const std::string& path) {
  if (!surface_) return "screenshots are taken in headless mode";
  if (lazy_) {
    lazy_ = false;
    render();
    lazy_ = true;
  }
  SDL_LockSurface(surface_);
  std::string err = write_png(path, static_cast<const uint8_t*>(surface_->pixels), surface_->w, surface_->h, surface_->pitch);
  SDL_UnlockSurface(surface_);
  return err;
}

}  // namespace kiosk::platform
