#!/usr/bin/env bash
# Reload isolation: does reloading one segment slow another? The telecoms segment takes a steady
# wrk load while the insurance segment is reloaded back to back with POST /segments/insurance/reload
# (two good versions taking turns, so every reload compiles and runs every gate, the replay gate
# over insurance's recorded leads included). The same load without reloads runs before and after,
# in the same run; the watcher is off so only the POSTs compile.
#
#   bench/reload-isolation.sh                          # 30 s warm-up, 30 s phases, POST /routes/preview
#   DURATION=20 WARMUP=10s PATH_UNDER_LOAD=/leads bench/reload-isolation.sh
#   RELOAD_EVERY=0 bench/reload-isolation.sh           # reloads back to back instead of one a second
#
# Prints each phase's telecoms figures and the ratio of telecoms' p99 during the reloads to its
# p99 without them (the mean of the two baselines); the target is at most 1.5.
# Needs wrk and target/quarkus-app (./mvnw -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

DURATION=${DURATION:-30}
WARMUP=${WARMUP:-30s}
CONNECTIONS=${CONNECTIONS:-16}
PATH_UNDER_LOAD=${PATH_UNDER_LOAD:-/routes/preview}
RELOAD_EVERY=${RELOAD_EVERY:-1}
LUA=bench/segment-leads.lua

require_wrk
require_jar
make_work_dir
RULES=$(copy_rules)
start_service "$RULES" -Dleadrouter.rules.watch=false
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
  local i=0 next
  while [[ -f $1 ]]; do
    next=$(($(now_ms) + RELOAD_EVERY * 1000))
    cp "$BENCH_WORK/good-$([[ $((i % 2)) == 0 ]] && echo b || echo a).drl" "$DRL"
    curl -s "${AUTH[@]}" -X POST "$BASE/segments/insurance/reload" | cut -d\" -f8 >> "$2"
    i=$((i + 1))
    while (($(now_ms) < next)); do sleep 0.02; done
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
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$LUA" "$BASE$PATH_UNDER_LOAD" -- telecoms > "$prefix.txt" 2>&1
  if [[ -n $reloader ]]; then
    rm "$prefix-reloading"
    wait "$reloader"
  fi
  wrk_summary "$name telecoms $PATH_UNDER_LOAD" < "$prefix.txt"
  [[ $reloads == yes ]] && echo "    insurance reloads answered: $(sort "$prefix-reloads.txt" | uniq -c | tr -s ' \n' ' ')"
  p99_ms < "$prefix.txt" > "$prefix.p99"
}

echo "service on $BASE; $(machine_load); watcher off"
echo "recording insurance leads for the replay gate, warming up telecoms $PATH_UNDER_LOAD for $WARMUP"
wrk -t1 -c4 -d5s -s "$LUA" "$BASE/leads" -- insurance > /dev/null
wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$BASE$PATH_UNDER_LOAD" -- telecoms > /dev/null
touch "$BENCH_WORK/warm-reloading"
reload_loop "$BENCH_WORK/warm-reloading" /dev/null &
WARM_RELOADER=$!
sleep 10
rm "$BENCH_WORK/warm-reloading"
wait "$WARM_RELOADER"

echo "wrk -t1 -c$CONNECTIONS on telecoms, ${DURATION} s per phase"
phase baseline-before no
phase reloads yes
phase baseline-after no
awk -v before="$(cat "$BENCH_WORK/baseline-before.p99")" -v during="$(cat "$BENCH_WORK/reloads.p99")" \
  -v after="$(cat "$BENCH_WORK/baseline-after.p99")" 'BEGIN {
    base = (before + after) / 2
    printf "telecoms p99: %.2f ms without reloads (mean of %.2f and %.2f), %.2f ms during insurance reloads: ratio %.2f (target <= 1.5)\n",
      base, before, after, during, during / base }'
