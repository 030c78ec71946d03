# syntax=docker/dockerfile:1
# Quotewire: multi-stage build. The build stage compiles the TypeScript; the runtime stage carries
# only production dependencies and the compiled JavaScript, and runs as the unprivileged "node" user
# with the store on a volume. No compiler is needed: the SQLite engine (libsql) ships prebuilt in npm
# packages for linux x64 and arm64.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts wait until the sources are here (the install's "prepare" would build them too early).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build-if-stale.mjs ./scripts/
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
# The interface's message catalogues (English, German, French, Spanish), read at start-up.
COPY locales ./locales
# The store always lands on the volume, wherever the config file is mounted (a relative store.url
# would follow the config file). Set QUOTEWIRE_STORE=redis://… to share a Redis instead.
ENV QUOTEWIRE_STORE=sqlite:///app/data/quotewire.sqlite
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
# Telegram webhook mode listens here (telegram.webhook.port); long polling needs no port.
EXPOSE 8443
# Secrets come from the environment at run time: TELEGRAM_BOT_TOKEN, DISCORD_TOKEN, OPENAI_API_KEY.
# Your own config: mount it and point QUOTEWIRE_CONFIG at it (see compose.yaml and the README).
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 \
  CMD ["node", "dist/src/cli/main.js", "health"]
STOPSIGNAL SIGTERM
# A heap cap far above what Quotewire keeps alive (~40 MB) makes V8 collect sooner on big machines,
# keeping ingest under 300 MB resident at the same speed (see README, Quality and speed).
CMD ["node", "--max-old-space-size=1024", "--max-semi-space-size=8", "dist/src/cli/main.js", "start"]
