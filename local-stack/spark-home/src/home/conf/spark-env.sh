# Sourced by bin/spark-class. The jars are Scala 2.12 builds from Maven Central.
export SPARK_SCALA_VERSION=2.12
