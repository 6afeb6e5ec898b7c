using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.HuntS;

/// <summary>Flink's <c>JoinSemanticTestPrograms.OUTER_JOIN_CHANGELOG_TEST</c> ("join-duplicate-emission-bug"): an upsert
/// source (<c>I,UA,D</c>) sending the same +U thirteen times, LEFT JOINed under a CTE and counted. Its ChangelogNormalize
/// must turn the repeats into one row, or the join matches each and the count grows. Flink's program runs once; the
/// restored variant splits the rows around a savepoint, and then deletes the row and upserts it again, so the
/// normalize and join state must come back from the savepoint.</summary>
internal static class JoinSemanticRestorePrograms
{
    private const string UpsertSchema =
        "`execution_plan_id` VARCHAR(2147483647) NOT NULL, `workflow_id` VARCHAR(2147483647) NOT NULL, " +
        "`event_section_id` VARCHAR(2147483647) NOT NULL, " +
        "CONSTRAINT `PRIMARY` PRIMARY KEY (`execution_plan_id`, `event_section_id`) NOT ENFORCED";

    private const string Sql = "INSERT INTO sink WITH\n    section_detail as (\n        SELECT s.event_section_id\n        \n" +
        "        FROM upsert_table_with_duplicates s\n    ),\n\n    event_element as (\n        SELECT\n            ed.id as event_element_id\n" +
        "        FROM (\n          SELECT\n                 'pk-2' id,\n                 'section_id_3' section_id\n           UNION ALL\n" +
        "          SELECT\n                 'pk-1' id,\n                 'section_id_3' section_id\n        ) ed  \n        LEFT JOIN\n" +
        "            section_detail as s\n            ON s.event_section_id = ed.section_id\n    )\n\n" +
        "SELECT  event_element_id, COUNT(*) cnt\nFROM event_element\nGROUP BY event_element_id";

    private static (Execution.Batches.RowKind, object?[]) Section() => UA("section_id_1", "section_id_2", "section_id_3");

    private static (Execution.Batches.RowKind, object?[])[] Repeated(int count) => Enumerable.Range(0, count).Select(_ => Section()).ToArray();

    private static readonly string[] Counts = ["+I[pk-1, 1]", "+I[pk-2, 1]"];

    public static readonly RestoreProgram[] All =
    [
        new("join-duplicate-emission-bug",
            [new("upsert_table_with_duplicates", UpsertSchema, Repeated(13), [], "I,UA,D")],
            [new("sink", "event_element_id STRING, cnt BIGINT", Counts, [])],
            Sql, [], Comparison.Materialized, Restore: false),
        new("join-duplicate-emission-bug-restored",
            [new("upsert_table_with_duplicates", UpsertSchema, Repeated(7),
                [.. Repeated(6), D("section_id_1", "section_id_2", "section_id_3"), .. Repeated(3)], "I,UA,D")],
            [new("sink", "event_element_id STRING, cnt BIGINT", Counts, [])],
            Sql, [], Comparison.Materialized),
    ];
}
