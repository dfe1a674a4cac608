// The README's example submissions, offered by the submit form. A jar's path is this install's examples jar
// where the api knows it (maple.console.examples-jar, which ./maple dev sets), else a placeholder to replace.
const PLACEHOLDER_JAR = '/path/to/maple-examples.jar';

const COMMON = {
  fromApp: 'console', cluster: 'local', clusterQueue: 'default', priority: 1, group: 'maple', user: 'me',
};

export const TEMPLATES = {
  'spark-sql': {
    label: 'Spark SQL',
    request: () => ({
      ...COMMON, execName: 'hello_sql', engineCategory: 'spark', engineVersion: '3.5.5',
      job: { runType: 'sql', jobConf: { sql: 'CREATE TEMPORARY VIEW t AS SELECT id FROM range(10); SELECT sum(id) FROM t' } },
    }),
  },
  'spark-jar': {
    label: 'Spark jar (SparkPi)',
    request: (jar) => ({
      ...COMMON, execName: 'spark_pi', engineCategory: 'spark', engineVersion: '3.5.5',
      job: { runType: 'jar', driverMemory: '512m', jobConf: { mainFile: jar || PLACEHOLDER_JAR, mainClass: 'io.maple.examples.SparkPi', args: '4' } },
    }),
  },
  'flink-jar': {
    label: 'Flink jar (WordCount)',
    request: (jar) => ({
      ...COMMON, execName: 'flink_wordcount', engineCategory: 'flink', engineVersion: '1.20.1',
      job: { runType: 'jar', jobConf: { mainFile: jar || PLACEHOLDER_JAR, mainClass: 'io.maple.examples.FlinkWordCount' } },
    }),
  },
};

/** A fresh idempotency key for a template: a second submit of the same form is then the same execution. */
export function freshUniqueId(name) {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  return `${name}-${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}
