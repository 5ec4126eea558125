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

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-30s}
JAR=target/quarkus-app/quarkus-run.jar

command -v wrk > /dev/null || { echo "wrk is missing (Debian: apt-get install -y wrk)" >&2; exit 1; }
[[ -f $JAR ]] || { echo "$JAR is missing: run ./mvnw -B package -DskipTests" >&2; exit 1; }

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null || { echo "$port"; return; }
  done
}

PORT=$(free_port)
WORK=$(mktemp -d)
SERVICE_PID=
cleanup() {
  if [[ -n $SERVICE_PID ]]; then
    kill "$SERVICE_PID" 2> /dev/null || true
    wait "$SERVICE_PID" 2> /dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
java ${JAVA_OPTS:-} -Dquarkus.http.port="$PORT" -Dleadrouter.data.dir="$WORK/data" \
  -Dleadrouter.rules.dir="$PWD/rules" -jar "$JAR" > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
BASE=http://127.0.0.1:$PORT
for _ in $(seq 1 120); do
  curl -sf "$BASE/q/health/ready" > /dev/null 2>&1 && break
  kill -0 "$SERVICE_PID" 2> /dev/null || { cat "$WORK/service.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf "$BASE/q/health/ready" > /dev/null || { echo "service not ready" >&2; cat "$WORK/service.log" >&2; exit 1; }

LUA=bench/post-lead.lua
echo "service on port $PORT; warming up for $WARMUP"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$BASE/routes/preview" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$BASE/leads" > /dev/null

measure() {
  local name=$1; shift
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  awk -v name="$name" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx/ { errors = $NF }
    /Socket errors/ { socket = $0 }
    END {
      printf "%-22s %12s req/s   p50 %-9s p99 %-9s non-2xx %s%s\n", name, rps, p50, p99, (errors ? errors : 0),
        (socket ? "  (" socket ")" : "")
    }' <<< "$out"
}

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION on $(nproc) cores"
measure "GET /q/health/live" "$BASE/q/health/live"
measure "POST /routes/preview" -s "$LUA" "$BASE/routes/preview"
measure "POST /leads" -s "$LUA" "$BASE/leads"
ERRORS=$(grep -c "could not record" "$WORK/service.log" || true)
echo "database size after the run: $(du -sh "$WORK/data" | cut -f1); failed batches in the log: $ERRORS"
