package io.maple.api.execution;

import io.maple.domain.EngineCategory;
import io.maple.domain.JobConfig;
import io.maple.engine.catalog.LaunchSubject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The seed's submission: who asks (fromApp, group, user) under which idempotency key (uniqueId),
 * where it runs (cluster, clusterQueue, engine) and the job itself. Sizes follow the columns of
 * {@code maple_engine_execution}, so a valid request always fits the row.
 *
 * @param priority 1 (first) to 5 (last), the range of Temporal priority keys the scheduler maps it to
 */
public record SubmitExecutionRequest(
        @NotBlank @Size(max = 128) @Pattern(regexp = ID, message = ID_MESSAGE) String uniqueId,
        @NotBlank @Size(max = 256) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String execName,
        @Size(max = 1024) @Pattern(regexp = MULTILINE_TEXT, message = TEXT_MESSAGE) String comment,
        @NotBlank @Size(max = 64) @Pattern(regexp = NAME, message = NAME_MESSAGE) String fromApp,
        @NotBlank @Size(max = 64) @Pattern(regexp = NAME, message = NAME_MESSAGE) String cluster,
        @NotBlank @Size(max = 128) @Pattern(regexp = NAME, message = NAME_MESSAGE) String clusterQueue,
        @NotNull EngineCategory engineCategory,
        @NotBlank @Size(max = 32) @Pattern(regexp = NAME, message = NAME_MESSAGE) String engineVersion,
        @NotNull @Min(1) @Max(5) Integer priority,
        @NotBlank @Size(max = 64) @Pattern(regexp = PRINCIPAL, message = PRINCIPAL_MESSAGE) String group,
        @NotBlank @Size(max = 64) @Pattern(regexp = PRINCIPAL, message = PRINCIPAL_MESSAGE) String user,
        @Size(max = 32) @Pattern(regexp = WORD, message = WORD_MESSAGE) String requestType,
        @Size(max = 32) @Pattern(regexp = WORD, message = WORD_MESSAGE) String execType,
        @Size(max = 10) List<@NotNull @Valid Webhook> webhooks,
        @NotNull JobConfig job) {

    // Names that reach launch scripts, cluster APIs and log lines stay plain (no shell, SQL or log
    // metacharacters, no control characters); free text may be any printable Unicode.
    static final String ID = "[A-Za-z0-9._:@=-]+";
    static final String ID_MESSAGE = "letters, digits and . _ : @ = - only";
    static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";
    static final String NAME_MESSAGE = "letters, digits and . _ - only, starting with a letter or digit";
    static final String PRINCIPAL = "[A-Za-z0-9_][A-Za-z0-9._@-]*";
    static final String PRINCIPAL_MESSAGE = "letters, digits and . _ @ - only";
    static final String WORD = "[A-Za-z0-9_-]*";
    static final String WORD_MESSAGE = "letters, digits, _ and - only";
    static final String TEXT = "[^\\p{Cntrl}\\p{Cs}\\p{Cf}]*";
    static final String MULTILINE_TEXT = "[^\\p{Cs}\\p{Cf}\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    static final String TEXT_MESSAGE = "no control, format (bidi, zero-width) or unpaired surrogate characters";

    /** The request as the engine catalog sees it; {@code executionId} is 0 until the row exists. */
    public LaunchSubject subject(long executionId) {
        return new LaunchSubject(executionId, execName, fromApp, cluster, clusterQueue, group, user, engineCategory,
                engineVersion, job);
    }
}
