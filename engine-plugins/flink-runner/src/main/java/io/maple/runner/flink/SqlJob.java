package io.maple.runner.flink;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.table.api.ResultKind;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;

/** Runs SQL statements one after the other, waiting for each insert; a query's first rows go to stdout. */
final class SqlJob {

    private SqlJob() {
    }

    static void run(TableEnvironment tables, String sql) throws Exception {
        List<String> statements = split(sql);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("the sql job has no statement");
        }
        for (String statement : statements) {
            TableResult result = tables.executeSql(statement);
            if (result.getJobClient().isPresent()) {
                // an INSERT: wait, so that a failure fails this program and the statements stay ordered
                result.await();
            } else if (result.getResultKind() == ResultKind.SUCCESS_WITH_CONTENT) {
                try (var rows = result.collect()) {
                    print(rows);
                }
            }
        }
    }

    private static void print(Iterator<Row> rows) {
        for (int i = 0; i < 20 && rows.hasNext(); i++) {
            System.out.println(rows.next());
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
                if (c == quote) {
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
