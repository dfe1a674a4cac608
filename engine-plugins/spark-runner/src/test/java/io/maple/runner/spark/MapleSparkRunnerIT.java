package io.maple.runner.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.embeddeddb.TestDatabaseServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the runner's real entry point ({@code main}, as spark-submit would) on Spark 3.5.5 in local
 * mode, then reads what it wrote back with a fresh session. The JDBC ends use the real MariaDB (an
 * embedded one where none answers).
 */
class MapleSparkRunnerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    // the MariaDB driver by its own scheme: the runner's MariaDbDialect is what these URLs exercise
    private static final String SERVER = TestDatabaseServer.base().replace("jdbc:mysql:", "jdbc:mariadb:") + "/";
    private static final String DB = "maple_runner" + System.getenv().getOrDefault("MAPLE_TEST_DB_SUFFIX", "");

    @TempDir
    static Path dir;

    @BeforeAll
    static void localSpark() throws Exception {
        // SparkSession.builder() in the runner picks these up, as it would pick up spark-submit's.
        System.setProperty("spark.master", "local[2]");
        System.setProperty("spark.ui.enabled", "false");
        System.setProperty("spark.sql.shuffle.partitions", "2");
        System.setProperty("spark.sql.warehouse.dir", dir.resolve("warehouse").toString());
        Files.writeString(dir.resolve("people.csv"), """
                id,name,age
                1,ann,34
                2,bob,12
                3,cid,51
                4,dee,17
                """);
        try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
            s.execute("CREATE DATABASE " + DB);
            s.execute("CREATE TABLE " + DB + ".cities (person_id INT PRIMARY KEY, city VARCHAR(40))");
            s.execute("INSERT INTO " + DB + ".cities VALUES (1, 'Lyon'), (3, 'Oslo; \"quoted\"'), (4, 'Kyiv')");
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
        }
        System.clearProperty("spark.master");
    }

    @Test
    void sqlJobReadsCsvAndWritesParquet() throws Exception {
        Path out = dir.resolve("adults-sql");
        String sql = """
                -- a comment; with a semicolon
                CREATE TEMPORARY VIEW people USING csv
                  OPTIONS (path '%s', header 'true', inferSchema 'true');
                INSERT OVERWRITE DIRECTORY '%s' USING parquet
                  SELECT id, name, concat(name, ';', 'x') AS tagged FROM people WHERE age >= 18;
                SELECT count(*) FROM people
                """.formatted(dir.resolve("people.csv"), out);
        MapleSparkRunner.main(args(Map.of("type", "sql", "sql", sql)));

        assertThat(readParquet(out)).containsExactly("1|ann|ann;x", "3|cid|cid;x");
    }

    @Test
    void dataCalcJobJoinsCsvWithJdbcAndWritesParquetAndJdbc() throws Exception {
        Path out = dir.resolve("adults-calc");
        String url = SERVER + DB;
        Map<String, Object> pipeline = Map.of(
                "sources", List.of(
                        Map.of("name", "people", "format", "csv", "path", dir.resolve("people.csv").toString(),
                                "options", Map.of("header", "true", "inferSchema", "true")),
                        Map.of("name", "cities", "format", "jdbc", "url", url, "table", "cities",
                                "user", "root", "password", "")),
                "transforms", List.of(
                        Map.of("name", "adults", "sql", "SELECT p.id, p.name, c.city FROM people p"
                                + " JOIN cities c ON c.person_id = p.id WHERE p.age >= 18")),
                "sinks", List.of(
                        Map.of("from", "adults", "format", "parquet", "path", out.toString(), "mode", "overwrite"),
                        Map.of("from", "adults", "format", "jdbc", "url", url, "table", "adults",
                                "user", "root", "password", "", "mode", "overwrite")));
        MapleSparkRunner.main(args(Map.of("type", "data_calc", "pipeline", pipeline)));

        assertThat(readParquet(out)).containsExactly("1|ann|Lyon", "3|cid|Oslo; \"quoted\"");
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name, city FROM adults ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            }
        }
        assertThat(rows).containsExactly("1|ann|Lyon", "3|cid|Oslo; \"quoted\"");
    }

    @Test
    void scalaJobRunsWithTheSessionBound() throws Exception {
        Path out = dir.resolve("range-scala");
        String code = "spark.range(5).selectExpr(\"id\", \"id * 2 AS twice\", \"'s' AS name\", \"'x' AS pad\")"
                + ".filter(\"id >= 3\").write.parquet(\"" + out + "\")";
        MapleSparkRunner.main(args(Map.of("type", "scala", "code", code)));

        assertThat(readParquet(out)).containsExactly("3|6|s|x", "4|8|s|x");
    }

    @Test
    void aFailingStatementFailsTheJob() {
        assertThatThrownBy(() -> MapleSparkRunner.main(args(Map.of("type", "sql", "sql", "SELECT * FROM missing_table"))))
                .hasMessageContaining("missing_table");
    }

    @Test
    void splitKeepsSemicolonsInsideQuotesAndDropsComments() {
        assertThat(SqlJob.split("select 'a;b', \"c;d\", `e;f` -- x;y\n; /* p;q */ select 2;;"))
                .containsExactly("select 'a;b', \"c;d\", `e;f`", "select 2");
    }

    private static String[] args(Map<String, Object> job) throws Exception {
        return new String[] {"--job-base64", Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(job))};
    }

    private static List<String> readParquet(Path path) {
        SparkSession spark = SparkSession.builder().getOrCreate();
        List<String> rows = new ArrayList<>();
        for (Row row : spark.read().parquet(path.toString()).orderBy("id").collectAsList()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(String.valueOf(row.get(i)));
            }
            rows.add(String.join("|", cells));
        }
        return rows;
    }
}
