// SDL window/renderer set-up and the ImGui renderer on it.
#include "platform/video.h"

#include <SDL.h>
#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "platform/png.h"

namespace kiosk::platform {

namespace {
const char kSdl = 0;  // what Video::sdl_ points at: SDL is initialised

// SDL's reason for the last failure (never "", which would read as success).
util::Result<std::unique_ptr<Video>> sdl_failed() {
  const char* e = SDL_GetError();
  return {nullptr, e && *e ? e : "SDL failed without saying why"};
}
}  // namespace

util::Result<std::unique_ptr<Video>> Video::open_window(bool fullscreen, int w, int h) {
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    return sdl_failed();
  }
  // SDL falls back to drivers that draw nowhere when no screen is attached.
  std::string driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
  if (SDL_GetNumVideoDisplays() < 1 || driver == "dummy" || driver == "offscreen") {
    SDL_Quit();
    return {nullptr, "no display"};
  }
  std::unique_ptr<Video> v(new Video);
  v->sdl_.reset(&kSdl);
  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI | (fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS : SDL_WINDOW_RESIZABLE);
  int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
  SDL_DisplayMode desktop{};
  if (fullscreen && SDL_GetDesktopDisplayMode(0, &desktop) == 0) {
    // Without a window manager nobody grants "fullscreen": the window keeps
    // the size it was created with. Create it as large as the screen, at its
    // corner, so it covers the screen either way.
    x = y = 0;
    w = desktop.w;
    h = desktop.h;
  }
  v->window_.reset(SDL_CreateWindow("Child Support Help", x, y, w, h, flags));
  if (!v->window_) {
    return sdl_failed();
  }
  v->renderer_.reset(SDL_CreateRenderer(v->window_.get(), -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC));
  if (!v->renderer_) v->renderer_.reset(SDL_CreateRenderer(v->window_.get(), -1, SDL_RENDERER_SOFTWARE));
  if (!v->renderer_) {
    return sdl_failed();
  }
  // Rounded shapes cost the software renderer most: ImGui's fans become rows
  // of rects there (platform/imgui_sdl.cpp); a GPU takes the triangles as
  // they are, in one call per draw command. KIOSK_RENDER_PATH=shapes or
  // triangles overrides that, to measure.
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(v->renderer_.get(), &info);
  const bool software = (info.flags & SDL_RENDERER_SOFTWARE) != 0;
  v->software_ = software;
  v->path_ = software ? ImGuiSdl::Path::Shapes : ImGuiSdl::Path::Triangles;
  if (const char* p = std::getenv("KIOSK_RENDER_PATH")) {
    if (!std::strcmp(p, "shapes")) v->path_ = ImGuiSdl::Path::Shapes;
    if (!std::strcmp(p, "triangles")) v->path_ = ImGuiSdl::Path::Triangles;
  }
  const char* path = v->path_ == ImGuiSdl::Path::Shapes ? "shapes" : "triangles";
  if (software)
    std::fprintf(stderr, "kiosk: warning: renderer is SDL's \"%s\" (no GPU): frames cost CPU; drawing %s\n", info.name, path);
  else
    std::fprintf(stderr, "kiosk: renderer %s, drawing %s\n", info.name, path);
  if (fullscreen) SDL_ShowCursor(SDL_DISABLE);
  float ddpi = 0;
  if (SDL_GetDisplayDPI(SDL_GetWindowDisplayIndex(v->window_.get()), &ddpi, nullptr, nullptr) == 0) v->dpi_ = ddpi;
  v->refresh_size();
  SDL_StartTextInput();
  return {std::move(v), ""};
}

util::Result<std::unique_ptr<Video>> Video::open_headless(int w, int h) {
  SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
  if (SDL_Init(SDL_INIT_EVENTS) != 0) {
    return sdl_failed();
  }
  std::unique_ptr<Video> v(new Video);
  v->sdl_.reset(&kSdl);
  v->surface_.reset(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ABGR8888));  // bytes R,G,B,A
  if (!v->surface_) {
    return sdl_failed();
  }
  v->renderer_.reset(SDL_CreateSoftwareRenderer(v->surface_.get()));
  v->software_ = true;
  if (!v->renderer_) {
    return sdl_failed();
  }
  v->w_ = w;
  v->h_ = h;
  return {std::move(v), ""};
}

void Video::attach_imgui() {
  if (!imgui_) imgui_ = std::make_unique<ImGuiSdl>(renderer_.get());
  imgui_->set_path(path_);
}

void Video::detach_imgui() { imgui_.reset(); }

void Video::set_render_path(ImGuiSdl::Path p) {
  path_ = p;
  if (imgui_) imgui_->set_path(p);
}

void Video::SdlFree::operator()(SDL_Window* w) const { SDL_DestroyWindow(w); }
void Video::SdlFree::operator()(SDL_Renderer* r) const { SDL_DestroyRenderer(r); }
void Video::SdlFree::operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }
void Video::SdlQuit::operator()(const void*) const { SDL_Quit(); }

Video::Video(Video&& other) noexcept = default;

Video& Video::operator=(Video&& other) noexcept {
  if (this != &other) {
    Video old(std::move(*this));  // this one's handles go, in their order, when `old` does
    sdl_ = std::move(other.sdl_);
    window_ = std::move(other.window_);
    surface_ = std::move(other.surface_);
    renderer_ = std::move(other.renderer_);
    lazy_ = other.lazy_;
    w_ = other.w_;
    h_ = other.h_;
    dpi_ = other.dpi_;
    path_ = other.path_;
    software_ = other.software_;
    imgui_ = std::move(other.imgui_);
  }
  return *this;
}

Video::~Video() = default;

void Video::refresh_size() {
  if (window_) SDL_GetRendererOutputSize(renderer_.get(), &w_, &h_);
}

void Video::begin_frame() {
  refresh_size();
  if (imgui_ && !imgui_->has_fonts()) imgui_->upload_fonts();
  // Anti-aliased outlines are three strips of small triangles per segment,
  // the most costly part left on a CPU (a list of bordered rows: 13 ms a
  // frame with them, 10 without); at 2.6 px their edges look the same.
  // Fills keep theirs: a pill without it shows steps.
  if (software_) ImGui::GetStyle().AntiAliasedLines = false;
}

void Video::render() {
  if (lazy_ && surface_) return;  // drawn by screenshot(), from the same draw data
  SDL_SetRenderDrawColor(renderer_.get(), 0, 0, 0, 255);
  SDL_RenderClear(renderer_.get());
  if (imgui_) imgui_->render(ImGui::GetDrawData());
  SDL_RenderPresent(renderer_.get());
}

void Video::rebuild_fonts_texture() {
  if (imgui_) imgui_->upload_fonts();
}

std::string Video::screenshot(const std::string& path) {
  if (!surface_) return "screenshots are taken in headless mode";
  if (lazy_) {
    lazy_ = false;
    render();
    lazy_ = true;
  }
  SDL_LockSurface(surface_.get());
  std::string err = write_png(path, static_cast<const uint8_t*>(surface_->pixels), surface_->w, surface_->h, surface_->pitch);
  SDL_UnlockSurface(surface_.get());
  return err;
}

std::vector<uint8_t> Video::pixels() {
  std::vector<uint8_t> out;
  if (!surface_) return out;
  if (lazy_) {
    lazy_ = false;
    render();
    lazy_ = true;
  }
  SDL_LockSurface(surface_.get());
  out.resize(static_cast<size_t>(surface_->w) * surface_->h * 4);
  for (int y = 0; y < surface_->h; ++y)
    std::memcpy(&out[static_cast<size_t>(y) * surface_->w * 4], static_cast<const uint8_t*>(surface_->pixels) + y * surface_->pitch,
                static_cast<size_t>(surface_->w) * 4);
  SDL_UnlockSurface(surface_.get());
  return out;
}

}  // namespace kiosk::platform
