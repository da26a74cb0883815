#!/usr/bin/env bash
# Installs Debian's chromium when it is missing; never downloads a browser build of its own.
set -euo pipefail
browser="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $browser not found and no apt-get here; install Chromium and set CHROMIUM=<path>." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-core >/dev/null
