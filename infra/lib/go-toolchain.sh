# Finds (or fetches) the Go toolchain for the project's build scripts (infra/livekit/install.sh,
# infra/front/install.sh). Sourced; the caller defines log() and REPO_ROOT. need_go sets GO_BIN.
find_go() {
  if [[ -n "${GO:-}" ]]; then echo "$GO"; return; fi
  if command -v go >/dev/null 2>&1; then command -v go; return; fi
  if [[ -x /usr/local/go/bin/go ]]; then echo /usr/local/go/bin/go; return; fi
  return 1
}

# A bare machine without Go: fetch the Go toolchain itself from the module proxy (it is published
# there as the module golang.org/toolchain), into .tools/go.
GO_TOOLCHAIN_VERSION="${GO_TOOLCHAIN_VERSION:-1.26.8}"
fetch_go() {
  local dest="$REPO_ROOT/.tools/go" proxy="${GOPROXY:-https://proxy.golang.org}" zip
  proxy="${proxy%%,*}"
  [[ -x "$dest/bin/go" ]] && { echo "$dest/bin/go"; return; }
  zip="$(mktemp --suffix=.zip)"
  log "no Go toolchain found: fetching go$GO_TOOLCHAIN_VERSION from $proxy" >&2
  curl -fsSL -o "$zip" "$proxy/golang.org/toolchain/@v/v0.0.1-go$GO_TOOLCHAIN_VERSION.linux-amd64.zip" >&2 || return 1
  rm -rf "$dest" "$dest.tmp" && mkdir -p "$dest.tmp"
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$dest.tmp" >&2 || return 1
  mv "$dest.tmp"/golang.org/toolchain@*/ "$dest" && rm -rf "$dest.tmp" "$zip"
  chmod +x "$dest"/bin/* "$dest"/pkg/tool/*/*   # module zips keep no file modes
  echo "$dest/bin/go"
}

need_go() {
  GO_BIN="$(find_go || fetch_go)" || {
    log "ERROR: no Go toolchain found (tried \$GO, PATH, /usr/local/go/bin/go) and none could be fetched from the module proxy."
    exit 1
  }
  export GOTOOLCHAIN="${GOTOOLCHAIN:-auto}"   # lets an older go fetch the go version a module requires (from the proxy)
  export GOFLAGS="${GOFLAGS:-} -buildvcs=false"
  # Only the binary is kept: the build's module and build caches (about 1 GB) go to a scratch folder
  # that is removed afterwards, so a CI machine with little disk is not filled. Set GOPATH or GOCACHE
  # to keep them (a later version bump then builds warm).
  if [[ -z "${GOPATH:-}${GOCACHE:-}${GOMODCACHE:-}" ]]; then
    GO_SCRATCH="$(mktemp -d)"
    trap 'rm -rf "$GO_SCRATCH"' EXIT
    export GOPATH="$GO_SCRATCH/gopath" GOCACHE="$GO_SCRATCH/cache" GOFLAGS="$GOFLAGS -modcacherw"
  fi
  log "using $("$GO_BIN" version) (GOPATH=$("$GO_BIN" env GOPATH), GOCACHE=$("$GO_BIN" env GOCACHE))"
}

