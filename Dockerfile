# syntax=docker/dockerfile:1
# Multi-stage: the builder compiles TypeScript with swc (a devDependency); the runtime image holds only
# production dependencies and dist/. Optional dependencies (the embedded PostgreSQL binaries and the
# test Meilisearch) are left out of the runtime: in containers the database and search run as services.

FROM node:24-slim AS builder
WORKDIR /app
COPY package.json package-lock.json ./
# Full install: swc's native binding is an optional dependency of @swc/core, so optional ones stay.
RUN npm ci --no-audit --no-fund
COPY .swcrc tsconfig.json ./
COPY src ./src
COPY seeds ./seeds
COPY migrations ./migrations
COPY bench ./bench
RUN npm run build

FROM node:24-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force
COPY --from=builder /app/dist ./dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Applies pending migrations on start; SIGTERM drains in-flight requests, then exits 0.
CMD ["node", "dist/src/app/main.js"]
