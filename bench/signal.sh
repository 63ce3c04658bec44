#!/usr/bin/env bash
# Signal benchmark: what a user sees first, before and after calibrated severities, scopes and finding groups.
# Runs the baseline build (BASELINE, default: the last commit before that work) and this build as real
# applications (analysis worker only, one full rotation) on each corpus of ../shared/bench/corpora.sh and on this
# repository itself, then prints SignalReport: per perspective the top 20 of what the row shows first, the
# severities by scope, and the share of the top 20 that are main code and not code style.
#
#   bench/signal.sh [target ...]      targets: small medium large self (default: all four)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
shared=${SHARED:-../shared}
corpora=target/corpora
baseline=${BASELINE:-d91f518}
work=target/signal

MVN="$root/mvnw" bash "$shared/bench/corpora.sh" "$corpora" >/dev/null
./mvnw -q -B -ntp package -DskipTests
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

mkdir -p "$work"
if [[ ! -f $work/baseline/target/.built-$baseline ]]; then
  rm -rf "$work/baseline"; git worktree prune
  git worktree add -q --detach "$work/baseline" "$baseline"
  (cd "$work/baseline" && ./mvnw -q -B -ntp package -DskipTests && touch "target/.built-$baseline")
fi

# Runs one build's jar on a target until every analysis perspective wrote a row; the store is $2. Rows list every
# finding (no cap), so the baseline's severities by scope cover all of its findings, not only the listed ones.
rotation() { # jar store target
  local jar=$1 store=$2 target=$3 log pid rows
  rm -rf "$store"; mkdir -p "$store"; log=$store.log
  java -XX:+UseSerialGC -Xmx512m -jar "$jar" --server.port=0 --logging.level.root=WARN \
    --autocoder.workers.enabled=analysis --autocoder.target.path="$target" --autocoder.store.path="$store" \
    --autocoder.workers.analysis.period=1s --autocoder.workers.analysis.delay=0 \
    --autocoder.analysis.max-findings-per-row=100000 \
    --autocoder.analysis.osv-url=http://127.0.0.1:9/v1/querybatch >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 900); do
    sleep 1
    rows=$( (cat "$store"/local/autocoder-analysis-results/data/*/*/*/*.jsonl 2>/dev/null || true) | wc -l)
    [ "$rows" -ge 6 ] && break
    kill -0 $pid 2>/dev/null || { echo "the application stopped; see $log" >&2; return 1; }
  done
  kill $pid; wait $pid 2>/dev/null || true
}

for name in "${@:-small medium large self}"; do
  for t in $name; do
    if [[ $t == self ]]; then target=$root; else target=$root/$corpora/$t; fi
    # the baseline does not change: its rows are kept for later runs
    if [[ ! -f $work/$t-before/.done-$baseline ]]; then
      rotation "$(ls "$work"/baseline/target/autocoder-workers-*-exec.jar)" "$root/$work/$t-before" "$target"
      touch "$work/$t-before/.done-$baseline"
    fi
    rotation "$(ls target/autocoder-workers-*-exec.jar)" "$root/$work/$t-after" "$target"
    java -cp "$classpath" -Dlogging.level.root=WARN dev.autocoder.workers.bench.SignalReport "$target" \
      "$work/$t-before" "$work/$t-after"
    echo
  done
done
