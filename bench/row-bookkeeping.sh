#!/usr/bin/env bash
# What each stored row costs the dashboard's aggregates and the meters as the list of targets grows
# (RowBookkeepingBenchmark): the three workers' 27 perspectives on 16 to 256 targets, 40 findings a row. Prints per
# count the mean milliseconds a row spends in each, after one warm-up row per (worker, perspective, target).
#
#   bench/row-bookkeeping.sh [counts]      counts: comma-separated target counts (default 16,64,128,256)
set -euo pipefail
cd "$(dirname "$0")/.."
counts=${1:-16,64,128,256}
./mvnw -q -B -ntp test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
# the application's JIT and collector (bin/jvm-options); a larger heap, as 256 targets' results of 27 perspectives are
# more than the shipped 144 MB hold with their findings
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx1g -cp "$classpath" -Dlogging.level.root=WARN \
  dev.autocoder.workers.bench.RowBookkeepingBenchmark "$counts" 2> >(grep -v ' DEBUG ' >&2) | grep -v ' INFO '
