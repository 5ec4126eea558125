#!/usr/bin/env bash
# POST /leads at one constant rate, phase after phase: starts the packaged service (throwaway data
# folder, GC log kept), warms it with wrk at full rate until the JIT settles (lib.sh), then runs
# bench/RateBench.java at RATE for PHASES phases of PHASE_SECONDS each and prints, per phase,
# RateBench's latencies (from each request's due time), the collector's pauses and the service's
# busiest threads (processor used and time spent waiting for one). Where intake-latency.sh finds the
# maximum and measures half and full once, this shows how one rate settles as the record grows.
#
#   RATE=650 bench/intake-steady.sh
#   RATE=1200 PHASES=3 PHASE_SECONDS=30 THREADS_SHOWN=12 JAVA_OPTS="-Xms2g" bench/intake-steady.sh
#
# Needs wrk (Debian: apt-get install -y wrk) and target/quarkus-app (./mvnw package).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

RATE=${RATE:-650}
PHASES=${PHASES:-3}
PHASE_SECONDS=${PHASE_SECONDS:-30}

require_wrk
require_jar
make_work_dir
GC_LOG=$BENCH_WORK/gc.log
start_service "$PWD/rules" "$(gc_log_option "$GC_LOG")"
echo "service on $BASE, $(machine_load); warming up POST /leads with wrk until the JIT settles"
warm_until_settled "POST /leads" -s bench/post-lead.lua "$BASE/leads"
for phase in $(seq 1 "$PHASES"); do
  thread_times "$BENCH_WORK/threads-before"
  from=$(now_ms)
  rate_bench "$BASE" "$RATE" "$PHASE_SECONDS" /leads bench/leads/insurance.json | sed "s/^/phase $phase: /"
  to=$(now_ms)
  thread_times "$BENCH_WORK/threads-after"
  gc_pauses "$GC_LOG" "$from" "$to"
  thread_summary "$BENCH_WORK/threads-before" "$BENCH_WORK/threads-after" $(((to - from) / 1000))
done
echo "file $(du -h "$BENCH_WORK/data/leadrouter.mv.db" | cut -f1); load average now $(cut -d' ' -f1-3 /proc/loadavg)"
