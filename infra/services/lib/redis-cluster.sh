# shellcheck shell=bash
# Redis Cluster for tests: three masters (no replicas) on 127.0.0.1:56401–56403, their cluster bus on
# 56501–56503 (the default port + 10000 would pass 65535), each node's data and nodes.conf under
# .services/redis-cluster/<port>, AOF on (everysec), no RDB snapshots. The slots are assigned once, by
# `redis-cli --cluster create`; a restart finds them again in each node's nodes.conf.

REDIS_CLUSTER_PORTS=(56401 56402 56403)
REDIS_CLUSTER_BUS_OFFSET=100
REDIS_CLUSTER_DIR="$SERVICES_DIR/redis-cluster"
REDIS_CLUSTER_TIMEOUT="${SERVICES_REDIS_TIMEOUT:-30}"

redis_cluster_nodes() {
  local port nodes=()
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do nodes+=("$HOST:$port"); done
  (
    IFS=,
    echo "${nodes[*]}"
  )
}
redis_cluster_pidfile() { echo "$RUN_DIR/redis-cluster-$1.pid"; }
redis_cluster_log() { echo "$LOG_DIR/redis-cluster-$1.log"; }
redis_cluster_cli() { # redis_cluster_cli PORT ARGS...
  local port="$1"
  shift
  redis-cli -h "$HOST" -p "$port" "$@"
}
# redis_cluster_info PORT FIELD: one field of CLUSTER INFO (e.g. cluster_state), or nothing.
redis_cluster_info() {
  redis_cluster_cli "$1" cluster info 2>/dev/null | tr -d '\r' | awk -F: -v f="$2" '$1 == f { print $2 }'
}

redis_cluster_packages() { redis_packages; }
redis_cluster_prepare() { :; }

redis_cluster_node_running() {
  pid_alive "$(redis_cluster_pidfile "$1")" ":$1" && port_open "$1"
}
redis_cluster_running() {
  local port
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do redis_cluster_node_running "$port" || return 1; done
}

redis_cluster_start_node() {
  local port="$1" dir="$REDIS_CLUSTER_DIR/$1" pidfile log
  pidfile="$(redis_cluster_pidfile "$port")"
  log="$(redis_cluster_log "$port")"
  if redis_cluster_node_running "$port"; then
    log "redis-cluster: node $HOST:$port already running"
    return 0
  fi
  mkdir -p "$dir"
  cat >"$dir/redis.conf" <<EOF
# Written by infra/services/services.sh on every start; edit the script, not this file.
bind $HOST
port $port
protected-mode yes
daemonize yes
pidfile $pidfile
logfile $log
dir $dir
cluster-enabled yes
cluster-config-file nodes.conf
cluster-port $((port + REDIS_CLUSTER_BUS_OFFSET))
cluster-node-timeout 5000
appendonly yes
appendfsync everysec
save ""
EOF
  port_free_or_die "$port" "redis-cluster node"
  port_free_or_die "$((port + REDIS_CLUSTER_BUS_OFFSET))" "redis-cluster bus"
  rm -f "$pidfile"
  log "redis-cluster: starting node on $HOST:$port"
  redis-server "$dir/redis.conf" >>"$log" 2>&1 9>&- ||
    die "redis-cluster: redis-server on $port failed to start$(log_tail "$log")"
}

redis_cluster_ping() { [[ "$(redis_cluster_cli "$1" ping 2>/dev/null)" == PONG ]]; }

# Every node agrees the cluster is whole: all slots served, all three nodes known.
redis_cluster_ok() {
  local port
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do
    [[ "$(redis_cluster_info "$port" cluster_state)" == ok ]] || return 1
    [[ "$(redis_cluster_info "$port" cluster_known_nodes)" == "${#REDIS_CLUSTER_PORTS[@]}" ]] || return 1
    [[ "$(redis_cluster_info "$port" cluster_slots_assigned)" == 16384 ]] || return 1
  done
}

# No node knows another or serves a slot yet: the cluster was never made.
redis_cluster_fresh() {
  local port
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do
    [[ "$(redis_cluster_info "$port" cluster_known_nodes)" == 1 &&
      "$(redis_cluster_info "$port" cluster_slots_assigned)" == 0 ]] || return 1
  done
}

# Assigns the slots the first time. A cluster left half-made (a node's nodes.conf lost, a create cut
# short) is wiped and made again: these are test servers, and no test keeps data across runs.
redis_cluster_create() {
  local port
  if ! redis_cluster_fresh; then
    log "redis-cluster: the nodes disagree about the cluster; resetting them (their data is dropped)"
    for port in "${REDIS_CLUSTER_PORTS[@]}"; do
      redis_cluster_cli "$port" flushall >/dev/null
      redis_cluster_cli "$port" cluster reset hard >/dev/null
    done
  fi
  local nodes=() create_log="$LOG_DIR/redis-cluster-create.log"
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do nodes+=("$HOST:$port"); done
  log "redis-cluster: creating the cluster (${nodes[*]}, no replicas)"
  redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >"$create_log" 2>&1 ||
    die "redis-cluster: redis-cli --cluster create failed$(log_tail "$create_log")"
}

redis_cluster_up() {
  local port
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do redis_cluster_start_node "$port"; done
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do
    wait_until "$REDIS_CLUSTER_TIMEOUT" "Redis Cluster node did not answer PING on $HOST:$port" \
      "$(redis_cluster_log "$port")" redis_cluster_ping "$port"
  done
  if ! redis_cluster_fresh; then
    # Restarted nodes take a moment to find each other again; only a cluster that stays broken is made anew.
    local deadline=$((SECONDS + 5))
    until redis_cluster_ok || ((SECONDS >= deadline)); do sleep 0.3; done
  fi
  redis_cluster_ok || redis_cluster_create
  wait_until "$REDIS_CLUSTER_TIMEOUT" "Redis Cluster did not reach cluster_state:ok on every node" \
    "$(redis_cluster_log "${REDIS_CLUSTER_PORTS[0]}")" redis_cluster_ok
}

# A pid that still runs; an exited server left unreaped (a zombie, as a slow init leaves it) counts as gone.
redis_cluster_pid_runs() { [[ "$(ps -o stat= -p "$1" 2>/dev/null | tr -d ' ')" =~ ^[^Z] ]]; }

redis_cluster_down() {
  local port pidfile pid entry pids=()
  # SHUTDOWN (flushes the AOF, saves nodes.conf) to every node at once, then wait for each.
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do
    pidfile="$(redis_cluster_pidfile "$port")"
    if pid_alive "$pidfile" ":$port"; then
      pid="$(head -n1 "$pidfile")"
      pids+=("$port:$pid")
      log "redis-cluster: stopping node $port (pid $pid)"
      redis_cluster_cli "$port" shutdown >/dev/null 2>&1 || true
    fi
  done
  for entry in "${pids[@]+"${pids[@]}"}"; do
    port="${entry%%:*}" pid="${entry#*:}" pidfile="$(redis_cluster_pidfile "$port")"
    local deadline=$((SECONDS + 10))
    while redis_cluster_pid_runs "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
    if redis_cluster_pid_runs "$pid"; then
      echo "$pid" >"$pidfile"
      stop_pid "$pidfile" ":$port" "redis-cluster node $port" 10
    fi
  done
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do rm -f "$(redis_cluster_pidfile "$port")"; done
}

redis_cluster_purge() {
  local port
  rm -rf "$REDIS_CLUSTER_DIR" "$LOG_DIR/redis-cluster-create.log"
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do rm -f "$(redis_cluster_log "$port")"; done
}

redis_cluster_env() { echo "TEST_REDIS_CLUSTER_NODES=$(redis_cluster_nodes)"; }
redis_cluster_where() {
  echo "redis-cluster  $(redis_cluster_nodes)  3 masters, bus +$REDIS_CLUSTER_BUS_OFFSET  (data $REDIS_CLUSTER_DIR, logs $LOG_DIR/redis-cluster-<port>.log)"
}
