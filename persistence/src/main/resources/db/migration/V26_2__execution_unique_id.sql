-- Issue 26: the console finds an execution by its uniqueId alone (the unique key leads with from_app).
CREATE INDEX idx_execution_unique_id ON maple_engine_execution (unique_id);
