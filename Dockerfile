# syntax=docker/dockerfile:1
# Quotewire: multi-stage build. The build stage compiles TypeScript and the native SQLite driver;
# the runtime stage carries only production dependencies and the compiled JavaScript, and runs as
# the unprivileged "node" user with the store on a volume.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# sqlite3 is compiled from source when no prebuilt binary can be downloaded.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Scripts are skipped until the sources are here (prepare builds them); sqlite3 is then built explicitly.
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY config ./config
COPY samples ./samples
# The store lives in /app/data (store.url in config/quotewire.yaml is ../data/quotewire.sqlite).
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
# Secrets come from the environment at run time: TELEGRAM_BOT_TOKEN, DISCORD_TOKEN, OPENAI_API_KEY.
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 \
  CMD ["node", "dist/src/cli/main.js", "health"]
STOPSIGNAL SIGTERM
# A heap cap far above what Quotewire keeps alive (~40 MB) makes V8 collect sooner on big machines,
# keeping ingest under 300 MB resident at the same speed (see README, Quality and speed).
CMD ["node", "--max-old-space-size=1024", "dist/src/cli/main.js", "start"]
