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
chmod 755 "$DATA"
PG_DATA="$DATA/pg"
[ "${BENCH_NO_BUILD:-}" = 1 ] || ./mvnw -B -q package -DskipTests

as_postgres() {
  # initdb and the server refuse to run as root.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
SERVICE=
cleanup() {
  if [ -n "$SERVICE" ]; then kill "$SERVICE" 2>/dev/null; wait "$SERVICE" 2>/dev/null || true; fi
  if [ -n "${BENCH_LOG:-}" ]; then cp "$DATA/service.log" "$BENCH_LOG"; fi
  if [ -d "$PG_DATA" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop > /dev/null 2>&1 || true; fi
  rm -rf "$DATA"
}
trap cleanup EXIT

if [ "$DB" = postgresql ]; then
  PG_BIN="${PG_BIN:-$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")}"
  PG_PORT=$((PORT + 1))
  mkdir "$PG_DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U bench -A trust -E UTF8 --no-instructions > /dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on" start > /dev/null
  export LEADROUTER_DATA_DATABASE=postgresql
  export QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
  export QUARKUS_DATASOURCE_POSTGRESQL_USERNAME=bench
  export QUARKUS_DATASOURCE_POSTGRESQL_PASSWORD=bench
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
