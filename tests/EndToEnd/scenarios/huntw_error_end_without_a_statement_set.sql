-- scenario: END; with no BEGIN STATEMENT SET before it fails with Flink's SQL client message (statement_set.q), not a syntax error
-- sql:
END;
-- expect error: No Statement Set to submit. 'END' statement should be used after 'BEGIN STATEMENT SET'.
-- expect exit: non-zero
