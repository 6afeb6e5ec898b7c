-- A job that survives a crash: run it, kill it (kill -9), and run it again with --from-latest-checkpoint:
--   dotnet run --project src/Shell -- -f examples/checkpointed.sql
--   dotnet run --project src/Shell -- -f examples/checkpointed.sql --from-latest-checkpoint
-- The visible files in /tmp/streamsql-example/out hold every id from 1 to 60000 exactly once in the end.
SET 'execution.checkpointing.interval' = '1s';
SET 'state.checkpoints.dir' = '/tmp/streamsql-example/checkpoints';
SET 'state.savepoints.dir' = '/tmp/streamsql-example/savepoints';
SET 'pipeline.name' = 'checkpointed-example';

CREATE TABLE ids (id BIGINT) WITH (
  'connector' = 'datagen', 'rows-per-second' = '2000',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '60000');

CREATE TABLE out (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '/tmp/streamsql-example/out', 'format' = 'csv');

INSERT INTO out SELECT id FROM ids;
