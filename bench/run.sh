#!/usr/bin/env bash
# Load test on loopback: starts the packaged service on a free port with a throwaway data folder,
# warms it up, then measures GET /q/health/live (trivial), POST /routes/preview (decide only) and
# POST /leads (decide and record durably) with wrk, one after the other in the same run.
#
#   bench/run.sh                      # wrk -t2 -c32, 10 s per endpoint after 30 s of warm-up
#   THREADS=2 CONNECTIONS=64 DURATION=20s WARMUP=20s bench/run.sh
#   JAVA_OPTS="-Dleadrouter.intake.batch-size=200" bench/run.sh
#
# Needs wrk (Debian: apt-get install -y wrk) and target/quarkus-app (./mvnw package).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-30s}

require_wrk
require_jar
make_work_dir
start_service "$PWD/rules"

LUA=bench/post-lead.lua
echo "service on $BASE; warming up for $WARMUP"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$BASE/routes/preview" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$BASE/leads" > /dev/null

measure() {
  local name=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | wrk_summary "$name"
}

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION on $(machine_load)"
measure "GET /q/health/live" "$BASE/q/health/live"
measure "POST /routes/preview" -s "$LUA" "$BASE/routes/preview"
measure "POST /leads" -s "$LUA" "$BASE/leads"
ERRORS=$(grep -c "could not record" "$(service_log)" || true)
echo "database size after the run: $(du -sh "$BENCH_WORK/data" | cut -f1); failed batches in the log: $ERRORS"
