#!/usr/bin/env bash
# Schemathesis from PyPI in a virtualenv of its own (.services/schemathesis), for the property-based run
# of the OpenAPI document (tests/api-contract/schemathesis.test.ts). Idempotent: a fast no-op once the
# pinned version is installed. Called by infra/test/run-all.sh.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck disable=SC2034 # common.sh puts .services/ under it
REPO_ROOT="$(cd "$SCRIPT_DIR/../../.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$SCRIPT_DIR/common.sh"

SCHEMATHESIS_VERSION=4.32.5
VENV="$SERVICES_DIR/schemathesis"

if [ -x "$VENV/bin/st" ] && [ "$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null)" = "$SCHEMATHESIS_VERSION" ]; then
  exit 0
fi
command -v python3 >/dev/null 2>&1 || die "Schemathesis needs python3 (3.9 or later)"
mkdir -p "$LOG_DIR"
log "schemathesis: installing $SCHEMATHESIS_VERSION from PyPI into $VENV"
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" >"$LOG_DIR/schemathesis-install.log" 2>&1 ||
  die "pip could not install schemathesis (log: $LOG_DIR/schemathesis-install.log)"
log "schemathesis: $("$VENV/bin/st" --version 2>&1 | head -n1)"
