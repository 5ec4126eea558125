#!/usr/bin/env bash
# Disk per recorded lead on the embedded database: records LEADS leads through POST /leads (the
# real write path, assignment on as by default, sample insurance leads with a new id each), stops
# the service cleanly, then divides the H2 file's size by the leads recorded and lists the space
# each table and index takes (H2's DISK_SPACE_USED, which counts a table's indexes with it), and
# the size of the file once rewritten with only its live rows (SHUTDOWN COMPACT).
#
#   bench/disk-per-lead.sh                # 100,000 leads
#   LEADS=1000000 bench/disk-per-lead.sh
#   JAVA_OPTS="-Dleadrouter.assignment.enabled=false" bench/disk-per-lead.sh
#   H2_OPTIONS=";WRITE_DELAY=10" bench/disk-per-lead.sh   # the H2 URL's settings instead of the built-in ones
#   SWEEP=1 bench/disk-per-lead.sh        # then restart with a retention every lead is past, sample the file
#   JAR=/tmp/old/quarkus-run.jar bench/disk-per-lead.sh   # another build (a copy of its target/quarkus-app)
# It stops early, with what it measured, when under MIN_FREE_GB (20) GB are left on the disk.
#
# Needs wrk and target/quarkus-app (./mvnw -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

LEADS=${LEADS:-100000}
MIN_FREE_GB=${MIN_FREE_GB:-20}
H2_JAR=$(ls "$(dirname "$JAR")"/lib/main/com.h2database.h2-*.jar)

require_wrk
require_jar
make_work_dir
if [[ -n ${H2_OPTIONS:-} ]]; then
  start_service "$PWD/rules" -Dquarkus.datasource.h2.jdbc.url="jdbc:h2:file:$BENCH_WORK/data/leadrouter$H2_OPTIONS"
else
  start_service "$PWD/rules"
fi
echo "service on $BASE; $(machine_load); recording $LEADS leads"

recorded() {
  curl -s "${AUTH[@]}" "$BASE/q/metrics" \
    | awk '/^leadrouter_leads_recorded_total/ { n += $NF } END { printf "%d\n", n }'
}

start=$(now_ms)
wrk -t2 -c32 -d1h -s bench/post-lead.lua "$BASE/leads" > /dev/null &
WRK=$!
# The file's size as the leads come in: whether it grows with the leads or with the time.
next_sample=$start
while :; do
  count=$(recorded)
  ((count < LEADS)) || break
  if (($(now_ms) >= next_sample)); then
    bytes=$(stat -c %s "$BENCH_WORK/data/leadrouter.mv.db")
    echo "  $((($(now_ms) - start) / 1000)) s: $count leads, file $((bytes / 1048576)) MiB, $((bytes / (count > 0 ? count : 1))) bytes per lead"
    # A run of the unkept file can fill the disk other work shares: stop with what was measured.
    if (($(df --output=avail -k "$BENCH_WORK" | tail -n 1) < MIN_FREE_GB * 1048576)); then
      echo "  stopping: under $MIN_FREE_GB GB free on the disk"
      break
    fi
    next_sample=$((next_sample + 10000))
  fi
  sleep 1
done
kill "$WRK"
wait "$WRK" 2> /dev/null || true
echo "recorded in $((($(now_ms) - start) / 1000)) s; file while running: $(stat -c %s "$BENCH_WORK/data/leadrouter.mv.db") bytes"
kill "$SERVICE_PID"
wait "$SERVICE_PID" 2> /dev/null || true
SERVICE_PID=

if [[ -n ${SWEEP:-} ]]; then
  # Whether deleting rows gives the space back: the service again on the same file, with a retention
  # that every recorded lead is past, so its first sweep deletes them all (work items no agent
  # finished stay: they are live work); the file is sampled while the sweep and compaction run.
  echo "after a clean stop: file $(stat -c %s "$BENCH_WORK/data/leadrouter.mv.db") bytes"
  start_service "$PWD/rules" -Dleadrouter.retention.decisions=1s
  sweep_start=$(now_ms)
  for i in $(seq 1 "${SWEEP_SAMPLES:-12}"); do
    sleep 10
    swept=$(grep -o 'retention: deleted [0-9]* leads' "$(service_log)" | head -n 1 || true)
    echo "  sweep +$((($(now_ms) - sweep_start) / 1000)) s: file $(($(stat -c %s "$BENCH_WORK/data/leadrouter.mv.db") / 1048576)) MiB; ${swept:-sweep running}"
  done
  kill "$SERVICE_PID"
  wait "$SERVICE_PID" 2> /dev/null || true
  SERVICE_PID=
fi

sql() {
  java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$BENCH_WORK/data/leadrouter" -user sa -password "" -sql "$1"
}
BYTES=$(stat -c %s "$BENCH_WORK/data/leadrouter.mv.db")
COUNT=$(sql "SELECT COUNT(*) FROM leads" | sed -n 2p | tr -d ' ')
((COUNT > 0)) || COUNT=1
echo "H2 file: $BYTES bytes for $COUNT leads: $((BYTES / COUNT)) bytes per lead"
echo "space per table (with its indexes), bytes per lead:"
for table in leads work_items work_events work_skills work_match_keys offers lead_minutes rule_minutes; do
  used=$(sql "SELECT DISK_SPACE_USED('$table')" | sed -n 2p | tr -d ' ')
  printf '  %-16s %12d bytes  %6d per lead\n' "$table" "$used" "$((used / COUNT))"
done
echo "average stored widths (characters) of the leads row's text columns:"
sql "SELECT AVG(LENGTH(lead_json)) lead_json, AVG(LENGTH(rules_fired)) rules_fired, AVG(LENGTH(reason)) reason,
  AVG(LENGTH(required_skills)) skills, AVG(LENGTH(degraded)) degraded, AVG(LENGTH(id)) id FROM leads"
# What the live rows take: the same file rewritten with only them (H2's SHUTDOWN COMPACT).
sql "SHUTDOWN COMPACT" > /dev/null
COMPACT=$(stat -c %s "$BENCH_WORK/data/leadrouter.mv.db")
echo "after SHUTDOWN COMPACT: $COMPACT bytes: $((COMPACT / COUNT)) bytes per lead"
