package io.maple.worker.temporal;

import io.grpc.StatusRuntimeException;
import io.maple.worker.WorkerProperties;
import io.maple.workflows.contract.MapleSearchAttributes;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers Maple's search attributes through the OperatorService where the server offers it
 * (self-hosted, dev and test servers; Temporal Cloud manages them elsewhere). Runs on
 * ApplicationStartedEvent, before the workers start polling on ApplicationReadyEvent.
 */
@Component
public class SearchAttributeRegistrar {

    private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

    private final WorkflowClient client;
    private final WorkerProperties properties;

    public SearchAttributeRegistrar(WorkflowClient client, WorkerProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void register() {
        if (!properties.registerSearchAttributes()) {
            return;
        }
        String namespace = client.getOptions().getNamespace();
        OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder()
                .setChannel(client.getWorkflowServiceStubs().getRawChannel())
                .validateAndBuildWithDefaults());
        try {
            // one call per attribute: ALREADY_EXISTS for one must not hide the others
            MapleSearchAttributes.definitions().forEach((name, type) -> {
                try {
                    operator.blockingStub().addSearchAttributes(AddSearchAttributesRequest.newBuilder()
                            .setNamespace(namespace).putSearchAttributes(name, type).build());
                    log.info("registered search attribute {} ({})", name, type);
                } catch (StatusRuntimeException e) {
                    if (e.getStatus().getCode() != io.grpc.Status.Code.ALREADY_EXISTS) {
                        throw e;
                    }
                }
            });
        } catch (StatusRuntimeException e) {
            // set maple.workflow.search-attributes=false where they cannot be registered
            log.warn("could not register search attributes: {}", e.getStatus());
        } finally {
            operator.shutdown();
        }
    }
}
