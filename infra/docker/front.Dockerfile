# The TLS front: Caddy with layer4 built from the same pinned module versions as
# infra/front/install.sh, and its configuration rendered from the environment at start (it reads
# the app's address rules, so the app's API is built too). See docker-compose.yml.
FROM golang:1.26-bookworm AS caddy
COPY infra/front/caddy /src
RUN cd /src && CGO_ENABLED=0 go build -trimpath -ldflags '-s -w' -o /caddy .

FROM node:20-bookworm
WORKDIR /opt/hallbridge
COPY . .
RUN npm ci && npx nx run api:build --outputStyle=static
COPY --from=caddy /caddy /usr/local/bin/caddy
CMD ["sh", "-c", "node infra/front/render-config.mjs /front/caddy.json && exec caddy run --config /front/caddy.json"]
