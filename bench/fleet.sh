#!/usr/bin/env bash
# Many repositories in one process (issue 17, README "Fleet"). For 1, 10 and 50 targets — the corpora (small,
# medium, large) plus generated repositories (copies of the small corpus with one file changed each, so every
# target has its own id and content) — the application runs the analysis worker on all of them in one JVM and the
# script prints, after a warm-up of one rotation per target: peak RSS (VmHWM), rows per minute over the measured
# window, and the warm tick cost per target (the mean duration_ms of the rows written after the warm-up, i.e. one
# perspective on an unchanged tree whose snapshot cache is warm).
#
#   bench/fleet.sh [counts] [measure-seconds]     counts default "1 10 50", measure 120 s
# Run it on an idle machine: the figures are distorted by any other load.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
counts=${1:-1 10 50}
measure=${2:-120}
work=$root/target/fleet-bench
mkdir -p "$work"
port=18091
[[ -d target/corpora ]] || MVN="$root/mvnw" bash "${SHARED:-../shared}/bench/corpora.sh" target/corpora >/dev/null
./mvnw -q -B -ntp -DskipTests package >/dev/null
jar=$(ls target/autocoder-workers-*.jar | grep -v original | head -1)

make_targets() { # n: prints one folder per line
  local n=$1 i c
  mkdir -p "$work/repos"
  for i in $(seq 1 "$n"); do
    case $i in 1) c=small ;; 2) c=medium ;; 3) c=large ;; *) c=generated-$i ;; esac
    local dir=$work/repos/$c
    if [[ ! -d $dir ]]; then
      if [[ $c == generated-* ]]; then
        cp -r target/corpora/small "$dir"
        mkdir -p "$dir/src/main/java/gen"
        printf 'package gen;\n\npublic class Gen%s {\n    int value() { return %s; }\n}\n' "$i" "$i" >"$dir/src/main/java/gen/Gen$i.java"
      else
        cp -r "target/corpora/$c" "$dir"
      fi
      git -C "$dir" init -q && git -C "$dir" add -A
      git -C "$dir" -c user.name=bench -c user.email=bench@localhost commit -qm "target $c"
    fi
    echo "$dir"
  done
}

rows_of() { (cat "$1"/local/autocoder-analysis-results/data/*/*/*/*/*.jsonl 2>/dev/null || true) | grep -c '"iteration"' || true; }
# the fewest rows of any one target (n targets with no row yet count as 0): the warm-up waits for every target
fewest_rows() { local n=$2 d min=-1 c seen=0
  for d in "$1"/local/autocoder-analysis-results/data/*/; do
    [[ -d $d ]] || continue; seen=$((seen + 1))
    c=$( (cat "$d"*/*/*/*.jsonl 2>/dev/null || true) | grep -c '"iteration"' || true)
    ((min < 0 || c < min)) && min=$c
  done
  ((seen < n)) && min=0; echo $((min < 0 ? 0 : min)); }

echo "| targets | peak RSS | rows/min | warm tick per target (mean duration_ms) |"
echo "|---|---|---|---|"
for n in $counts; do
  store=$work/store-$n
  rm -rf "$store"
  file=$work/targets-$n.yaml
  { echo "targets:"; make_targets "$n" | sed 's/^/  - path: /'; } >"$file"
  # the shipped JVM settings, as every launch path (README, "Light by default"); HEAP=512m (say) gives a fleet more
  # heap, so more targets' PMD results stay in memory between their ticks (README, "Fleet")
  MALLOC_ARENA_MAX=2 java @bin/jvm-options ${HEAP:+-Xmx$HEAP} -jar "$jar" --autocoder.targets-file="$file" --autocoder.store.path="$store" --server.port=$port \
    --autocoder.workers.enabled=analysis --autocoder.workers.analysis.period=1s --autocoder.workers.analysis.delay=0 \
    --autocoder.fleet.threads="${THREADS:-2}" --autocoder.analysis.osv-url=http://127.0.0.1:9/v1/querybatch \
    >"$work/app-$n.log" 2>&1 &
  pid=$!
  hwm=0
  sample() { local h; h=$(awk '/VmHWM/{print $2}' "/proc/$pid/status" 2>/dev/null || echo 0); ((h > hwm)) && hwm=$h; true; }
  # warm-up: one full rotation (six perspectives) per target
  while (( $(fewest_rows "$store" "$n") < 6 )); do sleep 1; sample; kill -0 $pid || { echo "app died, see $work/app-$n.log"; exit 1; }; done
  since=$(date -u +%Y-%m-%dT%H:%M:%S); start=$(date +%s)
  while (( $(date +%s) - start < measure )); do sleep 1; sample; done
  kill $pid; wait $pid 2>/dev/null || true
  # the rows written in the measured window (by their timestamp): how many per minute, and their mean duration
  read -r count warm < <(cat "$store"/local/autocoder-analysis-results/data/*/*/*/*/*.jsonl | python3 -c '
import json, sys
since = sys.argv[1]
durations = [r["duration_ms"] for r in map(json.loads, filter(str.strip, sys.stdin)) if r["timestamp"] >= since]
print(len(durations), round(sum(durations) / len(durations)) if durations else 0)' "$since")
  printf '| %d | %d MB | %.1f | %s ms |\n' "$n" $((hwm / 1024)) "$(awk -v r="$count" -v s="$measure" 'BEGIN{print r*60/s}')" "$warm"
done
