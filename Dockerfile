# Reclaim: multi-stage build on the official Node 20 slim image.
#   docker build -t reclaim .
#   docker run -p 3000:3000 -v reclaim-data:/data --env-file .env reclaim

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
# Compiles, then makes the migrated embedded database a first start on an empty /data loads
# (dist/pglite-template), so a new container is ready in ~2 s instead of running initdb.
RUN npm run build

FROM node:20-slim AS runtime
# HOST=0.0.0.0 so the published port reaches Reclaim. With SLACK_BOT_TOKEN that is the Slack bot;
# without it, Reclaim Local (no login) may bind 0.0.0.0 only because it then runs the sandbox
# alone: a provider key without SLACK_BOT_TOKEN stops start-up, and RECLAIM_LOCAL_REAL=1 is
# refused on 0.0.0.0. Its console answers only this container's names on the same port
# (docker run -p 3000:3000), so keep the published port equal to PORT.
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY migrations ./migrations
# Reclaim Local's console page (plain files tsc does not copy)
COPY src/sandbox/slack/console/assets ./dist/src/sandbox/slack/console/assets
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
