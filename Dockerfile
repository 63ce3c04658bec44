# Multi-stage build: Maven (through the wrapper) builds the runnable jar; a JRE runs it as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
# UID 1000, as Hugging Face Spaces run containers (the base image's own user with that id makes way)
# curl for the HEALTHCHECK, installed only if the base image lacks it
RUN (userdel --remove ubuntu 2>/dev/null || true) \
 && useradd --uid 1000 --create-home --home-dir /home/autocoder autocoder \
 && mkdir -p /workspace /data && chown autocoder /workspace /data \
 && (command -v curl >/dev/null 2>&1 || (apt-get update -qq \
     && apt-get install -y -qq --no-install-recommends curl && rm -rf /var/lib/apt/lists/*))
# Python targets: python3 and ruff, pinned (autocoder.python.ruff-path defaults to ruff on the PATH)
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 python3-venv \
 && rm -rf /var/lib/apt/lists/* \
 && python3 -m venv /opt/python-tools \
 && /opt/python-tools/bin/pip install --no-cache-dir ruff==0.17.4 coverage==7.6.12 \
 && ln -s /opt/python-tools/bin/ruff /usr/local/bin/ruff && ln -s /opt/python-tools/bin/coverage /usr/local/bin/coverage
WORKDIR /home/autocoder
COPY --from=build /src/target/autocoder-workers-*-exec.jar /app/autocoder-workers.jar
# the JVM settings every launch path shares (a java argument file): under 350 MB RSS, see README "Memory"
COPY bin/jvm-options /app/jvm-options
USER autocoder
# server.port is honoured (SERVER_PORT or PORT); mount the repository to analyze at /workspace or set
# AUTOCODER_TARGET_GIT_URL; the dataset store lives in /data. JAVA_OPTS adds flags after bin/jvm-options'
# (a later flag wins, e.g. JAVA_OPTS=-Xmx512m).
ENV PORT=8080 \
    AUTOCODER_TARGET_PATH=/workspace \
    AUTOCODER_STORE_PATH=/data/datasets \
    AUTOCODER_TARGET_WORK_DIR=/data/checkout \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS=""
EXPOSE 8080
# /actuator/health is DOWN (503) when the store cannot be written or a running worker is stale; the start
# period covers the first, cold iterations
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS -o /dev/null "http://localhost:${SERVER_PORT:-$PORT}/actuator/health" || exit 1
ENTRYPOINT ["sh", "-c", "exec java @/app/jvm-options $JAVA_OPTS -Dserver.port=${SERVER_PORT:-$PORT} -jar /app/autocoder-workers.jar"]
