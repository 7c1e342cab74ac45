# The API alone; Neo4j comes from docker-compose.yml (or NEO4J_URI).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY web ./web
# Type-check once here (tsc), then compile with the same fast build `npm start` uses, and bundle the web pages.
RUN npx tsc -p tsconfig.build.json --noEmit && npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/dist-web ./dist-web
COPY schema ./schema
COPY seed ./seed
COPY queries ./queries
USER node
EXPOSE 4000
# Healthy = ready: GET /readyz answers 200 once Neo4j answers. The image has no
# wget or curl; one short-lived node is far cheaper than a cypher-shell JVM.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The same garbage collector flags as `npm start` (see the README, "The two commands").
CMD ["node", "--max-semi-space-size=32", "--no-allocation-site-pretenuring", "dist/main.js"]
