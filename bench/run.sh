#!/usr/bin/env bash
# Load test on loopback: starts the packaged service on a free port with a throwaway data folder,
# warms up each endpoint, then measures GET /q/health/live (trivial), POST /routes/preview (decide
# only) and POST /leads (decide and record durably) with wrk, one after the other in the same run,
# and prints the ratios preview / trivial and leads / preview.
#
#   bench/run.sh                      # wrk -t2 -c32, 10 s per endpoint, each warmed until the JIT settles
#   THREADS=2 CONNECTIONS=64 DURATION=20s MIN_WARM_ROUNDS=4 bench/run.sh
#   JAVA_OPTS="-Dleadrouter.intake.batch-size=200" bench/run.sh
#   BENCH_DB=postgresql bench/run.sh  # a throwaway local PostgreSQL server (lib.sh), durable commits
#   THREADS_SHOWN=8 bench/run.sh      # also each endpoint's busiest service threads (cores, waits)
#
# Needs wrk (Debian: apt-get install -y wrk) and target/quarkus-app (./mvnw package).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-10s}

require_wrk
require_jar
make_work_dir
if [[ ${BENCH_DB:-h2} == postgresql ]]; then
  start_postgres "$BENCH_WORK/pg"
fi
start_service "$PWD/rules"

LUA=bench/post-lead.lua
TRIVIAL=("$BASE/q/health/live")
PREVIEW=(-s "$LUA" "$BASE/routes/preview")
LEADS=(-s "$LUA" "$BASE/leads")

# Every endpoint compared is warmed the same way, until the JIT has settled (lib.sh): measured cold,
# the trivial endpoint reads about a third of its warm rate and flatters every ratio against it,
# and POST /leads measured while C2 still compiles reads about two thirds of its warm rate.
echo "service on $BASE; warming up each endpoint until the JIT settles"
warm_until_settled "GET /q/health/live" "${TRIVIAL[@]}"
warm_until_settled "POST /routes/preview" "${PREVIEW[@]}"
warm_until_settled "POST /leads" "${LEADS[@]}"

# measure NAME WRK-ARGS...: wrk's summary plus the service's processor time per request (from
# /proc), which depends far less than req/s on what else the shared machine is running.
declare -A RATE
measure() {
  local name=$1; shift
  local ticks_before ticks_after output requests started
  thread_times "$BENCH_WORK/threads-before"
  started=$(now_ms)
  ticks_before=$(service_cpu_ticks)
  output=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  ticks_after=$(service_cpu_ticks)
  thread_times "$BENCH_WORK/threads-after"
  requests=$(awk '/ requests in / { print $1 }' <<< "$output")
  RATE[$name]=$(awk '/Requests\/sec/ { print $2 }' <<< "$output")
  printf '%s   service CPU %s us/req\n' "$(wrk_summary "$name" <<< "$output")" \
    "$(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }')"
  if [[ -n ${THREADS_SHOWN:-} ]]; then
    thread_summary "$BENCH_WORK/threads-before" "$BENCH_WORK/threads-after" \
      "$(awk -v ms=$(($(now_ms) - started)) 'BEGIN { printf "%.3f", ms / 1000 }')"
  fi
}

ratio() {
  awk -v a="${RATE[$1]}" -v b="${RATE[$2]}" 'BEGIN { printf "%.2f", a / b }'
}

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION on $(machine_load)"
measure "GET /q/health/live" "${TRIVIAL[@]}"
measure "POST /routes/preview" "${PREVIEW[@]}"
measure "POST /leads" "${LEADS[@]}"
echo "preview / trivial: $(ratio "POST /routes/preview" "GET /q/health/live")   leads / preview: $(ratio "POST /leads" "POST /routes/preview")   (load average now $(cut -d' ' -f1 /proc/loadavg))"
ERRORS=$(grep -c "could not record" "$(service_log)" || true)
echo "database size after the run: $(du -sh "${PG_DATA:-$BENCH_WORK/data}" | cut -f1); failed batches in the log: $ERRORS"
