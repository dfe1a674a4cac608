package io.maple.api.security;

import io.maple.api.execution.Webhook;
import io.maple.api.web.BadRequestException;
import io.maple.domain.WebhookTargets;
import io.maple.persistence.application.ApplicationRecord;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Refuses webhook URLs outside the submitting app's {@code webhook_hosts} or pointing inside the
 * network (SSRF), at submit, as 400 naming {@code webhooks[i].url}. Delivery checks again after DNS.
 */
@Component
public class WebhookGuard {

    private final Applications applications;

    WebhookGuard(Applications applications) {
        this.applications = applications;
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
            String refusal = hook == null || hook.url() == null ? null : targets.refusalAtSubmit(hook.url());
            if (refusal != null) {
                throw new BadRequestException("webhooks[" + i + "].url", refusal);
            }
        }
    }
}
