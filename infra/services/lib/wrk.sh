#!/usr/bin/env bash
# Debian's wrk, the load benchmark's second load generator (benchmarks/load: far less CPU than autocannon).
# Idempotent: a fast no-op when wrk is on PATH. Called by the load benchmark and infra/test/run-all.sh.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck disable=SC2034 # common.sh puts .services/ under it
REPO_ROOT="$(cd "$SCRIPT_DIR/../../.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$SCRIPT_DIR/common.sh"

if command -v wrk >/dev/null 2>&1; then
  exit 0
fi
mkdir -p "$LOG_DIR"
apt_install wrk
command -v wrk >/dev/null 2>&1 ||
  die "apt-get installed wrk but it is not on PATH; the load benchmark needs it"
log "wrk: installed ($({ wrk --version 2>&1 || true; } | head -n1))"
