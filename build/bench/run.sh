#!/usr/bin/env bash
# Benchmarks in one command: PostgreSQL under .data/, a fresh bench database, the host in Release as its own process,
# then build/bench/Cpro.Bench. Usage: run.sh [import|grilles|portfolio|book|bilans|tout] (default tout: all five, in this order).
#   import:    baseline, first import, unchanged re-import, peak memory of a 5,000-learner establishment;
#   grilles:   20 teachers saving 30 × 13 grids at once beside a bare batch insert, a learner's synthesis over three years;
#   portfolio: size of a learner's and a tutor's portfolio pages, and their time with 10 learners and 10 tutors at once
#              beside a bare read of the same documents;
#   book:      a learner's book of 20 réussites with a photo each exported as PDF, beside PDFsharp alone writing the same pages.
#   bilans:    the console de pilotage's indicators of a 1,500-learner establishment with three years of bilans, beside one
#              bare SQL aggregation of the same counts.
# Exits non-zero when a target is missed. CPRO_BENCH_PORT (5091), CPRO_BENCH_REPETITIONS (import, 5),
# CPRO_BENCH_TOURS (grilles, portfolio, book and bilans, 5), CPRO_BENCH_MISES_A_JOUR (grilles, full saves per teacher and round, 10) and
# CPRO_BENCH_DB (the database, cpro_bench, recreated) override.
set -euo pipefail
banc="${1:-tout}"
case "$banc" in
  import | grilles | portfolio | book | bilans | tout) ;;
  *) echo "Usage : $0 [import|grilles|portfolio|book|bilans|tout]" >&2; exit 2 ;;
esac
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$CPRO_ROOT"

port="${CPRO_BENCH_PORT:-5091}"
database="${CPRO_BENCH_DB:-cpro_bench}"
admin_login="bench.admin"
admin_password="Bench-Cpro-$(date +%s)-$RANDOM"

pg_start fast
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
# Emails as files: the bench reads there the temporary password of the establishment administrator it creates.
courriels="$CPRO_ROOT/build/bench/out/courriels"
rm -rf "$courriels"
host_pid=""
trap 'kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true' EXIT

# The build output has no wwwroot (publish copies it): the style sheets the portfolio banc weighs are served from the sources.
# Starts the host and waits for /health/ready (the store's schema matches); sets demarrage_ms to the time it took.
start_host() {
  local debut
  debut=$(date +%s%N)
  CPRO_MAIL_DIR="$courriels" CPRO_DB="$db" CPRO_URLS="http://127.0.0.1:$port" CPRO_ADMIN_LOGIN="$admin_login" CPRO_ADMIN_PASSWORD="$admin_password" \
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_WEBROOT="$CPRO_ROOT/src/Host/Cpro.Host/wwwroot" \
    dotnet src/Host/Cpro.Host/bin/Release/net10.0/Cpro.Host.dll >>build/bench/out/host.log 2>&1 &
  host_pid=$!
  for _ in $(seq 1 1200); do
    if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
      demarrage_ms=$((($(date +%s%N) - debut) / 1000000))
      return 0
    fi
    if ! kill -0 "$host_pid" 2>/dev/null; then
      log "L'hôte s'est arrêté au démarrage :"; tail -n 20 build/bench/out/host.log >&2; exit 2
    fi
    sleep 0.05
  done
  log "L'hôte n'est pas prêt après 60 s"; exit 2
}

: >build/bench/out/host.log
start_host
demarrage_vide=$demarrage_ms

log "Mesure ($banc)"
resultat=0
dotnet build/bench/Cpro.Bench/bin/Release/net10.0/Cpro.Bench.dll \
  --url "http://127.0.0.1:$port" --pid "$host_pid" --db "$db" --login "$admin_login" --password "$admin_password" --banc "$banc" --courriels "$courriels" --journal build/bench/out/host.log \
  --repetitions "${CPRO_BENCH_REPETITIONS:-5}" --tours "${CPRO_BENCH_TOURS:-5}" --mises-a-jour "${CPRO_BENCH_MISES_A_JOUR:-10}" || resultat=$?

# Start-up: on the empty database (the store creates its schema) against a restart on the same database, schema in place.
kill "$host_pid"; wait "$host_pid" 2>/dev/null || true
start_host
cat <<FIN

## Démarrage de l'hôte (jusqu'à /health/ready)

| Mesure                                   | Valeur   |
|------------------------------------------|----------|
| Base vide (schéma créé au démarrage)     | $(printf '%5d ms' "$demarrage_vide") |
| Redémarrage (schéma en place), référence | $(printf '%5d ms' "$demarrage_ms") |
| Base vide / redémarrage                  | $(awk -v a="$demarrage_vide" -v b="$demarrage_ms" 'BEGIN { printf "%.2f ×", a / b }') |
FIN
exit "$resultat"
