#!/usr/bin/env bash
# The second README command: every test. PostgreSQL / Redis suites run when TEST_POSTGRES_URL / TEST_REDIS_URL
# are set (CI sets them) and are reported as skipped otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
pnpm --filter @app/web build >/dev/null # the browser test serves the built app
mkdir -p test-output
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json || status=$?
node scripts/print-totals.mjs test-output/vitest.json
exit $status
