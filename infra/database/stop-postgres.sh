#!/usr/bin/env bash
# Stop the server started by start-postgres.sh. Idempotent.
#   usage: stop-postgres.sh <dir> [--rm]     (--rm also deletes the data directory)
# PG_STOP_MODE=immediate stops it the way a crash would (recovery on the next start); default fast.
set -euo pipefail
dir="${1:?usage: stop-postgres.sh <dir> [--rm]}"
rm_dir="${2:-}"
log() { echo "stop-postgres: $*" >&2; }

if [[ -f "$dir/PG_VERSION" ]]; then
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  [[ -x "$bindir/pg_ctl" ]] || bindir=$(dirname "$(command -v pg_ctl)")
  if [[ $EUID -eq 0 ]]; then owner=$(stat -c %U "$dir"); as_pg() { runuser -u "$owner" -- "$@"; }; else as_pg() { "$@"; }; fi
  if as_pg "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    as_pg "$bindir/pg_ctl" -D "$dir" -m "${PG_STOP_MODE:-fast}" -w -t 60 stop >&2
  else
    log "not running ($dir)"
  fi
else
  log "no cluster in $dir"
fi
if [[ "$rm_dir" == "--rm" ]]; then rm -rf -- "$dir"; log "removed $dir"; fi
