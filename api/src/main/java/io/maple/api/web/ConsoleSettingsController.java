package io.maple.api.web;

import io.maple.api.config.ConsoleProperties;
import io.temporal.client.WorkflowClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the console needs to know of this install: where the Temporal UI is, and the namespace. */
@RestController
class ConsoleSettingsController {

    /**
     * @param temporalUiUrl null when none is configured
     * @param examplesJar   the example jobs' jar for the submit form's templates; null when none is configured
     */
    record ConsoleSettings(String temporalUiUrl, String namespace, String examplesJar) {
    }

    private final ConsoleProperties properties;
    private final WorkflowClient client;

    ConsoleSettingsController(ConsoleProperties properties, WorkflowClient client) {
        this.properties = properties;
        this.client = client;
    }

    @GetMapping("/api/v1/console")
    ConsoleSettings settings() {
        String url = blankAsNull(properties.temporalUiUrl());
        return new ConsoleSettings(url == null ? null : url.replaceAll("/+$", ""),
                client.getOptions().getNamespace(), blankAsNull(properties.examplesJar()));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
