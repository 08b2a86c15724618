#!/usr/bin/env bash
# Debian's Chromium for the browser tests (playwright-core drives it; it downloads no browser itself).
# Idempotent: a fast no-op when /usr/bin/chromium exists. Called by infra/test/run-all.sh.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck disable=SC2034 # common.sh puts .services/ under it
REPO_ROOT="$(cd "$SCRIPT_DIR/../../.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$SCRIPT_DIR/common.sh"

CHROMIUM_BIN=/usr/bin/chromium

if [[ -x "$CHROMIUM_BIN" ]]; then
  exit 0
fi
mkdir -p "$LOG_DIR"
apt_install chromium
[[ -x "$CHROMIUM_BIN" ]] ||
  die "apt-get installed chromium but $CHROMIUM_BIN is missing; the browser tests need it there"
log "chromium: installed ($("$CHROMIUM_BIN" --version 2>/dev/null || echo 'version unknown'))"
