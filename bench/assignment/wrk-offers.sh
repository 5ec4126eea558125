#!/usr/bin/env bash
# Routing and offering at the rate wrk drives, with no benchmark client polling the service:
# starts the packaged service (throwaway H2 folder, or whatever JAVA_OPTS selects), imports
# AssignmentBench's roster of 500 agents over 20 queues with room for every lead, warms up, then
# posts the sample insurance and telecoms leads in turn with wrk and reads, for the leads routed
# in the measured phase, how many got an offer and how long after they were received
# (GET /assignment/kpis: timeToFirstOffer, p50 / p90 / max).
#
#   bench/assignment/wrk-offers.sh
#   CONNECTIONS=64 DURATION=30s bench/assignment/wrk-offers.sh
#   BENCH_DB=postgresql bench/assignment/wrk-offers.sh   # a throwaway local PostgreSQL server (lib.sh)
#   RATE=1000 bench/assignment/wrk-offers.sh   # the measured phase at a constant rate (bench/RateBench.java,
#                                              # insurance leads, open loop) instead of wrk's closed loop; then
#                                              # also each EVERY-th (10) lead's due time -> first offer, read back
#
# Needs wrk and target/quarkus-app (./mvnw -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh

CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
LUA=bench/post-lead.lua

require_wrk
require_jar
make_work_dir
if [[ ${BENCH_DB:-h2} == postgresql ]]; then
  start_postgres "$BENCH_WORK/pg"
fi
start_service "$PWD/rules"
export LEADROUTER_KEY
java bench/assignment/AssignmentBench.java "$BASE" roster 1000000
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$BASE/leads" -- insurance telecoms > /dev/null
sleep 2
FROM=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
if [[ -n ${RATE:-} ]]; then
  echo "$RATE leads/s for $DURATION on $(machine_load)"
  SENT_LOG=$BENCH_WORK/sent.txt rate_bench "$BASE" "$RATE" "${DURATION%s}" /leads bench/leads/insurance.json
else
  echo "wrk -t2 -c$CONNECTIONS -d$DURATION on $(machine_load)"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$LUA" "$BASE/leads" -- insurance telecoms | wrk_summary "POST /leads"
fi
sleep 5
TO=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
curl -s "${AUTH[@]}" "$BASE/assignment/kpis?from=$FROM&to=$TO" | python3 -c '
import json, sys
k = json.load(sys.stdin)
t = k["timeToFirstOffer"]
print("leads routed in the phase: %d; offered: %d; received -> first offer p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms"
      % (k["items"], t["count"], t["p50Seconds"] * 1000, t["p90Seconds"] * 1000, t["p99Seconds"] * 1000,
         t["maxSeconds"] * 1000))'
if [[ -n ${RATE:-} ]]; then
  # The caller's view: from when each lead was due to be sent to its first offer (same clock).
  java bench/assignment/AssignmentBench.java "$BASE" offers "$BENCH_WORK/sent.txt" "${EVERY:-10}"
fi
