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
bash infra/services/lib/wrk.sh      # Debian's wrk for the load benchmark's smoke test (no-op once installed)
bash infra/services/lib/schemathesis.sh # Schemathesis from PyPI for tests/api-contract (no-op once installed)
bash infra/services/lib/kustomize.sh >/dev/null # kustomize from its Go module for infra/deploy/kubernetes (no-op once built)
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
# --no-wasm-code-gc: Node 24.21's V8 now and then aborts a test process with "Check failed:
# jit_page_->allocations_.erase(addr) == 1" while freeing dead WebAssembly code (PGlite, argon2). Test
# processes are short-lived, so keeping dead wasm code costs little. The flag reaches every test file's process.
mkdir -p .test-artifacts
status=0
node --no-wasm-code-gc --import tsx --test --test-reporter=spec \
  "domain/**/*.test.ts" "command-side/**/*.test.ts" "query-side/**/*.test.ts" "projections/**/*.test.ts" \
  "sagas/**/*.test.ts" "infra/**/*.test.ts" "benchmarks/**/*.test.ts" "tests/**/*.test.ts" "web/src/**/*.test.ts" \
  2>&1 | tee .test-artifacts/test-output.txt || status=$?
if [ "$status" != 0 ]; then
  # A test process that crashed reports only "test failed"; its own last words sit far up the log.
  echo "== crashes and uncaught errors in the log above (whole log: .test-artifacts/test-output.txt)"
  grep -n -B2 -A6 -E "Fatal error|Check failed|Segmentation fault|Uncaught|ERR_UNHANDLED|exited with|signal SIG" \
    .test-artifacts/test-output.txt | head -60 || true
fi
exit "$status"
