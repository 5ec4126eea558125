# Shell helpers shared by the bench scripts: source it from a script that has cd'ed to the
# project root. Everything runs on 127.0.0.1; the service gets a free port and a throwaway folder.

# JAR=... runs another build (e.g. a copy of target/quarkus-app from before a change).
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
BENCH_WORK=
SERVICE_PID=
BASE=
# The bench's API key (admin), created by start_service with the users command; the wrk scripts
# read it from the environment, curl calls pass "${AUTH[@]}".
export LEADROUTER_KEY=
AUTH=()

require_wrk() {
  command -v wrk > /dev/null || { echo "wrk is missing (Debian: apt-get install -y wrk)" >&2; exit 1; }
}

# rate_bench ARGS...: bench/RateBench.java without a collector (Epsilon): with one, the client's own
# young pauses (up to 25 ms, docs/performance.md) stopped its sending and reading and counted in the
# service's tail. Its garbage is kept: a 30 s run scheduled at 7,000/s used about 0.5 GB, so the
# 4 GB heap holds the scripts' runs of tens of seconds; a run of much over a million requests stops
# with OutOfMemoryError.
rate_bench() {
  java -XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC -Xmx4g -Xlog:gc+init=error bench/RateBench.java "$@"
}

require_jar() {
  [[ -f $JAR ]] || { echo "$JAR is missing: run ./mvnw -B package -DskipTests" >&2; exit 1; }
}

# Below Linux's ephemeral range (32768-60999): a port there can be the local end of one of the
# load's own client connections, and the service then fails to bind it.
free_port() {
  local port
  while :; do
    port=$((10000 + RANDOM % 22000))
    (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null || { echo "$port"; return; }
  done
}

# A throwaway folder for the service's data, log and copied rules; removed on exit with the service
# (KEEP_WORK=1 keeps it for a look).
make_work_dir() {
  BENCH_WORK=$(mktemp -d)
  trap stop_service EXIT
}

stop_service() {
  if [[ -n $SERVICE_PID ]]; then
    kill "$SERVICE_PID" 2> /dev/null || true
    wait "$SERVICE_PID" 2> /dev/null || true
    SERVICE_PID=
  fi
  stop_postgres
  if [[ -n $BENCH_WORK && -n ${KEEP_WORK:-} ]]; then
    echo "work folder kept: $BENCH_WORK" >&2
  elif [[ -n $BENCH_WORK ]]; then
    rm -rf "$BENCH_WORK"
  fi
}

# initdb and the server refuse to run as root.
as_postgres() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# start_postgres DIR: a throwaway local PostgreSQL server with its data in DIR (made here), from the
# newest installed server binaries (or PG_BIN), durable (fsync and synchronous_commit on), on a free
# port; exports the settings that point the service at it. Stopped by stop_postgres (and stop_service).
PG_DATA=
start_postgres() {
  PG_DATA=$1
  PG_BIN=${PG_BIN:-$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")}
  local port
  port=$(free_port)
  chmod 755 "$(dirname "$PG_DATA")"
  mkdir "$PG_DATA"
  if [[ $(id -u) == 0 ]]; then chown postgres "$PG_DATA"; fi
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U bench -A trust -E UTF8 --no-instructions > /dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
      -o "-p $port -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on" start > /dev/null
  export LEADROUTER_DATA_DATABASE=postgresql
  export QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL="jdbc:postgresql://127.0.0.1:$port/postgres"
  export QUARKUS_DATASOURCE_POSTGRESQL_USERNAME=bench
  export QUARKUS_DATASOURCE_POSTGRESQL_PASSWORD=bench
}

stop_postgres() {
  if [[ -n $PG_DATA && -d $PG_DATA ]]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop > /dev/null 2>&1 || true
  fi
  PG_DATA=
}

# Copies the sample rules into the work folder, so a bench can rewrite them; prints the copy's path.
copy_rules() {
  cp -r rules "$BENCH_WORK/rules"
  echo "$BENCH_WORK/rules"
}

# start_service RULES_DIR [JAVA OPTION...]: creates an admin API key in the work folder, starts the
# packaged jar and waits until it is ready; sets SERVICE_PID, BASE, LEADROUTER_KEY and AUTH.
# JAVA_OPTS from the environment are passed on too.
start_service() {
  local rules_dir=$1; shift
  local port
  port=$(free_port)
  LEADROUTER_KEY=$(java -Dleadrouter.data.dir="$BENCH_WORK/data" -jar "$JAR" users add bench --roles admin | tail -n 1)
  AUTH=(-H "Authorization: Bearer $LEADROUTER_KEY")
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  java ${JAVA_OPTS:-} "$@" -Dquarkus.http.port="$port" -Dleadrouter.data.dir="$BENCH_WORK/data" \
    -Dleadrouter.rules.dir="$rules_dir" -jar "$JAR" > "$BENCH_WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  BASE=http://127.0.0.1:$port
  for _ in $(seq 1 240); do
    curl -sf "$BASE/q/health/ready" > /dev/null 2>&1 && return
    kill -0 "$SERVICE_PID" 2> /dev/null || { cat "$BENCH_WORK/service.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "service not ready" >&2
  cat "$BENCH_WORK/service.log" >&2
  exit 1
}

service_log() {
  echo "$BENCH_WORK/service.log"
}

# wrk_summary NAME: one line from wrk --latency output on stdin.
wrk_summary() {
  awk -v name="$1" '
    /Requests\/sec/ { rps = $2 }
    / requests in / { total = $1 }
    /^ +50%/ { p50 = $2 }
    /^ +90%/ { p90 = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx/ { errors = $NF }
    /Socket errors/ { socket = $0 }
    END {
      printf "%-28s %9s requests %10s req/s   p50 %-9s p90 %-9s p99 %-9s non-2xx %s%s\n", name, total, rps,
        p50, p90, p99, (errors ? errors : 0), (socket ? "  (" socket ")" : "")
    }'
}

# Bash's own clock: no date process per call, which polling loops would otherwise start by the hundred.
now_ms() {
  local t=${EPOCHREALTIME/[.,]/}
  echo $((t / 1000))
}

# active_version SEGMENT: the segment's active rulesetVersion at GET /segments/{name}.
active_version() {
  curl -sf "${AUTH[@]}" "$BASE/segments/$1" | sed -n 's/.*"rulesetVersion":"\([^"]*\)".*/\1/p'
}

# wait_for_version SEGMENT VERSION [TIMEOUT_MS]: polls until VERSION is the active one.
wait_for_version() {
  local deadline
  deadline=$(($(now_ms) + ${3:-60000}))
  until [[ $(active_version "$1") == "$2" ]]; do
    (($(now_ms) < deadline)) || { echo "segment $1 did not get to $2" >&2; return 1; }
    sleep 0.05
  done
}

# wait_for_new_version SEGMENT OLD [TIMEOUT_MS] [POLL_S]: polls until the active version is not OLD;
# prints the new version, or nothing after the timeout.
wait_for_new_version() {
  local segment=$1 old=$2 timeout_ms=${3:-60000} poll=${4:-0.015}
  local deadline version
  deadline=$(($(now_ms) + timeout_ms))
  while (($(now_ms) < deadline)); do
    version=$(active_version "$segment")
    if [[ -n $version && $version != "$old" ]]; then
      echo "$version"
      return
    fi
    sleep "$poll"
  done
}

# heap_after_gc: "<heap used KiB> <metaspace used KiB>" of the service after two full GCs (jcmd).
heap_after_gc() {
  jcmd "$SERVICE_PID" GC.run > /dev/null
  jcmd "$SERVICE_PID" GC.run > /dev/null
  jcmd "$SERVICE_PID" GC.heap_info | awk '
    / total [0-9]+K, used [0-9]+K/ && !heap { match($0, /used [0-9]+K/); heap = substr($0, RSTART + 5, RLENGTH - 6) }
    /^ *Metaspace +used/ { match($0, /used [0-9]+K/); meta = substr($0, RSTART + 5, RLENGTH - 6) }
    END { print heap, meta }'
}

# Machine load next to the figures: the machine is shared, so ratios within one run are what count.
machine_load() {
  echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# service_cpu_ticks: processor time the service has used so far (user + system), in clock ticks.
service_cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$SERVICE_PID/stat"
}

# thread_times FILE: one line per thread of the service into FILE: its task id, its name with digits
# folded (so "GC Thread#0" and "#1" add up; the JIT's C1 and C2 threads are kept apart), the
# processor time it has used (user + system, clock ticks) and the time it has waited for a processor
# (nanoseconds, from schedstat). Two of them a phase apart go to thread_summary.
thread_times() {
  local task line name rest wait fields
  for task in /proc/"$SERVICE_PID"/task/*; do
    { line=$(< "$task/stat") && read -r _ wait _ < "$task/schedstat"; } 2> /dev/null || continue
    name=${line#*\(}
    name=${name%)*}
    [[ $name == C[12]\ * ]] || name=${name//[0-9]/N}
    rest=${line##*) }
    read -r -a fields <<< "$rest"
    printf '%s\t%s\t%d\t%d\n' "${task##*/}" "$name" $((fields[11] + fields[12])) "$wait"
  done > "$1"
}

# thread_summary BEFORE AFTER SECONDS: the service's busiest threads between two thread_times files,
# by name: processor used (cores) and time spent waiting for a processor (ms per second).
thread_summary() {
  awk -F'\t' -v ticks="$(getconf CLK_TCK)" -v seconds="$3" '
    NR == FNR { cpu[$1] = $3; waited[$1] = $4; next }
    { used[$2] += $3 - cpu[$1]; wait[$2] += $4 - waited[$1] }
    END {
      for (name in used) if (used[name] > 0) printf "%.3f\t%s\t%.0f\n", used[name] / ticks / seconds, name, wait[name] / 1e6 / seconds
    }' "$1" "$2" | sort -rn | head -n "${THREADS_SHOWN:-6}" |
    awk -F'\t' '{ printf "    %-18s %6.3f cores, waited %4.0f ms/s for a processor\n", $2, $1, $3 }'
}

# jit_ticks: processor time the service's JIT compiler threads have used so far, in clock ticks
# (from thread_times, which keeps the C1 and C2 threads' names apart).
jit_ticks() {
  thread_times "$BENCH_WORK/jit-threads"
  awk -F'\t' '$2 ~ /^C[12] CompilerThre/ { total += $3 } END { print total + 0 }' "$BENCH_WORK/jit-threads"
}

# warm_until_settled NAME WRK-ARGS...: runs wrk in rounds of WARM_ROUND (10 s) until the JIT
# compilers used under SETTLED_CORES (0.05) of a core in a round, after at least MIN_WARM_ROUNDS (2)
# and at most MAX_WARM_ROUNDS (18). On two cores under full load C2 goes on compiling H2's and the
# HTTP stack's code for 60-100 s of POST /leads, taking up to 0.7 of a core from the service: a
# fixed 30 s warm-up measured the intake at two thirds of its warm rate. Prints one line per round.
warm_until_settled() {
  local name=$1; shift
  local seconds=${WARM_ROUND:-10} round=0 before after output cores
  while :; do
    round=$((round + 1))
    before=$(jit_ticks)
    output=$(wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-32}" -d"${seconds}s" "$@")
    after=$(jit_ticks)
    cores=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v s="$seconds" 'BEGIN { printf "%.3f", t / hz / s }')
    printf '    warming %s, round %d: %s req/s, JIT %s cores\n' "$name" "$round" \
      "$(awk '/Requests\/sec/ { print $2 }' <<< "$output")" "$cores"
    if ((round >= ${MIN_WARM_ROUNDS:-2})) && awk -v c="$cores" -v limit="${SETTLED_CORES:-0.05}" 'BEGIN { exit !(c < limit) }'; then
      return
    fi
    if ((round >= ${MAX_WARM_ROUNDS:-18})); then
      echo "    $name: the JIT had not settled after $round rounds; measuring anyway" >&2
      return
    fi
  done
}

# gc_log_option FILE: the JVM option that logs each collector pause to FILE, stamped with the wall
# clock in milliseconds, for gc_pauses.
gc_log_option() {
  echo "-Xlog:gc:file=$1:timemillis"
}

# gc_pauses FILE FROM_MS TO_MS: the collector's stop-the-world pauses that ended between two
# now_ms readings: how many, their total and the longest.
gc_pauses() {
  awk -v from="$2" -v to="$3" -F'[][]' '/Pause/ {
      t = $2; sub(/ms$/, "", t)
      if (t + 0 < from || t + 0 > to) next
      n = split($0, parts, " "); d = parts[n]; sub(/ms$/, "", d)
      count++; total += d; if (d + 0 > max) max = d + 0
    }
    END { printf "    collector: %d pauses, %.0f ms in all, longest %.1f ms\n", count, total, max }' "$1"
}
