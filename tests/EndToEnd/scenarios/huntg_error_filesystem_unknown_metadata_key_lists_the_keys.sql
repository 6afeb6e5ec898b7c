-- scenario: a metadata key the filesystem connector does not offer is refused at CREATE TABLE, listing the keys it reads
-- sql:
CREATE TABLE src (id INT, owner STRING METADATA FROM 'file.owner') WITH ('connector' = 'filesystem', 'path' = '/tmp', 'format' = 'csv');
-- expect error: 'file.owner'
-- expect error: file.modification-time, file.name, file.path, file.size
