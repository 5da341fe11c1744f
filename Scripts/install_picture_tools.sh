#!/usr/bin/env bash
# Installs (when missing) what draws and checks the pictures: Graphviz's `dot` (for
# `micrograd graph` and Scripts/render_pictures.sh) and librsvg's `rsvg-convert` (the tests
# render every SVG the package writes to PNG with it). Debian/Ubuntu with apt-get (as root, or
# through sudo), or macOS with Homebrew.
set -euo pipefail

if command -v dot >/dev/null && command -v rsvg-convert >/dev/null; then
  echo "dot and rsvg-convert already installed: $(command -v dot), $(command -v rsvg-convert)"
  exit 0
fi

if command -v apt-get >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq graphviz librsvg2-bin >/dev/null
elif command -v brew >/dev/null; then
  brew install graphviz librsvg
else
  echo "install Graphviz and librsvg yourself (no apt-get or brew here)" >&2
  exit 1
fi
echo "installed: $(command -v dot), $(command -v rsvg-convert)"
