#!/usr/bin/env bash
# Installs the real components the tests and the product use, idempotently, on a bare Debian
# machine (CI and new machines start with none of them). Already-present tools are left alone.
#   usage: infra/ensure-tools.sh [chromium] [postgresql] [redis] [libreoffice] [poppler] [livekit] | all
set -euo pipefail
cd "$(dirname "$0")/.."
log() { echo "ensure-tools: $*" >&2; }

want=("$@")
[[ ${#want[@]} -eq 0 || "${want[0]}" == "all" ]] && want=(chromium postgresql redis libreoffice poppler livekit)

# tool -> "command to look for|Debian packages"
declare -A debian=(
  [chromium]="/usr/bin/chromium|chromium fonts-noto-core"
  [postgresql]="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | head -n1 || echo /usr/lib/postgresql/none/bin/initdb)|postgresql"
  [redis]="redis-server|redis-server"
  [libreoffice]="soffice|libreoffice-impress-nogui libreoffice-writer-nogui fonts-noto-core fonts-dejavu-core"
  [poppler]="pdftoppm|poppler-utils"
)

missing=()
for tool in "${want[@]}"; do
  [[ "$tool" == "livekit" ]] && continue
  spec="${debian[$tool]:-}"
  [[ -n "$spec" ]] || { log "unknown tool $tool"; exit 2; }
  probe="${spec%%|*}"
  if [[ "$probe" == /* ]]; then [[ -x "$probe" ]] && continue; else command -v "$probe" >/dev/null 2>&1 && continue; fi
  read -r -a pkgs <<<"${spec#*|}"
  missing+=("${pkgs[@]}")
done

if [[ ${#missing[@]} -gt 0 ]]; then
  if [[ $EUID -ne 0 ]]; then log "missing Debian packages: ${missing[*]} (run as root or install them)"; exit 1; fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

for tool in "${want[@]}"; do
  [[ "$tool" == "livekit" ]] && bash infra/livekit/install.sh --no-cli >&2
done
log "ready: ${want[*]}"
