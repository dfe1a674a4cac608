#!/usr/bin/env bash
# Follows README.md literally: runs its marked blocks (<!-- walkthrough:NAME --> + a bash block) in
# order, the way a newcomer would paste them, and checks each job reaches the status the README says.
set -euo pipefail
cd "$(dirname "$0")/.."
API=http://localhost:${MAPLE_API_PORT:-8080}
LOG=var/walkthrough
mkdir -p "$LOG"

say() { printf '[walkthrough] %s\n' "$*"; }
fail() { say "FAILED: $*"; exit 1; }

block() { # the bash block that follows the marker <!-- walkthrough:$1 -->
  awk -v marker="<!-- walkthrough:$1 -->" '
    $0 == marker { found = 1; next }
    found && /^```bash/ { inside = 1; next }
    inside && /^```/ { exit }
    inside { print }' README.md
}

run_block() {
  local code
  code="$(block "$1")"
  [ -n "$code" ] || fail "README has no walkthrough block '$1'"
  bash -c "$code"
}

submit() { # block name -> execution id
  local out
  out="$(run_block "$1")"
  echo "$out" > "$LOG/$1.json"
  echo "$out" | json_field id
}

. .ci/dev-stack.sh

# What a missed delivery leaves behind, printed where the CI log shows it: Maple's record of every
# attempt, the worker's lines about the execution's deliveries, and the Temporal server's threads.
webhook_diagnostics() {
  say "webhook attempts Maple recorded for execution $1:"
  curl -sS "$API/api/v1/executions/$1/webhooks" || true
  echo
  say "worker log lines about its deliveries:"
  grep -n "maple-webhook-$1-\|webhook" var/log/worker.log | tail -40 || true
  say "Temporal server log:"
  tail -40 var/log/temporal.log || true
  local server
  server="$(pgrep -f "io.maple.devserver.TemporalDevServer ${MAPLE_TEMPORAL_PORT:-7233}" | head -1)"
  if [ -n "$server" ] && command -v jcmd > /dev/null; then
    jcmd "$server" Thread.print > "$LOG/temporal-threads.txt" 2>&1 || true
    # the test server starts children and delivers cancels on the common pool: a stuck one shows here
    say "Temporal server threads blocked or in the common pool (all in $LOG/temporal-threads.txt):"
    awk -v RS= '/commonPool|State: BLOCKED/' "$LOG/temporal-threads.txt" | head -120 || true
  fi
}
trap stop_dev EXIT

# A database and launch directory of its own, so that earlier runs on this machine change nothing.
DB=maple_walkthrough
mariadb -uroot -e "DROP DATABASE IF EXISTS $DB" 2>/dev/null \
  || mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB"
export MAPLE_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB?createDatabaseIfNotExist=true"
export MAPLE_LOCAL_WORKDIR="$PWD/$LOG/work"
rm -rf "$MAPLE_LOCAL_WORKDIR"

say "starting: $(block dev)"
start_dev "$(block dev)" "$LOG/dev.log"
ready_s=$READY_S
say "ready after ${ready_s}s"

t0=$SECONDS
sql_id="$(submit submit-sql)"
wait_status "$sql_id" SUCCEED 300
sql_s=$((SECONDS - t0))
ID="$sql_id" run_block get > "$LOG/get.json"
[ "$(json_field status < "$LOG/get.json")" = SUCCEED ] || fail "get block did not show SUCCEED"
say "spark sql execution $sql_id: SUCCEED, ${sql_s}s from submit"
ID="$sql_id" run_block log > "$LOG/log.json"
python3 - "$LOG/log.json" <<'PY' || fail "the log block did not show the SQL result (see $LOG/log.json)"
import json, re, sys
page = json.load(open(sys.argv[1]))
assert page["source"] == "local" and page["stream"] == "stdout" and page["complete"], page
assert any(re.fullmatch(r"\|45 *\|", line) for line in page["lines"]), page["lines"]
PY
curl -fsS "$API/api/v1/executions/$sql_id/log?stream=launch&size=10000" > "$LOG/log-launch.json"
[ "$(json_field total < "$LOG/log-launch.json")" -gt 0 ] || fail "stream=launch is empty"
say "spark sql execution $sql_id: its log shows the result, launch output $(json_field total < "$LOG/log-launch.json") lines"

t0=$SECONDS
jar_id="$(submit submit-jar)"
wait_status "$jar_id" SUCCEED 300
say "spark jar execution $jar_id: SUCCEED, $((SECONDS - t0))s from submit"

long_id="$(submit submit-long)"
wait_status "$long_id" RUNNING 300
ID="$long_id" run_block kill > "$LOG/kill.json"
wait_status "$long_id" KILLED 60
sleep 2
if pgrep -f "io.maple.examples.SparkPi.* 600$" > /dev/null; then fail "the killed job's processes are still running"; fi
say "long spark execution $long_id: KILLED, no process left"

t0=$SECONDS
flink_id="$(submit submit-flink)"
wait_status "$flink_id" SUCCEED 300
say "flink execution $flink_id: SUCCEED, $((SECONDS - t0))s from submit"

# Beyond the README: a real HTTP receiver must get every transition of a webhook-subscribed execution.
HOOK_PORT=${MAPLE_WALKTHROUGH_HOOK_PORT:-18099}
HOOKS="$LOG/webhooks.jsonl"
rm -f "$HOOKS"
python3 .ci/webhook-receiver.py "$HOOK_PORT" "$HOOKS" &
HOOK_PID=$!
sleep 0.5
hook_id="$(curl -fsS -X POST "$API/api/v1/executions" -H 'Content-Type: application/json' -d '{
  "uniqueId": "webhook-1", "execName": "webhook_check", "fromApp": "schedule", "cluster": "local",
  "clusterQueue": "default", "engineCategory": "spark", "engineVersion": "3.5.5", "priority": 1,
  "group": "maple", "user": "me", "webhooks": ["http://127.0.0.1:'"$HOOK_PORT"'/hooks"],
  "job": {"runType": "sql", "jobConf": {"sql": "SELECT 1"}}}' | json_field id)"
wait_status "$hook_id" SUCCEED 300
expected="$(curl -fsS "$API/api/v1/executions/$hook_id" \
  | python3 -c 'import json,sys; print(" ".join(h["to"] for h in json.load(sys.stdin)["history"][1:]))')"
# a delivery whose attempt was lost (a dead poll, a receiver that did not answer) is retried after the
# activity's 30 s timeout and 5 s of backoff: two minutes cover two such losses
for _ in $(seq 1 120); do
  got="$(python3 -c 'import json,sys
events = [json.loads(l)["body"] for l in open(sys.argv[1])] if __import__("os").path.exists(sys.argv[1]) else []
print(" ".join(e["newStatus"] for e in sorted(events, key=lambda e: e["sequence"])))' "$HOOKS")"
  [ "$got" = "$expected" ] && break
  sleep 1
done
kill "$HOOK_PID" 2>/dev/null || true
if [ "$got" != "$expected" ]; then
  webhook_diagnostics "$hook_id"
  fail "webhook receiver got [$got], history says [$expected]"
fi
grep -q '"X-Maple-Signature"' "$HOOKS" || fail "webhooks are not signed"
say "webhook execution $hook_id: receiver got every transition ($got), signed"

stop_dev
sleep 1
# only what this checkout's run command started: other checkouts on the machine may run Maple too
LEFT_PATTERN="io\.temporal\.testserver\.TestServer ${MAPLE_TEMPORAL_PORT:-7233}( |\$)|$PWD/(api|worker)/target/maple-"
if pgrep -f "$LEFT_PATTERN" > /dev/null; then
  pgrep -af "$LEFT_PATTERN" || true
  fail "processes left after Ctrl-C"
fi
say "everything stopped"
say "figures: ready ${ready_s}s; spark sql submit->SUCCEED ${sql_s}s"
