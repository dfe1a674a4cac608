package io.maple.activities.launch;

import io.maple.engine.catalog.EngineCatalog;
import io.maple.engine.spi.InvalidJobException;
import io.maple.engine.spi.LaunchSpec;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionExtInfoRecord;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import org.springframework.stereotype.Component;

/**
 * Renders what a launch runs with the engine plugins, from the execution row and the job
 * configuration stored beside it. The api validated the same job at submit, so a refusal here means
 * the cluster engine changed since: the execution ends START_FAILED with the plugin's reason.
 */
@Component
public class CatalogLaunchSpecSource implements LaunchSpecSource {

    private final EngineCatalog catalog;
    private final ExecutionStore store;

    public CatalogLaunchSpecSource(EngineCatalog catalog, ExecutionStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    @Override
    public LaunchSpec specFor(ExecutionRecord execution, ClusterRecord cluster) {
        ExecutionExtInfoRecord ext = store.extInfo(execution.id());
        if (ext == null || ext.configuration() == null) {
            throw new LaunchFailedException("execution " + execution.id() + " has no stored job configuration");
        }
        try {
            return catalog.render(execution, ext.configuration());
        } catch (InvalidJobException e) {
            throw new LaunchFailedException("the engine plugin refused the job (" + e.field() + "): " + e.getMessage());
        }
    }
}
