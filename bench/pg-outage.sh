#!/usr/bin/env bash
# PostgreSQL outage test on loopback: the packaged service records to a throwaway local cluster
# under load from parallel curl loops; the cluster is stopped abruptly (pg_ctl stop -m immediate)
# for OUTAGE_SECONDS, then started again. The service is never restarted. Checks that answers
# during the outage are 503 with Retry-After (never a 500), that leads are acknowledged again
# after the database is back, and that every acknowledged lead is there with its decision and
# work item. Repeats ROUNDS times on the same service and prints the counts.
#
#   bench/pg-outage.sh
#   ROUNDS=3 OUTAGE_SECONDS=10 LOADERS=8 bench/pg-outage.sh
#
# Needs curl, jq, target/quarkus-app (./mvnw package) and the PostgreSQL server binaries (Debian:
# apt-get install -y postgresql). Exits non-zero if any check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source bench/reliability-lib.sh

ROUNDS=${ROUNDS:-2}
LOADERS=${LOADERS:-8}
LOAD_SECONDS=${LOAD_SECONDS:-3}
OUTAGE_SECONDS=${OUTAGE_SECONDS:-5}
# After the database is back: how long the service may take to acknowledge leads again.
RECOVERY_TIMEOUT_SECONDS=${RECOVERY_TIMEOUT_SECONDS:-60}

require_curl_jq
require_jar
make_work_dir
trap cleanup_reliability EXIT
start_postgres
read -ra OPTIONS <<< "$(postgres_options)"
start_service "$PWD/rules" "${OPTIONS[@]}"
use_service_key

# first_ack_after OUT_DIR MS: the time (ms) of the first 201/200 answered after MS, or nothing.
first_ack_after() {
  cat "$1"/*.answers | awk -v after="$2" '$1 > after && ($2 == 201 || $2 == 200) { print $1 }' | sort -n | head -1
}

echo "PostgreSQL outage test: $ROUNDS rounds, ${OUTAGE_SECONDS} s outages, $LOADERS loaders, $(machine_load)"
printf '%-6s %9s %12s %12s %10s %9s %9s %9s %12s %9s %9s %14s %13s\n' round answered \
  'outage:503+RA' '503-no-RA' 'outage:2xx' 'outage:4xx' 'outage:none' '5xx!=503' 'recovered-ms' acked ok missing-or-wrong no-work-item
FAILED=0
for round in $(seq 1 "$ROUNDS"); do
  out=$BENCH_WORK/round-$round
  mkdir -p "$out"
  start_load "$out" "$LOADERS" "outage-$round"
  sleep "$LOAD_SECONDS"
  down_at=$(now_ms)
  postgres_down
  sleep "$OUTAGE_SECONDS"
  up_at=$(now_ms)
  postgres_up
  recovered_at=
  deadline=$((up_at + RECOVERY_TIMEOUT_SECONDS * 1000))
  while [[ -z $recovered_at ]] && (($(now_ms) < deadline)); do
    sleep 0.2
    recovered_at=$(first_ack_after "$out" "$up_at")
  done
  sleep 2
  stop_load "$out"
  kill -0 "$SERVICE_PID" 2> /dev/null || { echo "the service died" >&2; exit 1; }

  read -r answered ra no_ra ok2xx bad4xx none other5xx <<< "$(cat "$out"/*.answers | awk -v down="$down_at" -v up="$up_at" '
    $2 != "000" { answered++ }
    $2 >= 500 && $2 != 503 { other5xx++ }
    $2 == 503 && $3 == "" { no_ra++ }
    $1 > down && $1 <= up {
      if ($2 == 503 && $3 != "") ra++
      else if ($2 >= 200 && $2 < 300) ok2xx++
      else if ($2 >= 400 && $2 < 500) bad4xx++
      else if ($2 == "000") none++
    }
    END { printf "%d %d %d %d %d %d %d\n", answered, ra, no_ra, ok2xx, bad4xx, none, other5xx }')"
  cat "$out"/*.acked > "$out/acked" 2> /dev/null || : > "$out/acked"
  read -r checked good missing other no_work <<< "$(check_acknowledged "$out/acked" 30)"
  recovered_ms=${recovered_at:+$((recovered_at - up_at))}
  printf '%-6s %9d %12d %12d %10d %9d %9d %9d %12s %9d %9d %14d %13d\n' "$round" "$answered" "$ra" "$no_ra" "$ok2xx" \
    "$bad4xx" "$none" "$other5xx" "${recovered_ms:-never}" "$checked" "$good" "$((missing + other))" "$no_work"
  if [[ -z $recovered_ms ]] || ((no_ra > 0 || other5xx > 0 || checked != good)); then
    FAILED=1
  fi
done
curl -sf -o /dev/null "$BASE/q/health/ready" || { echo "FAILED: the service is not ready after the outages" >&2; exit 1; }
((FAILED == 0)) || { echo "FAILED: see the rows above (503 without Retry-After, other 5xx, no recovery, or acknowledged leads lost)" >&2; exit 1; }
echo "503 with Retry-After during each outage, recovery without a restart, every acknowledged lead there with its work item"
