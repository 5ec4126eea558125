#!/usr/bin/env bash
# What an upgrade costs: loads LEADS leads (default 1,000,000) into an H2 database at schema
# version 81 (bench/upgrade/Schema81History.java), compacts the file as a running service keeps
# it, then starts the packaged service on it and prints how long it took to answer (the
# migrations run first) and the largest the file grew meanwhile.
#
#   bench/upgrade/run.sh
#   LEADS=100000 bench/upgrade/run.sh
#   HISTORY=/path/to/data bench/upgrade/run.sh   # start on a copy of a folder loaded before
#
# Needs target/quarkus-app (./mvnw -B package -DskipTests) and the project's dependencies.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh

LEADS=${LEADS:-1000000}

require_jar
make_work_dir
mkdir -p "$BENCH_WORK/data"
if [[ -n ${HISTORY:-} ]]; then
  cp "$HISTORY/leadrouter.mv.db" "$BENCH_WORK/data/"
else
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$BENCH_WORK/classpath.txt" > /dev/null
  java -cp "$(cat "$BENCH_WORK/classpath.txt")" bench/upgrade/Schema81History.java "$BENCH_WORK/data" "$LEADS"
  java -cp "$(cat "$BENCH_WORK/classpath.txt")" org.h2.tools.Shell -url "jdbc:h2:file:$BENCH_WORK/data/leadrouter" \
    -user sa -password "" -sql "SHUTDOWN COMPACT" > /dev/null 2>&1 || true
fi
FILE=$BENCH_WORK/data/leadrouter.mv.db
echo "file before the upgrade: $(stat -c %s "$FILE") bytes; $(machine_load)"
started=$(now_ms)
port=$(free_port)
java ${JAVA_OPTS:-} -Dquarkus.http.port="$port" -Dleadrouter.data.dir="$BENCH_WORK/data" -jar "$JAR" \
  > "$BENCH_WORK/service.log" 2>&1 &
SERVICE_PID=$!
largest=0
until curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1; do
  kill -0 "$SERVICE_PID" 2> /dev/null || { tail -20 "$BENCH_WORK/service.log" >&2; exit 1; }
  size=$(stat -c %s "$FILE")
  ((size <= largest)) || largest=$size
  sleep 1
done
echo "answering after $(( ($(now_ms) - started) / 1000 )) s; largest file meanwhile $largest bytes"
grep -E 'Migrating schema|Successfully applied' "$BENCH_WORK/service.log" | sed 's/^[^ ]* //'
