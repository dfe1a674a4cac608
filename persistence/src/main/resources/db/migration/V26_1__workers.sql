-- Issue 26: the workers alive and the task queues each polls, written by each worker on a timer, for the
-- console's worker list where the Temporal server cannot tell (the Java test server has no DescribeTaskQueue).
CREATE TABLE maple_worker (
    identity        VARCHAR(255)  NOT NULL COMMENT 'the worker''s Temporal identity, pid@host',
    host            VARCHAR(255)  NOT NULL,
    task_queues     VARCHAR(4096) NOT NULL COMMENT 'the task queues it polls, comma-separated',
    started_time    DATETIME(6)   NOT NULL,
    heartbeat_time  DATETIME(6)   NOT NULL,
    PRIMARY KEY (identity),
    KEY idx_worker_heartbeat (heartbeat_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
