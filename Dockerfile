# syntax=docker/dockerfile:1
# Realtime Blog: a production image. Build: docker build -t realtime-blog .   (docs/operations.md, "Deployment")
# No Docker engine runs on the development machine, so this file is checked by DeploymentFilesTests (ports, health
# check, exposed port), not built there.

# ---- build: JDK 25 and Node 20 (the Maven build runs npm ci / npm run build for the admin front end) ----
# The code is compiled for Java 17 (pom.xml), so the jar also runs on a JDK 17; the image runs it on 25 (below).
FROM eclipse-temurin:25-jdk-noble AS build
# Node 20 from the official image (same glibc family; avoids a third-party apt repository).
COPY --from=node:20-bookworm-slim /usr/local/bin/node /usr/local/bin/node
COPY --from=node:20-bookworm-slim /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
# The admin front end (frontend/, built into the jar by the Maven build).
COPY frontend frontend
# The AOT cache's training run (runtime stage): its script and the bench tool that puts the load on the app.
COPY scripts scripts
COPY bench bench
# The Maven and npm caches survive between builds (BuildKit cache mounts); -DskipE2e: the browser tests need a
# browser and are run by CI, not here.
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.npm \
    ./mvnw -B -ntp -DskipTests -DskipE2e package \
 && java -Djarmode=tools -jar target/realtime-blog.jar extract --layers --destination /build/extracted \
 && npm --prefix bench ci --no-audit --no-fund

# ---- runtime: JRE 25 only, with an AOT cache of the app ----
# eclipse-temurin's Ubuntu images ship curl (adoptium/containers#255), which the HEALTHCHECK and the training use.
FROM eclipse-temurin:25-jre-noble
RUN groupadd --system --gid 10001 blog \
 && useradd --system --uid 10001 --gid blog --home-dir /app --no-create-home --shell /usr/sbin/nologin blog \
 && mkdir -p /app /data && chown blog:blog /data
WORKDIR /app
# Layers from least to most often changed, so a code change re-pushes only the last one.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# The AOT cache (JEP 483 classes loaded and linked, JEP 515 method profiles; docs/operations.md "Warm-up"): the app is
# trained here, in this very image, so that the cache fits the JVM and the class path (/app/realtime-blog.jar, lib/)
# the container runs: scripts/aot-cache.sh starts it on a throw-away data folder and drives it with the bench tool
# for AOT_TRAINING_SECONDS, then assembles /app/app.aot. Node, the script and the bench tool are mounted from the
# build stage for this step only, so none of them is in the image. A cache that does not fit (another JVM, or a
# heap over 32 GB, which turns compressed pointers off) is ignored with a warning in the log: the app still starts.
ARG AOT_TRAINING_SECONDS=90
RUN --mount=type=bind,from=build,source=/build,target=/build \
    --mount=type=bind,from=build,source=/usr/local,target=/usr/local \
    AOT_APP_DIR=/app AOT_TRAINING_SECONDS=${AOT_TRAINING_SECONDS} /build/scripts/aot-cache.sh unused /tmp/aot \
 && mv /tmp/aot/app.aot /app/app.aot && rm -rf /tmp/aot
USER blog:blog
# BLOG_DATA_DIR holds the embedded defaults (H2 file, embedded broker, generated JWT secret); with an external
# database and Kafka and BLOG_AUTH_JWT_SECRET set it stays empty, but the volume keeps a single-container setup safe.
ENV PORT=8080 \
    BLOG_DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 8080
# Liveness only: the process is up. Readiness (database) is for the load balancer, see compose.yaml. /livez is on
# the main port even when MANAGEMENT_SERVER_PORT moves the actuator elsewhere.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/livez" > /dev/null || exit 1
# MaxRAMPercentage: the heap may grow to 75% of the container's memory limit (the rest for metaspace, threads,
# socket buffers and the JIT); it starts small and an idle instance gives memory back (G1PeriodicGCInterval,
# Min/MaxHeapFreeRatio: docs/operations.md "Memory"). ExitOnOutOfMemoryError: a broken JVM is restarted by the
# orchestrator instead of limping. UseG1GC: the collector the cache was made with, also on a container of 1 CPU
# (where the JVM would pick Serial). Add flags with JAVA_TOOL_OPTIONS. "doctor" as argument runs the service check.
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-XX:+UseG1GC", "-Xms32m", "-XX:MaxRAMPercentage=75", \
  "-XX:G1PeriodicGCInterval=15000", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:+ExitOnOutOfMemoryError", \
  "-jar", "/app/realtime-blog.jar"]
