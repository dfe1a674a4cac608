package io.maple.activities.launch.yarn;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.client.api.AMRMClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * A tiny real ApplicationMaster for the tests (DistributedShell is not served here): registers
 * with the RM, heartbeats for {@code millis} (or, given a release file, until that file exists,
 * whichever comes first), then unregisters SUCCEEDED or FAILED.
 * Usage: {@code TestAppMaster succeed|fail <millis> [<releaseFile>]}.
 */
public final class TestAppMaster {

    private TestAppMaster() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        long millis = Long.parseLong(args[1]);
        // a test that must end the app at a moment of its choosing (not after a guessed duration) creates this file
        Path release = args.length > 2 ? Path.of(args[2]) : null;
        AMRMClient<AMRMClient.ContainerRequest> rm = AMRMClient.createAMRMClient();
        rm.init(new YarnConfiguration());
        rm.start();
        rm.registerApplicationMaster("", 0, "http://maple-test-am/" + mode);
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end && (release == null || !Files.exists(release))) {
            rm.allocate(0.5f); // the heartbeat that keeps the AM alive
            Thread.sleep(Math.min(500, Math.max(1, end - System.currentTimeMillis())));
        }
        if (mode.equals("fail")) {
            rm.unregisterApplicationMaster(FinalApplicationStatus.FAILED, "test AM failed on purpose", null);
        } else {
            rm.unregisterApplicationMaster(FinalApplicationStatus.SUCCEEDED, "done", null);
        }
        rm.stop();
    }
}
