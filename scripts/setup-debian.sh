#!/usr/bin/env bash
# Installs everything Lightstreams needs to build, run and test on Debian 12, from Debian's own
# packages only. Idempotent: when every package is already present it changes nothing and does
# not even refresh the package lists.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # Qt 6.4 (Core/Network/Sql for core, Widgets for the UI, Test, Linguist tools)
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools libgl-dev
  # the reader (QtPdf) and the player (QtMultimedia; libqt6multimedia6 brings the FFmpeg
  # backend, plugins/multimedia/libffmpegmediaplugin.so, and the libav* it needs)
  qt6-pdf-dev qt6-multimedia-dev
  # Qt's own German and Spanish words (dialog buttons, the file dialog)
  qt6-translations-l10n
  # cryptography
  libsodium-dev libsecp256k1-dev
  # storage
  libsqlite3-dev
  # the content swarm (core/swarm hides it behind its own interface)
  libtorrent-rasterbar-dev
  # libFuzzer targets (clang 16: see cmake/CompilerSetup.cmake for why not Debian's default 14)
  clang-16 libclang-rt-16-dev
  # headless GUI runs and screenshots
  xvfb xauth
)
# Node.js runs the ethers.js compatibility test (an unmodified Ethereum client library against the
# node). A machine that already has node and npm (e.g. from NodeSource) keeps them.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} Debian packages already installed"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "setup: need root to install: ${missing[*]} (run as root or install sudo)" >&2
    exit 1
  fi
  sudo_cmd=(sudo)
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
