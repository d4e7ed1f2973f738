#!/usr/bin/env bash
# Fails when prisma/schema.prisma changed without a migration (the snapshot is what the migrations produce).
set -euo pipefail
cd "$(dirname "$0")/../packages/db"
export NODE_OPTIONS="--require $PWD/scripts/unref-timers.cjs" DATABASE_URL="file:${TMPDIR:-/tmp}/prisma-drift.db"
code=0
pnpm exec prisma migrate diff --config prisma.sqlite.config.ts --exit-code \
  --from-schema-datamodel ../../prisma/migrations/schema.snapshot.prisma \
  --to-schema-datamodel ../../prisma/schema.prisma >/dev/null || code=$?
if [ "$code" -ne 0 ]; then
  echo "prisma/schema.prisma differs from its migrations: run pnpm --filter @app/db migration:new <name>"
  exit 1
fi
echo "schema and migrations agree"
