#!/usr/bin/env bash
# File saved -> new version serving: appends a comment to a segment's routing.drl (as an editor's
# save would change it) and polls GET /segments/{name} every POLL seconds until the new version is
# active; REPEATS times per sample segment. The time includes the watcher's quiet period
# (leadrouter.rules.debounce, 300 ms by default). For comparison it then times POST
# /segments/{name}/reload after the same kind of change (compile and gates, answered when done).
#
#   bench/reload-latency.sh                  # 10 saves per segment, polling every 15 ms
#   REPEATS=20 POLL=0.01 bench/reload-latency.sh
#
# Needs target/quarkus-app (./mvnw -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

REPEATS=${REPEATS:-10}
POLL=${POLL:-0.015}

require_jar
make_work_dir
RULES=$(copy_rules)
start_service "$RULES"
echo "service on $BASE; $(machine_load)"

# stats NAME: median and max of the millisecond figures on stdin.
stats() {
  sort -n | awk -v name="$1" '{ v[NR] = $1 } END {
    median = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%-40s n=%d  median %d ms  min %d ms  max %d ms\n", name, NR, median, v[1], v[NR] }'
}

for segment in insurance telecoms; do
  drl=$RULES/$segment/routing.drl
  : > "$BENCH_WORK/$segment-saved.txt"
  for i in $(seq 1 "$REPEATS"); do
    old=$(active_version "$segment")
    start=$(now_ms)
    printf '// saved %s\n' "$i" >> "$drl"
    new=$(wait_for_new_version "$segment" "$old" 60000 "$POLL")
    [[ -n $new ]] || { echo "$segment: save $i was not serving after 60 s" >&2; exit 1; }
    echo $(($(now_ms) - start)) >> "$BENCH_WORK/$segment-saved.txt"
    sleep 0.5
  done
  stats "$segment: file saved -> serving" < "$BENCH_WORK/$segment-saved.txt"
done
cat "$BENCH_WORK"/*-saved.txt | stats "both: file saved -> serving"
echo "  each: $(paste -sd' ' "$BENCH_WORK/insurance-saved.txt") | $(paste -sd' ' "$BENCH_WORK/telecoms-saved.txt") ms"

for segment in insurance telecoms; do
  : > "$BENCH_WORK/$segment-post.txt"
  for i in $(seq 1 "$REPEATS"); do
    printf '// posted %s\n' "$i" >> "$RULES/$segment/routing.drl"
    start=$(now_ms)
    curl -s "${AUTH[@]}" -X POST "$BASE/segments/$segment/reload" | grep -q '"result":"PROMOTED"' \
      || echo "$segment: POST reload $i did not promote" >&2
    echo $(($(now_ms) - start)) >> "$BENCH_WORK/$segment-post.txt"
    # Let the watcher's own reload of this change (UNCHANGED by now) pass before the next one.
    sleep 0.6
  done
  stats "$segment: POST reload (compile + gates)" < "$BENCH_WORK/$segment-post.txt"
done
echo "$(machine_load) at the end"
