#!/usr/bin/env bash
# Shared by `npm start` and `npm test`: pnpm, dependencies and the generated Prisma clients.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version)" != 10.* ]]; then
  echo "installing pnpm 10 (corepack cannot verify signatures offline)"
  npm install --global --silent pnpm@10.34.9
fi
export TURBO_TELEMETRY_DISABLED=1
pnpm install --frozen-lockfile --reporter=append-only | grep -v '^Progress' || true
pnpm --filter @app/db prisma:generate
