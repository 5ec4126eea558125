# Shell helpers for the reliability scripts (crash.sh, pg-outage.sh): source after bench/lib.sh.
# Load comes from parallel curl loops on 127.0.0.1; every acknowledged lead is written down with
# the decision it was answered with, then checked against the service over HTTP.

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1)}
PG_DIR=
PG_PORT=
PG_USER=leadrouter
AUTH_HEADER=

require_curl_jq() {
  command -v curl > /dev/null && command -v jq > /dev/null || { echo "curl and jq are needed (Debian: apt-get install -y curl jq)" >&2; exit 1; }
}

# The credential every request carries: the admin key start_service (bench/lib.sh) made with the
# users command. It makes a new one at every start, so call this after each start.
use_service_key() {
  AUTH_HEADER="Authorization: Bearer $LEADROUTER_KEY"
  export AUTH_HEADER
}
  export AUTH_HEADER
}

# pg_run TOOL ARGS...: a PostgreSQL server binary, as the postgres OS user when run as root
# (initdb and the server refuse to run as root).
pg_run() {
  local tool=$1; shift
  if [[ $(id -u) == 0 ]]; then
    runuser -u postgres -- "$PG_BIN/$tool" "$@"
  else
    "$PG_BIN/$tool" "$@"
  fi
}

# start_postgres: a throwaway cluster in a temp folder on a free loopback port (PG_DIR, PG_PORT).
start_postgres() {
  [[ -x $PG_BIN/initdb ]] || { echo "PostgreSQL server binaries missing (Debian: apt-get install -y postgresql) or set PG_BIN" >&2; exit 1; }
  PG_DIR=$(mktemp -d)
  [[ $(id -u) == 0 ]] && chown postgres "$PG_DIR"
  PG_PORT=$(free_port)
  pg_run initdb -D "$PG_DIR/data" -U "$PG_USER" -A trust -E UTF8 --no-sync --no-instructions > "$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
  postgres_up
}

postgres_up() {
  pg_run pg_ctl -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" start > /dev/null
}

# postgres_down: an abrupt stop (no checkpoint, clients cut), as a crash or a failover does.
postgres_down() {
  pg_run pg_ctl -D "$PG_DIR/data" -m immediate -w stop > /dev/null
}

stop_postgres() {
  if [[ -n $PG_DIR && -f $PG_DIR/data/postmaster.pid ]]; then
    postgres_down || true
  fi
  [[ -n $PG_DIR ]] && rm -rf "$PG_DIR"
  PG_DIR=
}

# The java options that point the service at the throwaway cluster.
postgres_options() {
  echo "-Dleadrouter.data.database=postgresql -Dquarkus.datasource.postgresql.jdbc.url=jdbc:postgresql://127.0.0.1:$PG_PORT/postgres -Dquarkus.datasource.postgresql.username=$PG_USER"
}

cleanup_reliability() {
  stop_service
  stop_postgres
}

lead_body() {
  printf '{"id":"%s","segment":"insurance","source":"web","product":"life","postcode":"LS1 4AP","estimatedValue":15000,"contact":{"phone":"07700 900123"}}' "$1"
}

# load_loop NAME OUT_DIR: posts leads with ids NAME-1, NAME-2... until OUT_DIR/stop exists. Writes
# every answer to OUT_DIR/NAME.answers ("<ms> <status> <retry-after>") and every acknowledged
# lead to OUT_DIR/NAME.acked ("<id>\t<answer body>"; the service answers JSON on one line).
load_loop() {
  local name=$1 out=$2 i=0 id status body
  body=$(mktemp)
  while [[ ! -e $out/stop ]]; do
    i=$((i + 1))
    id=$name-$i
    status=$(curl -s -o "$body" --max-time 15 -w '%{http_code} %header{retry-after}' ${AUTH_HEADER:+-H "$AUTH_HEADER"} \
      -H 'Content-Type: application/json' -d "$(lead_body "$id")" "$BASE/leads" || true)
    echo "$(now_ms) ${status:-000}" >> "$out/$name.answers"
    if [[ ${status%% *} == 201 || ${status%% *} == 200 ]]; then
      printf '%s\t%s\n' "$id" "$(< "$body")" >> "$out/$name.acked"
    fi
  done
  rm -f "$body"
}

# start_load OUT_DIR LOADERS PREFIX: that many load loops in the background (LOAD_PIDS).
start_load() {
  local out=$1 loaders=$2 prefix=$3
  rm -f "$out/stop"
  LOAD_PIDS=()
  for n in $(seq 1 "$loaders"); do
    load_loop "$prefix-$n" "$out" &
    LOAD_PIDS+=($!)
  done
}

stop_load() {
  touch "$1/stop"
  wait "${LOAD_PIDS[@]}" 2> /dev/null || true
}

# check_lead ID DECISION: "ok", or what is wrong with an acknowledged lead: "missing",
# "other-decision" or "no-work-item".
check_lead() {
  local id=$1 decision=$2 recorded
  recorded=$(curl -sf --max-time 15 ${AUTH_HEADER:+-H "$AUTH_HEADER"} "$BASE/leads/$id") || { echo missing; return; }
  if [[ $(jq -cS .decision <<< "$recorded") != "$(jq -cS . <<< "$decision")" ]]; then
    echo other-decision
  elif ! curl -sf -o /dev/null --max-time 15 ${AUTH_HEADER:+-H "$AUTH_HEADER"} "$BASE/leads/$id/assignment"; then
    echo no-work-item
  else
    echo ok
  fi
}

# check_acknowledged ACKED_FILE [WAIT_S]: checks every lead in the file (4 at a time) and prints
# "<checked> <ok> <missing> <other-decision> <no-work-item>". Leads not yet right are checked
# again for up to WAIT_S seconds (a work item is made by the scanner shortly after a restart).
check_acknowledged() {
  local acked=$1 wait_s=${2:-30} deadline results pending
  results=$(mktemp)
  pending=$(mktemp)
  cp "$acked" "$pending"
  deadline=$(($(now_ms) + wait_s * 1000))
  export BASE AUTH_HEADER
  export -f check_lead
  while :; do
    : > "$results"
    # shellcheck disable=SC2016 # expanded by the inner shell
    xargs -d '\n' -P 4 -n 1 bash -c 'IFS=$'"'"'\t'"'"' read -r id decision <<< "$1"
      printf "%s\t%s\n" "$(check_lead "$id" "$decision")" "$1"' _ < "$pending" >> "$results"
    grep -v '^ok' "$results" | cut -f2- > "$pending.next" || true
    if [[ ! -s $pending.next ]] || (($(now_ms) > deadline)); then
      break
    fi
    grep '^ok' "$results" >> "$results.ok" || true
    mv "$pending.next" "$pending"
    sleep 1
  done
  cat "$results" >> "$results.ok"
  awk -F'\t' -v checked="$(wc -l < "$acked")" '
    { n[$1]++ }
    END { printf "%d %d %d %d %d\n", checked, n["ok"], n["missing"], n["other-decision"], n["no-work-item"] }' "$results.ok"
  rm -f "$results" "$results.ok" "$pending" "$pending.next"
}
