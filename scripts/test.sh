#!/usr/bin/env bash
# `npm test`: the whole suite, on a bare machine too. Installs and starts what the tests need
# (Chromium, PostgreSQL, LibreOffice, poppler, livekit-server, Mailpit) through the project's own scripts,
# then lint, typecheck, build, unit, integration (PGlite and PostgreSQL), end-to-end (Chromium) and
# network tests (the product and browsers on separate machines made of network namespaces).
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true
step() { printf '\n== %s\n' "$*"; }

step "tools"
bash infra/ensure-tools.sh chromium postgresql redis libreoffice poppler netns livekit front mailpit

step "format, lint, typecheck, build"
npx prettier --check . --log-level warn
npx nx run-many -t lint typecheck build --outputStyle=static

step "drift: docs/openapi.json and prisma/migrations"
bash scripts/check-drift.sh

step "unit tests"
npx jest --selectProjects unit --ci

step "integration tests (PGlite and PostgreSQL)"
npx jest --selectProjects int --ci

step "end-to-end tests (headless Chromium)"
npx jest --selectProjects e2e --ci --maxWorkers=1

step "network tests (network namespaces: hall server, phone, district room)"
npx jest --selectProjects net --ci --maxWorkers=1
