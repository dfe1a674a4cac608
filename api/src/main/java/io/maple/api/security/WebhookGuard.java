package io.maple.api.security;

import io.maple.api.execution.Webhook;
import io.maple.api.web.BadRequestException;
import io.maple.domain.WebhookTargets;
import io.maple.persistence.application.ApplicationRecord;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses webhook URLs outside the submitting app's {@code webhook_hosts} or pointing inside the
 * network (SSRF), at submit, as 400 naming {@code webhooks[i].url}. Delivery checks again after DNS.
 */
@Component
public class WebhookGuard {

    private final Applications applications;
    private final WebhookTargets everyone;
    private final boolean everyoneListsSomething;

    /** {@code maple.webhooks.allowed-internal-hosts}: the same deployment-wide list the worker's delivery uses. */
    WebhookGuard(Applications applications,
                 @Value("${maple.webhooks.allowed-internal-hosts:}") List<String> allowedInternalHosts) {
        this.applications = applications;
        List<String> hosts = allowedInternalHosts.stream().filter(h -> !h.isBlank()).toList();
        this.everyone = new WebhookTargets(hosts);
        this.everyoneListsSomething = !hosts.isEmpty();
    }

    public void check(String fromApp, List<Webhook> webhooks, Caller caller) {
        if (webhooks == null || webhooks.isEmpty()) {
            return;
        }
        // the hosts of the app the execution belongs to; an admin submitting for an unregistered app gets its own
        ApplicationRecord owner = fromApp == null ? null : applications.find(fromApp);
        WebhookTargets targets = new WebhookTargets(owner != null ? applications.webhookHosts(owner)
                : caller.webhookHosts());
        for (int i = 0; i < webhooks.size(); i++) {
            Webhook hook = webhooks.get(i);
            String refusal = hook == null || hook.url() == null || listedForEveryone(hook.url()) ? null
                    : targets.refusalAtSubmit(hook.url());
            if (refusal != null) {
                throw new BadRequestException("webhooks[" + i + "].url", refusal);
            }
        }
    }

    /** A non-empty list passes only the hosts it names (or literals inside its CIDRs). */
    private boolean listedForEveryone(String url) {
        return everyoneListsSomething && everyone.refusalAtSubmit(url) == null;
    }
}
