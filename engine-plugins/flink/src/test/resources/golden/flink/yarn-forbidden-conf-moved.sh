#!/usr/bin/env bash
# Maple launch script: execution 43, flink 1.20.1 on YARN.
# Rendered from a template; every value below was single-quoted by Maple, so it is one word to bash.
set -euo pipefail
export HADOOP_CLASSPATH='/opt/hadoop/current/etc/hadoop:/opt/hadoop/current/share/hadoop/common/lib/*:/opt/hadoop/current/share/hadoop/common/*'
exec '/opt/flink-1.20.1/bin/flink' run-application \
  -t yarn-application \
  '-Dyarn.application.queue=root.streams' \
  '-Dyarn.tags=maple-id=43' \
  '-Dyarn.application.name=maple-43-click_stream' \
  '-Dpipeline.name=maple-43-click_stream' \
  '-Dtaskmanager.memory.process.size=2048m' \
  '-Dparallelism.default=2' \
  '-Denv.java.opts.all=-XX:+UseG1GC -Dtz=UTC' \
  -c 'com.example.Clicks' \
  'hdfs:///apps/clicks.jar' \
  '--window' \
  '5m'

