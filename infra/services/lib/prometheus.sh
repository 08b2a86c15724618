# shellcheck shell=bash
# Prometheus for tests: Debian's `prometheus` (2.42 on Debian 12; it brings `promtool`, which the alert-rule
# and dashboard tests use) on 127.0.0.1:59090, data in .services/prometheus. The configuration is written on
# every start: a 1 s scrape and rule interval, the alert rules of infra/observability/prometheus/alerts.yml,
# and targets read from .services/prometheus/targets/*.json (re-read every second), so a test points it at
# a running product by writing a targets file:
#   [{"targets": ["127.0.0.1:3000"], "labels": {"job": "booking-rush-start"}}]

PROMETHEUS_PORT=59090
PROMETHEUS_DIR="$SERVICES_DIR/prometheus"
PROMETHEUS_CONF="$PROMETHEUS_DIR/prometheus.yml"
PROMETHEUS_DATA="$PROMETHEUS_DIR/data"
PROMETHEUS_TARGETS="$PROMETHEUS_DIR/targets"
PROMETHEUS_RULES="$REPO_ROOT/infra/observability/prometheus/alerts.yml"
PROMETHEUS_PID="$RUN_DIR/prometheus.pid"
PROMETHEUS_LOG="$LOG_DIR/prometheus.log"
PROMETHEUS_URL="http://$HOST:$PROMETHEUS_PORT"
PROMETHEUS_TIMEOUT="${SERVICES_PROMETHEUS_TIMEOUT:-30}"

prometheus_packages() {
  missing_pkg prometheus prometheus
  # promtool ships in the same package; name it when only it is gone.
  if command -v prometheus >/dev/null 2>&1; then missing_pkg promtool prometheus; fi
  missing_pkg curl curl
}
prometheus_prepare() { :; }

prometheus_ready() { curl -fsS --max-time 2 "$PROMETHEUS_URL/-/ready" >/dev/null; }

prometheus_running() { pid_alive "$PROMETHEUS_PID" "$PROMETHEUS_CONF" && port_open "$PROMETHEUS_PORT"; }

prometheus_up() {
  if prometheus_running; then
    log "prometheus: already running on $HOST:$PROMETHEUS_PORT"
  else
    [[ -f "$PROMETHEUS_RULES" ]] || die "prometheus: the alert rules $PROMETHEUS_RULES are missing"
    mkdir -p "$PROMETHEUS_DATA" "$PROMETHEUS_TARGETS"
    cat >"$PROMETHEUS_CONF" <<EOF
# Written by infra/services/services.sh on every start; edit the script, not this file.
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
rule_files:
  - $PROMETHEUS_RULES
scrape_configs:
  # Every target comes from a file a test writes; its labels name the job (booking-rush-<role>).
  - job_name: booking-rush
    file_sd_configs:
      - files: ['$PROMETHEUS_TARGETS/*.json']
        refresh_interval: 1s
EOF
    port_free_or_die "$PROMETHEUS_PORT" prometheus
    log "prometheus: starting on $HOST:$PROMETHEUS_PORT"
    start_bg "$PROMETHEUS_PID" "$PROMETHEUS_LOG" prometheus \
      --config.file="$PROMETHEUS_CONF" --storage.tsdb.path="$PROMETHEUS_DATA" \
      --storage.tsdb.retention.time=2d --web.listen-address="$HOST:$PROMETHEUS_PORT" \
      --web.enable-lifecycle --log.level=warn
  fi
  local deadline=$((SECONDS + PROMETHEUS_TIMEOUT))
  until prometheus_ready >/dev/null 2>&1; do
    pid_alive "$PROMETHEUS_PID" "$PROMETHEUS_CONF" ||
      die "prometheus: the process exited during startup$(log_tail "$PROMETHEUS_LOG")"
    ((SECONDS < deadline)) ||
      die "Prometheus did not answer $PROMETHEUS_URL/-/ready within $PROMETHEUS_TIMEOUT s$(log_tail "$PROMETHEUS_LOG")"
    sleep 1
  done
}

prometheus_down() { stop_pid "$PROMETHEUS_PID" "$PROMETHEUS_CONF" prometheus 20; }

prometheus_purge() { rm -rf "$PROMETHEUS_DIR" "$PROMETHEUS_LOG"; }

prometheus_env() {
  echo "PROMETHEUS_URL=$PROMETHEUS_URL"
  echo "PROMETHEUS_TARGETS_DIR=$PROMETHEUS_TARGETS"
}
prometheus_where() { echo "prometheus $HOST:$PROMETHEUS_PORT  $PROMETHEUS_URL  (targets $PROMETHEUS_TARGETS/*.json, data $PROMETHEUS_DATA, log $PROMETHEUS_LOG)"; }
