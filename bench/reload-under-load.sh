#!/usr/bin/env bash
# Reload under load: both sample segments take a steady wrk load (one wrk per segment, so each
# segment's latency is measured on its own) while the insurance rules are rewritten every second,
# alternating a good version (a harmless comment changes the content hash) and a broken one (a DRL
# syntax error). Half of the rewrites are picked up by the watcher alone, the other half are also
# reloaded with POST /segments/insurance/reload. The same load without reloads runs before and
# after, in the same run, as the baseline.
#
#   bench/reload-under-load.sh                       # 30 s warm-up, 75 s phases, reloads for 60 s
#   DURATION=30 RELOAD_FOR=20 WARMUP=10s bench/reload-under-load.sh
#   PATHS="/leads /routes/preview" bench/reload-under-load.sh   # insurance recorded, telecoms previewed
#
# Reports per phase and segment: requests, req/s, latency percentiles, non-2xx and socket errors,
# and every answer counted by status, rulesetVersion and fallback (bench/segment-leads.lua).
# Needs wrk and target/quarkus-app (./mvnw -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

DURATION=${DURATION:-75}
RELOAD_FOR=${RELOAD_FOR:-60}
WARMUP=${WARMUP:-30s}
CONNECTIONS=${CONNECTIONS:-16}
read -r INSURANCE_PATH TELECOMS_PATH <<< "${PATHS:-/routes/preview /routes/preview}"
LUA=bench/segment-leads.lua

require_wrk
require_jar
make_work_dir
RULES=$(copy_rules)
start_service "$RULES"
DRL=$RULES/insurance/routing.drl

# The three contents the insurance routing file takes turns with.
cp "$DRL" "$BENCH_WORK/good-a.drl"
{ cat "$DRL"; printf '\n// Reload bench: a harmless comment, so this version has a content hash of its own.\n'; } \
  > "$BENCH_WORK/good-b.drl"
{ cat "$DRL"; printf '\nrule "Broken on purpose" when Lead( then end\n'; } > "$BENCH_WORK/broken.drl"

# Replaces the file in one rename, as editors that save to a temporary file do.
install_drl() {
  cp "$BENCH_WORK/$1.drl" "$BENCH_WORK/next.drl"
  mv "$BENCH_WORK/next.drl" "$DRL"
}

# The wrk scripts' sample lead of the segment, with this id.
lead_json() {
  sed "s/LEAD_ID/$2/" "bench/leads/$1.json"
}

# Records one lead of the segment (POST /leads): "<segment> <status> <version> fallback=<bool>".
record_lead() {
  curl -s -w ' %{http_code}\n' "${AUTH[@]}" -X POST -H 'Content-Type: application/json' -d "$(lead_json "$1" "$2")" "$BASE/leads" \
    | sed -n 's/.*"fallback":\([a-z]*\).*"rulesetVersion":"\([^"]*\)".* \([0-9]*\)$/'"$1"' \3 \2 fallback=\1/p;t;s/.* \([0-9]*\)$/'"$1"' \1 none/p'
}

# Until the file $1 is removed, records a lead of each segment every 200 ms into $2.
record_leads() {
  local i=0
  while [[ -f $1 ]]; do
    record_lead insurance "sample-$i-$RANDOM$RANDOM" >> "$2"
    record_lead telecoms "sample-$i-$RANDOM$RANDOM" >> "$2"
    i=$((i + 1))
    sleep 0.2
  done
}

# One rewrite a second for RELOAD_FOR seconds: good-b, broken, good-a, broken, ... Every other
# pair of rewrites is also reloaded with POST (in the background: a compile under load can take
# longer than the second), the others are left to the watcher.
reload_loop() {
  local prefix=$1 start next i=0 version posts=()
  start=$(now_ms)
  while (($(now_ms) - start < RELOAD_FOR * 1000)); do
    next=$((start + (i + 1) * 1000))
    case $((i % 4)) in
      0) version=good-b ;;
      2) version=good-a ;;
      *) version=broken ;;
    esac
    install_drl "$version"
    if (((i / 2) % 2 == 1)); then
      curl -s "${AUTH[@]}" -X POST "$BASE/segments/insurance/reload" > "$prefix-post-$i.json" &
      posts+=($!)
      echo "cycle $i wrote $version, POST reload" >> "$prefix-cycles.txt"
    else
      echo "cycle $i wrote $version, watcher" >> "$prefix-cycles.txt"
    fi
    i=$((i + 1))
    while (($(now_ms) < next)); do sleep 0.02; done
  done
  install_drl good-a
  wait "${posts[@]}"
  wait_for_version insurance "$INITIAL_INSURANCE"
}

# phase NAME RELOADS: both segments under load for DURATION seconds; with RELOADS=yes the reload
# loop starts after (DURATION - RELOAD_FOR) / 2 seconds, so it runs inside the load window.
phase() {
  local name=$1 reloads=$2
  local prefix=$BENCH_WORK/$name log_before
  log_before=$(wc -l < "$(service_log)")
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$LUA" "$BASE$INSURANCE_PATH" -- insurance \
    > "$prefix-insurance.txt" 2>&1 &
  local insurance_wrk=$!
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$LUA" "$BASE$TELECOMS_PATH" -- telecoms \
    > "$prefix-telecoms.txt" 2>&1 &
  local telecoms_wrk=$!
  if [[ $reloads == yes ]]; then
    sleep $(((DURATION - RELOAD_FOR) / 2))
    touch "$prefix-recording"
    record_leads "$prefix-recording" "$prefix-samples.txt" &
    local recorder=$!
    reload_loop "$prefix"
    rm "$prefix-recording"
    wait "$recorder"
  fi
  wait "$insurance_wrk" "$telecoms_wrk"
  tail -n +"$((log_before + 1))" "$(service_log)" > "$prefix-service.log"

  echo "== $name ($(machine_load) at the end)"
  wrk_summary "insurance $INSURANCE_PATH" < "$prefix-insurance.txt"
  sed -n 's/^answers: /    answers: /p' "$prefix-insurance.txt"
  wrk_summary "telecoms $TELECOMS_PATH" < "$prefix-telecoms.txt"
  sed -n 's/^answers: /    answers: /p' "$prefix-telecoms.txt"
  [[ $reloads == yes ]] || return 0
  local good broken
  # Good versions: the one active before, and every one promoted during the phase.
  good=$( { echo "$INITIAL_INSURANCE"; sed -n 's/.*segment insurance: loaded \(insurance@[0-9a-f]*\).*/\1/p' "$prefix-service.log"; } | sort -u)
  broken=$(sed -n 's/.*segment insurance: version \(insurance@[0-9a-f]*\) rejected.*/\1/p' "$prefix-service.log" | sort -u)
  echo "    rewrites: $(wc -l < "$prefix-cycles.txt") ($(grep -c watcher "$prefix-cycles.txt") left to the watcher)"
  echo "    POST reload answers: $(grep -ho '^{"segment":"insurance","result":"[A-Z_]*"' "$prefix"-post-*.json | cut -d\" -f8 | sort | uniq -c | tr -s ' \n' ' ')"
  echo "    service log: $(grep -c 'segment insurance: loaded' "$prefix-service.log") promotions, $(grep -c 'segment insurance: version .* rejected' "$prefix-service.log") rejections"
  echo "    good versions: $(echo "$good" | tr '\n' ' ')  broken versions: $(echo "$broken" | tr '\n' ' ')"
  echo "    leads recorded during the reloads (POST /leads, every 200 ms):"
  sort "$prefix-samples.txt" | uniq -c | sed 's/^/      /'
  echo "    answers decided by a version that is not a good one: $(grep -h '^answers: ' "$prefix-insurance.txt" \
    | awk -v good="$good" 'BEGIN { split(good, g, "\n"); for (i in g) ok[g[i]] = 1 } !($4 in ok) { n += $2 } END { print n + 0 }')"
}

INITIAL_INSURANCE=$(active_version insurance)
echo "service on $BASE; $(machine_load); insurance $INITIAL_INSURANCE, telecoms $(active_version telecoms)"
echo "warming up for $WARMUP"
wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$BASE$INSURANCE_PATH" -- insurance > /dev/null &
WARMUP_WRK=$!
wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$BASE$TELECOMS_PATH" -- telecoms > /dev/null
wait "$WARMUP_WRK"
echo "two wrk -t1 -c$CONNECTIONS (one per segment), ${DURATION} s per phase, reloads for ${RELOAD_FOR} s"
phase baseline-before no
phase reloads yes
phase baseline-after no
ERRORS=$(grep -c ' ERROR ' "$(service_log)" || true)
echo "ERROR lines in the service log: $ERRORS (the rejected broken versions log one each)"
grep ' ERROR ' "$(service_log)" | grep -v 'rejected by compile' | head -5 || true
