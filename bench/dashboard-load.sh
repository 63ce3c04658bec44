#!/usr/bin/env bash
# Dashboard load benchmark: wrk on loopback against / and /api/status while the analysis worker runs, with 100,
# 1,000 and 100,000 rows in the store. Prints requests/s and latency percentiles for each case.
#
#   bench/dashboard-load.sh                      # all sizes, 30 s per measurement, worker period 60 s
#   SIZES="100" DURATION=10s PERIOD=10s bench/dashboard-load.sh   # a worker that is busy all the time
#
# The rows are real-shaped: BenchmarkRowSeeder (src/test) runs every analysis perspective once on the target
# repository and appends the rows through the real RowFactory and DatasetStore. Seeded stores are kept under
# target/bench/ and reused. Only loopback is used; every run stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"100 1000 100000"}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18080}
PERIOD=${PERIOD:-60s}
TARGET=${TARGET:-$PWD}
WORK=target/bench

if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq wrk
fi

. bench/seeded-app.sh

measure() { # size path
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$2")
  echo "$out" > "$WORK/wrk-$1-$(echo "$2" | tr '/' '_').txt"
  local rps p50 p75 p90 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p75=$(echo "$out" | awk '$1=="75%" {print $2}')
  p90=$(echo "$out" | awk '$1=="90%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  printf '| %7s | %-11s | %9s | %8s | %8s | %8s | %8s | %s\n' "$1" "$2" "$rps" "$p50" "$p75" "$p90" "$p99" "${errors:-}" | tee -a "$WORK/summary.md"
}

: > "$WORK/summary.md"
for size in $SIZES; do
  store="$WORK/store-$size"
  if [ ! -f "$store/.seeded" ]; then
    echo "== seeding $size rows into $store"
    rm -rf "$store"
    java -cp "$CLASSPATH" dev.autocoder.workers.worker.BenchmarkRowSeeder "$store" "$TARGET" "$size" | tail -1
    touch "$store/.seeded"
  fi
  echo "== starting the application on $size rows ($(du -sh "$store" | cut -f1))"
  started=$(date +%s%N)
  java -jar "$JAR" --server.port="$PORT" --autocoder.store.path="$store" --autocoder.target.path="$TARGET" \
    --autocoder.workers.analysis.period="$PERIOD" --autocoder.workers.analysis.delay=1s \
    --autocoder.analysis.osv-url=http://127.0.0.1:9/v1/querybatch --autocoder.analysis.osv-timeout=1s \
    > "$WORK/app-$size.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/status"; then break; fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application exited; see $WORK/app-$size.log"; exit 1; }
    sleep 0.5
  done
  echo "   up in $(( ($(date +%s%N) - started) / 1000000 )) ms; $(grep -o 'rebuilt from [0-9]* rows in [0-9]* ms' "$WORK/app-$size.log" | head -1)"
  echo "== warming up ($WARMUP each)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$PORT/api/status" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$PORT/" > /dev/null
  echo "== measuring ($DURATION each, $THREADS threads, $CONNECTIONS connections)"
  measure "$size" /api/status
  measure "$size" /
  iterations=$(curl -fs "http://127.0.0.1:$PORT/api/status" | grep -o '"iterations":[0-9]*' | head -1)
  echo "   worker still running: $iterations"
  stop_app
done

echo
echo "| rows    | path        | req/s     | p50      | p75      | p90      | p99      |"
echo "|---------|-------------|-----------|----------|----------|----------|----------|"
cat "$WORK/summary.md"
echo "(cores: $(nproc); wrk and the application share them; raw wrk output in $WORK/)"
