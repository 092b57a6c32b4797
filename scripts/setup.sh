#!/usr/bin/env bash
# Sets up everything Klantdossier needs on a Debian-like machine: system packages (only
# those missing) and the virtual environment (only when pyproject.toml changed).
# Idempotent: a second run does nothing and takes about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv

# tesseract with Dutch, English and orientation data; Qt's xcb runtime; Xvfb for a
# screenless machine; SANE with its test backend; fonts for the generated test scans.
APT_PACKAGES=(
  tesseract-ocr tesseract-ocr-nld tesseract-ocr-eng tesseract-ocr-osd
  libegl1 libgl1 libopengl0 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libxcb-shm0 libxcb-sync1 libxcb-render0
  xvfb xauth x11-utils imagemagick
  libsane1 sane-utils
  fonts-dejavu-core desktop-file-utils xdg-utils
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

stamp="$VENV/.installed"
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: creating the virtual environment in $VENV"
  if [ ! -x "$VENV/bin/python" ] && ! "$PYTHON" -m venv "$VENV"; then
    # Debian's own python3 keeps venv in a separate package
    rm -rf "$VENV"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
    "$PYTHON" -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e ".[dev]"
  echo "$want" > "$stamp"
fi

# Translations: .ts sources in resources/i18n are compiled to .qm when newer.
for ts in resources/i18n/*.ts; do
  [ -e "$ts" ] || continue
  qm="${ts%.ts}.qm"
  if [ ! -e "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
  fi
done

# tel: and callto: links open Klantdossier (desktop file for this checkout).
if [ -f resources/klantdossier.desktop.in ]; then
  apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
  mkdir -p "$apps"
  sed "s|@ROOT@|$PWD|g" resources/klantdossier.desktop.in > "$apps/klantdossier.desktop.tmp"
  if ! cmp -s "$apps/klantdossier.desktop.tmp" "$apps/klantdossier.desktop"; then
    mv "$apps/klantdossier.desktop.tmp" "$apps/klantdossier.desktop"
    if command -v xdg-mime >/dev/null; then
      xdg-mime default klantdossier.desktop x-scheme-handler/tel x-scheme-handler/callto 2>/dev/null || true
    fi
  else
    rm -f "$apps/klantdossier.desktop.tmp"
  fi
fi
