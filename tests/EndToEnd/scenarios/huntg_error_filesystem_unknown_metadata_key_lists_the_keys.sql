-- scenario: a metadata key the filesystem connector does not offer is refused where a query reads the table (Flink checks metadata keys when it creates the source, not at CREATE TABLE), listing the keys it reads
-- sql:
CREATE TABLE src (id INT, owner STRING METADATA FROM 'file.owner') WITH ('connector' = 'filesystem', 'path' = '/tmp', 'format' = 'csv');
SELECT id FROM src;
-- expect error: Unable to create a source for reading table 'default_catalog.default_database.src'.
-- expect error: 'file.owner'
-- expect error: file.modification-time, file.name, file.path, file.size
-- expect caret under: src;
