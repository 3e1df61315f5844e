# Run by cpack before it builds the package: no package without a maintainer.
if(NOT CPACK_DEBIAN_PACKAGE_MAINTAINER MATCHES "^[^<>@]+ <[^<>@ ]+@[^<>@ ]+\\.[^<>@ ]+>$"
   OR CPACK_DEBIAN_PACKAGE_MAINTAINER MATCHES "@localhost")
  message(FATAL_ERROR "The package's maintainer is \"${CPACK_DEBIAN_PACKAGE_MAINTAINER}\". Configure with "
                      "-DKIOSK_PACKAGE_MAINTAINER=\"Name <address>\" (README, \"Install on a kiosk\").")
endif()
