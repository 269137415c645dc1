#!/usr/bin/env bash
# Starts one livekit-server node from livekit.yaml.template: on loopback by default, or on the
# network with LIVEKIT_NODE_IP set to the advertised address (ICE candidates carry it; TURN is on).
#
#   LIVEKIT_PORT=7880 LIVEKIT_TCP_PORT=7881 LIVEKIT_UDP_PORT=7882 \
#   LIVEKIT_API_KEY=devkey LIVEKIT_API_SECRET=<32+ chars> \
#   [LIVEKIT_REDIS_ADDRESS=127.0.0.1:6379] [LIVEKIT_WEBHOOK_URL=http://127.0.0.1:3000/api/media/webhook] \
#   [LIVEKIT_PROMETHEUS_PORT=6789] \
#   [LIVEKIT_NODE_IP=192.168.1.20 LIVEKIT_NODE_IP_LOCAL=1 LIVEKIT_TURN_DOMAIN=hoinghi.example.vn \
#    LIVEKIT_TURN_UDP_PORT=3478 LIVEKIT_TURN_TLS_PORT=5349] \
#   bash infra/livekit/start-node.sh [path/of/rendered.yaml]
#
# Network mode: the HTTP port stays on LIVEKIT_BIND (default 127.0.0.1: the front proxies /rtc);
# ICE/UDP listens on the node IP when it is local (LIVEKIT_NODE_IP_LOCAL=1), ICE/TCP on every
# interface; TURN/UDP on LIVEKIT_TURN_UDP_PORT; TURN/TLS arrives from the front on
# LIVEKIT_TURN_TLS_PORT in plain TCP (empty: no TURN/TLS, e.g. when the front is not on 443).
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
: "${LIVEKIT_BIND:=127.0.0.1}" "${LIVEKIT_NODE_IP:=127.0.0.1}" "${LIVEKIT_NODE_IP_LOCAL:=1}"
: "${LIVEKIT_TURN_DOMAIN:=}" "${LIVEKIT_TURN_UDP_PORT:=}" "${LIVEKIT_TURN_TLS_PORT:=}"
# TURN listens on the node IP when it is this machine's (the front then dials it there), else everywhere
if [[ "$LIVEKIT_NODE_IP_LOCAL" == 1 ]]; then LIVEKIT_TURN_BIND="$LIVEKIT_NODE_IP"; else LIVEKIT_TURN_BIND=0.0.0.0; fi
[[ -n "$LIVEKIT_TURN_DOMAIN" ]] || LIVEKIT_TURN_DOMAIN="$LIVEKIT_NODE_IP"

BIN="${LIVEKIT_SERVER_BIN:-}"
if [[ -z "$BIN" ]]; then
  if [[ -x "$REPO_ROOT/.tools/bin/livekit-server" ]]; then BIN="$REPO_ROOT/.tools/bin/livekit-server"
  elif command -v livekit-server >/dev/null 2>&1; then BIN="$(command -v livekit-server)"
  else echo "livekit-server not found: run bash infra/livekit/install.sh" >&2; exit 127; fi
fi

OUT="${1:-$(mktemp --suffix=.livekit.yaml)}"
conf="$(cat "$SCRIPT_DIR/livekit.yaml.template")"
for name in LIVEKIT_PORT LIVEKIT_TCP_PORT LIVEKIT_UDP_PORT LIVEKIT_API_KEY LIVEKIT_API_SECRET \
            LIVEKIT_LOG_LEVEL LIVEKIT_REDIS_ADDRESS LIVEKIT_WEBHOOK_URL LIVEKIT_PROMETHEUS_PORT \
            LIVEKIT_BIND LIVEKIT_NODE_IP LIVEKIT_TURN_DOMAIN LIVEKIT_TURN_UDP_PORT LIVEKIT_TURN_TLS_PORT \
            LIVEKIT_TURN_BIND; do
  conf="${conf//\$\{$name\}/${!name}}"
done
if [[ "$LIVEKIT_NODE_IP" == 127.0.0.1 ]]; then conf="$(sed 's/^#loopback#//' <<<"$conf")"
elif [[ "$LIVEKIT_NODE_IP_LOCAL" == 1 ]]; then conf="$(sed 's/^#localip#//' <<<"$conf")"; fi
if [[ -n "$LIVEKIT_TURN_UDP_PORT" ]]; then
  conf="$(sed 's/^#turn#//' <<<"$conf")"
  [[ -n "$LIVEKIT_TURN_TLS_PORT" ]] && conf="$(sed 's/^#turntls#//' <<<"$conf")"
fi
[[ -n "$LIVEKIT_REDIS_ADDRESS" ]] && conf="$(sed 's/^#redis#//' <<<"$conf")"
[[ -n "$LIVEKIT_WEBHOOK_URL" ]] && conf="$(sed 's/^#webhook#//' <<<"$conf")"
[[ -n "$LIVEKIT_PROMETHEUS_PORT" ]] && conf="$(sed 's/^#prometheus#//' <<<"$conf")"
umask 077
printf '%s\n' "$conf" > "$OUT"
exec "$BIN" --config "$OUT"
