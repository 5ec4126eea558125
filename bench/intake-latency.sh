#!/usr/bin/env bash
# Latency of durable POST /leads at a constant rate: starts the packaged service (throwaway data
# folder, GC log kept beside it), warms it up with wrk until the JIT settles (lib.sh), finds
# POST /leads' maximum rate with wrk, then runs bench/RateBench.java (open loop, latency from each
# request's due time) at half of that rate and at the full rate, and prints the collector's pauses
# during each phase.
#
#   bench/intake-latency.sh
#   MAX_DURATION=15s RATE_SECONDS=30 JAVA_OPTS="-XX:MaxGCPauseMillis=5" bench/intake-latency.sh
#   MAX_RATE=4000 bench/intake-latency.sh     # skip the wrk search, use this rate as the maximum
#
# Needs wrk (Debian: apt-get install -y wrk) and target/quarkus-app (./mvnw package).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
MAX_DURATION=${MAX_DURATION:-15s}
RATE_SECONDS=${RATE_SECONDS:-30}

require_wrk
require_jar
make_work_dir
GC_LOG=$BENCH_WORK/gc.log
# gc+phases: ZGC logs its (sub-millisecond) pauses there, G1 its pauses at gc level.
start_service "$PWD/rules" "-Xlog:gc,gc+phases:file=$GC_LOG:uptime"

LUA=bench/post-lead.lua
echo "service on $BASE; warming up POST /leads until the JIT settles"
warm_until_settled "POST /leads" -s "$LUA" "$BASE/leads"

if [[ -z ${MAX_RATE:-} ]]; then
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$MAX_DURATION" --latency -s "$LUA" "$BASE/leads")
  wrk_summary "maximum (wrk -t$THREADS -c$CONNECTIONS)" <<< "$out"
  MAX_RATE=$(awk '/Requests\/sec/ { printf "%d", $2 }' <<< "$out")
fi
HALF_RATE=$((MAX_RATE / 2))

# gc_pauses FROM_S TO_S: count, total and longest pause the GC log records between two service uptimes.
gc_pauses() {
  awk -v from="$1" -v to="$2" '
    match($0, /^\[[0-9.]+s\]/) {
      t = substr($0, 2, RLENGTH - 3) + 0
      if (t >= from && t <= to && /Pause/ && match($0, /[0-9.]+ms$/)) {
        ms = substr($0, RSTART, RLENGTH - 2) + 0; n++; sum += ms; if (ms > max) max = ms
      }
    }
    END { printf "GC pauses: %d, %.1f ms in all, longest %.2f ms\n", n, sum, max }' "$GC_LOG"
}

uptime_s() {
  jcmd "$SERVICE_PID" VM.uptime | awk '/ s$/ { print $1 }'
}

echo "maximum rate $MAX_RATE/s; RateBench for ${RATE_SECONDS}s at half and at full, on $(machine_load)"
for rate in "$HALF_RATE" "$MAX_RATE"; do
  from=$(uptime_s)
  rate_bench "$BASE" "$rate" "$RATE_SECONDS" /leads bench/leads/insurance.json
  gc_pauses "$from" "$(uptime_s)"
done
echo "load average now $(cut -d' ' -f1-3 /proc/loadavg)"
