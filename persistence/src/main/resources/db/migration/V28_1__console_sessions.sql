-- Issue 28: the console's signed-in sessions. The browser holds the session's random token in an HttpOnly
-- cookie; only its SHA-256 is kept here, so the table alone opens no session. Sign-out deletes the row.
CREATE TABLE maple_console_session (
    token_hash   CHAR(64)     NOT NULL COMMENT 'hex SHA-256 of the cookie''s token',
    app          VARCHAR(64)  NOT NULL COMMENT 'the application signed in; its admin flag and legal hosts are read per request',
    remote_addr  VARCHAR(64)  NULL     COMMENT 'where the sign-in came from',
    create_time  DATETIME(6)  NOT NULL,
    expire_time  DATETIME(6)  NOT NULL,
    PRIMARY KEY (token_hash),
    KEY idx_console_session_expire (expire_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
