package io.maple.persistence.audit;

import java.time.Instant;

/** One row of {@code maple_audit}: an access decision or a sensitive action. */
public record AuditRecord(Long id, String actor, String action, String target, String outcome, Integer httpStatus,
                          String detail, String remoteAddr, Instant createTime) {
}
