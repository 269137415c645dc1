#!/usr/bin/env bash
# Builds the TLS front, Caddy v2 with the layer4 app (github.com/mholt/caddy-l4), into
# <repo>/.tools/bin/caddy from the Go module proxy. infra/front/caddy/{main.go,go.mod,go.sum} pin
# every module version. Idempotent: does nothing when the binary was built from these files.
#
#   bash infra/front/install.sh
#
# Why not Debian's caddy package: it is 2.6 and has no layer4 app, so TURN/TLS would need its own
# port (see docs/decisions.md). Cold build on 2 cores: ~2 min download + ~5-8 min compile.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
BIN_DIR="$REPO_ROOT/.tools/bin"
SRC="$SCRIPT_DIR/caddy"
log() { printf '[front-install] %s\n' "$*"; }
# shellcheck source=../lib/go-toolchain.sh
source "$SCRIPT_DIR/../lib/go-toolchain.sh"

stamp="$(cat "$SRC/main.go" "$SRC/go.mod" "$SRC/go.sum" | sha256sum | cut -c1-16)"
if [[ -x "$BIN_DIR/caddy" && "$(cat "$BIN_DIR/.caddy-build" 2>/dev/null)" == "$stamp" ]]; then
  log "caddy ($stamp) already in $BIN_DIR; nothing to do"
  exit 0
fi
need_go
mkdir -p "$BIN_DIR"
start=$SECONDS
log "building caddy + layer4 from $SRC (modules from the Go module proxy)"
(cd "$SRC" && CGO_ENABLED=0 "$GO_BIN" build -trimpath -ldflags '-s -w' -o "$BIN_DIR/caddy.tmp" .)
# Read the whole list before matching: `list-modules | grep -q` under pipefail fails when grep
# stops reading early and caddy dies of SIGPIPE (that is how CI saw "no layer4 listener").
modules="$("$BIN_DIR/caddy.tmp" list-modules)"
grep -qx 'caddy.listeners.layer4' <<<"$modules" || { log "ERROR: the build has no layer4 listener"; exit 1; }
mv -f "$BIN_DIR/caddy.tmp" "$BIN_DIR/caddy"
echo "$stamp" > "$BIN_DIR/.caddy-build"
log "installed $BIN_DIR/caddy ($("$BIN_DIR/caddy" version | cut -d' ' -f1)) in $((SECONDS - start))s"
