# The Debian package (cpack -G DEB from the build folder): what it installs,
# its control fields and maintainer scripts. Included from CMakeLists.txt.
include(GNUInstallDirs)

set(KIOSK_PACKAGE_VERSION 1.1.0 CACHE STRING "Version of the Debian package (deploy/changelog holds the history)")
# Maintainer: whoever answers for the kiosks at a site. A site sets it with
# -DKIOSK_PACKAGE_MAINTAINER="Name <address>"; otherwise Debian's own
# DEBFULLNAME/DEBEMAIL, else the git identity of this clone.
if(NOT KIOSK_PACKAGE_MAINTAINER)
  set(maint "")
  if(DEFINED ENV{DEBFULLNAME} AND DEFINED ENV{DEBEMAIL})
    set(maint "$ENV{DEBFULLNAME} <$ENV{DEBEMAIL}>")
  else()
    find_package(Git QUIET)
    if(GIT_FOUND)
      execute_process(COMMAND ${GIT_EXECUTABLE} log -1 --format=%an%x20<%ae> WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
                      OUTPUT_VARIABLE maint OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
      execute_process(COMMAND ${GIT_EXECUTABLE} config user.name WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
                      OUTPUT_VARIABLE git_name OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
      execute_process(COMMAND ${GIT_EXECUTABLE} config user.email WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
                      OUTPUT_VARIABLE git_email OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
      if(git_name AND git_email)
        set(maint "${git_name} <${git_email}>")
      endif()
    endif()
  endif()
  set(KIOSK_PACKAGE_MAINTAINER "${maint}" CACHE STRING "Maintainer field of the Debian package: Name <address>" FORCE)
endif()
if(NOT KIOSK_PACKAGE_MAINTAINER MATCHES "^[^<>@]+ <[^<>@ ]+@[^<>@ ]+\\.[^<>@ ]+>$"
   OR KIOSK_PACKAGE_MAINTAINER MATCHES "@localhost")
  message(WARNING "KIOSK_PACKAGE_MAINTAINER is \"${KIOSK_PACKAGE_MAINTAINER}\": cpack will refuse to build the package. "
                  "Set it: cmake -DKIOSK_PACKAGE_MAINTAINER=\"Name <address>\" (README, \"Install on a kiosk\").")
endif()

# ---- what is installed
install(TARGETS kiosk kiosk-content RUNTIME DESTINATION bin)
install(FILES ${CMAKE_BINARY_DIR}/content.db DESTINATION share/kiosk)
install(FILES deploy/kiosk.service DESTINATION lib/systemd/system)
install(PROGRAMS deploy/backoff deploy/kiosk-cage deploy/monitoring-folder DESTINATION lib/kiosk)
# monitoring: the unit may write node_exporter's textfile folder (README "Monitoring a fleet with Prometheus")
install(FILES deploy/kiosk-monitoring.conf DESTINATION lib/systemd/system/kiosk.service.d RENAME monitoring.conf)
install(FILES kiosk/tools/report_charts.py DESTINATION share/kiosk)  # kiosk-content report runs it with python3
install(FILES deploy/kiosk.toml DESTINATION /etc/kiosk)
# /usr/share/doc/kiosk: copyright, changelog.Debian.gz (gzip -9n, as policy wants)
set(pkg_doc ${CMAKE_BINARY_DIR}/package-doc)
configure_file(deploy/changelog ${pkg_doc}/changelog.Debian @ONLY)
add_custom_command(OUTPUT ${pkg_doc}/changelog.Debian.gz
  COMMAND gzip -9nfk ${pkg_doc}/changelog.Debian
  DEPENDS ${pkg_doc}/changelog.Debian ${CMAKE_SOURCE_DIR}/deploy/changelog
  COMMENT "Compressing the Debian changelog")
foreach(page kiosk kiosk-content)
  add_custom_command(OUTPUT ${pkg_doc}/${page}.1.gz
    COMMAND gzip -9nc ${CMAKE_SOURCE_DIR}/deploy/${page}.1 > ${pkg_doc}/${page}.1.gz
    DEPENDS ${CMAKE_SOURCE_DIR}/deploy/${page}.1
    COMMENT "Compressing the ${page}(1) manual page")
  list(APPEND pkg_pages ${pkg_doc}/${page}.1.gz)
endforeach()
add_custom_target(package_doc ALL DEPENDS ${pkg_doc}/changelog.Debian.gz ${pkg_pages})
install(FILES deploy/copyright deploy/README.Debian ${pkg_doc}/changelog.Debian.gz DESTINATION share/doc/kiosk)
install(FILES ${pkg_pages} DESTINATION share/man/man1)
# the alert rules for a fleet's Prometheus and their promtool unit tests (README "Monitoring a fleet with Prometheus")
install(FILES deploy/prometheus/kiosk-alerts.yml deploy/prometheus/kiosk-alerts.test.yml DESTINATION share/kiosk/prometheus)

# ---- control fields
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VERSION ${KIOSK_PACKAGE_VERSION})
# a Debian revision: the package is made from the project's release, not native
set(KIOSK_PACKAGE_RELEASE 1 CACHE STRING "Debian revision of the package (the -N in 1.1.0-N)")
set(CPACK_DEBIAN_PACKAGE_RELEASE ${KIOSK_PACKAGE_RELEASE})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "${KIOSK_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${KIOSK_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "self-service kiosk for child-support office lobbies")
# the extended description: CPack indents it for the control file
set(CPACK_PACKAGE_DESCRIPTION
"A fullscreen touch kiosk for the lobbies of Connecticut's child-support
offices. Visitors find answers to common questions, step-by-step guides,
office hours and phone numbers in English and Spanish, can have any page read
aloud, and take contact details away as a QR code. Staff open a PIN-protected
menu to reload or roll back content, take signed content packs from a USB
stick or a web address, export usage statistics and restart or exit the kiosk.

The package runs the kiosk under the cage Wayland compositor on tty1 as the
unprivileged user kiosk (kiosk.service), with a watchdog that restarts a
frozen screen, and ships the kiosk-content tool that builds, checks and signs
the content database.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dlopen()ed or run, so dpkg-shlibdeps cannot see them: cage (the compositor;
# Debian's cage 0.1.4 refuses to start without the Xwayland binary, though it
# starts Xwayland only when an X11 client connects, which the kiosk is not),
# Mesa's drivers and EGL/GLES/GL (SDL loads them for the renderer), ALSA (what
# espeak-ng's pcaudiolib falls back to when no PulseAudio server runs, which
# is the case on a kiosk), seatd (the seat for cage), the fonts (the tiles'
# icons: Material Icons) and voices, the hunspell dictionaries usage
# statistics read at run time (which words of a failed search are words;
# libhunspell too, though shlibdeps finds it),
# adduser and deluser, diction (style: the reading grades of kiosk-content grades).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "cage, xwayland, seatd, libgl1-mesa-dri, libegl-mesa0, libegl1, libgles2, libgl1, libasound2, fonts-noto-core, fonts-material-design-icons-iconfont, espeak-ng-data, libhunspell-1.7-0, hunspell-en-us, hunspell-es, adduser, diction")
# alsa-utils restores the mixer levels at boot (new sound cards start muted)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "alsa-utils")
# kiosk-content report draws its charts with matplotlib (on a staff computer, not on the kiosk)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-matplotlib")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_SOURCE_DIR}/deploy/conffiles ${CMAKE_SOURCE_DIR}/deploy/postinst
    ${CMAKE_SOURCE_DIR}/deploy/prerm ${CMAKE_SOURCE_DIR}/deploy/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# refuses to build a package nobody answers for (checked when cpack runs)
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_SOURCE_DIR}/cmake/package-check.cmake)
include(CPack)
