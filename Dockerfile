# Container image for the Kubernetes networking knowledge service.
#
#   docker build -t k8s-networking-knowledge .
#   docker run --rm -p 4000:4000 --read-only k8s-networking-knowledge
#
# Two stages: `build` installs every dependency, generates the Prisma client and resolver types,
# compiles TypeScript to dist/, applies the migrations and seeds prisma/knowledge.db; `runtime`
# holds production dependencies, the compiled code and the seeded database, and runs as non-root.
# Deployment notes (probes, read-only root filesystem, scaling) are in deploy/README.md.
#
# Node 24 (LTS): .ci/run runs the whole test suite on it as well as on the machine's Node.

############################################################################ build
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

# Dependencies first, so this layer is reused while only sources change. `--ignore-scripts`
# skips the package's own postinstall (run explicitly below, once the sources are here) and the
# dependencies' install scripts, which only fetch Prisma's native engines: this project uses
# Prisma's JavaScript schema engine and the libSQL driver adapter, so nothing else is downloaded.
# `npx patch-package` applies patches/ (one fix to Apollo Server), the first half of the postinstall.
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --ignore-scripts && npx patch-package

# `npm run setup` is the rest of what `npm ci`'s postinstall runs: prisma generate + graphql-codegen
# + tsc (to dist/), `prisma migrate deploy`, then the seed. .dockerignore keeps any local
# node_modules/, dist/, src/generated/ and *.db out, so the database is always built fresh here.
COPY . .
RUN npm run setup && test -s prisma/knowledge.db

############################################################################ runtime
FROM node:24-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 LOG_FORMAT=json \
    NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

# Production dependencies only. `prisma` (the CLI) is a regular dependency: the server runs
# `prisma migrate deploy` only when its database file is missing, which cannot happen with the
# file baked in below, but keeps DATABASE_URL pointing elsewhere working. `--ignore-scripts`:
# the generated Prisma client is compiled into dist/, so @prisma/client's postinstall is not
# needed. pino-pretty is a devDependency, so LOG_FORMAT=pretty does not work in this image.
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --omit=dev --ignore-scripts && npx patch-package && npm cache clean --force

# The compiled server (dist/src, including the generated Prisma client and resolver types),
# the GraphQL schema it loads at start-up, prisma.config.ts (only for the migrate fallback),
# and prisma/: migrations (the server checks the applied list against them at start-up),
# content/ and the seeded knowledge.db.
COPY --from=build /app/dist ./dist
COPY --from=build /app/schema.graphql /app/prisma.config.ts ./
COPY --from=build /app/prisma ./prisma

# Everything under /app belongs to root and cannot be written by the service user. The server
# reads the knowledge base once at start-up and never writes, so the database file is made
# read-only too (0444): SQLite opens a file it may not write in read-only mode, and reads work
# (the seeded file uses the rollback journal, not WAL, so no -shm/-wal files are needed).
RUN chown -R root:root /app \
 && chmod 0444 /app/prisma/knowledge.db \
 && groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin app

# Numeric, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 10001:10001
EXPOSE 4000

# For `docker run`; Kubernetes ignores it and uses the probes in deploy/ (the image has no curl).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# node is PID 1 and handles SIGTERM itself (src/index.ts drains the server, then exits).
# Same V8 heap sizing as `npm start`: a bounded young generation and old space keep peak RSS near
# 175 MB under load (measured: about 260 MB without), well inside the Deployment's memory limit.
# The initial old space lets it grow to 64 MB before full collections start: with a configured
# maximum, V8 otherwise collects every ~150 ms under load, which doubled p99 latency. One V8
# worker thread (the default is 4): the event loop is one thread, and more GC helpers only compete
# with it for the cores (A/B under wrk: uncached p99 9.1 -> 7.5 ms).
CMD ["node", "--max-semi-space-size=4", "--initial-old-space-size=64", "--max-old-space-size=160", "--v8-pool-size=1", "dist/src/index.js"]
