#!/usr/bin/env bash
# Restart benchmark: how long a restart on a long history takes before the dashboard answers with its aggregates,
# the first time (no checkpoint: every row of the history is read and every data file checked) and the next time
# (the aggregates' checkpoint written at shutdown, and the data files checked by the previous start).
#
#   bench/restart.sh                    # 30,000 analysis rows
#   SIZE=100000 bench/restart.sh
#
# The rows are real-shaped: BenchmarkRowSeeder (src/test) runs every analysis perspective once on the target and
# appends the rows through the real RowFactory and DatasetStore. The seeded data files are then dated two days back,
# as a history written over days is: a restart reads again the files changed in the hour before its checkpoint.
# Only loopback is used; every run stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${SIZE:-30000}
PORT=${PORT:-18081}
TARGET=${TARGET:-$PWD}
WORK=target/bench
STORE="$WORK/restart-store-$SIZE"

. bench/seeded-app.sh

if [ ! -f "$STORE/.seeded" ]; then
  echo "== seeding $SIZE rows into $STORE"
  rm -rf "$STORE"
  java -cp "$CLASSPATH" dev.autocoder.workers.worker.BenchmarkRowSeeder "$STORE" "$TARGET" "$SIZE" | tail -1
  touch "$STORE/.seeded"
fi
find "$STORE" -name '*.jsonl' -exec touch -d '2 days ago' {} +
rm -rf "$STORE/.state/checked" "$STORE"/.state/dashboard-*.json

start() { # label
  local started log="$WORK/restart-$1.log"
  started=$(date +%s%N)
  java -jar "$JAR" --server.port="$PORT" --autocoder.store.path="$STORE" --autocoder.target.path="$TARGET" \
    --autocoder.workers.enabled=analysis --autocoder.workers.analysis.period=1h --autocoder.workers.analysis.delay=1h \
    > "$log" 2>&1 &
  APP_PID=$!
  # /api/status answers once the analysis worker's aggregate is rebuilt (a request waits for it)
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$PORT/api/status" 2>/dev/null | grep -q '"iterations":[1-9]'; then break; fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application exited; see $log"; exit 1; }
    sleep 0.25
  done
  printf '| %-34s | %8s ms | %s\n' "$1" "$(( ($(date +%s%N) - started) / 1000000 ))" \
    "$(grep -o 'rebuilt from [0-9]* rows in [0-9]* ms' "$log" | head -1)" | tee -a "$WORK/restart-summary.md"
  stop_app
}

: > "$WORK/restart-summary.md"
echo "== $SIZE rows, $(du -sh "$STORE" --exclude=.state | cut -f1) of data files"
start "first start (no checkpoint)"
start "restart (checkpoint at shutdown)"
ls -la "$STORE/.state" | grep -E 'dashboard-|checked' || true
echo
echo "| start                              | /api/status with rows | aggregate rebuild"
cat "$WORK/restart-summary.md"
echo "(cores: $(nproc))"
