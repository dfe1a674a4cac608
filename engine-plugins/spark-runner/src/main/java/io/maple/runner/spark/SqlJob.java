package io.maple.runner.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Runs SQL statements one after the other; a query's first rows go to the driver log. */
final class SqlJob {

    private SqlJob() {
    }

    static void run(SparkSession spark, String sql) {
        List<String> statements = split(sql);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("the sql job has no statement");
        }
        for (String statement : statements) {
            Dataset<Row> result = spark.sql(statement);
            // Commands run eagerly in spark.sql; a query only runs when something consumes it.
            if (!result.isEmpty()) {
                result.show(20, false);
            }
        }
    }

    /** Splits on {@code ;} outside quotes, backquotes and comments; drops empty statements. */
    static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
            if (quote != 0) {
                current.append(c);
                if (c == '\\' && quote != '`' && next != 0) {
                    current.append(next);
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '-' && next == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end - 1;
            } else if (c == '/' && next == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 1;
                current.append(' ');
            } else if (c == ';') {
                add(statements, current);
            } else {
                if (c == '\'' || c == '"' || c == '`') {
                    quote = c;
                }
                current.append(c);
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
