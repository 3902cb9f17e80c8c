#!/usr/bin/env bash
# Installs and starts what the tests need (PostgreSQL under .data/, Debian's chromium), builds, runs every
# test project, and ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set +e
cd "$CPRO_ROOT"

if ! command -v chromium >/dev/null 2>&1; then
  log "Installation de chromium (tests du navigateur)"
  as_root_apt chromium || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
fi
pg_start fast || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
export CPRO_TEST_DB="$CPRO_PG_URL"

log "Compilation"
if ! dotnet build Cpro.sln -c Release -nologo -v quiet; then
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

results="$CPRO_ROOT/.data/test-results"
rm -rf "$results"
mkdir -p "$results"
status=0
missing=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  log "Tests : $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" || status=1
  [ -f "$results/$name.trx" ] || missing=$((missing + 1))
done

count() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{ s += $1 } END { print s + 0 }'; }
passed="$(count passed)"; failed="$(count failed)"; skipped="$(count notExecuted)"
failed=$(( ${failed:-0} + missing ))
echo "${passed:-0} passed, ${failed} failed, ${skipped:-0} skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
