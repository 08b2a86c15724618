# shellcheck shell=bash
# Kafka for tests: one KRaft node (broker + controller), 127.0.0.1:59092 (controller 59093).
# The server jars come from Maven Central through Maven, cached in .services/cache/kafka-<ver>/libs.

KAFKA_VERSION="${SERVICES_KAFKA_VERSION:-4.4.0}"
KAFKA_SLF4J_VERSION=1.7.36 # the slf4j-api line the Kafka jars use; slf4j-simple is the log binding
KAFKA_PORT=59092
KAFKA_CONTROLLER_PORT=59093
KAFKA_CLUSTER_ID=Qm9va2luZ1J1c2hUZXN0cw # base64url of "BookingRushTests": 16 bytes, as Kafka wants
KAFKA_DIR="$SERVICES_DIR/kafka"
KAFKA_CONF="$KAFKA_DIR/server.properties"
KAFKA_PID="$RUN_DIR/kafka.pid"
KAFKA_LOG="$LOG_DIR/kafka.log"
KAFKA_CACHE="$CACHE_DIR/kafka-$KAFKA_VERSION"
KAFKA_LIBS="$KAFKA_CACHE/libs"
KAFKA_TIMEOUT="${SERVICES_KAFKA_TIMEOUT:-120}"
KAFKA_CHECK="$SCRIPT_DIR/lib/KafkaCheck.java"

kafka_packages() {
  missing_pkg java openjdk-17-jdk-headless
  missing_pkg javac openjdk-17-jdk-headless # the source launcher (KafkaCheck.java) needs the compiler
  missing_pkg mvn maven
}

kafka_prepare() {
  [[ -f "$KAFKA_LIBS/.complete" ]] && return 0
  log "kafka: fetching Kafka $KAFKA_VERSION jars with Maven into $KAFKA_LIBS"
  local start=$SECONDS
  mkdir -p "$KAFKA_CACHE"
  cat >"$KAFKA_CACHE/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.booking-rush</groupId>
  <artifactId>kafka-test-broker</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <!-- kafka_2.13 brings the server, raft, storage, metadata and coordinator modules -->
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-clients</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId><version>$KAFKA_SLF4J_VERSION</version></dependency>
  </dependencies>
</project>
EOF
  rm -rf "$KAFKA_LIBS" "$KAFKA_LIBS.tmp"
  (cd "$KAFKA_CACHE" && mvn -q -B -f pom.xml \
    org.apache.maven.plugins:maven-dependency-plugin:2.8:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS.tmp") >"$LOG_DIR/kafka-fetch.log" 2>&1 ||
    die "kafka: Maven could not fetch org.apache.kafka:kafka_2.13:$KAFKA_VERSION$(log_tail "$LOG_DIR/kafka-fetch.log")"
  mv "$KAFKA_LIBS.tmp" "$KAFKA_LIBS"
  touch "$KAFKA_LIBS/.complete"
  log "kafka: jars fetched in $((SECONDS - start)) s ($(find "$KAFKA_LIBS" -name '*.jar' | wc -l) jars)"
}

kafka_java() { java -cp "$KAFKA_LIBS/*" "$@"; }

# kafka_admin CMD [ARGS]: ping | list | create TOPIC [PARTITIONS] | delete TOPIC
kafka_admin() {
  local cmd="$1"
  shift
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$KAFKA_LIBS/*" "$KAFKA_CHECK" \
    "$cmd" "$HOST:$KAFKA_PORT" "$@"
}

kafka_running() { pid_alive "$KAFKA_PID" "$KAFKA_CONF" && port_open "$KAFKA_PORT"; }

kafka_write_config() {
  mkdir -p "$KAFKA_DIR/data"
  cat >"$KAFKA_CONF" <<EOF
# Written by infra/services/services.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
EOF
}

kafka_up() {
  if kafka_running; then
    log "kafka: already running on $HOST:$KAFKA_PORT"
  else
    [[ -f "$KAFKA_LIBS/.complete" ]] || die "kafka: jars missing in $KAFKA_LIBS"
    kafka_write_config
    if [[ ! -s "$KAFKA_DIR/data/meta.properties" ]]; then
      log "kafka: formatting storage (cluster id $KAFKA_CLUSTER_ID)"
      kafka_java kafka.tools.StorageTool format --ignore-formatted \
        --cluster-id "$KAFKA_CLUSTER_ID" --config "$KAFKA_CONF" >>"$KAFKA_LOG" 2>&1 ||
        die "kafka: storage format failed$(log_tail "$KAFKA_LOG")"
    fi
    port_free_or_die "$KAFKA_PORT" kafka
    port_free_or_die "$KAFKA_CONTROLLER_PORT" "kafka (controller)"
    log "kafka: starting on $HOST:$KAFKA_PORT"
    start_bg "$KAFKA_PID" "$KAFKA_LOG" java -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
      -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.showDateTime=true \
      -Dorg.slf4j.simpleLogger.dateTimeFormat="yyyy-MM-dd'T'HH:mm:ss.SSS" \
      -Dorg.slf4j.simpleLogger.defaultLogLevel=info \
      -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_CONF"
  fi
  local deadline=$((SECONDS + KAFKA_TIMEOUT)) out="port $KAFKA_PORT not accepting connections"
  until port_open "$KAFKA_PORT" && out="$(kafka_admin ping 2>&1)"; do
    pid_alive "$KAFKA_PID" "$KAFKA_CONF" ||
      die "kafka: the broker process exited during startup$(log_tail "$KAFKA_LOG" 40)"
    ((SECONDS < deadline)) ||
      die "Kafka did not answer on $HOST:$KAFKA_PORT within $KAFKA_TIMEOUT s (last check: ${out##*$'\n'})$(log_tail "$KAFKA_LOG" 40)"
    sleep 1
  done
  log "kafka: $out"
}

kafka_down() { stop_pid "$KAFKA_PID" "$KAFKA_CONF" kafka 45; }

kafka_env() { echo "TEST_KAFKA_BROKERS=$HOST:$KAFKA_PORT"; }
kafka_where() { echo "kafka     $HOST:$KAFKA_PORT  (controller $KAFKA_CONTROLLER_PORT; data $KAFKA_DIR, log $KAFKA_LOG)"; }
