#!/usr/bin/env bash
# Stand-in for spark-submit on the system tests' LOCAL cluster (see LightSpark.java): it records each
# launch in $MAPLE_LAUNCH_LOG (exported by the engine's extInfo.envs), ticks a line a second on stdout
# while it runs, and exits with the code it was given. The job's last three arguments: <run key>
# <seconds> <exit code>.
set -u
args=("$@")
n=${#args[@]}
name=unnamed
for ((i = 0; i < n - 1; i++)); do
  if [ "${args[$i]}" = "--name" ]; then name="${args[$((i + 1))]}"; fi
done
key="${args[$((n - 3))]}"
seconds="${args[$((n - 2))]}"
code="${args[$((n - 1))]}"
# one short line per write with O_APPEND: concurrent launches never interleave within a line
echo "start $key $name $$ $(date +%s%3N)" >> "$MAPLE_LAUNCH_LOG"
# a line a second on stdout, as a job's log grows (the console's log pane follows it)
for ((s = 0; s < seconds; s++)); do
  echo "tick $s of $key"
  sleep 1
done
echo "end $key $name $$ $(date +%s%3N)" >> "$MAPLE_LAUNCH_LOG"
exit "$code"
