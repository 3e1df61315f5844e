// libpng writer.
#include "platform/png.h"

#include <cstdio>
#include <png.h>

namespace kiosk::platform {

std::string write_png(const std::string& path, const uint8_t* pixels, int width, int height, int pitch) {
  FILE* fp = std::fopen(path.c_str(), "wb");
  if (!fp) return "cannot write " + path;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    std::fclose(fp);
    return "PNG encoding failed for " + path;
  }
  png_init_io(png, fp);
  png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(png, 3);
  png_write_info(png, info);
  for (int y = 0; y < height; ++y) png_write_row(png, const_cast<uint8_t*>(pixels + static_cast<size_t>(y) * pitch));
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  std::fclose(fp);
  return {};
}

}  // namespace kiosk::platform
