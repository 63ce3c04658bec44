#!/usr/bin/env bash
# Python benchmark: for each Python corpus of bench/python-corpora.sh, the cold and warm time of every analysis
# perspective (PythonBenchmark, a fresh JVM per corpus) against ruff alone (its own CLI, the same rule selection, the
# same files, no cache).
#
#   bench/python.sh [corpus ...]        default: requests flask click jinja2 rich
#   RUFF=bin/ruff-wasm bench/python.sh  the ruff to run (default: ruff on the PATH, else bin/ruff-wasm)
set -euo pipefail
cd "$(dirname "$0")/.."
corpora=target/pycorpora
names=("${@:-requests flask click jinja2 rich}")
bash bench/python-corpora.sh "$corpora" ${names[@]}
if [ -z "${RUFF:-}" ]; then
  if command -v ruff >/dev/null 2>&1; then RUFF=ruff; else bin/install-ruff-wasm >/dev/null; RUFF=$PWD/bin/ruff-wasm; fi
fi
./mvnw -q -B -ntp test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
for list in "${names[@]}"; do
  for name in $list; do
    java -cp "$classpath" -Dlogging.level.root=WARN dev.autocoder.workers.bench.PythonBenchmark "$corpora/$name" "$RUFF"
  done
done
