-- Issue 9: who did what to which target, from where, and whether it was allowed. Written for every
-- refused request (401/403/429), every kill and cancel, and every admin change.
CREATE TABLE maple_audit (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    actor        VARCHAR(64)   NULL     COMMENT 'the authenticated or claimed app; null when none was named',
    action       VARCHAR(64)   NOT NULL COMMENT 'e.g. AUTHENTICATE, KILL, CANCEL, ADMIN POST /api/v1/admin/apps',
    target       VARCHAR(512)  NULL     COMMENT 'request path or object',
    outcome      VARCHAR(32)   NOT NULL COMMENT 'ALLOWED, or the refusal: UNAUTHORIZED, FORBIDDEN, RATE_LIMITED',
    http_status  INT           NULL,
    detail       VARCHAR(1024) NULL,
    remote_addr  VARCHAR(64)   NULL,
    create_time  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_audit_actor (actor, id),
    KEY idx_audit_time (create_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
