#!/usr/bin/env bash
# Sets up everything Klantdossier needs on a Debian-like machine: system packages (only
# those missing) and the virtual environment (only when pyproject.toml changed).
# Idempotent: a second run does nothing and takes about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv

# tesseract with Dutch, English and orientation data; Qt's xcb runtime; Xvfb for a
# screenless machine; SANE with its test backend; fonts for the generated test scans;
# PostgreSQL with its contrib extensions (unaccent, pg_trgm) for the shared client file's
# tests, which start a throw-away server of their own on a Unix socket.
APT_PACKAGES=(
  tesseract-ocr tesseract-ocr-nld tesseract-ocr-eng tesseract-ocr-osd
  libegl1 libgl1 libopengl0 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libxcb-shm0 libxcb-sync1 libxcb-render0
  xvfb xauth x11-utils imagemagick
  libsane1 sane-utils
  fonts-dejavu-core fonts-liberation2 fonts-freefont-ttf desktop-file-utils xdg-utils
  postgresql postgresql-contrib
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
  # Exec unquoted: xdg-open 1.1 takes its first word as the program without unquoting it.
  # A folder that needs quoting (a space, a quote: see the Desktop Entry spec) gets a small
  # launcher in the user's data folder instead.
  # call.py with -S: the caller is on screen sooner (see call.py).
  run="$PWD/.venv/bin/python -S $PWD/call.py"
  case "$PWD" in
    *[[:space:]\"\'\\\<\>~\|\&\;\$\*\?\#\(\)\`%]*)
      launcher="${XDG_DATA_HOME:-$HOME/.local/share}/Klantdossier/klantdossier-call"
      mkdir -p "$(dirname "$launcher")"
      printf '#!/bin/bash\nexec %q -S %q "$@"\n' "$PWD/.venv/bin/python" "$PWD/call.py" > "$launcher"
      chmod 755 "$launcher"
      run="$launcher"
      ;;
  esac
  desktop="$(<resources/klantdossier.desktop.in)"
  desktop="${desktop//@EXEC@/"$run"}"
  printf '%s\n' "${desktop//@ROOT@/"$PWD"}" > "$apps/klantdossier.desktop.tmp"
  if ! cmp -s "$apps/klantdossier.desktop.tmp" "$apps/klantdossier.desktop"; then
    mv "$apps/klantdossier.desktop.tmp" "$apps/klantdossier.desktop"
    if command -v xdg-mime >/dev/null; then
      xdg-mime default klantdossier.desktop x-scheme-handler/tel x-scheme-handler/callto 2>/dev/null || true
    fi
  else
    rm -f "$apps/klantdossier.desktop.tmp"
  fi
fi
