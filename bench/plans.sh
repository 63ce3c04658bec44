#!/usr/bin/env bash
# Plans benchmark (issue 13): what the implementation and test-planning workers deliver on real repositories.
# Each corpus of ../shared/bench/corpora.sh is made into a git repository (one commit), and this repository is
# cloned at HEAD; on each the real application runs the analysis worker (its defaults) and the implementation worker
# (a 1 s period) until the implementation worker has written CYCLES cycles, then PlansReport
# prints the cycles, the share ending in a verified patch, the patch kinds and the real `git apply --check` of
# every verified patch at its row's commit. Then SkeletonCompileRate generates the test-planning worker's skeletons
# for the target and compiles them with javax.tools against the target's main sources and its dependencies' jars
# (a corpus: the dependencies of the artifacts its CORPUS file names, resolved by Maven without those artifacts
# themselves; this repository: its own test class path).
#
#   bench/plans.sh [target ...]      targets: small medium large self (default: all four); CYCLES=5
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/target/plans
cycles=${CYCLES:-5}
MVN="$root/mvnw" bash "${SHARED:-../shared}/bench/corpora.sh" target/corpora >/dev/null
./mvnw -q -B -ntp package -DskipTests
./mvnw -q -B -ntp test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
jar=$(ls target/autocoder-workers-*-exec.jar)
mkdir -p "$work"

repository() { # name -> path of a git repository with the target's tree
  local t=$1 repo=$work/$1/repo
  rm -rf "$work/$t"; mkdir -p "$work/$t"
  if [[ $t == self ]]; then
    git clone -q "$root" "$repo"
  else
    cp -r "target/corpora/$t" "$repo"
    git -C "$repo" init -q && git -C "$repo" add -A
    git -C "$repo" -c user.name=bench -c user.email=bench@localhost commit -qm "corpus $t"
  fi
  echo "$repo"
}

dependencies() { # corpus folder -> class path of its artifacts' dependencies, the artifacts themselves left out
  local corpus=$1 pom=$work/deps/pom.xml
  mkdir -p "$work/deps"
  { echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
    echo '<groupId>bench</groupId><artifactId>corpus-dependencies</artifactId><version>1</version><dependencies>'
    while IFS=: read -r group artifact version; do
      echo "<dependency><groupId>$group</groupId><artifactId>$artifact</artifactId><version>$version</version></dependency>"
    done < "$corpus/CORPUS"
    echo '</dependencies></project>'; } > "$pom"
  ./mvnw -q -B -ntp -f "$pom" dependency:build-classpath -Dmdep.outputFile="$work/deps/classpath.txt" >/dev/null
  tr ':' '\n' < "$work/deps/classpath.txt" \
    | { grep -v -F -f <(cut -d: -f2,3 "$corpus/CORPUS" | sed 's/:/-/; s/^/\//; s/$/.jar/') || true; } | paste -sd:
}

impl_rows() { # pattern -> implementation rows matching it
  (cat "$store"/local/autocoder-implementation-results/data/*/*/*/*.jsonl 2>/dev/null || true) | grep -c -e "$1" || true
}

for t in ${@:-small medium large self}; do
  repo=$(repository "$t")
  store=$work/$t/store
  MALLOC_ARENA_MAX=2 java @bin/jvm-options -jar "$jar" --server.port=0 --logging.level.root=WARN \
    --autocoder.workers.enabled=analysis,implementation --autocoder.target.path="$repo" \
    --autocoder.store.path="$store" --autocoder.workers.implementation.period=1s \
    --autocoder.analysis.osv-url=http://127.0.0.1:9/v1/querybatch >"$work/$t/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1800); do
    sleep 1
    # CYCLES plans, or as many rows as that would take when cycles find no task
    [ "$(impl_rows '"stage_number":6')" -ge "$cycles" ] && break
    [ "$(impl_rows '"iteration"')" -ge $((cycles * 6)) ] && break
    kill -0 $pid 2>/dev/null || { echo "the application stopped; see $work/$t/app.log" >&2; break; }
  done
  kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
  java -cp "$classpath" -Dlogging.level.root=WARN dev.autocoder.workers.bench.PlansReport "$repo" "$store" "$t"
  # the skeletons import what the classes they test import: the target's dependencies
  if [[ $t == self ]]; then extra=$(cat target/bench-classpath.txt); else extra=$(dependencies "target/corpora/$t"); fi
  java -cp "$classpath" -Dlogging.level.root=WARN dev.autocoder.workers.bench.SkeletonCompileRate "$repo" \
    "$work/$t/skeletons" "${SAMPLE:-100}" "$extra" 2>/dev/null | grep -E '^target=|^ ' | head -5
  echo
done
