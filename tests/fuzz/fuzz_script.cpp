// Fuzz target: the headless script parser.
#include <cstdint>
#include <string>
#include <vector>

#include "app/script.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> errors;
  auto steps = kiosk::app::parse_script(std::string(reinterpret_cast<const char*>(data), size), "fuzz.txt", &errors);
  (void)steps;
  return 0;
}
