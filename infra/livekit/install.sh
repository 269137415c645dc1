#!/usr/bin/env bash
# Installs the LiveKit media server (and, best effort, the LiveKit CLI `lk`) into <repo>/.tools/bin
# by building them from source fetched through the Go module proxy. Idempotent: does nothing when
# the pinned version is already there.
#
#   bash infra/livekit/install.sh            # server (essential) + lk (optional, best effort)
#   bash infra/livekit/install.sh --no-cli   # server only
#
# Environment overrides:
#   LIVEKIT_SERVER_VERSION  pinned livekit-server tag           (default below)
#   LIVEKIT_CLI_VERSION     pinned livekit-cli tag              (default below)
#   LIVEKIT_USE_PATH=0      ignore a livekit-server already on PATH and install the pinned one anyway
#   GO                      path of the go binary               (default: go on PATH, else /usr/local/go/bin/go)
#   GOPATH / GOCACHE        kept Go caches; unset, a scratch folder is used and removed afterwards
set -euo pipefail

LIVEKIT_SERVER_VERSION="${LIVEKIT_SERVER_VERSION:-v1.13.5}"
LIVEKIT_CLI_VERSION="${LIVEKIT_CLI_VERSION:-v2.15.0}"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
BIN_DIR="$REPO_ROOT/.tools/bin"
WANT_CLI=1
for arg in "$@"; do
  case "$arg" in
    --no-cli) WANT_CLI=0 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

log() { printf '[livekit-install] %s\n' "$*"; }

# "livekit-server version 1.13.11" -> "v1.13.11"
server_version_of() { "$1" --version 2>/dev/null | awk '{print "v"$NF}' || true; }

# shellcheck source=../lib/go-toolchain.sh
source "$SCRIPT_DIR/../lib/go-toolchain.sh"

mkdir -p "$BIN_DIR"

# ---------------------------------------------------------------- livekit-server (essential)
install_server() {
  local existing
  if [[ "${LIVEKIT_USE_PATH:-1}" != 0 ]] && existing="$(command -v livekit-server 2>/dev/null)" \
      && [[ "$existing" != "$BIN_DIR/livekit-server" ]]; then
    log "livekit-server already on PATH: $existing ($(server_version_of "$existing")); nothing to do"
    return
  fi
  if [[ -x "$BIN_DIR/livekit-server" ]] && [[ "$(server_version_of "$BIN_DIR/livekit-server")" == "$LIVEKIT_SERVER_VERSION" ]]; then
    log "livekit-server $LIVEKIT_SERVER_VERSION already in $BIN_DIR; nothing to do"
    return
  fi
  need_go
  local start=$SECONDS src
  # The module's go.mod has `replace` directives (pion forks), so `go install pkg@version` refuses it;
  # download the module source through the proxy and build it in module mode instead.
  log "downloading github.com/livekit/livekit-server@$LIVEKIT_SERVER_VERSION via the Go module proxy"
  src="$(cd / && "$GO_BIN" mod download -json "github.com/livekit/livekit-server@$LIVEKIT_SERVER_VERSION" \
        | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
  [[ -d "$src" ]] || { log "ERROR: could not download livekit-server source"; exit 1; }
  log "building livekit-server from $src (cold build: ~2.5 min and ~1 GB of Go caches on 2 cores)"
  (cd "$src" && CGO_ENABLED=0 "$GO_BIN" build -trimpath -o "$BIN_DIR/livekit-server.tmp" ./cmd/server)
  mv -f "$BIN_DIR/livekit-server.tmp" "$BIN_DIR/livekit-server"
  log "installed $BIN_DIR/livekit-server ($(server_version_of "$BIN_DIR/livekit-server")) in $((SECONDS - start))s"
}

# ---------------------------------------------------------------- lk (optional, best effort)
install_cli() {
  if command -v lk >/dev/null 2>&1 && [[ "$(command -v lk)" != "$BIN_DIR/lk" ]]; then
    log "lk already on PATH: $(command -v lk); nothing to do"; return
  fi
  if [[ -x "$BIN_DIR/lk" ]] && [[ -f "$BIN_DIR/.lk-version" ]] && [[ "$(cat "$BIN_DIR/.lk-version")" == "$LIVEKIT_CLI_VERSION" ]]; then
    log "lk $LIVEKIT_CLI_VERSION already in $BIN_DIR; nothing to do"; return
  fi
  need_go
  local start=$SECONDS tmp
  tmp="$(mktemp -d)"
  log "building lk (github.com/livekit/livekit-cli/v2@$LIVEKIT_CLI_VERSION) - optional"
  if GOBIN="$tmp" "$GO_BIN" install "github.com/livekit/livekit-cli/v2/cmd/lk@$LIVEKIT_CLI_VERSION"; then
    mv -f "$tmp/lk" "$BIN_DIR/lk"
    echo "$LIVEKIT_CLI_VERSION" > "$BIN_DIR/.lk-version"
    log "installed $BIN_DIR/lk in $((SECONDS - start))s"
  else
    log "WARNING: lk could not be built (see the go error above). It is optional: only load tests use it."
    log "         Known cause on the project's build machines: the Go module proxy answers 403"
    log "         'This module version is not available' for every github.com/livekit/livekit-cli/v2 version"
    log "         (v2.0.0 .. v2.15.0 tried). Recent lk also needs CGO + ALSA headers + clang (PortAudio, WebRTC APM)."
    log "         Use the Node load generator built on @livekit/rtc-node instead."
  fi
  rm -rf "$tmp"
}

install_server
if [[ $WANT_CLI == 1 ]]; then install_cli; fi
log "done; add $BIN_DIR to PATH or call it directly"
