#!/usr/bin/env bash
# Installs Debian's headless Java runtime when there is no `java`: the W3C Nu HTML checker (npm vnu-jar, used by
# tests/test_html_engines.py) is a Java program.
set -euo pipefail
if command -v java >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-java: no java and no apt-get here; install a Java runtime (11 or later)." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq default-jre-headless >/dev/null
