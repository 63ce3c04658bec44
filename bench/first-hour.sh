#!/usr/bin/env bash
# The first hour of a newcomer (issue 14). A fresh clone of this repository runs the README's main command
# (./mvnw -Prun) on a corpus made into a git repository, and the script prints, from the moment the command
# starts: when the HTTP port answers, each worker's first row, the first analysis row (also counted from the port,
# the issue's target: <= 30 s) and the CPU seconds the application's JVM had used by then, the end of the first full
# analysis rotation, the code-quality row's own duration, and the peak RSS (VmHWM) of the application's JVM. Then it
# starts the same command again on the same store (a restart on an unchanged repository: warm through the on-disk
# cache in the store's state folder) and prints the same figures.
# The analysis period is 10 s here (the default is 60 s) so a full rotation fits in a few minutes; the other
# workers keep their defaults.
#
#   bench/first-hour.sh [corpus]      corpus: small, medium or large (Java, default large), or a Python package of
#                                     bench/python-corpora.sh (twisted, django, ...)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
corpus=${1:-large}
work=$root/target/first-hour
case $corpus in
  small|medium|large) MVN="$root/mvnw" bash "${SHARED:-../shared}/bench/corpora.sh" target/corpora >/dev/null
    source=target/corpora/$corpus ;;
  *) bash bench/python-corpora.sh target/pycorpora "$corpus" >/dev/null
    source=target/pycorpora/$corpus ;;
esac

rm -rf "$work"; mkdir -p "$work"
git clone -q "$root" "$work/clone"
cp -r "$source" "$work/target"
rm -rf "$work/target/.git"
git -C "$work/target" init -q && git -C "$work/target" add -A
git -C "$work/target" -c user.name=bench -c user.email=bench@localhost commit -qm "corpus $corpus"
store=$work/store
port=18089
# the fresh clone's first build is not timed: Maven downloads and compiles once, as on a newcomer's machine
(cd "$work/clone" && ./mvnw -q -B -ntp -Prun -Dspring-boot.run.skip=true >/dev/null)

rows() { (cat "$store"/local/"$1"/data/*/*/*/*.jsonl 2>/dev/null || true) | grep -c '"iteration"' || true; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.0f", b-a}'; }
code_quality_ms() { # duration of the newest code-quality row, in s
  (cat "$store"/local/autocoder-analysis-results/data/*/*/*/*.jsonl 2>/dev/null || true) \
    | grep '"perspective_id":"code-quality"' | tail -1 | sed -E 's/.*"duration_ms":([0-9]+).*/\1/' \
    | awk '{printf "%.1f", $1/1000}'
}

run() { # label
  local label=$1 start pid app="" port_at="" a="" a_cpu="" t="" i="" full="" hwm=0 h base_a base_t base_i
  base_a=$(rows autocoder-analysis-results); base_t=$(rows autocoder-test-planning-results)
  base_i=$(rows autocoder-implementation-results)
  start=$(now)
  (cd "$work/clone" && exec ./mvnw -q -B -ntp -Prun -Dspring-boot.run.arguments="--autocoder.target.path=$work/target \
     --autocoder.store.path=$store --server.port=$port --autocoder.workers.analysis.period=10s") >"$work/$label.log" 2>&1 &
  pid=$!
  while kill -0 $pid 2>/dev/null; do
    sleep 0.5
    [[ -z $port_at ]] && curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health" && port_at=$(since "$start")
    if [[ -z $a && $(rows autocoder-analysis-results) -gt $base_a ]]; then
      a=$(since "$start")
      # CPU seconds (user + system) of the application's JVM at its first analysis row: on a loaded machine
      # the wall times stretch, this much less
      if [[ -n $app ]]; then
        a_cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.0f", ($14 + $15) / hz}' "/proc/$app/stat" 2>/dev/null || true)
      fi
    fi
    [[ -z $t && $(rows autocoder-test-planning-results) -gt $base_t ]] && t=$(since "$start")
    [[ -z $i && $(rows autocoder-implementation-results) -gt $base_i ]] && i=$(since "$start")
    [[ -z $full && $(rows autocoder-analysis-results) -ge $((base_a + 6)) ]] && full=$(since "$start")
    [[ -z $app ]] && app=$(pgrep -f "jvm-options.*autocoder.target.path=$work/target" | head -1 || true)
    if [[ -n $app ]]; then
      h=$(awk '/VmHWM/{print $2}' "/proc/$app/status" 2>/dev/null || echo 0); ((h > hwm)) && hwm=$h
    fi
    [[ -n $full && -n $t && -n $i ]] && break
    awk -v s="$start" -v n="$(now)" 'BEGIN{exit !(n-s>1200)}' && { echo "$label: timed out after 20 min" >&2; break; }
  done
  local after_port=""
  [[ -n $port_at && -n $a ]] && after_port=$((a - port_at))
  printf '| %s | %s s | %s s | %s s | %s CPU-s | %s s | %s s | %s s | %s s | %d MB |\n' "$label" "$port_at" "$a" \
    "$after_port" "$a_cpu" "$t" "$i" "$full" "$(code_quality_ms)" $((hwm / 1024))
  [[ -n $app ]] && kill "$app" 2>/dev/null || true
  wait $pid 2>/dev/null || true
}

echo "## First hour on the $corpus corpus ($(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| run | port answers | first analysis row | its distance from the port | JVM CPU by then | first test-planning row | first implementation row | full analysis rotation | code-quality row took | peak RSS |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
run cold
run "warm (restart)"
