# The HallBridge app (API + web), built from this checkout. See docker-compose.yml.
FROM node:20-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends poppler-utils libreoffice-impress-nogui \
      fonts-crosextra-carlito fonts-crosextra-caladea fonts-liberation2 fonts-noto-core && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/hallbridge
COPY . .
RUN npm ci && npx nx run-many -t build --projects=api,web --outputStyle=static
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
