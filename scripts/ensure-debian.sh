#!/usr/bin/env bash
# Installs Debian packages when a program the set-up needs is missing; never downloads a build of its own.
# Usage: ensure-debian.sh <program: a name on PATH or a path> <what to do without apt-get> <package>...
#   chromium: renders the diagrams at build time and runs the browser tests (its path from CHROMIUM);
#   java: runs the W3C Nu HTML checker of the tests (npm vnu-jar).
set -euo pipefail
program="$1"
advice="$2"
shift 2
if command -v "$program" >/dev/null 2>&1 || [ -x "$program" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-debian: $program not found and no apt-get here; $advice." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
