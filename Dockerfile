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
RUN (userdel --remove ubuntu 2>/dev/null || true) \
 && useradd --uid 1000 --create-home --home-dir /home/autocoder autocoder \
 && mkdir -p /workspace /data && chown autocoder /workspace /data
WORKDIR /home/autocoder
COPY --from=build /src/target/autocoder-workers-*-exec.jar /app/autocoder-workers.jar
USER autocoder
# server.port is honoured (SERVER_PORT or PORT); mount the repository to analyze at /workspace or set
# AUTOCODER_TARGET_GIT_URL; the dataset store lives in /data.
ENV PORT=8080 \
    AUTOCODER_TARGET_PATH=/workspace \
    AUTOCODER_STORE_PATH=/data/datasets \
    AUTOCODER_TARGET_WORK_DIR=/data/checkout \
    JAVA_OPTS="-XX:+UseSerialGC -Xss512k -XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -Dserver.port=${SERVER_PORT:-$PORT} -jar /app/autocoder-workers.jar"]
