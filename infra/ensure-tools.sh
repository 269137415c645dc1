#!/usr/bin/env bash
# Installs the real components the tests and the product use, idempotently, on a bare Debian
# machine (CI and new machines start with none of them). Already-present tools are left alone.
#   usage: infra/ensure-tools.sh [chromium] [postgresql] [redis] [libreoffice] [poppler] [cxx] [netns] [livekit] [front] [mailpit] | all
set -euo pipefail
cd "$(dirname "$0")/.."
log() { echo "ensure-tools: $*" >&2; }

want=("$@")
[[ ${#want[@]} -eq 0 || "${want[0]}" == "all" ]] && want=(chromium postgresql redis libreoffice poppler netns livekit front mailpit)

# tool -> "what to look for|Debian packages"; what to look for is a command, or paths that must all
# exist (separated by commas), so a tool whose parts come in several packages is completed too.
declare -A debian=(
  [chromium]="/usr/bin/chromium|chromium fonts-noto-core"
  [postgresql]="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | head -n1 || echo /usr/lib/postgresql/none/bin/initdb)|postgresql"
  [redis]="redis-server|redis-server"
  # PowerPoint's Calibri, Cambria, Arial and Times New Roman render with their metric-compatible
  # twins (Carlito, Caladea, Liberation 2, which covers Vietnamese), so slide text keeps its line breaks.
  [libreoffice]="/usr/bin/soffice,/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf,/usr/share/fonts/truetype/crosextra/Caladea-Regular.ttf,/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf|libreoffice-impress-nogui libreoffice-writer-nogui fonts-noto-core fonts-dejavu-core fonts-crosextra-carlito fonts-crosextra-caladea fonts-liberation2"
  [poppler]="pdftoppm|poppler-utils"
  [cxx]="g++|g++ make python3"
  # network tests: namespaces and veths (iproute2), firewalls (nftables), a browser's trust store (certutil)
  [netns]="certutil|iproute2 nftables libnss3-tools"
)

missing=()
for tool in "${want[@]}"; do
  [[ "$tool" == "livekit" || "$tool" == "front" || "$tool" == "mailpit" ]] && continue
  spec="${debian[$tool]:-}"
  [[ -n "$spec" ]] || { log "unknown tool $tool"; exit 2; }
  probe="${spec%%|*}"
  if [[ "$probe" == /* ]]; then
    present=1
    IFS=, read -r -a paths <<<"$probe"
    for path in "${paths[@]}"; do [[ -e "$path" ]] || present=0; done
    [[ $present -eq 1 ]] && continue
  else command -v "$probe" >/dev/null 2>&1 && continue; fi
  read -r -a pkgs <<<"${spec#*|}"
  missing+=("${pkgs[@]}")
done

# Root runs apt-get itself; an ordinary user needs password-less sudo.
as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"
  else return 1; fi
}

if [[ ${#missing[@]} -gt 0 ]]; then
  as_root true || { log "missing Debian packages: ${missing[*]} (run as root, or install them)"; exit 1; }
  log "installing ${missing[*]}"
  apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
  # A mirror that hiccups should not fail a CI run: try the whole update + install three times.
  for attempt in 1 2 3; do
    as_root "${apt[@]}" update -qq >&2 &&
      as_root "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >&2 && break
    [[ $attempt -eq 3 ]] && { log "apt-get failed three times"; exit 1; }
    log "apt-get failed (attempt $attempt); retrying in 15 s"
    sleep 15
  done
fi

for tool in "${want[@]}"; do
  [[ "$tool" == "livekit" ]] && bash infra/livekit/install.sh --no-cli >&2
  [[ "$tool" == "front" ]] && bash infra/front/install.sh >&2
  [[ "$tool" == "mailpit" ]] && bash infra/mailpit/install.sh >&2
done
log "ready: ${want[*]}"
