package io.maple.activities.log;

import io.maple.activities.config.LocalLauncherProperties;
import io.maple.domain.ClusterCategory;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The output files of a LOCAL execution's process, under {@code <maple.local.work-dir>/<id>} (see the
 * LOCAL launcher's README). The launch command is the job itself there (client mode), so
 * {@link LogStream#LAUNCH} is its stderr, where spark-submit and flink write their own messages.
 */
public class LocalLogs implements ExecutionLogSource {

    /** How much of each output a failure reason keeps. */
    private static final int REASON_TAIL_BYTES = 1000;

    private final LocalLauncherProperties local;
    private final LogProperties properties;

    public LocalLogs(LocalLauncherProperties local, LogProperties properties) {
        this.local = local;
        this.properties = properties;
    }

    @Override
    public ClusterCategory category() {
        return ClusterCategory.LOCAL;
    }

    @Override
    public LogPage read(ExecutionRecord execution, ClusterRecord cluster, LogStream stream, long from, int size) {
        Path dir = launchedDir(execution.id());
        try {
            return new LogPage("local", file(dir, stream).read(from, size));
        } catch (NoSuchFileException notYet) {
            return new LogPage("local", LogLines.empty()); // launched, the process has not written it yet
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of execution " + execution.id(), e);
        }
    }

    @Override
    public OpenedLog open(ExecutionRecord execution, ClusterRecord cluster, LogStream stream) {
        Path dir = launchedDir(execution.id());
        try {
            return new OpenedLog("local", file(dir, stream).open());
        } catch (NoSuchFileException notYet) {
            return new OpenedLog("local", InputStream.nullInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of execution " + execution.id(), e);
        }
    }

    private Path launchedDir(long executionId) {
        Path dir = dirOf(executionId);
        if (!Files.exists(dir.resolve("launch.claim"))) {
            throw new LogNotFoundException("execution " + executionId + " has no log on the local cluster yet: "
                    + "it has not been launched there");
        }
        return dir;
    }

    /** The end of the process's stdout and stderr, for a failure reason. */
    public String reasonTail(long executionId) {
        Path dir = dirOf(executionId);
        String out = file(dir, LogStream.STDOUT).tailText(REASON_TAIL_BYTES).strip();
        String err = file(dir, LogStream.STDERR).tailText(REASON_TAIL_BYTES).strip();
        return out.isEmpty() || err.isEmpty() ? out + err : out + "\n" + err;
    }

    private Path dirOf(long executionId) {
        return local.workDir().resolve(String.valueOf(executionId));
    }

    private LogFile file(Path dir, LogStream stream) {
        String name = stream == LogStream.STDOUT ? "stdout.log" : "stderr.log";
        return new LogFile(dir.resolve(name), properties.countLimit().toBytes());
    }
}
