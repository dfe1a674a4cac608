# Sourced by the CI scripts that drive `./maple dev` as a user would: follow executions over REST, start
# the stack in the background and stop it as Ctrl-C would. The caller defines say, fail, API and LOG.

json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

status_of() { curl -fsS "$API/api/v1/executions/$1" | json_field status; }

wait_status() { # id, wanted status, seconds
  local id="$1" want="$2" deadline=$((SECONDS + $3)) now
  while :; do
    now="$(status_of "$id")"
    [ "$now" = "$want" ] && return 0
    case "$now" in SUCCEED|FAILED|START_FAILED|KILLED|CANCELED)
      curl -fsS "$API/api/v1/executions/$id" > "$LOG/execution-$id.json" || true
      fail "execution $id ended $now, expected $want (details: $LOG/execution-$id.json)";;
    esac
    [ $SECONDS -lt $deadline ] || fail "execution $id is $now after $3s, expected $want"
    sleep 1
  done
}

DEV_PID=""
start_dev() { # command, log file: returns once it printed "ready in", with READY_S the seconds it took
  local started=$SECONDS
  : > "$2"
  setsid bash -c "$1" > "$2" 2>&1 &
  DEV_PID=$!
  until grep -q 'ready in' "$2"; do
    kill -0 "$DEV_PID" 2>/dev/null || { tail -40 "$2"; fail "./maple dev exited"; }
    [ $((SECONDS - started)) -lt 900 ] || { tail -40 "$2"; fail "./maple dev not ready after 900s"; }
    sleep 1
  done
  READY_S=$((SECONDS - started))
}

stop_dev() {
  if [ -n "$DEV_PID" ] && kill -0 "$DEV_PID" 2>/dev/null; then
    # Ctrl-C in a terminal sends INT; a script's background job ignores INT, so it gets TERM (same trap)
    say "stopping ./maple dev as Ctrl-C would"
    kill -TERM "$DEV_PID"
    for _ in $(seq 1 120); do kill -0 "$DEV_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$DEV_PID" 2>/dev/null; then
      kill -9 -- "-$DEV_PID" 2>/dev/null || true
      fail "./maple dev did not stop within 60s"
    fi
  fi
  DEV_PID=""
}
