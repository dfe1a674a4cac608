package io.maple.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The authenticated application behind a request, kept as a request attribute by
 * {@link AuthenticationFilter}.
 *
 * @param webhookHosts hosts this app's webhooks may go to (exact names or CIDRs), empty: none besides public ones
 */
public record Caller(String app, boolean admin, List<String> webhookHosts) {

    public static final String ATTRIBUTE = Caller.class.getName();

    /** With security switched off every request acts as an admin. */
    public static final Caller UNSECURED = new Caller("anonymous", true, List.of());

    public static Caller of(HttpServletRequest request) {
        Object caller = request.getAttribute(ATTRIBUTE);
        return caller instanceof Caller c ? c : UNSECURED;
    }

    /** Admins act for any app (operators resubmit and inspect on others' behalf); others only for themselves. */
    public boolean mayActFor(String fromApp) {
        return admin || app.equals(fromApp);
    }
}
