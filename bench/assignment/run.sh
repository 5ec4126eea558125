#!/usr/bin/env bash
# Assignment benchmark: packages the service, starts it on its own port with a fresh database and
# the rules given (default ./rules), runs AssignmentBench, stops the service.
#   bench/assignment/run.sh [rules-dir] [leads] [in-flight]
# Environment:
#   BENCH_DB=postgresql   a throwaway local PostgreSQL server (initdb + pg_ctl from the installed
#                         server binaries, or PG_BIN) instead of the default H2 file; durable
#                         settings (fsync and synchronous_commit on)
#   BENCH_PORT            the service's port (default 8099)
#   BENCH_JAVA_OPTS       more JVM options for the service, e.g. -XX:StartFlightRecording=...
#   BENCH_NO_BUILD=1      use the jar already in target/ instead of packaging
#   BENCH_LOG=file        keep the service's log there
set -euo pipefail
cd "$(dirname "$0")/../.."
RULES="${1:-rules}"
PORT="${BENCH_PORT:-8099}"
DB="${BENCH_DB:-h2}"
DATA="$(mktemp -d)"
source bench/lib.sh
[ "${BENCH_NO_BUILD:-}" = 1 ] || ./mvnw -B -q package -DskipTests

SERVICE=
cleanup() {
  if [ -n "$SERVICE" ]; then kill "$SERVICE" 2>/dev/null; wait "$SERVICE" 2>/dev/null || true; fi
  if [ -n "${BENCH_LOG:-}" ]; then cp "$DATA/service.log" "$BENCH_LOG"; fi
  stop_postgres
  rm -rf "$DATA"
}
trap cleanup EXIT

if [ "$DB" = postgresql ]; then
  start_postgres "$DATA/pg"
fi

LEADROUTER_KEY=$(java -Dleadrouter.data.dir="$DATA" -jar target/quarkus-app/quarkus-run.jar users add bench --roles admin | tail -n 1)
export LEADROUTER_KEY
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
java ${BENCH_JAVA_OPTS:-} -Dquarkus.http.port="$PORT" -Dleadrouter.data.dir="$DATA" -Dleadrouter.rules.dir="$RULES" \
     -jar target/quarkus-app/quarkus-run.jar > "$DATA/service.log" 2>&1 &
SERVICE=$!
for _ in $(seq 1 60); do
  curl -sf "http://localhost:$PORT/q/health/ready" > /dev/null && break
  sleep 1
done
java bench/assignment/AssignmentBench.java "http://localhost:$PORT" "${2:-5000}" "${3:-32}"
