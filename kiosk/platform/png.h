// Writes RGBA pixels to a PNG file (libpng), for headless screenshots.
#pragma once
#include <cstdint>
#include <string>

namespace kiosk::platform {
// pixels: rows of width*4 bytes (R, G, B, A), `pitch` bytes apart. Returns "" or why it failed.
std::string write_png(const std::string& path, const uint8_t* pixels, int width, int height, int pitch);
}
