package io.maple.activities.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.activities.launch.LaunchFailedException;
import io.maple.activities.launch.LaunchSpecSource;
import io.maple.engine.spi.LaunchSpec;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * A real, simple {@link LaunchSpecSource} for tests: the script is the job configuration's
 * {@code script} field (the lead wires the engine plugins in its place). {@code renderDelayMillis}
 * makes rendering slow, to hold an execution in STARTING; {@code "invalid": true} fails rendering.
 */
@Component
public class ConfiguredScriptSource implements LaunchSpecSource {

    private final ExecutionStore store;
    private final ObjectMapper json;

    public ConfiguredScriptSource(ExecutionStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public LaunchSpec specFor(ExecutionRecord execution, ClusterRecord cluster) {
        try {
            JsonNode conf = json.readTree(store.extInfo(execution.id()).configuration());
            if (conf.path("invalid").asBoolean(false)) {
                throw new LaunchFailedException("job " + execution.id() + " cannot be rendered: invalid configuration");
            }
            long delay = conf.path("renderDelayMillis").asLong(0);
            if (delay > 0) {
                Thread.sleep(delay);
            }
            return new LaunchSpec.Script(conf.path("script").asText("exit 0"), "maple-id-" + execution.id());
        } catch (IOException e) {
            throw new LaunchFailedException("bad configuration", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
