#!/usr/bin/env bash
# The README's two commands on a machine where no MySQL/MariaDB answers: the configured address points at
# a closed port, so `./maple dev` and the tests must fall back to the embedded MariaDB. Checks that one
# Spark SQL job ends SUCCEED, that a second `./maple dev` on the same data is refused, that the job is
# still listed after a Ctrl-C and a restart, and that a module's ITs pass on the embedded server.
set -euo pipefail
cd "$(dirname "$0")/.."
API=http://localhost:${MAPLE_API_PORT:-8080}
LOG=var/embedded-check
CLOSED_PORT=${MAPLE_EMBEDDED_CHECK_PORT:-3399}
mkdir -p "$LOG"

say() { printf '[embedded-db] %s\n' "$*"; }
fail() { say "FAILED: $*"; exit 1; }

. .ci/dev-stack.sh
trap stop_dev EXIT

(exec 3<>"/dev/tcp/127.0.0.1/$CLOSED_PORT") 2>/dev/null && fail "something answers on $CLOSED_PORT: pick another MAPLE_EMBEDDED_CHECK_PORT"
export MAPLE_DB_PORT=$CLOSED_PORT
unset MAPLE_DB_URL
export MAPLE_LOCAL_WORKDIR="$PWD/$LOG/work"
fresh=$([ -d var/mariadb/data ] && echo warm || echo first)

start_dev "./maple dev" "$LOG/dev.log"
grep -q '^\[maple\] database: embedded MariaDB .* at 127.0.0.1:[0-9]*, data in var/mariadb$' "$LOG/dev.log" \
  || { grep database "$LOG/dev.log"; fail "./maple dev did not say it uses the embedded MariaDB"; }
say "ready on the embedded MariaDB after ${READY_S}s ($fresh start, build included)"

unique="embedded-sql-$(date +%s)"
id="$(curl -fsS -X POST "$API/api/v1/executions" -H 'Content-Type: application/json' -d '{
  "uniqueId": "'"$unique"'", "execName": "embedded_sql", "fromApp": "schedule", "cluster": "local",
  "clusterQueue": "default", "engineCategory": "spark", "engineVersion": "3.5.5", "priority": 1,
  "group": "maple", "user": "me", "job": {"runType": "sql", "jobConf": {"sql": "SELECT sum(id) FROM range(10)"}}}' \
  | json_field id)"
t0=$SECONDS
wait_status "$id" SUCCEED 300
say "spark sql execution $id: SUCCEED, $((SECONDS - t0))s from submit"

if MAPLE_SKIP_BUILD=1 MAPLE_API_PORT=18180 MAPLE_WORKER_PORT=18181 MAPLE_TEMPORAL_PORT=17233 ./maple dev \
    > "$LOG/second-dev.log" 2>&1; then
  fail "a second ./maple dev on the same data dir started"
fi
grep -q "data dir var/mariadb is in use by another ./maple dev" "$LOG/second-dev.log" \
  || { cat "$LOG/second-dev.log"; fail "a second ./maple dev did not say the data dir is in use"; }
[ "$(status_of "$id")" = SUCCEED ] || fail "the first stack lost execution $id after a second ./maple dev"
say "a second ./maple dev is refused: $(grep -m1 'in use' "$LOG/second-dev.log")"

stop_dev
pgrep -f "io.maple.embeddeddb.DevDatabase $PWD/var/mariadb" > /dev/null && fail "the embedded MariaDB outlived Ctrl-C"

MAPLE_SKIP_BUILD=1 start_dev "./maple dev" "$LOG/dev-again.log"
say "ready again after ${READY_S}s (warm start, no build)"
[ "$(status_of "$id")" = SUCCEED ] || fail "execution $id is not SUCCEED after a restart"
curl -fsS "$API/api/v1/executions?size=20" | grep -q "\"$unique\"" || fail "execution $id is not listed after a restart"
say "execution $id is still listed, SUCCEED, after Ctrl-C and a restart"
stop_dev

t0=$SECONDS
./mvnw -B -ntp -pl persistence -am verify -Dmaple.test.jdbc.base="jdbc:mysql://127.0.0.1:$CLOSED_PORT" \
  > "$LOG/persistence-tests.log" 2>&1 || { tail -60 "$LOG/persistence-tests.log"; fail "persistence tests on the embedded MariaDB"; }
grep -q '^\[maple\] tests use the embedded MariaDB' "$LOG/persistence-tests.log" || fail "the tests did not use the embedded MariaDB"
say "persistence ITs pass on the embedded MariaDB: $(grep -E '^\[INFO\] Tests run: [0-9]+, Failures: 0, Errors: 0, Skipped: [0-9]+$' "$LOG/persistence-tests.log" | tail -1 | sed 's/\[INFO\] //') ($((SECONDS - t0))s)"
say "done in ${SECONDS}s"
