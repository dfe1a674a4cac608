#!/usr/bin/env bash
# Maple launch script: execution 42, spark 3.5.5 on YARN.
# Rendered from a template; every value below was single-quoted by Maple, so it is one word to bash.
set -euo pipefail
export HADOOP_CONF_DIR='/etc/hadoop/conf'
exec '/opt/spark-3.5.5/bin/spark-submit' \
  --master yarn \
  --deploy-mode cluster \
  --conf spark.yarn.submit.waitAppCompletion=false \
  --name 'maple-42-daily_report' \
  --queue 'root.etl' \
  --conf 'spark.yarn.tags=maple-id=42' \
  --driver-cores '1' \
  --driver-memory '2g' \
  --num-executors '3' \
  --executor-cores '2' \
  --executor-memory '4g' \
  --driver-java-options '-Dlog.level=info' \
  --driver-class-path '/opt/lib/extra.jar' \
  --jars 'hdfs:///libs/util.jar' \
  --files 'hdfs:///conf/app.conf' \
  --conf 'spark.hadoop.ipc.client.connect.timeout=2000' \
  --conf 'spark.hadoop.yarn.client.failover-max-attempts=2' \
  --conf 'spark.sql.shuffle.partitions=8' \
  --class 'com.example.Etl' \
  'hdfs:///apps/etl.jar' \
  '--day' \
  '2026-11-25'

