# Test binaries and CTest registrations (included from the top CMakeLists.txt).
# Core-only tests link kiosk_core and nothing else: if core used ImGui or SDL,
# this binary would not link.
file(GLOB CORE_TEST_SOURCES CONFIGURE_DEPENDS tests/core/*.cpp)
add_executable(core_tests tests/catch_main.cpp ${CORE_TEST_SOURCES})
target_link_libraries(core_tests PRIVATE kiosk_core Catch2::Catch2)
target_compile_definitions(core_tests PRIVATE
  KIOSK_SOURCE_DIR="${CMAKE_SOURCE_DIR}" KIOSK_BINARY_DIR="${CMAKE_BINARY_DIR}")
add_test(NAME core_tests COMMAND core_tests)
