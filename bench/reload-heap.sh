#!/usr/bin/env bash
# Do reloads leak? Reloads the insurance segment RELOADS times through POST
# /segments/insurance/reload, each time with different file content (so each one compiles, passes
# the gates and is promoted), and after a full GC reads the heap, metaspace, loaded classes and the
# live Drools knowledge bases every SNAPSHOT reloads. With the watcher off only the POSTs reload.
#
#   bench/reload-heap.sh                     # 20 warm-up reloads, then 1,000, a snapshot every 250
#   RELOADS=200 SNAPSHOT=50 bench/reload-heap.sh
#
# Needs target/quarkus-app (./mvnw -B package -DskipTests) and a JDK's jcmd and jstat.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

RELOADS=${RELOADS:-1000}
SNAPSHOT=${SNAPSHOT:-250}
WARMUP=${WARMUP:-20}

require_jar
make_work_dir
RULES=$(copy_rules)
start_service "$RULES" -Dleadrouter.rules.watch=false
DRL=$RULES/insurance/routing.drl
cp "$DRL" "$BENCH_WORK/routing.drl"
echo "service on $BASE (pid $SERVICE_PID); $(machine_load); history kept per segment: 5 (default)"

# One reload with content no earlier reload had.
reload() {
  { cat "$BENCH_WORK/routing.drl"; printf '// reload %s\n' "$1"; } > "$BENCH_WORK/next.drl"
  mv "$BENCH_WORK/next.drl" "$DRL"
  curl -s "${AUTH[@]}" -X POST "$BASE/segments/insurance/reload" | grep -q '"result":"PROMOTED"' || FAILED=$((FAILED + 1))
}

# After two full GCs: heap used, metaspace used, classes loaded, live knowledge bases and rules.
snapshot() {
  local heap metaspace classes histogram
  read -r heap metaspace <<< "$(heap_after_gc)"
  classes=$(jstat -class "$SERVICE_PID" | awk 'NR == 2 { print $1 - $3 }')
  histogram=$(jcmd "$SERVICE_PID" GC.class_histogram)
  printf '%-22s heap used %7d KiB   metaspace %7d KiB   classes %6d   knowledge bases %3d   rules %5d\n' \
    "$1" "$heap" "$metaspace" "$classes" \
    "$(awk '$4 == "org.drools.core.impl.KnowledgeBaseImpl" { print $2 }' <<< "$histogram")" \
    "$(awk '$4 == "org.drools.base.definitions.rule.impl.RuleImpl" { print $2 }' <<< "$histogram")"
}

FAILED=0
for i in $(seq 1 "$WARMUP"); do reload "warm-up $i"; done
snapshot "after $WARMUP warm-up"
START=$(now_ms)
for i in $(seq 1 "$RELOADS"); do
  reload "$i"
  ((i % SNAPSHOT)) || snapshot "after $i reloads"
done
echo "$RELOADS reloads in $((($(now_ms) - START) / 1000)) s (with the snapshots); not promoted: $FAILED"
echo "$(machine_load) at the end"
