# Sourced by scripts that need Prisma's CLI to compare schemas (new-migration.sh, scripts/check-drift.sh):
# starts two in-memory PGlite servers on free loopback ports, the datasource and the shadow database the
# CLI connects to (neither is a real database), exports DATABASE_URL and SHADOW_DATABASE_URL, and stops
# both when the calling script exits.
scratch_pids=()
trap 'kill "${scratch_pids[@]}" 2>/dev/null || true' EXIT
scratch_free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
scratch_db() { # <port>
  node infra/database/pglite-server.mjs memory:// "$1" 4 >/dev/null 2>&1 </dev/null &
  scratch_pids+=($!)
  for _ in $(seq 1 600); do (echo >/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return; sleep 0.1; done
  echo "PGlite did not start on port $1" >&2; exit 1
}
scratch_main_port=$(scratch_free_port); scratch_db "$scratch_main_port"
scratch_shadow_port=$(scratch_free_port); scratch_db "$scratch_shadow_port"
export DATABASE_URL="postgresql://postgres:postgres@127.0.0.1:${scratch_main_port}/postgres"
export SHADOW_DATABASE_URL="postgresql://postgres:postgres@127.0.0.1:${scratch_shadow_port}/postgres"
