# shellcheck shell=bash disable=SC2034 # variables are used by the files that source this one
# Shared helpers for services.sh. Sourced, not run.
# Layout under $SERVICES_DIR (<repo>/.services):
#   env            the TEST_* variables of the services that are running
#   run/           pid files (and run/pg: PostgreSQL's unix socket)
#   logs/          one log file per service
#   pg/ redis/ kafka/ ferretdb/   data of each server (removed by `down --purge`)
#   cache/         fetched Kafka jars and the FerretDB binary (kept by `down --purge`)

SERVICES_DIR="${SERVICES_DIR:-$REPO_ROOT/.services}"
RUN_DIR="$SERVICES_DIR/run"
LOG_DIR="$SERVICES_DIR/logs"
CACHE_DIR="$SERVICES_DIR/cache"
ENV_FILE="$SERVICES_DIR/env"
HOST=127.0.0.1

log() { printf '[services] %s\n' "$*" >&2; }
die() {
  printf '[services] ERROR: %s\n' "$*" >&2
  exit 1
}

is_root() { [[ "$(id -u)" == 0 ]]; }

# port_open PORT: true when something accepts TCP connections on 127.0.0.1:PORT.
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null; }

# pid_alive PIDFILE MARKER: true when the pid in PIDFILE runs and its command line
# contains MARKER (guards against a stale pid file whose pid was reused).
pid_alive() {
  local pidfile="$1" marker="$2" pid
  [[ -s "$pidfile" ]] || return 1
  pid="$(head -n1 "$pidfile")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"
}

# log_tail FILE [N]: the last lines of a log, indented, for error messages.
log_tail() {
  local file="$1" n="${2:-30}"
  if [[ -s "$file" ]]; then
    printf '\n--- last %s lines of %s ---\n' "$n" "$file"
    tail -n "$n" "$file" | sed 's/^/    /'
  else
    printf '\n(log %s is empty or missing)\n' "$file"
  fi
}

# wait_until SECONDS WHAT LOGFILE CMD...: run CMD every second until it succeeds;
# after SECONDS, die naming WHAT and showing the log's tail.
wait_until() {
  local secs="$1" what="$2" logfile="$3"
  shift 3
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      die "$what within $secs s$(log_tail "$logfile")"
    fi
    sleep 1
  done
}

# start_bg PIDFILE LOGFILE CMD...: start CMD detached (own session, no stdin),
# appending its output to LOGFILE and writing its pid to PIDFILE. Servers must not
# inherit fd 9 (the lock taken by take_lock), or they would hold the lock forever.
start_bg() {
  local pidfile="$1" logfile="$2"
  shift 2
  # Keep one previous log once a log passes 64 MiB.
  if [[ -f "$logfile" ]] && (($(stat -c %s "$logfile") > 64 * 1024 * 1024)); then
    mv -f "$logfile" "$logfile.1"
  fi
  printf '\n=== %s starting: %s\n' "$(date -Is)" "$*" >>"$logfile"
  setsid "$@" >>"$logfile" 2>&1 </dev/null 9>&- &
  echo $! >"$pidfile"
}

# stop_pid PIDFILE MARKER NAME [TIMEOUT]: SIGTERM, wait, then SIGKILL.
stop_pid() {
  local pidfile="$1" marker="$2" name="$3" secs="${4:-30}" pid
  if ! pid_alive "$pidfile" "$marker"; then
    rm -f "$pidfile"
    return 0
  fi
  pid="$(head -n1 "$pidfile")"
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + secs))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "$name did not stop within $secs s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.5
  done
  rm -f "$pidfile"
}

# port_free_or_die PORT NAME: before starting, make sure nobody else holds the port.
port_free_or_die() {
  if port_open "$1"; then
    die "port $HOST:$1 is already taken by a process this script did not start; cannot start $2 (find it with: ss -ltnp 'sport = :$1')"
  fi
}

# apt_install PKG...: one `apt-get update`, then install, without letting the
# packages' own init scripts start system-wide servers (policy-rc.d says no).
apt_install() {
  (($# > 0)) || return 0
  is_root || die "missing packages: $*; run as root or install them: apt-get install -y $*"
  command -v apt-get >/dev/null || die "missing packages: $* (and no apt-get on this machine)"
  local policy=/usr/sbin/policy-rc.d added=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && added=1
  fi
  log "installing Debian packages: $*"
  local rc=0
  {
    DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
  } >"$LOG_DIR/apt.log" 2>&1 || rc=$?
  ((added)) && rm -f "$policy"
  ((rc == 0)) || die "apt-get install $* failed (exit $rc)$(log_tail "$LOG_DIR/apt.log")"
}

# missing_pkg CMD PKG: print PKG when CMD is not on PATH (collected, then installed at once).
missing_pkg() { command -v "$1" >/dev/null 2>&1 || echo "$2"; }
