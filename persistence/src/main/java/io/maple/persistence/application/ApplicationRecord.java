package io.maple.persistence.application;

import java.time.Instant;

/** One row of {@code maple_application}: a calling application and what it may do. */
public record ApplicationRecord(Long id, String appName, String accessKeyHash, String legalHosts,
                                String webhookHosts, Boolean admin, String description, Instant createTime,
                                Instant updateTime) {
}
