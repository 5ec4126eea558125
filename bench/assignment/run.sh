#!/usr/bin/env bash
# Assignment benchmark: packages the service, starts it on its own port with a fresh H2 database
# and the rules given (default ./rules), runs AssignmentBench, stops the service.
#   bench/assignment/run.sh [rules-dir] [leads] [in-flight]
set -euo pipefail
cd "$(dirname "$0")/../.."
RULES="${1:-rules}"
PORT="${BENCH_PORT:-8099}"
DATA="$(mktemp -d)"
./mvnw -B -q package -DskipTests
LEADROUTER_KEY=$(java -Dleadrouter.data.dir="$DATA" -jar target/quarkus-app/quarkus-run.jar users add bench --roles admin | tail -n 1)
export LEADROUTER_KEY
java -Dquarkus.http.port="$PORT" -Dleadrouter.data.dir="$DATA" -Dleadrouter.rules.dir="$RULES" \
     -jar target/quarkus-app/quarkus-run.jar > "$DATA/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://localhost:$PORT/q/health/ready" > /dev/null && break
  sleep 1
done
java bench/assignment/AssignmentBench.java "http://localhost:$PORT" "${2:-5000}" "${3:-32}"
