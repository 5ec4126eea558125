#!/usr/bin/env bash
# A 10,000-row decision table dropped into a running segment: how long the background reload
# takes, and that the old version keeps deciding (without errors) until the swap. A light wrk
# load on the segment runs in back-to-back CHUNK-second slices, so the answers' versions form a
# timeline; the table is written with Apache POI by bench/BigTable.java.
#
#   bench/big-table.sh                  # 10,000 rows, wrk -t1 -c4 in 2 s slices
#   ROWS=1000 bench/big-table.sh
#
# Needs wrk, target/quarkus-app (./mvnw -B package -DskipTests) and the project's dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

ROWS=${ROWS:-10000}
CHUNK=${CHUNK:-2}
LUA=bench/segment-leads.lua

require_wrk
require_jar
make_work_dir
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$BENCH_WORK/classpath.txt" > /dev/null
java -cp "$(cat "$BENCH_WORK/classpath.txt")" bench/BigTable.java "$BENCH_WORK/partners.drl.xlsx" "$ROWS" 2> /dev/null
RULES=$(copy_rules)
start_service "$RULES"
OLD=$(active_version insurance)
read -r HEAP_BEFORE _ <<< "$(heap_after_gc)"
echo "service on $BASE; $(machine_load); insurance $OLD; table of $ROWS rows, $(du -k "$BENCH_WORK/partners.drl.xlsx" | cut -f1) KiB"
wrk -t1 -c4 -d10s -s "$LUA" "$BASE/routes/preview" -- insurance > /dev/null

# Load slices until the file $1 is removed; slice N's wrk output goes to $BENCH_WORK/slice-N.txt.
load_slices() {
  local n=0
  while [[ -f $1 ]]; do
    n=$((n + 1))
    echo "$(now_ms)" > "$BENCH_WORK/slice-$n.start"
    wrk -t1 -c4 -d"${CHUNK}s" --latency -s "$LUA" "$BASE/routes/preview" -- insurance > "$BENCH_WORK/slice-$n.txt" 2>&1
  done
}

touch "$BENCH_WORK/loading"
load_slices "$BENCH_WORK/loading" &
LOADER=$!
sleep $((3 * CHUNK))
DROPPED=$(now_ms)
DROPPED_AT=$(date -u +%H:%M:%S.%3N)
cp "$BENCH_WORK/partners.drl.xlsx" "$BENCH_WORK/next.drl.xlsx"
mv "$BENCH_WORK/next.drl.xlsx" "$RULES/insurance/partners.drl.xlsx"
NEW=$(wait_for_new_version insurance "$OLD" 600000 0.1)
SERVING=$(now_ms)
sleep $((3 * CHUNK))
rm "$BENCH_WORK/loading"
wait "$LOADER"

if [[ -n $NEW ]]; then
  echo "table dropped -> $NEW serving: $((SERVING - DROPPED)) ms (polling every 100 ms; includes the 300 ms quiet period)"
else
  echo "the table was not serving after 600 s"
fi
echo "dropped at $DROPPED_AT UTC; the service log (local time):"
grep -E 'segment insurance: (loaded|version)' "$(service_log)" | tail -n 1 | cut -c1-160
STATUS=$(curl -sf "${AUTH[@]}" "$BASE/segments/insurance")
echo "  compiled (loadedAt, before the gates) $(sed -n 's/.*"rulesetVersion":"[^"]*","loadedAt":"[^"]*T\([0-9:.]*\).*/\1/p' <<< "$STATUS" | cut -c1-12) UTC;" \
  "rule count $(grep -o '"ruleCount":[0-9]*' <<< "$STATUS" | head -1 | cut -d: -f2);" \
  "GET /segments/insurance is $(wc -c <<< "$STATUS") bytes"
echo "slices (ms from the drop; answers by status and version):"
for start_file in $(ls "$BENCH_WORK"/slice-*.start | sort -t- -k2 -n); do
  slice=${start_file%.start}
  printf '  %+7d ms  %s |%s\n' "$(($(cat "$start_file") - DROPPED))" \
    "$(wrk_summary "" < "$slice.txt" | sed 's/^ *//')" \
    "$(sed -n 's/^answers: \([0-9]*\) \([0-9]*\) \([^ ]*\) .*/ \1 x \2 \3/p' "$slice.txt" | tr '\n' ' ')"
done
read -r HEAP_AFTER _ <<< "$(heap_after_gc)"
echo "heap used after a full GC: $HEAP_BEFORE KiB before the drop, $HEAP_AFTER KiB with the table serving"
echo "$(machine_load) at the end"
