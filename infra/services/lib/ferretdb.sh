# shellcheck shell=bash
# FerretDB for tests: MongoDB wire protocol on 127.0.0.1:57017, SQLite backend in .services/ferretdb.
# Built from its Go module (no prebuilt binary can be fetched here), cached in
# .services/cache/ferretdb-<ver>/ferretdb.

FERRETDB_VERSION="${SERVICES_FERRETDB_VERSION:-v1.24.2}"
FERRETDB_MODULE=github.com/FerretDB/FerretDB
FERRETDB_PORT=57017
FERRETDB_DIR="$SERVICES_DIR/ferretdb"
FERRETDB_PID="$RUN_DIR/ferretdb.pid"
FERRETDB_LOG="$LOG_DIR/ferretdb.log"
FERRETDB_CACHE="$CACHE_DIR/ferretdb-$FERRETDB_VERSION"
FERRETDB_BIN="$FERRETDB_CACHE/ferretdb"
FERRETDB_TIMEOUT="${SERVICES_FERRETDB_TIMEOUT:-60}"

# Go lives in /usr/local/go on this machine kind; a non-login shell may not have it on PATH.
if ! command -v go >/dev/null 2>&1 && [[ -x /usr/local/go/bin/go ]]; then
  PATH="$PATH:/usr/local/go/bin"
fi

ferretdb_packages() { :; }

# Build steps: a throwaway module that requires FerretDB as a tool, vendored so that the
# version file FerretDB's build expects (normally written by its own task runner) can be
# added beside its sources, then built from the vendor tree.
ferretdb_prepare() {
  [[ -x "$FERRETDB_BIN" ]] && return 0
  command -v go >/dev/null 2>&1 ||
    die "ferretdb: Go is needed to build FerretDB $FERRETDB_VERSION and is not on PATH (this machine kind ships it in /usr/local/go)"
  local build="$FERRETDB_CACHE/build" blog="$LOG_DIR/ferretdb-build.log" start=$SECONDS
  log "ferretdb: building FerretDB $FERRETDB_VERSION with $(go version | cut -d' ' -f3) (about a minute when cold)"
  rm -rf "$build"
  mkdir -p "$build"
  (
    cd "$build"
    export GOFLAGS=-buildvcs=false
    go mod init local/ferretdb-build
    go get -tool "$FERRETDB_MODULE/cmd/ferretdb@$FERRETDB_VERSION"
    go mod vendor
    echo "$FERRETDB_VERSION" >"vendor/$FERRETDB_MODULE/build/version/version.txt"
    go build -mod=vendor -trimpath -o "$FERRETDB_BIN.tmp" "$FERRETDB_MODULE/cmd/ferretdb"
  ) >"$blog" 2>&1 || die "ferretdb: building $FERRETDB_MODULE@$FERRETDB_VERSION failed$(log_tail "$blog")"
  mv "$FERRETDB_BIN.tmp" "$FERRETDB_BIN"
  rm -rf "$build/vendor"
  log "ferretdb: built in $((SECONDS - start)) s: $("$FERRETDB_BIN" --version | head -n1)"
}

# A MongoDB wire-protocol ping without a driver: send OP_MSG {ping: 1, $db: "admin"} and
# expect a reply holding the element ok: 1.0 (type 0x01, "ok", double 1.0 little-endian).
FERRETDB_WIRE_PING="$(
  cat <<'EOF'
exec 3<>"/dev/tcp/$1/$2" || exit 1
printf '\x33\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\xdd\x07\x00\x00\x00\x00\x00\x00\x00\x1e\x00\x00\x00\x10ping\x00\x01\x00\x00\x00\x02\x24db\x00\x06\x00\x00\x00admin\x00\x00' >&3
n="$(dd bs=4 count=1 iflag=fullblock <&3 2>/dev/null | od -An -tu4 | tr -d ' \n')"
[[ "$n" =~ ^[0-9]+$ ]] && ((n > 20 && n < 65536)) || exit 1
dd bs=$((n - 4)) count=1 iflag=fullblock <&3 2>/dev/null | od -An -tx1 | tr -d ' \n' |
  grep -q '016f6b00000000000000f03f'
EOF
)"
ferretdb_ping() { timeout 5 bash -c "$FERRETDB_WIRE_PING" ferretdb-ping "$HOST" "$FERRETDB_PORT"; }

ferretdb_running() { pid_alive "$FERRETDB_PID" "$FERRETDB_DIR" && port_open "$FERRETDB_PORT"; }

ferretdb_up() {
  if ferretdb_running; then
    log "ferretdb: already running on $HOST:$FERRETDB_PORT"
  else
    [[ -x "$FERRETDB_BIN" ]] || die "ferretdb: binary missing at $FERRETDB_BIN"
    mkdir -p "$FERRETDB_DIR/data" "$FERRETDB_DIR/state"
    port_free_or_die "$FERRETDB_PORT" ferretdb
    log "ferretdb: starting on $HOST:$FERRETDB_PORT"
    start_bg "$FERRETDB_PID" "$FERRETDB_LOG" "$FERRETDB_BIN" \
      --handler=sqlite --sqlite-url="file:$FERRETDB_DIR/data/" \
      --listen-addr="$HOST:$FERRETDB_PORT" --state-dir="$FERRETDB_DIR/state" \
      --debug-addr=- --telemetry=disable --log-level=INFO --log-format=text
  fi
  local deadline=$((SECONDS + FERRETDB_TIMEOUT))
  until port_open "$FERRETDB_PORT" && ferretdb_ping >/dev/null 2>&1; do
    pid_alive "$FERRETDB_PID" "$FERRETDB_DIR" ||
      die "ferretdb: the process exited during startup$(log_tail "$FERRETDB_LOG")"
    ((SECONDS < deadline)) ||
      die "FerretDB did not answer a wire-protocol ping on $HOST:$FERRETDB_PORT within $FERRETDB_TIMEOUT s$(log_tail "$FERRETDB_LOG")"
    sleep 1
  done
}

ferretdb_down() { stop_pid "$FERRETDB_PID" "$FERRETDB_DIR" ferretdb 20; }

ferretdb_env() { echo "TEST_MONGO_URL=mongodb://$HOST:$FERRETDB_PORT/"; }
ferretdb_where() { echo "ferretdb  $HOST:$FERRETDB_PORT  mongodb://$HOST:$FERRETDB_PORT/  (data $FERRETDB_DIR, log $FERRETDB_LOG)"; }
