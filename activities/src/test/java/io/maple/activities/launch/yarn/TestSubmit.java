package io.maple.activities.launch.yarn;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.client.api.YarnClientApplication;

/**
 * The submitter the tests' launch scripts call, as spark-submit would be: submits one application
 * tagged {@code --tag} to the RM of {@code --conf-dir} and exits once the RM accepted it.
 * Usage: {@code TestSubmit <confDir> <tag> <mode> <millis> [<releaseFile>]}, modes:
 * {@code succeed|fail} (a {@link TestAppMaster}, which ends early once {@code releaseFile} exists), {@code crash} (the AM exits 3 without registering:
 * YARN FAILED), {@code pending} (the AM never registers: the app stays ACCEPTED; with {@code releaseFile}, until
 * that file exists, when the AM exits 3 and the app is FAILED without having run).
 */
public final class TestSubmit {

    private TestSubmit() {
    }

    public static void main(String[] args) throws Exception {
        Path confDir = Path.of(args[0]);
        String tag = args[1];
        String mode = args[2];
        String millis = args[3];
        String release = args.length > 4 && !args[4].isEmpty() ? " '" + args[4] + "'" : "";
        Configuration conf = new Configuration(false);
        conf.addResource(new org.apache.hadoop.fs.Path(confDir.resolve("core-site.xml").toUri()));
        conf.addResource(new org.apache.hadoop.fs.Path(confDir.resolve("yarn-site.xml").toUri()));
        YarnClient client = YarnClient.createYarnClient();
        client.init(conf);
        client.start();
        YarnClientApplication app = client.createApplication();
        ApplicationSubmissionContext ctx = app.getApplicationSubmissionContext();
        ApplicationId id = ctx.getApplicationId();
        ctx.setApplicationName("maple-test-" + mode);
        ctx.setApplicationType("MAPLE-TEST");
        ctx.setApplicationTags(Set.of(tag));
        ctx.setMaxAppAttempts(1);
        ctx.setQueue("default");
        ctx.setResource(Resource.newInstance(128, 1));
        String logs = " 1>" + ApplicationConstants.LOG_DIR_EXPANSION_VAR + "/stdout 2>"
                + ApplicationConstants.LOG_DIR_EXPANSION_VAR + "/stderr";
        String java = System.getProperty("java.home") + "/bin/java";
        String command = switch (mode) {
            case "succeed", "fail" -> java + " -Xmx96m -XX:TieredStopAtLevel=1 " + TestAppMaster.class.getName()
                    + " " + mode + " " + millis + release + logs;
            case "crash" -> "sleep 1; echo 'AM crashed on purpose' >&2; exit 3";
            // given a release file, the waiting AM gives up once it exists: the application fails without ever running
            case "pending" -> release.isEmpty() ? "sleep " + (Long.parseLong(millis) / 1000) + logs
                    // no "$": the NM's launch script holds the command in double quotes and would expand it
                    : "(for i in {1.." + Long.parseLong(millis) / 200 + "}; do [ -f" + release + " ] && break; "
                    + "sleep 0.2; done; echo 'AM gave up before registering' >&2; exit 3)" + logs;
            default -> throw new IllegalArgumentException(mode);
        };
        // absolute paths only: the container's working dir is elsewhere
        String classpath = confDir.toAbsolutePath() + File.pathSeparator + System.getProperty("java.class.path");
        ctx.setAMContainerSpec(ContainerLaunchContext.newInstance(Map.of(), Map.of("CLASSPATH", classpath),
                List.of(command), null, null, null)); // the NM runs it with bash -c
        client.submitApplication(ctx);
        System.out.println("submitted " + id + " tagged " + tag);
        client.stop();
    }
}
