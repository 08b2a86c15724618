#!/usr/bin/env bash
# Runs every test against real servers started by the project's own script (README: `npm install && npm test`).
# KEEP_SERVICES=1 leaves the servers running afterwards for a faster next run.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 24 ]; then
  echo "npm test needs Node 24 from node_modules/.bin (found $(node --version)); run 'npm install' first" >&2
  exit 1
fi

bash infra/services/services.sh up
bash infra/services/lib/chromium.sh # Debian's Chromium for tests/browser (no-op once installed)
if [ "${KEEP_SERVICES:-}" != 1 ]; then
  trap 'bash infra/services/services.sh down' EXIT
fi
set -a
# shellcheck disable=SC1091
source .services/env
set +a

echo "== lint and types"
eslint .
prettier --check . >/dev/null || { prettier --check . ; exit 1; }
tsc --noEmit -p tsconfig.json
npm run -s check:web

echo "== tests"
node --import tsx --test --test-reporter=spec \
  "domain/**/*.test.ts" "command-side/**/*.test.ts" "query-side/**/*.test.ts" "projections/**/*.test.ts" \
  "sagas/**/*.test.ts" "infra/**/*.test.ts" "benchmarks/**/*.test.ts" "tests/**/*.test.ts" "web/src/**/*.test.ts"
