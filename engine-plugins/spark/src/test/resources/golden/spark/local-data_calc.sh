#!/usr/bin/env bash
# Maple launch script: execution 42, spark 3.5.5 on LOCAL.
# Rendered from a template; every value below was single-quoted by Maple, so it is one word to bash.
set -euo pipefail
export HADOOP_CONF_DIR='/etc/hadoop/conf'
exec '/opt/spark-3.5.5/bin/spark-submit' \
  --master 'local[2]' \
  --deploy-mode client \
  --name 'maple-42-daily_report' \
  --driver-cores '1' \
  --driver-memory '2g' \
  --num-executors '3' \
  --executor-cores '2' \
  --executor-memory '4g' \
  --driver-java-options '-Dlog.level=info' \
  --driver-class-path '/opt/lib/extra.jar' \
  --files 'hdfs:///conf/app.conf' \
  --conf 'spark.hadoop.ipc.client.connect.timeout=2000' \
  --conf 'spark.hadoop.yarn.client.failover-max-attempts=2' \
  --conf 'spark.sql.shuffle.partitions=8' \
  --class 'io.maple.runner.spark.MapleSparkRunner' \
  '/opt/spark-3.5.5/maple/maple-spark-runner.jar' \
  '--job-base64' \
  'eyJwaXBlbGluZSI6eyJzaW5rcyI6W3siZm9ybWF0IjoiamRiYyIsImZyb20iOiJkYWlseSIsIm1vZGUiOiJhcHBlbmQiLCJ0YWJsZSI6ImRhaWx5IiwidXJsIjoiamRiYzptYXJpYWRiOi8vZGI6MzMwNi9yZXAifV0sInNvdXJjZXMiOlt7ImZvcm1hdCI6InBhcnF1ZXQiLCJuYW1lIjoiZXZlbnRzIiwicGF0aCI6ImhkZnM6Ly8vZGF0YS9ldmVudHMifV0sInRyYW5zZm9ybXMiOlt7Im5hbWUiOiJkYWlseSIsInNxbCI6IlNFTEVDVCBkYXksIGNvdW50KCopIEFTIG4gRlJPTSBldmVudHMgR1JPVVAgQlkgZGF5In1dfSwidHlwZSI6ImRhdGFfY2FsYyJ9'

