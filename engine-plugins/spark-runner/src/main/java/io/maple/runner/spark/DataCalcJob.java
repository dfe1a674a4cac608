package io.maple.runner.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.jdbc.JdbcDialects;

/**
 * Runs a data_calc pipeline: every source becomes a temp view, every transform is a SQL query saved
 * as a temp view under its name, every sink writes a view to files or a JDBC table.
 */
final class DataCalcJob {

    private DataCalcJob() {
    }

    static void run(SparkSession spark, JsonNode pipeline) {
        JdbcDialects.registerDialect(new MariaDbDialect());
        for (JsonNode source : pipeline.path("sources")) {
            DataFrameReader reader = spark.read().format(source.path("format").asText());
            options(source).forEach(reader::option);
            Dataset<Row> frame;
            if (source.path("format").asText().equals("jdbc")) {
                jdbc(source).forEach(reader::option);
                frame = reader.load();
            } else {
                frame = reader.load(source.path("path").asText());
            }
            frame.createOrReplaceTempView(source.path("name").asText());
        }
        for (JsonNode transform : pipeline.path("transforms")) {
            spark.sql(transform.path("sql").asText()).createOrReplaceTempView(transform.path("name").asText());
        }
        for (JsonNode sink : pipeline.path("sinks")) {
            DataFrameWriter<Row> writer = spark.table(sink.path("from").asText()).write()
                    .format(sink.path("format").asText())
                    .mode(sink.path("mode").asText("errorifexists"));
            options(sink).forEach(writer::option);
            if (sink.path("format").asText().equals("jdbc")) {
                jdbc(sink).forEach(writer::option);
                writer.save();
            } else {
                writer.save(sink.path("path").asText());
            }
        }
    }

    private static Map<String, String> jdbc(JsonNode node) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("url", node.path("url").asText());
        options.put("dbtable", node.path("table").asText());
        if (node.hasNonNull("user")) {
            options.put("user", node.get("user").asText());
        }
        if (node.hasNonNull("password")) {
            options.put("password", node.get("password").asText());
        }
        if (node.hasNonNull("driver")) {
            options.put("driver", node.get("driver").asText());
        }
        return options;
    }

    private static Map<String, String> options(JsonNode node) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.path("options").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            options.put(field.getKey(), field.getValue().asText());
        }
        return options;
    }
}
