# Sourced by the benchmarks that seed a store with BenchmarkRowSeeder and start the packaged application on it
# (dashboard-load.sh, restart.sh): builds both, sets JAR and CLASSPATH, and stops the application ($APP_PID) on exit.
# Expects WORK (a folder under target/) to be set.
mkdir -p "$WORK"
echo "== building"
./mvnw -B -q -DskipTests package
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt"
JAR=$(ls target/autocoder-workers-*-exec.jar)
CLASSPATH="target/test-classes:target/classes:$(cat "$WORK/classpath.txt")"

APP_PID=""
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap stop_app EXIT
