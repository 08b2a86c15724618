#!/usr/bin/env bash
# Real servers for tests, on 127.0.0.1 only, data under <repo>/.services/.
#
#   services.sh up [SERVICE...]            install what is missing, start, wait until each answers,
#                                          write .services/env (default: all six services)
#   services.sh down [--purge] [SERVICE...]  stop (graceful, then kill); --purge also deletes their
#                                          data (the cache of jars and binaries stays)
#   services.sh status [SERVICE...]        what runs where (exit 3 when a named service is down)
#   services.sh env                        print .services/env
#   services.sh kafka-admin list|create TOPIC [PARTITIONS]|delete TOPIC|ping
#
# SERVICE is one of: postgres redis redis-cluster kafka ferretdb prometheus. See infra/services/README.md.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
ALL_SERVICES=(postgres redis redis-cluster kafka ferretdb prometheus)

# shellcheck source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"
# A service's functions are named after it, `-` read as `_` (redis-cluster → redis_cluster_up).
fn() { echo "${1//-/_}_$2"; }
for _svc in "${ALL_SERVICES[@]}"; do
  # shellcheck disable=SC1090
  source "$SCRIPT_DIR/lib/$_svc.sh"
done

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
  exit "${1:-0}"
}

# pick_services NAME...: validated names in canonical order (all when none given).
SELECTED=()
pick_services() {
  local want=("$@") s w
  ((${#want[@]})) || want=("${ALL_SERVICES[@]}")
  for w in "${want[@]}"; do
    [[ " ${ALL_SERVICES[*]} " == *" $w "* ]] ||
      die "unknown service '$w' (known: ${ALL_SERVICES[*]})"
  done
  SELECTED=()
  for s in "${ALL_SERVICES[@]}"; do
    [[ " ${want[*]} " == *" $s "* ]] && SELECTED+=("$s")
  done
  return 0
}

take_lock() {
  mkdir -p "$SERVICES_DIR" "$RUN_DIR" "$LOG_DIR" "$CACHE_DIR"
  exec 9>"$SERVICES_DIR/.lock"
  flock -w 900 9 || die "another services.sh holds $SERVICES_DIR/.lock"
}

# The env file lists exactly the services that answer now, in a fixed order.
write_env() {
  local s lines=()
  for s in "${ALL_SERVICES[@]}"; do
    if "$(fn "$s" running)"; then lines+=("$("$(fn "$s" env)")"); fi
  done
  if ((${#lines[@]})); then
    printf '%s\n' "${lines[@]}" >"$ENV_FILE.tmp"
    mv "$ENV_FILE.tmp" "$ENV_FILE"
  else
    rm -f "$ENV_FILE"
  fi
}

cmd_up() {
  pick_services "$@"
  take_lock
  # Whatever happens below, the env file ends up naming exactly the servers that answer.
  trap write_env EXIT
  local s pkgs=() took=()
  for s in "${SELECTED[@]}"; do
    # shellcheck disable=SC2207
    pkgs+=($("$(fn "$s" packages)"))
  done
  if ((${#pkgs[@]})); then
    # shellcheck disable=SC2207
    pkgs=($(printf '%s\n' "${pkgs[@]}" | sort -u))
    apt_install "${pkgs[@]}"
  fi
  for s in "${SELECTED[@]}"; do
    local t0=$SECONDS
    "$(fn "$s" prepare)"
    "$(fn "$s" up)"
    took+=("$s $((SECONDS - t0)) s")
  done
  write_env
  log "up: ready in $(printf '%s, ' "${took[@]}" | sed 's/, $//')"
  echo "Listening (127.0.0.1 only):"
  for s in "${SELECTED[@]}"; do echo "  $("$(fn "$s" where)")"; done
  echo "Env file: $ENV_FILE"
  sed 's/^/  /' "$ENV_FILE"
}

cmd_down() {
  local purge=0 args=()
  for a in "$@"; do
    if [[ "$a" == --purge ]]; then purge=1; else args+=("$a"); fi
  done
  pick_services "${args[@]+"${args[@]}"}"
  take_lock
  local s i
  # Stop in reverse order of start.
  for ((i = ${#SELECTED[@]} - 1; i >= 0; i--)); do "$(fn "${SELECTED[i]}" down)"; done
  if ((purge)); then
    for s in "${SELECTED[@]}"; do
      case "$s" in
      postgres) rm -rf "$PG_DATA" "$PG_LOG" ;;
      redis) rm -rf "$REDIS_DIR" "$REDIS_LOG" ;;
      redis-cluster) redis_cluster_purge ;;
      kafka) rm -rf "$KAFKA_DIR" "$KAFKA_LOG" ;;
      ferretdb) rm -rf "$FERRETDB_DIR" "$FERRETDB_LOG" ;;
      prometheus) prometheus_purge ;;
      esac
      log "$s: data purged"
    done
  fi
  write_env
  log "down: stopped ${SELECTED[*]}"
}

cmd_status() {
  pick_services "$@"
  local s rc=0
  for s in "${SELECTED[@]}"; do
    if "$(fn "$s" running)"; then
      echo "running  $("$(fn "$s" where)")"
    else
      echo "stopped  $s"
      rc=3
    fi
  done
  [[ -s "$ENV_FILE" ]] && echo "env file: $ENV_FILE"
  return "$rc"
}

cmd_env() {
  [[ -s "$ENV_FILE" ]] || die "no $ENV_FILE: no service is up (run: $0 up)"
  cat "$ENV_FILE"
}

main() {
  local cmd="${1:-}"
  (($#)) && shift
  case "$cmd" in
  up) cmd_up "$@" ;;
  down) cmd_down "$@" ;;
  status) cmd_status "$@" ;;
  env) cmd_env ;;
  kafka-admin)
    (($#)) || usage 2
    [[ -f "$KAFKA_LIBS/.complete" ]] || die "Kafka jars not fetched yet (run: $0 up kafka)"
    kafka_admin "$@"
    ;;
  -h | --help | help) usage 0 ;;
  *) usage 2 ;;
  esac
}

main "$@"
