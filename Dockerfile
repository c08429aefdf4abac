# Yakjeong in a container. Not built on the development machines (they have no container engine);
# test/ops/docker-files.test.ts checks these instructions and test/ops/production-install.e2e.test.ts
# runs the same production install and start on a copy of the repository.
#
#   docker build -t yakjeong .
#   docker run -d --env-file .env -p 3000:3000 -v yakjeong-data:/app/data yakjeong
FROM node:20-slim

ENV NODE_ENV=production
WORKDIR /app

# Dependencies first, so a code change does not reinstall them. better-sqlite3 and @napi-rs/canvas
# download prebuilt binaries for linux-x64/arm64 (glibc), so the slim image needs no compiler.
# Only `dependencies`: esbuild compiles the TypeScript (tsx runs it where that cannot be written);
# nothing at start needs a devDependency.
COPY package.json package-lock.json .npmrc ./
# npm ci runs npm's prepare even with --omit=dev: its script must be here (it builds nothing yet).
COPY scripts/prepare.mjs scripts/
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=warn && npm cache clean --force

# The code stays root-owned: the bot may write only its data and output folders.
COPY . .

# The web page's bundle and the compiled start (dist/), built here because the bot may not write
# the code's folders (npm's prepare found no sources above); the start uses dist/ only while it
# matches these sources. The SQLite file lives in the volume; heatmaps and .ics
# files the console writes go to out/.
RUN node --import tsx scripts/build-web.ts && node scripts/main-bundle.mjs && mkdir -p /app/data /app/out && chown node:node /app/data /app/out
ENV DATABASE_PATH=/app/data/yakjeong.db \
    YAKJEONG_OUT_DIR=/app/out \
    PORT=3000

USER node
VOLUME ["/app/data"]
EXPOSE 3000

# /healthz is served in Slack's HTTP mode and with Discord's interactions endpoint. Slim images
# have no curl: node's own fetch asks. Socket Mode + gateway-only deployments have no HTTP server:
# run them with --no-healthcheck (compose: healthcheck: disable: true).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Node itself as the main process (not npm), so SIGTERM reaches the bot's graceful shutdown; the
# same as `npm start`.
CMD ["node", "scripts/start.mjs"]
