#!/usr/bin/env bash
# Machine setup for CI and fresh machines: the MariaDB service the tests talk to.
set -euo pipefail
if ! mariadb-admin -h127.0.0.1 -uroot ping >/dev/null 2>&1; then
  echo "starting MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
  for _ in $(seq 1 30); do mariadb-admin -h127.0.0.1 -uroot ping >/dev/null 2>&1 && break; sleep 1; done
fi

# Debian packages for the real-client tests (Neovim, Chromium for code-server) and code-server's build.
need=()
for pkg in neovim chromium ripgrep libkrb5-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
