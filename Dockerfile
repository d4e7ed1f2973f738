# syntax=docker/dockerfile:1
# One image for every process of the scaled mode (docker-compose.yml): API replicas run the default command,
# workers `node --import tsx src/worker.ts`, the demo sandbox bank its CLI. TypeScript runs through tsx, a
# production dependency of apps/server, so the server has no build step; the web app and Prisma clients do.

FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles from source (its prebuilt binary is a download that may be unavailable)
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
RUN npm install --global pnpm@10.34.9
ENV CI=true TURBO_TELEMETRY_DISABLED=1
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile
RUN pnpm --filter @app/db prisma:generate && pnpm --filter @app/web build
# Keep production dependencies only; the native build is reused from pnpm's side-effects cache.
RUN pnpm install --frozen-lockfile --prod --offline

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
# The code stays owned by root: the app runs as `node` and cannot change it.
COPY --from=build /app /app
USER node
WORKDIR /app/apps/server
EXPOSE 3000
CMD ["node", "--import", "tsx", "src/main.ts"]
