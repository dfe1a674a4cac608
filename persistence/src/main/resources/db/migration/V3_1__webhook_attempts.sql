-- Issue 3: one row per webhook delivery attempt, so a caller can see what Maple sent and what it got back.
CREATE TABLE maple_webhook_attempt (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    execution_id  BIGINT        NOT NULL,
    delivery_id   VARCHAR(128)  NOT NULL COMMENT 'stable across retries; sent as the Idempotency-Key header',
    url           VARCHAR(1024) NOT NULL,
    new_status    VARCHAR(16)   NOT NULL,
    attempt       INT           NOT NULL,
    http_status   INT           NULL     COMMENT 'null when no answer (connection refused, timeout)',
    error         VARCHAR(1024) NULL,
    create_time   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_webhook_attempt_execution (execution_id, id),
    KEY idx_webhook_attempt_delivery (delivery_id, attempt)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
