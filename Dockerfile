# Booking Rush: one image for every process role (see docker-compose.yml).
FROM node:24-bookworm-slim

WORKDIR /app

# Dependencies first, so that a source change does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && npm cache clean --force

COPY . .

ENV PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data

# The embedded adapters (PGlite and friends) keep their files in DATA_DIR.
RUN mkdir -p /data && chown node:node /data
USER node

EXPOSE 3000

# No curl in the slim image: Node's own fetch does the check.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node_modules/.bin/tsx", "infra/cli/main.ts", "start"]
