#!/usr/bin/env bash
# Crash test on loopback: posts leads from parallel curl loops to the packaged service, kills the
# service with SIGKILL mid-load, starts it again on the same data, and checks that every lead
# answered 201/200 is there with the decision it was answered with and its work item. Repeats
# ROUNDS times and prints the counts of each round and in total.
#
#   bench/crash.sh                    # H2 file database in a throwaway data folder, 5 rounds
#   bench/crash.sh postgresql         # a throwaway local PostgreSQL cluster (initdb/pg_ctl)
#   ROUNDS=10 LOADERS=8 LOAD_SECONDS=4 bench/crash.sh
#
# Needs curl, jq, target/quarkus-app (./mvnw package) and, for postgresql, the server binaries
# (Debian: apt-get install -y postgresql). Exits non-zero if any acknowledged lead is not right.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source bench/reliability-lib.sh

DATABASE=${1:-h2}
ROUNDS=${ROUNDS:-5}
LOADERS=${LOADERS:-8}
# Load runs this long (plus up to 2 s, varied per round) before the kill.
LOAD_SECONDS=${LOAD_SECONDS:-3}

require_curl_jq
require_jar
make_work_dir
trap cleanup_reliability EXIT
OPTIONS=()
if [[ $DATABASE == postgresql ]]; then
  start_postgres
  read -ra OPTIONS <<< "$(postgres_options)"
elif [[ $DATABASE != h2 ]]; then
  echo "usage: bench/crash.sh [h2|postgresql]" >&2
  exit 2
fi

start_service "$PWD/rules" "${OPTIONS[@]}"
use_service_key

echo "crash test on $DATABASE: $ROUNDS rounds, $LOADERS loaders, $(machine_load)"
printf '%-6s %9s %9s %9s %9s %14s %13s\n' round answered acked ok missing other-decision no-work-item
TOTALS=(0 0 0 0 0 0)
for round in $(seq 1 "$ROUNDS"); do
  out=$BENCH_WORK/round-$round
  mkdir -p "$out"
  start_load "$out" "$LOADERS" "crash-$round"
  sleep "$((LOAD_SECONDS + round % 3))"
  kill -KILL "$SERVICE_PID"
  wait "$SERVICE_PID" 2> /dev/null || true
  SERVICE_PID=
  stop_load "$out"
  cat "$out"/*.acked > "$out/acked" 2> /dev/null || : > "$out/acked"
  answered=$(cat "$out"/*.answers | grep -vc ' 000' || true)

  start_service "$PWD/rules" "${OPTIONS[@]}"

  use_service_key
  read -r checked ok missing other no_work <<< "$(check_acknowledged "$out/acked" 30)"
  printf '%-6s %9d %9d %9d %9d %14d %13d\n' "$round" "$answered" "$checked" "$ok" "$missing" "$other" "$no_work"
  counts=("$answered" "$checked" "$ok" "$missing" "$other" "$no_work")
  for i in "${!TOTALS[@]}"; do TOTALS[i]=$((TOTALS[i] + counts[i])); done
done
printf '%-6s %9d %9d %9d %9d %14d %13d\n' total "${TOTALS[@]}"
((TOTALS[1] == TOTALS[2])) || { echo "FAILED: acknowledged leads lost or wrong after a kill" >&2; exit 1; }
echo "every acknowledged lead was there with its decision and work item after each kill"
