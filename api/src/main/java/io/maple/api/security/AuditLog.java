package io.maple.api.security;

import io.maple.persistence.audit.AuditMapper;
import io.maple.persistence.audit.AuditRecord;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Appends to {@code maple_audit}; a failing audit write is logged, never turned into a failed request. */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final AuditMapper audit;
    private final Clock clock;

    public AuditLog(AuditMapper audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, String outcome, Integer httpStatus, String detail,
                       String remoteAddr) {
        try {
            audit.insert(new AuditRecord(null, cut(actor, 64), cut(action, 64), cut(target, 512), outcome, httpStatus,
                    cut(detail, 1024), cut(remoteAddr, 64), clock.instant()));
        } catch (RuntimeException e) {
            log.error("audit write failed: actor={} action={} outcome={}", actor, action, outcome, e);
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
