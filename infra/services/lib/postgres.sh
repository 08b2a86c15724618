# shellcheck shell=bash
# PostgreSQL for tests: 127.0.0.1:55432, cluster in .services/pg, socket in .services/run/pg.
# The server refuses to run as root, so as root it runs as the OS user `postgres`
# (created by Debian's package). Loopback only, trust auth; superuser booking/booking.

PG_PORT=55432
PG_DATA="$SERVICES_DIR/pg"
PG_SOCK="$RUN_DIR/pg"
PG_LOG="$LOG_DIR/postgres.log"
PG_URL="postgres://booking:booking@$HOST:$PG_PORT/booking"
PG_TIMEOUT="${SERVICES_PG_TIMEOUT:-60}"

# pg_bindir: the newest /usr/lib/postgresql/N/bin that holds a server, or nothing.
pg_bindir() {
  local d
  for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    if [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" && -x "$d/psql" ]]; then
      echo "$d"
      return 0
    fi
  done
}

as_pg() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_packages() { [[ -n "$(pg_bindir)" ]] || echo postgresql; }
postgres_prepare() { :; }

postgres_running() {
  pid_alive "$PG_DATA/postmaster.pid" "$PG_DATA" && port_open "$PG_PORT"
}

postgres_psql() { # postgres_psql DB SQL
  PGCONNECT_TIMEOUT=5 "$(pg_bindir)/psql" "postgres://booking:booking@$HOST:$PG_PORT/$1" \
    -v ON_ERROR_STOP=1 -qtA -c "$2"
}

postgres_init() {
  local bin="$1"
  log "postgres: initdb in $PG_DATA"
  rm -rf "$PG_DATA"
  mkdir -p "$PG_DATA"
  chmod 700 "$PG_DATA"
  local pwfile="$PG_SOCK/initdb-pw"
  echo booking >"$pwfile"
  if is_root; then chown postgres: "$PG_DATA" "$pwfile"; fi
  as_pg "$bin/initdb" -D "$PG_DATA" -U booking --pwfile="$pwfile" --auth=trust \
    -E UTF8 --no-locale >>"$PG_LOG" 2>&1 || die "postgres: initdb failed$(log_tail "$PG_LOG")"
  rm -f "$pwfile"
  echo "include_if_exists = 'booking.conf'" >>"$PG_DATA/postgresql.conf"
}

postgres_up() {
  local bin
  bin="$(pg_bindir)"
  [[ -n "$bin" ]] || die "postgres: no server binaries under /usr/lib/postgresql/*/bin (Debian package postgresql)"
  if postgres_running; then
    log "postgres: already running on $HOST:$PG_PORT"
  else
    mkdir -p "$PG_SOCK"
    touch "$PG_LOG"
    if is_root; then
      id -u postgres >/dev/null 2>&1 ||
        useradd --system --no-create-home --shell /usr/sbin/nologin postgres
      chown postgres: "$PG_SOCK" "$PG_LOG"
      as_pg test -x "$SERVICES_DIR" ||
        die "postgres: OS user postgres cannot enter $SERVICES_DIR; make its parent directories world-searchable (chmod o+x)"
    fi
    [[ -s "$PG_DATA/PG_VERSION" ]] || postgres_init "$bin"
    # Settings live in their own file so a later change applies without a new initdb.
    cat >"$PG_DATA/booking.conf" <<EOF
# Written by infra/services/services.sh on every start; edit the script, not this file.
listen_addresses = '$HOST'
port = $PG_PORT
unix_socket_directories = '$PG_SOCK'
max_connections = 200
shared_buffers = 256MB
fsync = on
EOF
    if is_root; then chown postgres: "$PG_DATA/booking.conf"; fi
    port_free_or_die "$PG_PORT" postgres
    log "postgres: starting on $HOST:$PG_PORT"
    as_pg "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$PG_TIMEOUT" start >/dev/null 2>&1 9>&- ||
      die "postgres: pg_ctl start failed$(log_tail "$PG_LOG")"
  fi
  wait_until "$PG_TIMEOUT" "PostgreSQL did not answer on $HOST:$PG_PORT" "$PG_LOG" \
    "$bin/pg_isready" -q -h "$HOST" -p "$PG_PORT"
  postgres_psql postgres "alter role booking with login superuser password 'booking'" >/dev/null ||
    die "postgres: cannot log in as booking on $HOST:$PG_PORT$(log_tail "$PG_LOG")"
  if [[ "$(postgres_psql postgres "select 1 from pg_database where datname = 'booking'")" != 1 ]]; then
    postgres_psql postgres "create database booking owner booking" >/dev/null
  fi
  [[ "$(postgres_psql booking 'select 1')" == 1 ]] ||
    die "postgres: 'select 1' on $PG_URL failed$(log_tail "$PG_LOG")"
}

postgres_down() {
  local bin
  bin="$(pg_bindir)"
  if [[ -n "$bin" ]] && pid_alive "$PG_DATA/postmaster.pid" "$PG_DATA"; then
    log "postgres: stopping"
    as_pg "$bin/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_pg "$bin/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 stop >/dev/null 2>&1 ||
      stop_pid "$PG_DATA/postmaster.pid" "$PG_DATA" postgres 5
  fi
}

postgres_env() { echo "TEST_DATABASE_URL=$PG_URL"; }
postgres_where() { echo "postgres  $HOST:$PG_PORT  $PG_URL  (data $PG_DATA, log $PG_LOG)"; }
