#!/usr/bin/env bash
# Full fuzz run: COUNT requests per write endpoint (default 10,000) against the packaged service,
# on H2 and, where the server binaries are installed, PostgreSQL (docs/reliability.md). Builds the
# jar, runs FuzzIT and FuzzPostgresIT, and prints the summaries (samples of each failure are in
# target/fuzz-report-*.txt). Exits non-zero if any check failed.
#
#   bench/fuzz.sh            # 10,000 per endpoint: about 10 min on H2 and 4 min on PostgreSQL
#   SEED=12 bench/fuzz.sh 2000
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
./mvnw -B -q verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test='Fuzz*IT' \
  -Dleadrouter.fuzz.count="${1:-10000}" -Dleadrouter.fuzz.seed="${SEED:-11}" > target/fuzz-run.log 2>&1 || status=$?
for report in target/fuzz-report-*.txt; do
  [[ -f $report ]] && grep -v '^    ' "$report"
done
((status == 0)) || echo "failed checks or a failed build: see above and target/fuzz-run.log" >&2
exit "$status"
