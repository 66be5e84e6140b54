#!/usr/bin/env bash
# Builds an ahead-of-time cache (JDK 25: JEP 483 class loading and linking, JEP 515 method profiles) for the
# packaged app, from a training run under the bench tool's load, so that a server started with it loads its
# classes from the cache and its JIT starts from the training run's profiles instead of collecting them first.
# Measured (docs/benchmarks.md, "JDK 25 and an AOT cache"): `fanout` settles within ~90 s of the start instead of
# still compiling at 150 s; steady p99 62 ms at 0.63 cores; a write 2.8 ms of CPU instead of 5.5.
#
#   scripts/aot-cache.sh [JAR] [OUT]        (defaults: target/realtime-blog.jar, target/aot)
#
# Then run the app from the extracted jar, with the same JDK and collector (the training runs G1, as the image does,
# also where the JVM would pick another collector by itself):
#   $JAVA -XX:AOTCache=target/aot/app.aot -XX:+UseG1GC -jar target/aot/app/realtime-blog.jar
#
# Needs a JDK 25 or newer (AOT_JAVA, else JAVA_HOME, else `java` on the PATH, else /usr/lib/jvm/*-25*) and Node
# with npm for the bench tool. A cache fits one jar and one JDK: build it again after either changes (a server
# given a stale cache starts without it and logs why; -XX:AOTMode=on makes that an error instead).
# AOT_TRAINING_SECONDS (default 90) is how long the training load runs: `fanout` (2,000 staff sockets, 25 writes/s)
# for two thirds of it, then `writes` (as fast as the app answers) for the rest. AOT_PORT (default 18599).
# AOT_APP_DIR: train the app already extracted in that folder (its realtime-blog.jar with lib/ beside it) where it is,
# instead of extracting JAR into OUT/app; the cache then fits that folder only. The Dockerfile does this in the
# runtime image, so that the cache is made by the very JVM and at the very class path the container runs.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${1:-target/realtime-blog.jar}
OUT=${2:-target/aot}
SECONDS_TOTAL=${AOT_TRAINING_SECONDS:-90}
PORT=${AOT_PORT:-18599}

log() { printf '== %s\n' "$*"; }

java_major() { # java binary -> its major version, 0 if it does not run
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1 \
    || echo 0
}

find_java() {
  local candidates=()
  [[ -n ${AOT_JAVA:-} ]] && candidates+=("$AOT_JAVA")
  [[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for home in /usr/lib/jvm/*-25* /usr/lib/jvm/*25-*; do [[ -x $home/bin/java ]] && candidates+=("$home/bin/java"); done
  for candidate in "${candidates[@]}"; do
    local major
    major=$(java_major "$candidate")
    if [[ ${major:-0} -ge 25 ]]; then echo "$candidate"; return 0; fi
  done
  echo "No JDK 25 or newer found (set AOT_JAVA to its java binary); the AOT cache needs one." >&2
  return 1
}

JAVA=$(find_java)
if [[ -n ${AOT_APP_DIR:-} ]]; then
  [[ -f $AOT_APP_DIR/realtime-blog.jar ]] || { echo "$AOT_APP_DIR/realtime-blog.jar not found (AOT_APP_DIR)" >&2; exit 1; }
else
  [[ -f $JAR ]] || { echo "$JAR not found: package the app first (./mvnw -DskipTests package)" >&2; exit 1; }
fi
[[ -d bench/node_modules ]] || npm --prefix bench ci --no-audit --no-fund >/dev/null

log "JDK: $("$JAVA" -version 2>&1 | head -n1) ($JAVA)"
rm -rf "$OUT"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
# The cache records the class path, so the app runs from the extracted jar (its libraries beside it), not the
# nested jars of the executable one.
if [[ -n ${AOT_APP_DIR:-} ]]; then
  APP_JAR=$(cd "$AOT_APP_DIR" && pwd)/realtime-blog.jar
else
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$OUT/app" >/dev/null
  APP_JAR=$OUT/app/realtime-blog.jar
fi
DATA=$(mktemp -d "$OUT/training-data.XXXXXX")

log "training run on port $PORT (data in $DATA, log in $OUT/training.log)"
PORT=$PORT BLOG_DATA_DIR=$DATA BLOG_KAFKA_EMBEDDED_PORT=0 BLOG_KAFKA_EMBEDDED_CONTROLLERPORT=0 \
  BLOG_ADMIN_EMAIL=bench-admin@localhost BLOG_ADMIN_PASSWORD=bench-admin-password \
  "$JAVA" -Xmx1g -XX:+UseG1GC -XX:AOTMode=record -XX:AOTConfiguration="$OUT/app.aotconf" -jar "$APP_JAR" \
  >"$OUT/training.log" 2>&1 &
APP=$!
stop_app() {
  if kill -0 "$APP" 2>/dev/null; then
    kill -TERM "$APP"
    # The JVM writes the recorded configuration on its way out: wait for it.
    for _ in $(seq 1 180); do kill -0 "$APP" 2>/dev/null || break; sleep 1; done
  fi
  wait "$APP" 2>/dev/null || true
}
trap stop_app EXIT

for _ in $(seq 1 180); do
  kill -0 "$APP" 2>/dev/null || { echo "The app exited during its start; see $OUT/training.log" >&2; exit 1; }
  curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null || { echo "The app was not ready in 180 s" >&2; exit 1; }

# 2,000 sockets over two generator workers: a container's default soft limit of 1,024 descriptors (Docker 25 and
# newer) would be too few for node, which, unlike the JVM, does not raise it to the hard limit by itself.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
FANOUT=$((SECONDS_TOTAL * 2 / 3))
WRITES=$((SECONDS_TOTAL - FANOUT))
bench() { npm --prefix bench run --silent bench -- --url "http://127.0.0.1:$PORT" --out "$OUT/training-reports" "$@" \
  >>"$OUT/training-bench.log" 2>&1; }
log "training load: fanout for $FANOUT s, writes for $WRITES s"
bench --preset fanout --warmup $((FANOUT / 2)) --duration $((FANOUT - FANOUT / 2)) --drain 5
bench --preset writes --staff 0 --warmup 0 --duration "$WRITES" --drain 5

stop_app
trap - EXIT
[[ -s $OUT/app.aotconf ]] || { echo "The training run recorded no configuration; see $OUT/training.log" >&2; exit 1; }

log "assembling the cache"
"$JAVA" -XX:AOTMode=create -XX:AOTConfiguration="$OUT/app.aotconf" -XX:AOTCache="$OUT/app.aot" \
  -jar "$APP_JAR" >"$OUT/create.log" 2>&1 \
  || { echo "Assembling the cache failed; see $OUT/create.log" >&2; exit 1; }
rm -rf "$OUT/app.aotconf" "$DATA"

log "done: $OUT/app.aot ($(du -h "$OUT/app.aot" | cut -f1)). Run the app with it:"
echo "$JAVA -XX:AOTCache=$OUT/app.aot -XX:+UseG1GC -jar $APP_JAR"
