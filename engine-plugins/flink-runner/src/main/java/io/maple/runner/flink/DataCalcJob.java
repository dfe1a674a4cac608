package io.maple.runner.flink;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.TableEnvironment;

/**
 * Runs a data_calc pipeline on Flink: sources become temporary tables (Flink needs their
 * {@code schema}, e.g. {@code "id INT, name STRING"}), transforms become temporary views, and every
 * sink is one insert of a view into a file or JDBC table whose schema is the view's own.
 * File sources and sinks use the filesystem connector (csv, json; parquet/orc when their format jars
 * are in lib/), JDBC ones the jdbc connector (its jar must be in lib/).
 */
final class DataCalcJob {

    private DataCalcJob() {
    }

    static void run(TableEnvironment tables, JsonNode pipeline) throws Exception {
        for (JsonNode source : pipeline.path("sources")) {
            if (!source.hasNonNull("schema")) {
                throw new IllegalArgumentException("a Flink source needs a schema: " + source.path("name").asText());
            }
            tables.executeSql("CREATE TEMPORARY TABLE " + identifier(source.path("name").asText())
                    + " (" + source.get("schema").asText() + ") WITH (" + with(source) + ")");
        }
        for (JsonNode transform : pipeline.path("transforms")) {
            tables.createTemporaryView(transform.path("name").asText(), tables.sqlQuery(transform.path("sql").asText()));
        }
        StatementSet inserts = tables.createStatementSet();
        for (JsonNode sink : pipeline.path("sinks")) {
            Table from = tables.from(identifier(sink.path("from").asText()));
            TableDescriptor.Builder target = descriptor(sink)
                    .schema(Schema.newBuilder().fromResolvedSchema(from.getResolvedSchema()).build());
            inserts.addInsert(target.build(), from, "overwrite".equals(sink.path("mode").asText()));
        }
        inserts.execute().await();
    }

    private static TableDescriptor.Builder descriptor(JsonNode node) {
        TableDescriptor.Builder builder;
        String format = node.path("format").asText();
        if (format.equals("jdbc")) {
            builder = TableDescriptor.forConnector("jdbc")
                    .option("url", node.path("url").asText())
                    .option("table-name", node.path("table").asText());
            if (node.hasNonNull("user")) {
                builder.option("username", node.get("user").asText());
            }
            if (node.hasNonNull("password")) {
                builder.option("password", node.get("password").asText());
            }
        } else {
            builder = TableDescriptor.forConnector("filesystem").option("path", node.path("path").asText()).format(format);
        }
        Iterator<Map.Entry<String, JsonNode>> options = node.path("options").fields();
        while (options.hasNext()) {
            Map.Entry<String, JsonNode> option = options.next();
            builder.option(option.getKey(), option.getValue().asText());
        }
        return builder;
    }

    /** The WITH clause of a source, every key and value a properly escaped SQL string literal. */
    private static String with(JsonNode source) {
        StringBuilder with = new StringBuilder();
        descriptor(source).build().getOptions().forEach((key, value) -> {
            if (with.length() > 0) {
                with.append(", ");
            }
            with.append(literal(key)).append(" = ").append(literal(value));
        });
        return with.toString();
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
