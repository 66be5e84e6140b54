#!/usr/bin/env bash
# Scale-out on one machine, without Docker: a standalone Kafka broker in its own process, a MariaDB database
# and N app instances of the packaged jar on N ports, all pointed at that broker and that database.
#
#   scripts/scale-out.sh start [--fresh]   start everything and wait until every part is ready
#   scripts/scale-out.sh status            what runs, with pids, ports and health
#   scripts/scale-out.sh stop              stop everything it started (SIGTERM, then SIGKILL after a timeout)
#
# --fresh first stops what runs, empties the state folder (the broker's log, the instances' folders, the
# generated secrets; not the extracted jars) and drops and recreates the database: a blank system.
#
# The standalone broker runs the Kafka jars packed in the app's jar (the ones its embedded broker runs, extracted
# into $SCALE_OUT_DIR/lib) with kafka.Kafka as the main class; single node, KRaft, unauthenticated (PLAINTEXT).
#
# Settings (environment variables; defaults in brackets):
#   SCALE_OUT_JAR              the app's jar [target/realtime-blog.jar]; build it with ./mvnw -DskipTests package
#   SCALE_OUT_DIR              state, logs and pids [target/scale-out]
#   SCALE_OUT_PORTS            the instances' HTTP ports, one instance per port ["8081 8082"]
#   SCALE_OUT_KAFKA_PORT       the broker's client port on 127.0.0.1 [19092]
#   SCALE_OUT_CONTROLLER_PORT  its KRaft controller port [19093]
#   SCALE_OUT_DATABASE         the MariaDB database, created if missing [scaleout]
#   SCALE_OUT_DB_HOST / SCALE_OUT_DB_PORT / SCALE_OUT_DB_USER / SCALE_OUT_DB_PASSWORD  [127.0.0.1 / 3306 / root / ""]
#   SCALE_OUT_APP_JAVA_OPTS    JVM options of each instance [-Xmx512m]
#   SCALE_OUT_KAFKA_JAVA_OPTS  JVM options of the broker [-Xmx384m]
#   SCALE_OUT_START_TIMEOUT    seconds to wait for each part to become ready [300]
#   SCALE_OUT_STOP_TIMEOUT     seconds between SIGTERM and SIGKILL [20]
#   KAFKA_BOOTSTRAP_SERVERS    set: use that Kafka cluster and start no broker
#   SPRING_DATASOURCE_URL      set: use that database (with SPRING_DATASOURCE_USERNAME/_PASSWORD) and create none
#   BLOG_AUTH_JWT_SECRET       shared by every instance; generated once into $SCALE_OUT_DIR/jwt-secret if unset
#   BLOG_ADMIN_EMAIL / BLOG_ADMIN_PASSWORD  the first ADMIN, created by the first instance on an empty database;
#                              the password is generated once into $SCALE_OUT_DIR/admin-password if unset
# Any other variable the app reads (BLOG_*, SPRING_*, MANAGEMENT_*) is passed to every instance as it is.
#
# Layout: $SCALE_OUT_DIR/lib/ (the jars from the app's jar), $SCALE_OUT_DIR/kafka/{server.properties,data/,kafka.log,kafka.pid},
#         $SCALE_OUT_DIR/app<N>/{data/,app.log,app.pid} for the N-th port of SCALE_OUT_PORTS.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$(realpath -m "${SCALE_OUT_JAR:-$ROOT/target/realtime-blog.jar}")
DIR=$(realpath -m "${SCALE_OUT_DIR:-$ROOT/target/scale-out}")
read -r -a PORTS <<< "${SCALE_OUT_PORTS:-8081 8082}"
KAFKA_PORT=${SCALE_OUT_KAFKA_PORT:-19092}
CONTROLLER_PORT=${SCALE_OUT_CONTROLLER_PORT:-19093}
DATABASE=${SCALE_OUT_DATABASE:-scaleout}
DB_HOST=${SCALE_OUT_DB_HOST:-127.0.0.1}
DB_PORT=${SCALE_OUT_DB_PORT:-3306}
DB_USER=${SCALE_OUT_DB_USER:-root}
DB_PASSWORD=${SCALE_OUT_DB_PASSWORD:-}
APP_JAVA_OPTS=${SCALE_OUT_APP_JAVA_OPTS:--Xmx512m}
KAFKA_JAVA_OPTS=${SCALE_OUT_KAFKA_JAVA_OPTS:--Xmx384m}
START_TIMEOUT=${SCALE_OUT_START_TIMEOUT:-300}
STOP_TIMEOUT=${SCALE_OUT_STOP_TIMEOUT:-20}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# Every process started here carries this in its command line, so stop never signals a recycled pid.
MARKER="-Dscaleout.home=$DIR"

log() { printf '%s scale-out: %s\n' "$(date +%T)" "$*" >&2; }
die() { log "$*"; exit 1; }

# --- processes -----------------------------------------------------------------------------------------------

# The pid in a pid file if that process still runs and is one of ours; empty otherwise.
running_pid() {
    local pid
    [[ -f $1 ]] || return 0
    pid=$(<"$1")
    if [[ -n $pid && -r /proc/$pid/cmdline ]] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$MARKER "; then
        echo "$pid"
    fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# SIGTERM to every pid, then SIGKILL to those still alive after STOP_TIMEOUT seconds.
terminate() {
    local pid deadline=$((SECONDS + STOP_TIMEOUT)) alive
    (($# == 0)) && return 0
    kill -TERM "$@" 2>/dev/null || true
    while ((SECONDS < deadline)); do
        alive=()
        for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
        ((${#alive[@]} == 0)) && return 0
        sleep 0.2
    done
    log "still running after ${STOP_TIMEOUT}s, sending SIGKILL to ${alive[*]}"
    kill -KILL "${alive[@]}" 2>/dev/null || true
}

# Polls "$2" (a command) until it succeeds; fails early when the process in pid file $1 has exited.
await_ready() {
    local pidfile=$1 what=$2 logfile=$3 check=$4 deadline=$((SECONDS + START_TIMEOUT))
    until eval "$check"; do
        if [[ -z $(running_pid "$pidfile") ]]; then
            tail -n 40 "$logfile" >&2 || true
            die "$what exited during start (log: $logfile)"
        fi
        if ((SECONDS >= deadline)); then
            tail -n 40 "$logfile" >&2 || true
            die "$what not ready after ${START_TIMEOUT}s (log: $logfile)"
        fi
        sleep 0.2
    done
}

# --- Kafka ---------------------------------------------------------------------------------------------------

# The same settings as the app's embedded broker (BrokerConfig): one node, loopback only, small machine; but
# without its authentication (PLAINTEXT): any local process may produce and consume. For trying and testing only;
# docs/operations.md shows the SASL/TLS settings for a real cluster.
write_kafka_config() {
    local kdir=$DIR/kafka
    mkdir -p "$kdir/data"
    cat > "$kdir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$kdir/data
metadata.log.dir=$kdir/data
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
share.coordinator.state.topic.num.partitions=1
group.initial.rebalance.delay.ms=0
log.cleaner.dedupe.buffer.size=16777216
broker.session.timeout.ms=3000
broker.heartbeat.interval.ms=1000
EOF
    # The jar's Logback would log everything at DEBUG without a configuration.
    cat > "$kdir/logback.xml" <<'EOF'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
  </appender>
  <logger name="kafka.server.BrokerServer" level="INFO"/>
  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
  <root level="WARN"><appender-ref ref="out"/></root>
</configuration>
EOF
}

# The jars packed in the app's jar (Kafka's among them), extracted once per jar into $DIR/lib: a plain
# classpath starts the broker with about half the CPU that running it from inside the jar takes.
extract_lib() {
    local lib=$DIR/lib stamp
    stamp=$(stat -c '%s %Y' "$JAR")
    [[ -f $lib/.stamp && $(<"$lib/.stamp") == "$stamp" ]] && return 0
    log "extracting the Kafka jars from $JAR into $lib"
    rm -rf "$lib"
    mkdir -p "$lib"
    if command -v unzip > /dev/null; then
        unzip -q -j "$JAR" 'BOOT-INF/lib/*' -d "$lib"
    else
        (cd "$lib" && "${JAVA_HOME:+$JAVA_HOME/bin/}jar" xf "$JAR" BOOT-INF/lib && mv BOOT-INF/lib/* . && rm -r BOOT-INF)
    fi
    echo "$stamp" > "$lib/.stamp"
}

kafka_java() {
    local main=$1
    shift
    "$JAVA" $KAFKA_JAVA_OPTS "$MARKER" -Dlogback.configurationFile="$DIR/kafka/logback.xml" -cp "$DIR/lib/*" \
        "$main" "$@"
}

start_kafka() {
    local kdir=$DIR/kafka cluster_id
    port_in_use "$KAFKA_PORT" && die "port $KAFKA_PORT (Kafka) is in use"
    port_in_use "$CONTROLLER_PORT" && die "port $CONTROLLER_PORT (Kafka controller) is in use"
    [[ -f $JAR ]] || die "no $JAR: build it with ./mvnw -B -DskipTests package"
    extract_lib
    write_kafka_config
    if [[ ! -f $kdir/data/meta.properties ]]; then
        # A Kafka cluster id: 16 random bytes, base64url without padding.
        cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
        log "formatting Kafka storage in $kdir/data (cluster $cluster_id)"
        kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$kdir/server.properties" \
            --ignore-formatted > "$kdir/format.log" 2>&1 || { cat "$kdir/format.log" >&2; die "Kafka format failed"; }
    fi
    : > "$kdir/kafka.log"
    nohup "$JAVA" $KAFKA_JAVA_OPTS "$MARKER" -Dlogback.configurationFile="$kdir/logback.xml" -cp "$DIR/lib/*" \
        kafka.Kafka "$kdir/server.properties" > "$kdir/kafka.log" 2>&1 < /dev/null &
    echo $! > "$kdir/kafka.pid"
    disown
    await_ready "$kdir/kafka.pid" "Kafka" "$kdir/kafka.log" "grep -q 'Kafka Server started' '$kdir/kafka.log'"
    log "Kafka ready on 127.0.0.1:$KAFKA_PORT (pid $(<"$kdir/kafka.pid"))"
}

# --- database ------------------------------------------------------------------------------------------------

mariadb_client() {
    local client
    client=$(command -v mariadb || command -v mysql) || die "no mariadb (or mysql) client to create the database"
    MYSQL_PWD=$DB_PASSWORD "$client" -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" "$@"
}

ensure_database() {
    [[ $DATABASE =~ ^[A-Za-z0-9_]+$ ]] || die "database name '$DATABASE': letters, digits and _ only"
    mariadb_client -e "create database if not exists \`$DATABASE\`" || die "cannot reach MariaDB at $DB_HOST:$DB_PORT"
}

# --- app instances -------------------------------------------------------------------------------------------

secret_file() {
    [[ -f $1 ]] || (umask 077 && eval "$2" > "$1")
    cat "$1"
}

start_apps() {
    local i port adir jwt admin_password bootstrap url user password
    [[ -f $JAR ]] || die "no $JAR: build it with ./mvnw -B -DskipTests package"
    for port in "${PORTS[@]}"; do port_in_use "$port" && die "port $port is in use"; done
    bootstrap=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$KAFKA_PORT}
    url=${SPRING_DATASOURCE_URL:-jdbc:mariadb://$DB_HOST:$DB_PORT/$DATABASE}
    user=${SPRING_DATASOURCE_USERNAME:-$DB_USER}
    password=${SPRING_DATASOURCE_PASSWORD:-$DB_PASSWORD}
    # Tokens issued by one instance must be valid on every other one.
    jwt=${BLOG_AUTH_JWT_SECRET:-$(secret_file "$DIR/jwt-secret" 'head -c 32 /dev/urandom | base64')}
    admin_password=${BLOG_ADMIN_PASSWORD:-$(secret_file "$DIR/admin-password" 'head -c 12 /dev/urandom | base64')}
    for i in "${!PORTS[@]}"; do
        port=${PORTS[$i]}
        adir=$DIR/app$((i + 1))
        mkdir -p "$adir/data"
        : > "$adir/app.log"
        # Each instance gets its own data folder; the database, Kafka and the secrets are shared.
        PORT=$port BLOG_DATA_DIR=$adir/data KAFKA_BOOTSTRAP_SERVERS=$bootstrap \
            SPRING_DATASOURCE_URL=$url SPRING_DATASOURCE_USERNAME=$user SPRING_DATASOURCE_PASSWORD=$password \
            BLOG_AUTH_JWT_SECRET=$jwt BLOG_ADMIN_EMAIL=${BLOG_ADMIN_EMAIL:-admin@localhost} \
            BLOG_ADMIN_PASSWORD=$admin_password \
            nohup "$JAVA" $APP_JAVA_OPTS "$MARKER" -jar "$JAR" > "$adir/app.log" 2>&1 < /dev/null &
        echo $! > "$adir/app.pid"
        disown
        log "instance $((i + 1)) starting on port $port (pid $!, log $adir/app.log)"
    done
    for i in "${!PORTS[@]}"; do
        port=${PORTS[$i]}
        adir=$DIR/app$((i + 1))
        # Ready: database, Kafka (topic present) and outbox all UP; the WebSocket endpoint opens only after the
        # instance's event stream has caught up with the topic.
        await_ready "$adir/app.pid" "instance $((i + 1))" "$adir/app.log" \
            "curl -fs -o /dev/null --max-time 2 http://127.0.0.1:$port/actuator/health"
        log "instance $((i + 1)) ready on http://127.0.0.1:$port (ws://127.0.0.1:$port/ws)"
    done
}

# --- commands ------------------------------------------------------------------------------------------------

cmd_stop() {
    local adir pids=() pid
    for adir in "$DIR"/app*; do
        pid=$(running_pid "$adir/app.pid")
        if [[ -n $pid ]]; then pids+=("$pid"); fi
    done
    # Instances first: on SIGTERM they close their sockets with 1012 and hand over the outbox relay.
    if ((${#pids[@]} > 0)); then
        log "stopping instances (pids ${pids[*]})"
        terminate "${pids[@]}"
    fi
    pid=$(running_pid "$DIR/kafka/kafka.pid")
    if [[ -n $pid ]]; then
        log "stopping Kafka (pid $pid)"
        terminate "$pid"
    fi
    rm -f "$DIR"/app*/app.pid "$DIR/kafka/kafka.pid"
    log "stopped"
}

cmd_start() {
    local began=$SECONDS fresh=false adir
    [[ ${1:-} == --fresh ]] && fresh=true
    [[ $fresh == true ]] && cmd_stop
    [[ -n $(running_pid "$DIR/kafka/kafka.pid") ]] && die "already running (scripts/scale-out.sh stop first)"
    for adir in "$DIR"/app*; do
        [[ -n $(running_pid "$adir/app.pid") ]] && die "already running (scripts/scale-out.sh stop first)"
    done
    if [[ $fresh == true ]]; then
        # Everything but the extracted jars.
        [[ -d $DIR ]] && find "$DIR" -mindepth 1 -maxdepth 1 ! -name lib -exec rm -rf {} +
        if [[ -z ${SPRING_DATASOURCE_URL:-} ]]; then
            [[ $DATABASE =~ ^[A-Za-z0-9_]+$ ]] || die "database name '$DATABASE': letters, digits and _ only"
            log "dropping database $DATABASE"
            mariadb_client -e "drop database if exists \`$DATABASE\`"
        fi
    fi
    mkdir -p "$DIR"
    # A failed start leaves nothing running.
    trap 'rc=$?; trap - EXIT; ((rc == 0)) || cmd_stop; exit $rc' EXIT
    if [[ -z ${KAFKA_BOOTSTRAP_SERVERS:-} ]]; then
        start_kafka
    else
        log "using the Kafka cluster at $KAFKA_BOOTSTRAP_SERVERS"
    fi
    if [[ -z ${SPRING_DATASOURCE_URL:-} ]]; then
        ensure_database
        log "database $DATABASE ready at $DB_HOST:$DB_PORT"
    else
        log "using the database at $SPRING_DATASOURCE_URL"
    fi
    start_apps
    trap - EXIT
    local where=$DIR/admin-password
    [[ -n ${BLOG_ADMIN_PASSWORD:-} ]] && where=BLOG_ADMIN_PASSWORD
    log "all up in $((SECONDS - began)) s; admin ${BLOG_ADMIN_EMAIL:-admin@localhost}, password in $where" \
        "(used only if the database had no user yet)"
}

cmd_status() {
    local pid i port adir health all=0
    pid=$(running_pid "$DIR/kafka/kafka.pid")
    if [[ -n $pid ]]; then
        echo "kafka      pid $pid  127.0.0.1:$KAFKA_PORT"
    else
        echo "kafka      not running${KAFKA_BOOTSTRAP_SERVERS:+ (instances use $KAFKA_BOOTSTRAP_SERVERS)}"
        [[ -z ${KAFKA_BOOTSTRAP_SERVERS:-} ]] && all=1
    fi
    for i in "${!PORTS[@]}"; do
        port=${PORTS[$i]}
        adir=$DIR/app$((i + 1))
        pid=$(running_pid "$adir/app.pid")
        if [[ -n $pid ]]; then
            health=$(curl -s --max-time 2 "http://127.0.0.1:$port/actuator/health" | grep -o '"status":"[A-Z_]*"' | head -1 || true)
            echo "instance $((i + 1)) pid $pid  http://127.0.0.1:$port  ${health:-no answer}"
            [[ $health == '"status":"UP"' ]] || all=1
        else
            echo "instance $((i + 1)) not running (port $port)"
            all=1
        fi
    done
    return $all
}

case ${1:-} in
    start) shift; cmd_start "$@" ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
