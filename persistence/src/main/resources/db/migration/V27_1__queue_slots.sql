-- Issue 27: admission on shared state in MySQL instead of one admission workflow per cluster queue.
-- A gate row per cluster queue serialises that queue's changes (SELECT ... FOR UPDATE); an entry row
-- per execution waiting for or holding one of its launch slots. Waiters are granted lower priority
-- value first, then in submission order (the execution id), so a resumed execution keeps its place.
CREATE TABLE maple_queue_gate (
    cluster        VARCHAR(64)   NOT NULL,
    cluster_queue  VARCHAR(128)  NOT NULL,
    queue_limit    INT           NULL     COMMENT 'the limit of the last change, from the worker''s configuration',
    create_time    DATETIME(6)   NOT NULL,
    PRIMARY KEY (cluster, cluster_queue)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE maple_queue_entry (
    execution_id   BIGINT        NOT NULL,
    cluster        VARCHAR(64)   NOT NULL,
    cluster_queue  VARCHAR(128)  NOT NULL,
    priority       INT           NOT NULL,
    state          VARCHAR(8)    NOT NULL COMMENT 'WAITING or HOLDING',
    enter_time     DATETIME(6)   NOT NULL,
    grant_time     DATETIME(6)   NULL,
    PRIMARY KEY (execution_id),
    KEY idx_queue_entry_order (cluster, cluster_queue, state, priority, execution_id),
    KEY idx_queue_entry_holding (state, execution_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
