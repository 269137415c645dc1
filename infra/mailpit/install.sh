#!/usr/bin/env bash
# Installs Mailpit (a local SMTP server with an HTTP API to read what arrived) into <repo>/.tools/bin,
# built from source fetched through the Go module proxy. The tests send real e-mail to it on
# loopback. Idempotent: does nothing when the pinned version is already there.
#
#   bash infra/mailpit/install.sh
#
# Environment overrides:
#   MAILPIT_VERSION   pinned github.com/axllent/mailpit tag   (default below)
#   GO                path of the go binary                   (default: go on PATH, else /usr/local/go/bin/go,
#                     else the toolchain infra/livekit/install.sh fetched into .tools/go)
#   GOPATH / GOCACHE  kept Go caches; unset, a scratch folder is used and removed afterwards
set -euo pipefail

MAILPIT_VERSION="${MAILPIT_VERSION:-v1.33.1}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN_DIR="$REPO_ROOT/.tools/bin"
log() { printf '[mailpit-install] %s\n' "$*"; }

if [[ -x "$BIN_DIR/mailpit" && "$(cat "$BIN_DIR/.mailpit-version" 2>/dev/null)" == "$MAILPIT_VERSION" ]]; then
  log "mailpit $MAILPIT_VERSION already in $BIN_DIR; nothing to do"
  exit 0
fi

GO_BIN="${GO:-$(command -v go || true)}"
[[ -n "$GO_BIN" ]] || { [[ -x /usr/local/go/bin/go ]] && GO_BIN=/usr/local/go/bin/go; }
[[ -n "$GO_BIN" ]] || { [[ -x "$REPO_ROOT/.tools/go/bin/go" ]] && GO_BIN="$REPO_ROOT/.tools/go/bin/go"; }
if [[ -z "$GO_BIN" ]]; then
  # The LiveKit installer knows how to fetch the Go toolchain from the module proxy; reuse it.
  bash "$REPO_ROOT/infra/livekit/install.sh" --no-cli >&2
  GO_BIN="$REPO_ROOT/.tools/go/bin/go"
  [[ -x "$GO_BIN" ]] || { log "ERROR: no Go toolchain"; exit 1; }
fi
export GOTOOLCHAIN="${GOTOOLCHAIN:-auto}" GOFLAGS="${GOFLAGS:-} -buildvcs=false"
if [[ -z "${GOPATH:-}${GOCACHE:-}${GOMODCACHE:-}" ]]; then
  GO_SCRATCH="$(mktemp -d)"
  trap 'rm -rf "$GO_SCRATCH"' EXIT
  export GOPATH="$GO_SCRATCH/gopath" GOCACHE="$GO_SCRATCH/cache" GOFLAGS="$GOFLAGS -modcacherw"
fi

start=$SECONDS
log "downloading github.com/axllent/mailpit@$MAILPIT_VERSION via the Go module proxy"
src="$(cd / && "$GO_BIN" mod download -json "github.com/axllent/mailpit@$MAILPIT_VERSION" \
      | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
[[ -d "$src" ]] || { log "ERROR: could not download the mailpit source"; exit 1; }
# The module carries no built web interface (its JavaScript is built with npm upstream); the SMTP
# server and the HTTP API the tests read are complete without it.
log "building mailpit from $src (cold build: ~2 min on 2 cores)"
mkdir -p "$BIN_DIR"
(cd "$src" && CGO_ENABLED=0 "$GO_BIN" build -trimpath \
  -ldflags "-s -w -X github.com/axllent/mailpit/config.Version=$MAILPIT_VERSION" -o "$BIN_DIR/mailpit.tmp" .)
mv -f "$BIN_DIR/mailpit.tmp" "$BIN_DIR/mailpit"
echo "$MAILPIT_VERSION" > "$BIN_DIR/.mailpit-version"
log "installed $BIN_DIR/mailpit ($MAILPIT_VERSION) in $((SECONDS - start))s"
