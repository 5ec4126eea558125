#!/usr/bin/env bash
# The console's data with history: loads LEADS recorded leads (default 1,000,000) spread over DAYS
# days (default 30) straight into a fresh H2 database, starts the packaged service on it, and times
# GET /kpis for each window, GET /alerts and GET /segments/insurance/coverage, warmed, against the
# trivial GET /q/health/live measured in the same run.
#
#   bench/console/run.sh                 # 1,000,000 leads over 30 days
#   LEADS=100000 bench/console/run.sh
#   HISTORY=/path/to/data bench/console/run.sh   # time again on a data folder loaded before (hard-linked, then used)
#
# Needs target/quarkus-app (./mvnw -B package -DskipTests) and the project's dependencies.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh

LEADS=${LEADS:-1000000}
DAYS=${DAYS:-30}
WARM=${WARM:-30}
ROUNDS=${ROUNDS:-50}

require_jar
make_work_dir
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$BENCH_WORK/classpath.txt" > /dev/null
mkdir -p "$BENCH_WORK/data"
if [[ -n ${HISTORY:-} ]]; then
  cp -al "$HISTORY/leadrouter.mv.db" "$BENCH_WORK/data/"
else
  java -cp "$(cat "$BENCH_WORK/classpath.txt")" bench/console/ConsoleHistory.java "$BENCH_WORK/data" "$LEADS" "$DAYS"
fi
start_service rules
# The service rolls the history's whole hours up in the background (docs/console.md#windows); time
# the windows once it has caught up: the last rolled hour is then at most an hour and a bit old.
started=$(now_ms)
until lag=$(curl -sf "${AUTH[@]}" "$BASE/q/metrics" | awk '/^leadrouter_kpis_rollup_lag_seconds/ && $2 ~ /^[0-9.E+]+$/ {print int($2)}') \
    && [[ -n $lag && $lag -lt 4000 ]]; do
  sleep 2
done
echo "KPI hours rolled up in $(( ($(now_ms) - started) / 1000 )) s"
echo "service on $BASE; $(machine_load); database $(du -sh "$BENCH_WORK/data" | cut -f1)"
java bench/console/KpiTimer.java "$BASE" "$WARM" "$ROUNDS" /q/health/live "/kpis?window=1h" "/kpis?window=today" \
  "/kpis?window=7d" /alerts "/segments/insurance/coverage?window=7d"
