package io.maple.activities.launch.yarn;

import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.client.api.AMRMClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * A tiny real ApplicationMaster for the tests (DistributedShell is not served here): registers
 * with the RM, heartbeats for {@code millis}, then unregisters SUCCEEDED or FAILED.
 * Usage: {@code TestAppMaster succeed|fail <millis>}.
 */
public final class TestAppMaster {

    private TestAppMaster() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        long millis = Long.parseLong(args[1]);
        AMRMClient<AMRMClient.ContainerRequest> rm = AMRMClient.createAMRMClient();
        rm.init(new YarnConfiguration());
        rm.start();
        rm.registerApplicationMaster("", 0, "http://maple-test-am/" + mode);
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
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
