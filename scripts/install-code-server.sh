#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) for the end-to-end tests, outside the repository.
# Idempotent: a finished install is reused. Works offline except for the npm registry.
#   LOCKSTEP_E2E_CACHE   where to install (default: $HOME/.cache/lockstep-e2e)
# Prints the path of the code-server executable on its last line.
set -euo pipefail

version=4.100.3 # engines.node 20; later releases need Node 22+
cache="${LOCKSTEP_E2E_CACHE:-$HOME/.cache/lockstep-e2e}"
dest="$cache/code-server-$version"
bin="$dest/node_modules/.bin/code-server"

if [ -f "$dest/.installed" ] && [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi

for tool in npm tar rg; do
  command -v "$tool" >/dev/null || { echo "install-code-server: '$tool' is missing (Debian: ripgrep for rg)" >&2; exit 1; }
done
if ! dpkg -s libkrb5-dev >/dev/null 2>&1 && [ ! -f /usr/include/gssapi/gssapi.h ]; then
  echo "install-code-server: libkrb5-dev is missing (the kerberos module cannot compile)" >&2
  exit 1
fi

mkdir -p "$cache"
work="$(mktemp -d "$cache/install.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tmp" "$work/pkg"

# @vscode/ripgrep's postinstall downloads rg from GitHub; seed its cache with Debian's rg (13.0.0).
rg_cache="$work/tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$rg_cache" "$work/rg"
cp "$(command -v rg)" "$work/rg/rg"
tar -czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$work/rg" rg

echo '{"name":"lockstep-e2e-code-server","private":true}' >"$work/pkg/package.json"
(
  cd "$work/pkg"
  export TMPDIR="$work/tmp"
  export npm_config_unsafe_perm=true # postinstall refuses to run as root otherwise
  export npm_config_yes=true         # node-pty's postinstall runs `npx node-gyp`, which needs a yes without a TTY
  npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$version" >&2
)
test -x "$work/pkg/node_modules/.bin/code-server"

rm -rf "$dest"
mv "$work/pkg" "$dest"
touch "$dest/.installed"
echo "$bin"
