# One image for every service of the platform; docker-compose.yml picks the command per service.
FROM node:22-bookworm-slim
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=1 HOST=0.0.0.0
WORKDIR /app
# Install from the lock file first, so a code change does not reinstall dependencies.
COPY package.json package-lock.json .npmrc ./
COPY packages/platform/package.json packages/platform/
COPY gateway/package.json gateway/
COPY subgraphs/social-services/package.json subgraphs/social-services/
COPY subgraphs/police/package.json subgraphs/police/
COPY subgraphs/school/package.json subgraphs/school/
COPY subgraphs/leisure/package.json subgraphs/leisure/
RUN npm ci --no-audit --no-fund --omit=optional && npm cache clean --force
COPY . .
USER node
EXPOSE 4000
CMD ["npx", "tsx", "gateway/src/main.ts"]
