#!/bin/sh
# Installs Chromium from Debian for the e2e tests and the explorer benchmark (driven by
# playwright-core at /usr/bin/chromium). Idempotent: does nothing when it is already there.
set -eu
if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
# A lock, because other setup scripts may run apt at the same time.
$SUDO flock /tmp/apt.lock sh -c 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium'
/usr/bin/chromium --version
