#!/usr/bin/env bash
# Where the service's processor goes under full load, by thread and by method, with Linux perf:
# starts the packaged service (frame pointers kept, so perf can walk the JIT's frames), warms the
# endpoint with wrk until the JIT settles (lib.sh), records every thread of the service with perf
# for PERF_SECONDS (15) in the middle of a wrk run, writes the JIT's symbol map beside the
# recording, and prints the processor by thread and code kind, then the event loops' and the lead
# writer's hottest methods (as shares of all samples).
#
#   bench/perf-profile.sh /leads            # or /routes/preview, /q/health/live
#   PERF_SECONDS=30 OUT=/tmp/leads bench/perf-profile.sh /leads
#
# JFR's execution samples take a few threads per period, so on two busy cores they undercount
# the event loops; perf samples every thread on each processor tick (docs/performance.md,
# "Profiling with perf"). Read the recording again with
#   perf report -i OUT.data --comm vert.x-eventloo --no-children --sort sym
# Needs perf (Debian: apt-get install -y linux-perf), wrk and target/quarkus-app (./mvnw package).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

ENDPOINT=${1:?usage: bench/perf-profile.sh ENDPOINT}
PERF_SECONDS=${PERF_SECONDS:-15}
OUT=${OUT:-perf-profile}

command -v perf > /dev/null || { echo "perf is missing (Debian: apt-get install -y linux-perf)" >&2; exit 1; }
require_wrk
require_jar
make_work_dir
start_service "$PWD/rules" -XX:+UnlockDiagnosticVMOptions -XX:+PreserveFramePointer
echo "service on $BASE, $(machine_load); warming up $ENDPOINT with wrk until the JIT settles"
warm_until_settled "$ENDPOINT" -s bench/post-lead.lua "$BASE$ENDPOINT"
wrk --latency -t2 -c32 -d$((PERF_SECONDS + 10))s -s bench/post-lead.lua "$BASE$ENDPOINT" > "$BENCH_WORK/wrk.txt" &
wrk_pid=$!
sleep 5
perf record -F 499 -g -p "$SERVICE_PID" -o "$OUT.data" -- sleep "$PERF_SECONDS" 2> /dev/null
# perf names JIT-compiled code from /tmp/perf-PID.map, which the JVM writes on request.
jcmd "$SERVICE_PID" Compiler.perfmap > /dev/null
wait "$wrk_pid"
wrk_summary "$ENDPOINT" < "$BENCH_WORK/wrk.txt"
echo "processor by thread and code kind ([JIT] is compiled Java):"
# awk reads perf's whole report: a reader that stopped early would fail the pipeline.
perf report -i "$OUT.data" --no-children --sort comm,dso --stdio -g none 2> /dev/null | awk '/^ +[0-9]/ && n++ < 12'
for comm in vert.x-eventloo lead-writer; do
  echo "hottest methods of $comm:"
  perf report -i "$OUT.data" --comm "$comm" --no-children --sort sym --stdio -g none 2> /dev/null |
    awk '/^ +[0-9]/ && n++ < 12'
done
echo "recording: $OUT.data (symbols of compiled code: /tmp/perf-$SERVICE_PID.map)"
