package io.maple.runner.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the runner's real entry point on Flink 1.20.1 (a local MiniCluster) and reads the files it wrote. */
class MapleFlinkRunnerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @BeforeAll
    static void input() throws IOException {
        Files.createDirectories(dir.resolve("people"));
        Files.writeString(dir.resolve("people/part-0.csv"), "1,ann,34\n2,bob,12\n3,cid,51\n4,dee,17\n");
    }

    @Test
    void sqlJobReadsCsvAndWritesCsv() throws Exception {
        Path out = dir.resolve("adults-sql");
        String sql = """
                -- a comment; with a semicolon
                CREATE TEMPORARY TABLE people (id INT, name STRING, age INT)
                  WITH ('connector' = 'filesystem', 'path' = '%s', 'format' = 'csv');
                CREATE TEMPORARY TABLE adults (id INT, tagged STRING)
                  WITH ('connector' = 'filesystem', 'path' = '%s', 'format' = 'csv');
                INSERT INTO adults SELECT id, CONCAT(name, ';x') FROM people WHERE age >= 18;
                SELECT COUNT(*) FROM people
                """.formatted(dir.resolve("people"), out);
        MapleFlinkRunner.main(args(Map.of("type", "sql", "sql", sql)));

        assertThat(lines(out)).containsExactly("1,ann;x", "3,cid;x");
    }

    @Test
    void dataCalcJobRunsSourcesTransformsAndSinks() throws Exception {
        Path out = dir.resolve("adults-calc");
        Map<String, Object> pipeline = Map.of(
                "sources", List.of(Map.of("name", "people", "format", "csv", "path", dir.resolve("people").toString(),
                        "schema", "id INT, name STRING, age INT")),
                "transforms", List.of(Map.of("name", "adults", "sql", "SELECT id, name FROM people WHERE age >= 18")),
                "sinks", List.of(Map.of("from", "adults", "format", "json", "path", out.toString())));
        MapleFlinkRunner.main(args(Map.of("type", "data_calc", "pipeline", pipeline)));

        assertThat(lines(out)).containsExactly("{\"id\":1,\"name\":\"ann\"}", "{\"id\":3,\"name\":\"cid\"}");
    }

    @Test
    void aFailingStatementFailsTheProgram() {
        assertThatThrownBy(() -> MapleFlinkRunner.main(args(Map.of("type", "sql", "sql", "INSERT INTO missing SELECT 1"))))
                .hasMessageContaining("missing");
    }

    private static String[] args(Map<String, Object> job) throws Exception {
        return new String[] {"--job-base64", Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(job))};
    }

    /** Every line of every part file under {@code out}, sorted. */
    private static List<String> lines(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        lines.removeIf(String::isBlank);
        lines.sort(null);
        return lines;
    }
}
