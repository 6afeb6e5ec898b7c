-- scenario: DESCRIBE SAVEPOINT of a path without a savepoint says that it does not exist
-- sql:
DESCRIBE SAVEPOINT '${SCRATCH}/no-savepoint-here';
-- expect error: Cannot read savepoint '${SCRATCH}/no-savepoint-here'
-- expect error: does not exist
-- expect exit: 1
