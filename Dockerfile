# syntax=docker/dockerfile:1
# Realtime Blog: a production image. Build: docker build -t realtime-blog .   (docs/operations.md, "Deployment")
# No Docker engine runs on the development machine, so this file is checked by DeploymentFilesTests (ports, health
# check, exposed port), not built there.

# ---- build: JDK 17 and Node 20 (the Maven build runs npm ci / npm run build for the admin front end) ----
FROM eclipse-temurin:17-jdk-noble AS build
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
# The Maven and npm caches survive between builds (BuildKit cache mounts); -DskipE2e: the browser tests need a
# browser and are run by CI, not here.
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.npm \
    ./mvnw -B -ntp -DskipTests -DskipE2e package \
 && java -Djarmode=tools -jar target/realtime-blog.jar extract --layers --destination /build/extracted

# ---- runtime: JRE 17 only ----
# eclipse-temurin's Ubuntu images ship curl (adoptium/containers#255), which the HEALTHCHECK uses.
FROM eclipse-temurin:17-jre-noble
RUN groupadd --system --gid 10001 blog \
 && useradd --system --uid 10001 --gid blog --home-dir /app --no-create-home --shell /usr/sbin/nologin blog \
 && mkdir -p /app /data && chown blog:blog /data
WORKDIR /app
# Layers from least to most often changed, so a code change re-pushes only the last one.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
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
# orchestrator instead of limping. Add flags with JAVA_TOOL_OPTIONS. "doctor" as argument runs the service check.
ENTRYPOINT ["java", "-Xms32m", "-XX:MaxRAMPercentage=75", "-XX:G1PeriodicGCInterval=15000", \
  "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:+ExitOnOutOfMemoryError", \
  "-jar", "/app/realtime-blog.jar"]
