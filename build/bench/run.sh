#!/usr/bin/env bash
# Import benchmark in one command: PostgreSQL under .data/, a fresh bench database, the host in Release as its own
# process, then build/bench/Cpro.Bench (baseline, first import, unchanged re-import, peak memory).
# Exits non-zero when a target is missed. CPRO_BENCH_PORT (5091) and CPRO_BENCH_REPETITIONS (5) override.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$CPRO_ROOT"

port="${CPRO_BENCH_PORT:-5091}"
database="cpro_bench"
admin_login="bench.admin"
admin_password="Bench-Cpro-$(date +%s)-$RANDOM"

pg_start
bin="$(pg_bin)"
log "Base de mesure $database (recréée)"
"$bin/dropdb" -h 127.0.0.1 -p "$CPRO_PG_PORT" -U postgres --if-exists --force "$database"
"$bin/createdb" -h 127.0.0.1 -p "$CPRO_PG_PORT" -U postgres "$database"
db="Host=127.0.0.1;Port=$CPRO_PG_PORT;Username=postgres;Database=$database"

log "Compilation (Release)"
dotnet build src/Host/Cpro.Host -c Release -v quiet -nologo >/dev/null
dotnet build build/bench/Cpro.Bench -c Release -v quiet -nologo >/dev/null

log "Démarrage de l'hôte sur http://127.0.0.1:$port"
mkdir -p build/bench/out
CPRO_DB="$db" CPRO_URLS="http://127.0.0.1:$port" CPRO_ADMIN_LOGIN="$admin_login" CPRO_ADMIN_PASSWORD="$admin_password" \
  ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Host/Cpro.Host/bin/Release/net10.0/Cpro.Host.dll >build/bench/out/host.log 2>&1 &
host_pid=$!
trap 'kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$host_pid" 2>/dev/null; then
    log "L'hôte s'est arrêté au démarrage :"; tail -n 20 build/bench/out/host.log >&2; exit 2
  fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null || { log "L'hôte n'est pas prêt après 60 s"; exit 2; }

log "Mesure"
dotnet build/bench/Cpro.Bench/bin/Release/net10.0/Cpro.Bench.dll \
  --url "http://127.0.0.1:$port" --pid "$host_pid" --db "$db" \
  --login "$admin_login" --password "$admin_password" --repetitions "${CPRO_BENCH_REPETITIONS:-5}"
