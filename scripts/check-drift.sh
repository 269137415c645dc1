#!/usr/bin/env bash
# Generated artefacts that reviewers read must match their sources (run early in `npm test`, after the
# build): docs/openapi.json against the built API, and prisma/migrations against prisma/schema.prisma.
set -euo pipefail
cd "$(dirname "$0")/.."

node dist/apps/api/apps/api/src/cli/export-openapi.js --check docs/openapi.json

source infra/database/scratch-databases.sh
if ! diff=$(npx --no-install prisma migrate diff --from-migrations prisma/migrations \
  --to-schema prisma/schema.prisma --exit-code 2>&1); then
  echo "$diff" >&2
  echo "prisma/schema.prisma differs from prisma/migrations: run \`npm run db:migration -- <name>\` and commit it" >&2
  exit 1
fi
echo "prisma/migrations match prisma/schema.prisma"
