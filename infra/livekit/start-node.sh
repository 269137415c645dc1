#!/usr/bin/env bash
# Starts one livekit-server node on loopback from livekit.yaml.template.
#
#   LIVEKIT_PORT=7880 LIVEKIT_TCP_PORT=7881 LIVEKIT_UDP_PORT=7882 \
#   LIVEKIT_API_KEY=devkey LIVEKIT_API_SECRET=<32+ chars> \
#   [LIVEKIT_REDIS_ADDRESS=127.0.0.1:6379] [LIVEKIT_WEBHOOK_URL=http://127.0.0.1:3000/api/media/webhook] \
#   [LIVEKIT_PROMETHEUS_PORT=6789] \
#   bash infra/livekit/start-node.sh [path/of/rendered.yaml]
#
# The rendered config goes to $1 (default: a temp file). The script execs livekit-server, so the
# caller's pid is the server's pid (stop it with SIGTERM/SIGINT). Ready when
# GET http://127.0.0.1:$LIVEKIT_PORT/ answers 200 "OK".
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"

: "${LIVEKIT_PORT:=7880}" "${LIVEKIT_TCP_PORT:=7881}" "${LIVEKIT_UDP_PORT:=7882}"
: "${LIVEKIT_API_KEY:=devkey}" "${LIVEKIT_API_SECRET:=devsecret-devsecret-devsecret-0123}"
: "${LIVEKIT_LOG_LEVEL:=info}" "${LIVEKIT_REDIS_ADDRESS:=}" "${LIVEKIT_WEBHOOK_URL:=}" "${LIVEKIT_PROMETHEUS_PORT:=}"

BIN="${LIVEKIT_SERVER_BIN:-}"
if [[ -z "$BIN" ]]; then
  if [[ -x "$REPO_ROOT/.tools/bin/livekit-server" ]]; then BIN="$REPO_ROOT/.tools/bin/livekit-server"
  elif command -v livekit-server >/dev/null 2>&1; then BIN="$(command -v livekit-server)"
  else echo "livekit-server not found: run bash infra/livekit/install.sh" >&2; exit 127; fi
fi

OUT="${1:-$(mktemp --suffix=.livekit.yaml)}"
conf="$(cat "$SCRIPT_DIR/livekit.yaml.template")"
for name in LIVEKIT_PORT LIVEKIT_TCP_PORT LIVEKIT_UDP_PORT LIVEKIT_API_KEY LIVEKIT_API_SECRET \
            LIVEKIT_LOG_LEVEL LIVEKIT_REDIS_ADDRESS LIVEKIT_WEBHOOK_URL LIVEKIT_PROMETHEUS_PORT; do
  conf="${conf//\$\{$name\}/${!name}}"
done
[[ -n "$LIVEKIT_REDIS_ADDRESS" ]] && conf="$(sed 's/^#redis#//' <<<"$conf")"
[[ -n "$LIVEKIT_WEBHOOK_URL" ]] && conf="$(sed 's/^#webhook#//' <<<"$conf")"
[[ -n "$LIVEKIT_PROMETHEUS_PORT" ]] && conf="$(sed 's/^#prometheus#//' <<<"$conf")"
umask 077
printf '%s\n' "$conf" > "$OUT"
exec "$BIN" --config "$OUT"
