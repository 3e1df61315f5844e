#!/usr/bin/env bash
# Installs the Debian packages the kiosk needs (only those missing) and builds it.
# Used by scripts/run-kiosk and scripts/run-tests; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  cmake ninja-build g++ pkg-config
  libsdl2-dev libimgui-dev libsqlite3-dev libicu-dev catch2
  libfontconfig-dev fonts-noto-core fonts-noto-cjk fonts-material-design-icons-iconfont
  libmd4c-dev libtomlplusplus-dev libgettextpo-dev libstemmer-dev
  libpng-dev libstb-dev libqrencode-dev libespeak-ng-dev espeak-ng-data
  libasound2-dev espeak-ng
  libsodium-dev libcurl4-openssl-dev python3 dpkg-dev ccache
  systemd-container systemd-sysv dbus libpam-systemd lintian
  cage xwayland libgl1-mesa-dri libegl-mesa0 libegl1 libgles2 libgl1 libasound2 alsa-utils
  xvfb xauth xdotool matchbox-window-manager imagemagick x11-utils python3-xlib
  libzbar-dev zbar-tools seatd
  libcli11-dev nlohmann-json3-dev libhunspell-dev hunspell-en-us hunspell-es
  # style (GNU diction): reading grades for the tests and kiosk-content grades
  diction
  # printing (cairo + pango draw the PDF, libcups sends it; cups and cups-pdf for its test,
  # Tesseract reads the printed Arabic back)
  libcairo2-dev libpango1.0-dev libcups2-dev cups printer-driver-cups-pdf poppler-utils img2pdf tesseract-ocr tesseract-ocr-ara
  # monitoring (node_exporter's textfile collector, promtool) and the usage report's charts
  prometheus-node-exporter prometheus python3-matplotlib
)

# (scripts/fuzz asks for clang through EXTRA_PACKAGES)
read -r -a extra <<< "${EXTRA_PACKAGES:-}"
PACKAGES+=("${extra[@]}")

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing missing Debian packages: ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then SUDO=(); elif command -v sudo >/dev/null; then SUDO=(sudo); else
    echo "setup: these packages are missing and I am not root and have no sudo: ${missing[*]}" >&2
    echo "setup: ask an administrator to run: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

BUILD_DIR=${BUILD_DIR:-build}
BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo}
# KIOSK_WERROR=ON|OFF (KIOSK_WERROR=ON bash scripts/run-tests) is written into the build's cache
werror=()
[[ -n "${KIOSK_WERROR:-}" ]] && werror=(-DKIOSK_WERROR="$KIOSK_WERROR")
if [[ ! -f "$BUILD_DIR/build.ninja" || ${#werror[@]} -gt 0 ]]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" "${werror[@]}" ${CMAKE_EXTRA_ARGS:-}
fi
cmake --build "$BUILD_DIR" -j "$(nproc)"
