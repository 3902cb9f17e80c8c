#!/usr/bin/env bash
# Starts Cpro locally: PostgreSQL under .data/ (unless CPRO_DB is given), migrations, référentiels,
# a demo establishment with its accounts, and the portal on http://127.0.0.1:5080 (CPRO_URLS overrides).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$CPRO_ROOT"

if [ -z "${CPRO_DB:-}" ]; then
  pg_start durable
  pg_ensure_database cpro
  export CPRO_DB="Host=127.0.0.1;Port=$CPRO_PG_PORT;Username=postgres;Database=cpro"
fi
export CPRO_URLS="${CPRO_URLS:-http://127.0.0.1:5080}"
export CPRO_ADMIN_LOGIN="${CPRO_ADMIN_LOGIN:-admin}"
export CPRO_ADMIN_PASSWORD="${CPRO_ADMIN_PASSWORD:-Admin-Cpro-2026}"
export CPRO_DEMO="${CPRO_DEMO:-true}"
export CPRO_MAIL_DIR="${CPRO_MAIL_DIR:-$CPRO_ROOT/.data/mail}"

log "Compilation"
dotnet build src/Host/Cpro.Host -c Release -v quiet -nologo >/dev/null

cat <<TXT

  Cpro : ${CPRO_URLS}
  Administrateur de la plateforme : ${CPRO_ADMIN_LOGIN} / ${CPRO_ADMIN_PASSWORD}
  Les comptes de démonstration sont affichés au démarrage (« Établissement de démonstration »).

TXT
exec dotnet run --project src/Host/Cpro.Host -c Release --no-build
