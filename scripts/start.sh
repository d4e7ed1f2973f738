#!/usr/bin/env bash
# The first README command: install, migrate, seed the demo user and start the product (embedded mode:
# SQLite file under data/, jobs in process, the sandbox bank on its own port).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
pnpm --filter @app/db migrate
pnpm --filter @app/web build
exec pnpm --filter @app/server start
