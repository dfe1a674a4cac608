package io.maple.activities.log;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.yarn.logaggregation.AggregatedLogFormat;
import org.apache.hadoop.yarn.logaggregation.filecontroller.LogAggregationFileController;
import org.apache.hadoop.yarn.logaggregation.filecontroller.LogAggregationFileControllerFactory;
import org.apache.hadoop.yarn.logaggregation.filecontroller.tfile.LogAggregationTFileController;

/**
 * A finished container's log from YARN's log aggregation (one TFile per node under the app's remote
 * log dir), streamed through Hadoop's own reader: a page from the start stops at the page, a tail
 * reads the log twice (count, then page), never holding it.
 */
final class AggregatedLogs {

    private final StreamedLog streamed;

    AggregatedLogs(StreamedLog streamed) {
        this.streamed = streamed;
    }

    LogLines read(Configuration conf, YarnAmContainer am, String file, long from, int size) {
        try {
            if (from >= 0) {
                try (InputStream log = open(conf, am, file)) {
                    return streamed.forward(log, from, size);
                }
            }
            return streamed.tailByCounting(() -> open(conf, am, file), -from, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the aggregated log of " + am.containerId(), e);
        }
    }

    /** The container's log {@code file} from the node files of its application; the reader closes with it. */
    static InputStream open(Configuration conf, YarnAmContainer am, String file) throws IOException {
        LogAggregationFileController controller;
        try {
            controller = new LogAggregationFileControllerFactory(conf).getFileControllerForRead(am.appId(), am.user());
        } catch (IOException none) {
            throw new LogNotFoundException("the cluster keeps no log for application " + am.appId()
                    + " yet: it has ended and its aggregated logs are not there (" + none.getMessage() + ")");
        }
        if (!(controller instanceof LogAggregationTFileController)) {
            throw new LogNotFoundException("application " + am.appId() + " has its logs aggregated as "
                    + controller.getFileControllerName() + ", which Maple does not read yet (TFile only)");
        }
        Path dir = controller.getRemoteAppLogDir(am.appId(), am.user());
        FileSystem fs = dir.getFileSystem(conf);
        RemoteIterator<FileStatus> nodes = fs.listStatusIterator(dir);
        while (nodes.hasNext()) {
            FileStatus node = nodes.next();
            if (!node.isFile() || node.getPath().getName().endsWith(".tmp")) {
                continue; // a node still writing its file
            }
            AggregatedLogFormat.LogReader reader = new AggregatedLogFormat.LogReader(conf, node.getPath());
            AggregatedLogFormat.ContainerLogsReader logs = reader.getContainerLogsReader(am.containerId());
            if (logs != null) {
                for (String type = logs.nextLog(); type != null; type = logs.nextLog()) {
                    if (type.equals(file)) {
                        return new Opened(reader, logs);
                    }
                }
            }
            reader.close();
        }
        throw new LogNotFoundException("the aggregated logs of application " + am.appId() + " hold no " + file
                + " of its driver's container " + am.containerId());
    }

    /** A log's stream that closes the node file's reader with it. */
    private static final class Opened extends FilterInputStream {

        private final AggregatedLogFormat.LogReader reader;

        Opened(AggregatedLogFormat.LogReader reader, InputStream log) {
            super(log);
            this.reader = reader;
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}
