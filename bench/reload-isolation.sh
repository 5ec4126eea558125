#!/usr/bin/env bash
# Reload isolation: does reloading one segment slow another? The telecoms segment takes a steady
# wrk load while the insurance segment is reloaded with POST /segments/insurance/reload (two good
# versions taking turns, so every reload compiles and runs every gate, the replay gate over
# insurance's recorded leads included). Phases with and without reloads alternate, ROUNDS of each,
# after a warm-up that runs both the load and the reloads (so neither side of the ratio is measured
# while the JIT is still compiling its code); the watcher is off so only the POSTs compile.
#
#   bench/reload-isolation.sh                          # 60 s warm-up, 3 rounds of 20 s phases, POST /routes/preview
#   DURATION=30 ROUNDS=2 WARMUP=30 PATH_UNDER_LOAD=/leads bench/reload-isolation.sh
#   RELOAD_EVERY=0 bench/reload-isolation.sh           # reloads back to back instead of one a second
#
# Prints each phase's telecoms figures, the service's busiest threads in it (processor used, and
# time spent waiting for a processor: the event loops', the reload thread's, the JIT's), the
# collector's stop-the-world pauses in it, and the ratio of telecoms' p99 with reloads (the mean
# over the reload phases) to its p99 without them (the mean over the quiet phases); the target is at
# most 1.5. Needs wrk and target/quarkus-app (./mvnw -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-60}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
PATH_UNDER_LOAD=${PATH_UNDER_LOAD:-/routes/preview}
RELOAD_EVERY=${RELOAD_EVERY:-1}
LUA=bench/segment-leads.lua

require_wrk
require_jar
make_work_dir
RULES=$(copy_rules)
GC_LOG=$BENCH_WORK/gc.log
start_service "$RULES" -Dleadrouter.rules.watch=false "$(gc_log_option "$GC_LOG")"
DRL=$RULES/insurance/routing.drl
cp "$DRL" "$BENCH_WORK/good-a.drl"
{ cat "$DRL"; printf '\n// Reload bench: a harmless comment, so this version has a content hash of its own.\n'; } \
  > "$BENCH_WORK/good-b.drl"

# p99_ms: wrk --latency output on stdin -> its p99 in milliseconds.
p99_ms() {
  awk '/^ +99%/ { v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
    print (unit == "us" ? v / 1000 : unit == "s" ? v * 1000 : v) }'
}

# Reloads insurance with POST, alternating the two versions, one reload starting every
# RELOAD_EVERY seconds (or at once when the previous one took longer), until the file $1 is
# removed; one line per answer (its result) into $2.
reload_loop() {
  local i=0 next wait_ms
  while [[ -f $1 ]]; do
    next=$(($(now_ms) + RELOAD_EVERY * 1000))
    cp "$BENCH_WORK/good-$([[ $((i % 2)) == 0 ]] && echo b || echo a).drl" "$DRL"
    # A failed request is said, not left to end the script without a word (errexit, pipefail).
    curl -s "${AUTH[@]}" -X POST "$BASE/segments/insurance/reload" | cut -d\" -f8 >> "$2" ||
      echo "    a reload request failed (curl exit ${PIPESTATUS[0]})" >&2
    i=$((i + 1))
    # One sleep to the next start, not a polling loop: the loop's own processes would load the
    # machine during this phase only and read as the reloads' cost.
    wait_ms=$((next - $(now_ms)))
    ((wait_ms <= 0)) || sleep "$(printf '%d.%03d' $((wait_ms / 1000)) $((wait_ms % 1000)))"
  done
}

# phase NAME RELOADS: telecoms under load for DURATION seconds, insurance reloaded throughout with RELOADS=yes.
phase() {
  local name=$1 reloads=$2 prefix=$BENCH_WORK/$1 reloader=
  if [[ $reloads == yes ]]; then
    touch "$prefix-reloading"
    reload_loop "$prefix-reloading" "$prefix-reloads.txt" &
    reloader=$!
  fi
  thread_times "$prefix-threads-before"
  local started ended
  started=$(now_ms)
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$LUA" "$BASE$PATH_UNDER_LOAD" -- telecoms > "$prefix.txt" 2>&1
  ended=$(now_ms)
  thread_times "$prefix-threads-after"
  if [[ -n $reloader ]]; then
    rm "$prefix-reloading"
    wait "$reloader"
  fi
  wrk_summary "$name telecoms $PATH_UNDER_LOAD" < "$prefix.txt"
  [[ $reloads == yes ]] && echo "    insurance reloads answered: $(sort "$prefix-reloads.txt" | uniq -c | tr -s ' \n' ' ')"
  thread_summary "$prefix-threads-before" "$prefix-threads-after" "$DURATION"
  gc_pauses "$GC_LOG" "$started" "$ended"
  p99_ms < "$prefix.txt" > "$prefix.p99"
}

echo "service on $BASE; $(machine_load); watcher off"
echo "recording insurance leads for the replay gate; warming up for ${WARMUP} s: telecoms $PATH_UNDER_LOAD under load, insurance reloaded back to back"
wrk -t1 -c4 -d5s -s "$LUA" "$BASE/leads" -- insurance > /dev/null
touch "$BENCH_WORK/warm-reloading"
RELOAD_EVERY=0 reload_loop "$BENCH_WORK/warm-reloading" "$BENCH_WORK/warm-reloads.txt" &
WARM_RELOADER=$!
wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$LUA" "$BASE$PATH_UNDER_LOAD" -- telecoms > /dev/null
rm "$BENCH_WORK/warm-reloading"
wait "$WARM_RELOADER"
echo "    $(wc -l < "$BENCH_WORK/warm-reloads.txt") reloads while warming up"

echo "wrk -t1 -c$CONNECTIONS on telecoms, $ROUNDS rounds of ${DURATION} s without and ${DURATION} s with reloads"
for round in $(seq "$ROUNDS"); do
  phase "quiet-$round" no
  phase "reloads-$round" yes
done
cat "$BENCH_WORK"/quiet-*.p99 | tr '\n' ' ' > "$BENCH_WORK/quiet.all"
cat "$BENCH_WORK"/reloads-*.p99 | tr '\n' ' ' > "$BENCH_WORK/reloads.all"
awk -v quiet="$(cat "$BENCH_WORK/quiet.all")" -v reloads="$(cat "$BENCH_WORK/reloads.all")" 'BEGIN {
    nq = split(quiet, q, " "); nr = split(reloads, r, " ")
    for (i = 1; i <= nq; i++) sq += q[i]
    for (i = 1; i <= nr; i++) sr += r[i]
    printf "telecoms p99: %.2f ms without reloads (mean of %s), %.2f ms during insurance reloads (mean of %s): ratio %.2f (target <= 1.5)\n",
      sq / nq, quiet, sr / nr, reloads, (sr / nr) / (sq / nq) }'
