#!/usr/bin/env bash
# Hostile files (issue 12): a 20,000-line method, 10,000 nested parentheses, a huge single line and deeply nested
# classes, each next to a small file, through every analysis perspective and the test planner's Java model with
# fresh engines (HostileFilesBenchmark). Prints per case and perspective the time taken, the row's status and what
# became of the hostile file, so the per-file time budget (autocoder.analysis.file-time-budget) can be seen.
#
#   bench/hostile.sh [budget]      budget: a duration like 10s (the default) or 2s
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-10s}
./mvnw -q -B -ntp test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
# the container's settings: a small thread stack is where deep nesting overflows first
java -XX:+UseSerialGC -Xss512k -cp "$classpath" -Dlogging.level.root=WARN -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  dev.autocoder.workers.bench.HostileFilesBenchmark "$budget" 2> >(grep -v ' DEBUG ' >&2)
