#!/usr/bin/env bash
# kustomize, built from its Go module (no prebuilt binary can be fetched here) into
# .services/cache/kustomize-<ver>/kustomize, for the Kubernetes manifests' test
# (infra/deploy/kubernetes/manifests.test.ts). Idempotent: a fast no-op once that version is built.
# Prints the binary's path. Called by infra/test/run-all.sh before the tests, so they need no network.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck disable=SC2034 # common.sh puts .services/ under it
REPO_ROOT="$(cd "$SCRIPT_DIR/../../.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$SCRIPT_DIR/common.sh"

# v5.8.2 is the release of kustomize/api v0.21.2, the newest that builds with the machine's Go 1.26
# (v5.8.3 asks for Go 1.27).
KUSTOMIZE_VERSION="${SERVICES_KUSTOMIZE_VERSION:-v5.8.2}"
KUSTOMIZE_MODULE=sigs.k8s.io/kustomize/kustomize/v5
KUSTOMIZE_CACHE="$CACHE_DIR/kustomize-$KUSTOMIZE_VERSION"
KUSTOMIZE_BIN="$KUSTOMIZE_CACHE/kustomize"

if [[ -x "$KUSTOMIZE_BIN" ]]; then
  echo "$KUSTOMIZE_BIN"
  exit 0
fi

# Go lives in /usr/local/go on this machine kind; a non-login shell may not have it on PATH.
if ! command -v go >/dev/null 2>&1 && [[ -x /usr/local/go/bin/go ]]; then
  PATH="$PATH:/usr/local/go/bin"
fi
command -v go >/dev/null 2>&1 ||
  die "kustomize: Go is needed to build kustomize $KUSTOMIZE_VERSION and is not on PATH (this machine kind ships it in /usr/local/go)"

mkdir -p "$KUSTOMIZE_CACHE" "$LOG_DIR"
blog="$LOG_DIR/kustomize-build.log"
start=$SECONDS
log "kustomize: building $KUSTOMIZE_MODULE@$KUSTOMIZE_VERSION with $(go version | cut -d' ' -f3) (about a minute when cold)"
# Built beside the final name and moved into place, so an interrupted build never looks installed.
GOBIN="$KUSTOMIZE_CACHE/tmp" GOFLAGS=-buildvcs=false go install -trimpath "$KUSTOMIZE_MODULE@$KUSTOMIZE_VERSION" >"$blog" 2>&1 ||
  die "kustomize: building $KUSTOMIZE_MODULE@$KUSTOMIZE_VERSION failed$(log_tail "$blog")"
mv "$KUSTOMIZE_CACHE/tmp/kustomize" "$KUSTOMIZE_BIN"
rmdir "$KUSTOMIZE_CACHE/tmp"
log "kustomize: built in $((SECONDS - start)) s: $("$KUSTOMIZE_BIN" version)"
echo "$KUSTOMIZE_BIN"
