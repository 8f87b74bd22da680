#!/usr/bin/env bash
# Installs Debian's chromium for the end-to-end browser tests when /usr/bin/chromium is missing.
# Idempotent: does nothing when chromium is already there. Needs root (CI runs as root).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-browser: /usr/bin/chromium is missing; run this script as root (apt-get install chromium)" >&2
  exit 1
fi
echo "ensure-browser: installing Debian chromium…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
