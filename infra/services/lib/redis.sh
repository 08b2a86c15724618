# shellcheck shell=bash
# Redis for tests: 127.0.0.1:56379, data in .services/redis, AOF on (everysec), no RDB snapshots.

REDIS_PORT=56379
REDIS_DIR="$SERVICES_DIR/redis"
REDIS_CONF="$REDIS_DIR/redis.conf"
REDIS_PID="$RUN_DIR/redis.pid"
REDIS_LOG="$LOG_DIR/redis.log"
REDIS_URL="redis://$HOST:$REDIS_PORT"
REDIS_TIMEOUT="${SERVICES_REDIS_TIMEOUT:-30}"

redis_packages() {
  missing_pkg redis-server redis-server
  # redis-cli comes with redis-tools, a dependency of redis-server; name it when only it is gone.
  if command -v redis-server >/dev/null 2>&1; then missing_pkg redis-cli redis-tools; fi
}
redis_prepare() { :; }

redis_cli() { redis-cli -h "$HOST" -p "$REDIS_PORT" "$@"; }
redis_ping() { [[ "$(redis_cli ping 2>/dev/null)" == PONG ]]; }

redis_running() { pid_alive "$REDIS_PID" ":$REDIS_PORT" && port_open "$REDIS_PORT"; }

redis_up() {
  if redis_running; then
    log "redis: already running on $HOST:$REDIS_PORT"
  else
    mkdir -p "$REDIS_DIR"
    cat >"$REDIS_CONF" <<EOF
# Written by infra/services/services.sh on every start; edit the script, not this file.
bind $HOST
port $REDIS_PORT
protected-mode yes
daemonize yes
pidfile $REDIS_PID
logfile $REDIS_LOG
dir $REDIS_DIR
appendonly yes
appendfsync everysec
save ""
EOF
    port_free_or_die "$REDIS_PORT" redis
    rm -f "$REDIS_PID"
    log "redis: starting on $HOST:$REDIS_PORT"
    redis-server "$REDIS_CONF" >>"$REDIS_LOG" 2>&1 9>&- || die "redis: redis-server failed to start$(log_tail "$REDIS_LOG")"
  fi
  wait_until "$REDIS_TIMEOUT" "Redis did not answer PING on $HOST:$REDIS_PORT" "$REDIS_LOG" redis_ping
}

redis_down() {
  if pid_alive "$REDIS_PID" ":$REDIS_PORT"; then
    local pid
    pid="$(head -n1 "$REDIS_PID")"
    log "redis: stopping (pid $pid)"
    # SHUTDOWN flushes the AOF (and removes the pid file); signals are the fallback.
    redis_cli shutdown >/dev/null 2>&1 || true
    local deadline=$((SECONDS + 10))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.3; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$pid" >"$REDIS_PID"
      stop_pid "$REDIS_PID" ":$REDIS_PORT" redis 10
    fi
  fi
  rm -f "$REDIS_PID"
}

redis_env() { echo "TEST_REDIS_URL=$REDIS_URL"; }
redis_where() { echo "redis     $HOST:$REDIS_PORT  $REDIS_URL  (data $REDIS_DIR, log $REDIS_LOG)"; }
