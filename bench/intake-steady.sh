#!/usr/bin/env bash
# POST /leads at one constant rate, phase after phase: starts the packaged service (throwaway data
# folder, GC log kept), warms it with wrk at full rate until the JIT settles (lib.sh), then runs
# bench/RateBench.java at RATE for PHASES phases of PHASE_SECONDS each and prints, per phase,
# RateBench's latencies (from each request's due time), the collector's pauses and the service's
# busiest threads (processor used and time spent waiting for one). Where intake-latency.sh finds the
# maximum and measures half and full once, this shows how one rate settles as the record grows.
# RATE may list several rates and ENDPOINTS several endpoints: each phase then runs every endpoint
# at every rate, so the decision without the record (/routes/preview) is measured beside the
# intake at the same rates on the same service.
#
#   RATE=650 bench/intake-steady.sh
#   RATE=1200 PHASES=3 PHASE_SECONDS=30 THREADS_SHOWN=12 JAVA_OPTS="-Xms2g" bench/intake-steady.sh
#   RATE="250 1000 3800" ENDPOINTS="/routes/preview /leads" PHASES=2 PHASE_SECONDS=20 bench/intake-steady.sh
#
# Needs wrk (Debian: apt-get install -y wrk) and target/quarkus-app (./mvnw package).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

RATE=${RATE:-650}
PHASES=${PHASES:-3}
PHASE_SECONDS=${PHASE_SECONDS:-30}
ENDPOINTS=${ENDPOINTS:-/leads}

require_wrk
require_jar
make_work_dir
GC_LOG=$BENCH_WORK/gc.log
start_service "$PWD/rules" "$(gc_log_option "$GC_LOG")"
echo "service on $BASE, $(machine_load); warming up $ENDPOINTS with wrk until the JIT settles"
for endpoint in $ENDPOINTS; do
  warm_until_settled "POST $endpoint" -s bench/post-lead.lua "$BASE$endpoint"
done
for phase in $(seq 1 "$PHASES"); do
  for rate in $RATE; do
    for endpoint in $ENDPOINTS; do
      thread_times "$BENCH_WORK/threads-before"
      from=$(now_ms)
      rate_bench "$BASE" "$rate" "$PHASE_SECONDS" "$endpoint" bench/leads/insurance.json | sed "s/^/phase $phase: /"
      to=$(now_ms)
      thread_times "$BENCH_WORK/threads-after"
      gc_pauses "$GC_LOG" "$from" "$to"
      thread_summary "$BENCH_WORK/threads-before" "$BENCH_WORK/threads-after" $(((to - from) / 1000))
    done
  done
done
echo "file $(du -h "$BENCH_WORK/data/leadrouter.mv.db" | cut -f1); load average now $(cut -d' ' -f1-3 /proc/loadavg)"
