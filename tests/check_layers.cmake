# Fails if content/, i18n/, session/, tools/ or util/ include ImGui or SDL, or if the core
# library refers to any ImGui or SDL symbol.
file(GLOB_RECURSE core_files ${SOURCE_DIR}/kiosk/content/* ${SOURCE_DIR}/kiosk/i18n/* ${SOURCE_DIR}/kiosk/session/*
     ${SOURCE_DIR}/kiosk/tools/* ${SOURCE_DIR}/kiosk/util/*)
foreach(f ${core_files})
  file(STRINGS ${f} bad REGEX "#include[ \t]*[<\"](imgui|SDL|SDL2/|backends/)")
  if(bad)
    message(FATAL_ERROR "layering: ${f} includes ImGui or SDL: ${bad}")
  endif()
endforeach()
execute_process(COMMAND nm -C --undefined-only ${CORE_LIB} OUTPUT_VARIABLE syms RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm failed on ${CORE_LIB}")
endif()
string(REGEX MATCH "(ImGui::|SDL_)[A-Za-z_]+" hit "${syms}")
if(hit)
  message(FATAL_ERROR "layering: the core library uses ${hit}")
endif()
message(STATUS "core library is free of ImGui and SDL")
