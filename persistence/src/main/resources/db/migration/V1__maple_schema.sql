-- Maple's schema, named after the seed (maple-architecture.zh.md). utf8mb4 throughout; times are UTC.

CREATE TABLE maple_cluster (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    name         VARCHAR(64)  NOT NULL,
    category     VARCHAR(16)  NOT NULL COMMENT 'YARN | K8S | LOCAL',
    config       JSON         NULL     COMMENT 'address / connection config (RM addresses, HADOOP_CONF_DIR, kubeconfig, ...)',
    description  VARCHAR(512) NULL,
    create_time  DATETIME(6)  NOT NULL,
    update_time  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_cluster_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE maple_cluster_engine (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    cluster_id       BIGINT       NOT NULL,
    engine_category  VARCHAR(16)  NOT NULL COMMENT 'spark | flink',
    engine_version   VARCHAR(32)  NOT NULL,
    engine_home      VARCHAR(512) NULL,
    ext_info         JSON         NULL     COMMENT '{"envs": {...}, "forbiddenConfs": [{"name","replaceParameter","desc"}]}',
    create_time      DATETIME(6)  NOT NULL,
    update_time      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_cluster_engine (cluster_id, engine_category, engine_version),
    CONSTRAINT fk_cluster_engine_cluster FOREIGN KEY (cluster_id) REFERENCES maple_cluster (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE maple_cluster_engine_default_conf (
    id                 BIGINT      NOT NULL AUTO_INCREMENT,
    cluster_engine_id  BIGINT      NOT NULL,
    configuration      JSON        NOT NULL COMMENT 'job configuration merged under the user''s',
    create_time        DATETIME(6) NOT NULL,
    update_time        DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_default_conf_engine (cluster_engine_id),
    CONSTRAINT fk_default_conf_engine FOREIGN KEY (cluster_engine_id) REFERENCES maple_cluster_engine (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE maple_engine_execution (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    unique_id        VARCHAR(128)  NOT NULL COMMENT 'the caller''s id; (from_app, unique_id) makes submit idempotent',
    exec_name        VARCHAR(256)  NOT NULL,
    exec_comment     VARCHAR(1024) NULL,
    from_app         VARCHAR(64)   NOT NULL,
    cluster          VARCHAR(64)   NOT NULL,
    cluster_queue    VARCHAR(128)  NOT NULL,
    engine_category  VARCHAR(16)   NOT NULL,
    engine_version   VARCHAR(32)   NOT NULL,
    priority         INT           NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    previous_status  VARCHAR(16)   NULL     COMMENT 'set by the compare-and-set itself, so history knows what it replaced',
    exec_group       VARCHAR(64)   NOT NULL,
    exec_user        VARCHAR(64)   NOT NULL,
    webhooks         JSON          NULL,
    request_type     VARCHAR(32)   NULL,
    exec_type        VARCHAR(32)   NULL,
    rerun_of         BIGINT        NULL,
    start_time       DATETIME(6)   NULL     COMMENT 'first RUNNING',
    end_time         DATETIME(6)   NULL     COMMENT 'terminal status reached',
    heartbeat_time   DATETIME(6)   NULL     COMMENT 'last engine self-report',
    create_time      DATETIME(6)   NOT NULL,
    update_time      DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_execution_app_unique (from_app, unique_id),
    KEY idx_execution_status (status, id),
    KEY idx_execution_queue (cluster, cluster_queue, status),
    KEY idx_execution_create_time (create_time, id),
    KEY idx_execution_group_user (exec_group, exec_user)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE maple_engine_execution_ext_info (
    execution_id   BIGINT      NOT NULL,
    configuration  JSON        NULL COMMENT 'the job configuration as submitted',
    ext_info       JSON        NULL,
    exec_info      JSON        NULL COMMENT 'seed shape: lastStatus, startInfo, lastClusterStatus, clusterInfo, rawStatus, rawInfo',
    create_time    DATETIME(6) NOT NULL,
    update_time    DATETIME(6) NOT NULL,
    PRIMARY KEY (execution_id),
    CONSTRAINT fk_ext_info_execution FOREIGN KEY (execution_id) REFERENCES maple_engine_execution (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE maple_engine_execution_status_history (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    execution_id  BIGINT        NOT NULL,
    from_status   VARCHAR(16)   NULL,
    to_status     VARCHAR(16)   NOT NULL,
    reason        VARCHAR(2048) NULL,
    source        VARCHAR(64)   NOT NULL COMMENT 'who moved it: api, workflow, yarn-poller, k8s-informer, engine',
    create_time   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_history_execution (execution_id, id),
    CONSTRAINT fk_history_execution FOREIGN KEY (execution_id) REFERENCES maple_engine_execution (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE maple_application (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    app_name         VARCHAR(64)  NOT NULL,
    access_key_hash  VARCHAR(128) NOT NULL COMMENT 'salted hash; the key itself is never stored',
    legal_hosts      JSON         NULL     COMMENT 'CIDR allow-list of callers',
    webhook_hosts    JSON         NULL     COMMENT 'hosts webhooks may be sent to',
    admin            BOOLEAN      NOT NULL DEFAULT FALSE,
    description      VARCHAR(512) NULL,
    create_time      DATETIME(6)  NOT NULL,
    update_time      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_application_name (app_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
