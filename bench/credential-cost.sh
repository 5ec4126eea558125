#!/usr/bin/env bash
# What checking a credential costs a decision. POST /routes/preview is measured as a ratio to the
# trivial endpoint (GET /q/health/live) on this build, which checks the API key on every request,
# and on a baseline build from before authentication, which ignores the header: both get the same
# requests, header included, and both decide with the baseline checkout's rules (rules that use a
# newer action would not compile on the baseline, and a segment that fails to load answers every
# lead from the global fallback, far faster than deciding it). The two services run one after the
# other, ROUNDS times, each warmed on both endpoints before it is measured; compare the ratios
# (absolute figures move with the machine's load).
#
#   git worktree add /tmp/baseline <commit before authentication>   # e.g. 9dbdb77
#   (cd /tmp/baseline && ./mvnw -B -q package -DskipTests)
#   bench/credential-cost.sh /tmp/baseline/target/quarkus-app/quarkus-run.jar
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

BASELINE_JAR=${1:?usage: bench/credential-cost.sh BASELINE_JAR}
RULES=$(cd "$(dirname "$BASELINE_JAR")/../.." && pwd)/rules
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-8s}
WARMUP=${WARMUP:-15s}
ROUNDS=${ROUNDS:-2}
LUA=bench/post-lead.lua

require_wrk
require_jar
make_work_dir

# The baseline knows no users command: start it by hand, with a key it will not look at.
start_baseline() {
  local port
  port=$(free_port)
  LEADROUTER_KEY=lr_not-checked-by-the-baseline
  java ${JAVA_OPTS:-} -Dquarkus.http.port="$port" -Dleadrouter.data.dir="$BENCH_WORK/baseline-data" \
    -Dleadrouter.rules.dir="$RULES" -jar "$BASELINE_JAR" > "$BENCH_WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  BASE=http://127.0.0.1:$port
  for _ in $(seq 1 240); do
    curl -sf "$BASE/q/health/ready" > /dev/null 2>&1 && return
    sleep 0.5
  done
  echo "baseline not ready" >&2
  exit 1
}

rps() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$@" | awk '/Requests\/sec/ { print $2 } /Non-2xx/ { print "non-2xx " $NF > "/dev/stderr" }'
}

measure() {
  local name=$1 trivial preview
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE/q/health/live" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$BASE/routes/preview" > /dev/null
  trivial=$(rps "$BASE/q/health/live")
  preview=$(rps -s "$LUA" "$BASE/routes/preview")
  curl -sf "${AUTH[@]}" "$BASE/segments" | grep -q FAILED && { echo "a segment failed to load: see $BENCH_WORK/service.log" >&2; KEEP_WORK=1; exit 1; }
  printf '%-34s trivial %9s req/s   preview %9s req/s   ratio %s\n' "$name" "$trivial" "$preview" \
    "$(awk -v p="$preview" -v t="$trivial" 'BEGIN { printf "%.2f", p / t }')"
  stop_running
}

stop_running() {
  kill "$SERVICE_PID" 2> /dev/null || true
  wait "$SERVICE_PID" 2> /dev/null || true
  SERVICE_PID=
}

echo "wrk -t$THREADS -c$CONNECTIONS, ${WARMUP} warm-up per endpoint, $DURATION measured, on $(machine_load)"
for round in $(seq 1 "$ROUNDS"); do
  start_baseline
  measure "round $round baseline (no check)"
  rm -rf "$BENCH_WORK/data"
  start_service "$RULES"
  measure "round $round this build (API key)"
done
