package io.maple.runner.spark;

import org.apache.spark.sql.jdbc.JdbcDialect;

/**
 * Spark 3.5 knows MySQL only by {@code jdbc:mysql:} URLs; for {@code jdbc:mariadb:} it falls back to
 * the ANSI dialect, which quotes column names with double quotes, and MariaDB reads those as string
 * literals. Quote with backquotes as MySQL does.
 */
final class MariaDbDialect extends JdbcDialect {

    @Override
    public boolean canHandle(String url) {
        return url.startsWith("jdbc:mariadb:");
    }

    @Override
    public String quoteIdentifier(String column) {
        return "`" + column.replace("`", "``") + "`";
    }
}
