#!/usr/bin/env bash
# Maple launch script: execution 43, flink 1.20.1 on LOCAL.
# Rendered from a template; every value below was single-quoted by Maple, so it is one word to bash.
set -euo pipefail
export HADOOP_CLASSPATH='/opt/hadoop/current/etc/hadoop:/opt/hadoop/current/share/hadoop/common/lib/*:/opt/hadoop/current/share/hadoop/common/*'
exec '/opt/flink-1.20.1/bin/flink' run \
  -t local \
  '-Dpipeline.name=maple-43-click_stream' \
  '-Dtaskmanager.memory.process.size=2048m' \
  '-Dparallelism.default=2' \
  -c 'io.maple.runner.flink.MapleFlinkRunner' \
  '/opt/flink-1.20.1/maple/maple-flink-runner.jar' \
  '--job-base64' \
  'eyJmaWxlIjoiaGRmczovLy9hcHBzL2NsaWNrcy5zcWwiLCJ0eXBlIjoic3FsIn0='

