#!/usr/bin/env bash
# Analysis benchmark: for each corpus of ../shared/bench/corpora.sh, the cold, warm and one-file-changed time
# of every perspective and PMD alone (AnalysisBenchmark, a fresh JVM per corpus), and code-quality's first row
# cold and warm after a restart (two fresh JVMs on one store: the disk cache); then the peak RSS of the
# whole application running every perspective on the largest corpus.
#
#   bench/analysis.sh [corpus ...]      default: small medium large
#   RATIO_RUNS=5 bench/analysis.sh large   the cold code-quality / PMD alone ratio measured 5 times (default 3, 0: not
#                                      again), each in fresh JVMs, with its median: one run's ratio wanders on 2 cores
#   PMD_RULE_TIMES=1 bench/analysis.sh large   also PMD's own timing report (what its CLI's --benchmark prints:
#                                      per rule, parsing, type resolution) and PMD's wall and CPU time on the corpus
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
corpora=target/corpora
# the defaults every launch path uses (bin/jvm-options, a java argument file); override to compare others
JVM_FLAGS=${JVM_FLAGS:-@bin/jvm-options}
APP_FLAGS=${APP_FLAGS:-}

MVN="$PWD/mvnw" bash "$shared/bench/corpora.sh" "$corpora"
./mvnw -q -B -ntp package -DskipTests
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

for corpus in "${@:-small medium large}"; do
  for c in $corpus; do
    java -cp "$classpath" -Dlogging.level.root=WARN dev.autocoder.workers.bench.AnalysisBenchmark "$corpora/$c"
    # code-quality's first row cold, then after a restart on the same store (its disk cache)
    java -cp "$classpath" -Dlogging.level.root=WARN dev.autocoder.workers.bench.AnalysisBenchmark "$corpora/$c" restart
    # the code-quality / PMD alone ratio again, RATIO_RUNS times in fresh JVMs, and its median
    if [ "${RATIO_RUNS:-3}" -gt 0 ]; then
      java -cp "$classpath" -Dlogging.level.root=WARN dev.autocoder.workers.bench.AnalysisBenchmark "$corpora/$c" ratio "${RATIO_RUNS:-3}"
    fi
    if [ -n "${PMD_RULE_TIMES:-}" ]; then
      java -cp "$classpath" -Dlogging.level.root=WARN dev.autocoder.workers.bench.AnalysisBenchmark "$corpora/$c" pmd-rules
    fi
  done
done

# Peak RSS of the real application: one full rotation (six perspectives) plus a warm one on the largest corpus.
store=$(mktemp -d)
log=$(mktemp)
MALLOC_ARENA_MAX=2 java $JVM_FLAGS -jar target/autocoder-workers-*-exec.jar $APP_FLAGS --server.port=0 --logging.level.root=WARN \
  --autocoder.target.path="$corpora/large" --autocoder.store.path="$store" \
  --autocoder.workers.analysis.period=1s --autocoder.workers.analysis.delay=0 \
  --autocoder.analysis.osv-url=http://127.0.0.1:9/v1/querybatch >"$log" 2>&1 &
pid=$!
rows=0
for _ in $(seq 1 600); do
  sleep 1
  rows=$( (cat "$store"/local/autocoder-analysis-results/data/*/*/*/*.jsonl 2>/dev/null || true) | wc -l)
  [ "$rows" -ge 12 ] && break
done
peak=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
kill $pid; wait $pid 2>/dev/null || true
echo
errors=$( (cat "$store"/local/autocoder-analysis-results/data/*/*/*/*.jsonl 2>/dev/null || true) | grep -c '"status":"error"' || true)
echo "Whole application on corpus large, $rows rows written ($errors error rows), JVM flags: $JVM_FLAGS, settings: $APP_FLAGS, MALLOC_ARENA_MAX=2"
echo "Peak RSS (VmHWM): $((peak / 1024)) MB"
rm -rf "$store" "$log"
