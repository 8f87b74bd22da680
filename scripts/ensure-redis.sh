#!/usr/bin/env bash
# Installs Debian's redis-server for the distributed-ensemble integration test (BullMQ on Redis)
# when it is missing. Idempotent: does nothing when redis-server is already on the PATH.
# Needs root (CI runs as root); never prompts. Only installs the binary: the package's system
# service is stopped again, because the tests start their own server on a free loopback port.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-redis: redis-server is missing; run this script as root (apt-get install redis-server)" >&2
  exit 1
fi
echo "ensure-redis: installing Debian redis-server…"
export DEBIAN_FRONTEND=noninteractive
# Another apt-get (e.g. ensure-browser.sh) may hold the dpkg lock: wait for it rather than fail.
LOCK_WAIT=(-o DPkg::Lock::Timeout=600)
apt-get "${LOCK_WAIT[@]}" update -qq
# policy-rc.d = 101 tells invoke-rc.d not to start the service during installation (no init
# system in CI containers); removed again afterwards unless it was already there.
created_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  created_policy=1
fi
cleanup() { if [ "$created_policy" -eq 1 ]; then rm -f /usr/sbin/policy-rc.d; fi; }
trap cleanup EXIT
apt-get "${LOCK_WAIT[@]}" install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  redis-server >/dev/null
redis-server --version
