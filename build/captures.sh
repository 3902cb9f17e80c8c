#!/usr/bin/env bash
# Screenshots of docs/captures (each profile's home page, the grid, the learner's overview on a phone), taken in headless
# chromium on the demo establishment by the accessibility test, which checks every page on the way. Run it when a page
# they show changes, and commit the images.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$CPRO_ROOT"
pg_start fast
export CPRO_TEST_DB="$CPRO_PG_URL" CPRO_CAPTURES="$CPRO_ROOT/docs/captures"
dotnet build tests/Cpro.IntegrationTests -c Release -nologo -v quiet
dotnet test tests/Cpro.IntegrationTests -c Release --no-build --nologo --filter "FullyQualifiedName~Browser.AccessibiliteTests"
ls -1 "$CPRO_CAPTURES"
