#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on 127.0.0.1:<port> with its data in <dir>. Idempotent:
# running it again while that server is up just prints the URL again.
#   usage: start-postgres.sh <port> <dir>
#   prints: postgresql://postgres:postgres@127.0.0.1:<port>/postgres   (on stdout, last line)
# Works as root (the server then runs as the 'postgres' system user through runuser, because
# postgres refuses to run as root) and as an ordinary user (the server runs as that user).
# Installs Debian's postgresql package (through infra/ensure-tools.sh) when no server binaries are
# found (set PG_NO_INSTALL=1 to forbid that). Test settings: trust auth on loopback only, fsync off.
set -euo pipefail

port="${1:?usage: start-postgres.sh <port> <dir>}"
dir="${2:?usage: start-postgres.sh <port> <dir>}"
log() { echo "start-postgres: $*" >&2; }

find_bindir() {
  local d
  # Debian layout: /usr/lib/postgresql/<major>/bin ; take the highest major
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  if [[ -n "$d" && -x "$d/initdb" ]]; then echo "$d"; return; fi
  if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then dirname "$(command -v pg_ctl)"; return; fi
  return 1
}

if ! bindir=$(find_bindir); then
  if [[ -z "${PG_NO_INSTALL:-}" ]]; then
    log "no PostgreSQL server found; installing Debian's postgresql package"
    bash "$(dirname "$0")/../ensure-tools.sh" postgresql
    bindir=$(find_bindir) || { log "installed postgresql but found no initdb"; exit 1; }
  else
    log "no PostgreSQL server binaries (initdb, pg_ctl) found; install Debian's 'postgresql' package"; exit 1
  fi
fi

# Who runs the server, and how we run commands as that user.
if [[ $EUID -eq 0 ]]; then
  pguser=postgres
  id -u "$pguser" >/dev/null 2>&1 || { log "user 'postgres' does not exist (it comes with the postgresql package)"; exit 1; }
  as_pg() { runuser -u "$pguser" -- "$@"; }
else
  pguser=$(id -un)
  as_pg() { "$@"; }
fi

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
if [[ $EUID -eq 0 ]]; then
  chown "$pguser:" "$dir"
  chmod 700 "$dir"
  # every parent must be traversable by the server user (e.g. /root is 700 on Debian)
  if ! as_pg test -x "$dir" -a -w "$dir"; then
    log "user $pguser cannot reach $dir (a parent directory is not traversable); use a directory under /tmp or /var/tmp"; exit 1
  fi
fi

url="postgresql://postgres:postgres@127.0.0.1:${port}/postgres"

is_running() { [[ -f "$dir/PG_VERSION" ]] && as_pg "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; }
is_ready() { "$bindir/pg_isready" -q -h 127.0.0.1 -p "$1" -t 2; }

if is_running; then
  running_port=$(sed -n '4p' "$dir/postmaster.pid" 2>/dev/null || true)
  # a server that was just killed can still look alive for a moment: wait until it answers or is gone
  for _ in $(seq 1 20); do is_ready "${running_port:-$port}" && break; is_running || break; sleep 0.5; done
  if is_running; then
    if [[ "$running_port" == "$port" ]] && is_ready "$port"; then
      log "already running on port $port (data $dir)"
      echo "$url"; exit 0
    fi
    log "a server is running from $dir on port ${running_port:-?} (wanted $port) or not answering; stop it first"; exit 1
  fi
fi

if [[ ! -f "$dir/PG_VERSION" ]]; then
  # a half-made dir from an interrupted initdb would make initdb fail: it must be empty
  if [[ -n "$(ls -A "$dir")" ]]; then log "$dir is not empty and holds no cluster"; exit 1; fi
  log "initdb in $dir"
  as_pg "$bindir/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
    || { cat "$dir.initdb.log" >&2; exit 1; }
  rm -f "$dir.initdb.log"
fi

# A stale postmaster.pid from a killed server would block the start: pg_ctl status said not running.
rm -f "$dir/postmaster.pid"

# TCP on loopback only, no Unix socket (avoids /var/run/postgresql and socket path limits).
opts="-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
log "starting $("$bindir/postgres" --version) on 127.0.0.1:$port"
if ! as_pg "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 -o "$opts" start >&2; then
  tail -n 30 "$dir/server.log" >&2 || true
  exit 1
fi
echo "$url"
