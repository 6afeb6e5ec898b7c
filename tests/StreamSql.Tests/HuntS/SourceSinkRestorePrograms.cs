using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.HuntS;

/// <summary>Flink's LimitTestPrograms, SortTestPrograms, UnionTestPrograms, ValuesTestPrograms, DeletesByKeyPrograms (those into a sink
/// that takes full deletes), TableSinkTestPrograms and TableSourceScanTestPrograms (those not about the values connector's
/// own options).</summary>
internal static class SourceSinkRestorePrograms
{
    private static readonly RestoreSource LimitSource = new("source_t", "a INT, b VARCHAR, c INT",
        [I(2, "a", 6), I(4, "b", 8), I(6, "c", 10), I(1, "a", 5), I(3, "b", 7), I(5, "c", 9)], [I(8, "d", 3), I(7, "e", 2)]);

    private static RestoreSource UnionT1((Execution.Batches.RowKind, object?[])[] after) => new("source_t1",
        "a BIGINT, b INT NOT NULL, c VARCHAR, d TIMESTAMP(3)", [I(420L, 1, "hello", new DateTime(2023, 12, 16, 1, 1, 1))], after);

    private static readonly RestoreSource UpsertSource = new("source_t", "id INT PRIMARY KEY NOT ENFORCED, name STRING, `value` INT",
        [I(1, "Alice", 10), I(2, "Bob", 20), D(1, null, null), UA(2, "Bob", 30)], [], "I,UA,D");

    private const string KeyedSink = "id INT PRIMARY KEY NOT ENFORCED, name STRING, `value` INT";

    private static readonly RestoreSource ScanSource = new("source_t", "a INT, b BIGINT, c VARCHAR",
        [I(1, 1L, "hi", At(1586937601)), I(2, 2L, "hello", At(1586937602)), I(3, 2L, "hello world", At(1586937603))],
        [I(4, 4L, "foo", At(1586937614)), I(5, 2L, "foo bar", At(1586937615))]);

    private static DateTime At(long epochSeconds) => DateTime.UnixEpoch.AddSeconds(epochSeconds);

    public static readonly RestoreProgram[] All =
    [
        new("limit", [LimitSource],
            [new("sink_t", "a INT, b VARCHAR, c BIGINT", ["+I[2, a, 6]", "+I[4, b, 8]", "+I[6, c, 10]"], [])],
            "INSERT INTO sink_t SELECT * from source_t LIMIT 3", []),
        // Flink's heap of the top 3: after the restore an equal (2, a, 6) still pushes out (3, b, 7).
        new("sort-limit-asc", [LimitSource with { After = [I(2, "a", 6), I(4, "b", 8), I(1, "a", 5)] }],
            [new("sink_t", "a INT, b VARCHAR, c BIGINT",
                ["+I[2, a, 6]", "+I[4, b, 8]", "+I[6, c, 10]", "-D[6, c, 10]", "+I[1, a, 5]", "-D[4, b, 8]", "+I[3, b, 7]"],
                ["-D[3, b, 7]", "+I[2, a, 6]", "-D[2, a, 6]", "+I[1, a, 5]"])],
            "INSERT INTO sink_t SELECT * from source_t ORDER BY a LIMIT 3", []),
        new("sort-limit-desc", [LimitSource with { After = [I(2, "a", 6), I(6, "c", 10), I(5, "c", 9)] }],
            [new("sink_t", "a INT, b VARCHAR, c BIGINT",
                ["+I[2, a, 6]", "+I[4, b, 8]", "+I[6, c, 10]", "-D[2, a, 6]", "+I[3, b, 7]", "-D[3, b, 7]", "+I[5, c, 9]"],
                ["-D[4, b, 8]", "+I[6, c, 10]"])],
            "INSERT INTO sink_t SELECT * from source_t ORDER BY a DESC LIMIT 3", []),
        new("union-two-sources",
            [UnionT1([I(420L, 1, "hello", new DateTime(2023, 12, 16, 1, 1, 1)), I(600L, 6, "hello there", new DateTime(2023, 12, 19, 1, 1, 1))]),
                new("source_t2", "d BIGINT, e INT NOT NULL", [I(420L, 1), I(421L, 2)], [I(500L, 3), I(420L, 1)])],
            [new("sink_t1_union_t2", "a BIGINT, b INT", ["+I[420, 1]", "+I[421, 2]"], ["+I[600, 6]", "+I[500, 3]"])],
            "INSERT INTO sink_t1_union_t2 SELECT * FROM (SELECT a, b FROM source_t1) UNION (SELECT d, e FROM source_t2)", []),
        new("union-all-two-sources",
            [UnionT1([I(600L, 6, "hello there", new DateTime(2023, 12, 19, 1, 1, 1))]),
                new("source_t2", "d BIGINT, e INT NOT NULL", [I(420L, 1), I(421L, 2)], [I(500L, 3), I(421L, 2)])],
            [new("sink_t1_union_all_t2", "a BIGINT, b INT", ["+I[420, 1]", "+I[420, 1]", "+I[421, 2]"], ["+I[600, 6]", "+I[500, 3]", "+I[421, 2]"])],
            "INSERT INTO sink_t1_union_all_t2 SELECT * FROM (SELECT a, b FROM source_t1) UNION ALL (SELECT d, e FROM source_t2)", []),
        new("union-all-with-filter",
            [new("source_t1", "a INT, b VARCHAR, c INT", [I(2, "a", 6), I(4, "b", 8), I(6, "c", 10)], [I(1, "a", 5), I(3, "b", 7), I(5, "c", 9)]),
                new("source_t2", "a INT, b VARCHAR, c INT", [I(0, "a", 6), I(7, "b", 8), I(8, "c", 10)], [I(1, "a", 5), I(13, "b", 7), I(50, "c", 9)])],
            [new("sink_t1_union_all_t2", "a INT, b VARCHAR, c INT", ["+I[0, a, 6]", "+I[4, b, 8]", "+I[6, c, 10]"],
                ["+I[1, a, 5]", "+I[3, b, 7]", "+I[5, c, 9]"])],
            "INSERT INTO sink_t1_union_all_t2 (SELECT * FROM source_t1 where a >=3) UNION ALL (select * from source_t2 where a <= 3)", []),
        new("values-test", [], [new("sink_t", "b INT, a INT, c VARCHAR", ["+I[1, 2, Hi]", "+I[3, 4, Hello]"], [])],
            "INSERT INTO sink_t SELECT * FROM (VALUES (1, 2, 'Hi'), (3, 4, 'Hello'))", [], Restore: false),
        new("select-delete-on-key-to-full-delete", [UpsertSource],
            [new("sink_t", KeyedSink, ["+I[1, Alice, 10]", "+I[2, Bob, 20]", "-D[1, Alice, 10]", "+U[2, Bob, 30]"], [])],
            "INSERT INTO sink_t SELECT id, name, `value` FROM source_t", [], Restore: false),
        new("select-full-delete-to-full-delete",
            [UpsertSource with { Before = [I(1, "Alice", 10), I(2, "Bob", 20), D(1, "Alice", 10), UA(2, "Bob", 30)] }],
            [new("sink_t", KeyedSink, ["+I[1, Alice, 10]", "+I[2, Bob, 20]", "-D[1, Alice, 10]", "+U[2, Bob, 30]"], [])],
            "INSERT INTO sink_t SELECT id, name, `value` FROM source_t", [], Restore: false),
        // Which of the two sources' rows the join sees first decides its changelog (Flink's expected one has them
        // interleaved); the table it leaves does not depend on it.
        new("join-to-full-delete",
            [new("left_t", "id INT PRIMARY KEY NOT ENFORCED, `value` INT", [I(1, 10), I(2, 20), I(3, 30), D(1, null), UA(3, 40)], [], "I,UA,D"),
                new("right_t", "id INT PRIMARY KEY NOT ENFORCED, name STRING",
                    [I(1, "Alice"), I(2, "Bob"), I(3, "Emily"), D(1, null), UA(2, "BOB")], [], "I,UA,D")],
            [new("sink_t", KeyedSink,
                ["+I[1, Alice, 10]", "+I[2, Bob, 20]", "+I[3, Emily, 30]", "-D[1, Alice, 10]", "+U[3, Emily, 40]", "+U[2, BOB, 20]"], [])],
            "INSERT INTO sink_t SELECT l.id, r.name, l.`value` FROM left_t l JOIN right_t r ON l.id = r.id", [], Comparison.Materialized,
            Restore: false),
        new("sink-partition", [ScanSource],
            [new("sink_t", "a INT, b BIGINT, p BIGINT NOT NULL, c VARCHAR", ["+I[1, 2, 1, hi]", "+I[2, 2, 2, hello]", "+I[3, 2, 2, hello world]"],
                ["+I[4, 2, 4, foo]", "+I[5, 2, 2, foo bar]"], "PARTITIONED BY (b)")],
            "INSERT INTO sink_t PARTITION (b=2) SELECT * FROM source_t", []),
        new("sink-partial-insert", [ScanSource],
            [new("sink_t", "a INT, b BIGINT, c VARCHAR, d DECIMAL(10,2), e DOUBLE",
                ["+I[1, 1, hi, null, null]", "+I[2, 2, hello, null, null]", "+I[3, 2, hello world, null, null]"],
                ["+I[4, 4, foo, null, null]", "+I[5, 2, foo bar, null, null]"])],
            "INSERT INTO sink_t (a, b, c) SELECT a, b, c FROM source_t", []),
        new("table-source-scan-project-pushdown", [ScanSource],
            [new("sink_t", "a INT, b VARCHAR", ["+I[1, hi]", "+I[2, hello]", "+I[3, hello world]"], ["+I[4, foo]", "+I[5, foo bar]"])],
            "INSERT INTO sink_t SELECT a, c FROM source_t", []),
        new("table-source-scan-filter-pushdown", [ScanSource],
            [new("sink_t", "a INT, b BIGINT, c VARCHAR", ["+I[2, 2, hello]", "+I[3, 2, hello world]"], ["+I[4, 4, foo]", "+I[5, 2, foo bar]"])],
            "INSERT INTO sink_t SELECT * FROM source_t WHERE a > 1", []),
        new("table-source-scan-limit-pushdown", [ScanSource],
            [new("sink_t", "a INT, b BIGINT, c VARCHAR", ["+I[1, 1, hi]", "+I[2, 2, hello]"], [])],
            "INSERT INTO sink_t SELECT a, b, c FROM source_t LIMIT 2", []),
        new("table-source-scan-partition-pushdown", [ScanSource],
            [new("sink_t", "a INT, b BIGINT, c VARCHAR", ["+I[2, 2, hello]", "+I[3, 2, hello world]"], ["+I[5, 2, foo bar]"])],
            "INSERT INTO sink_t SELECT a, b, c FROM source_t WHERE b = 2", []),
        new("table-source-scan-reuse-source", [ScanSource with { Schema = "a INT, b BIGINT, c VARCHAR, d TIMESTAMP(3)" }],
            [
                new("sink_one_t", "a INT, c VARCHAR", ["+I[1, hi]", "+I[2, hello]", "+I[3, hello world]"], ["+I[4, foo]", "+I[5, foo bar]"]),
                new("sink_two_t", "a INT, b BIGINT", ["+I[1, 1]", "+I[2, 2]", "+I[3, 2]"], ["+I[4, 4]", "+I[5, 2]"]),
            ],
            "EXECUTE STATEMENT SET BEGIN INSERT INTO sink_one_t SELECT a, c FROM source_t; INSERT INTO sink_two_t SELECT a, b FROM source_t; END", []),
        // Not one of Flink's programs: VALUES finishes before the first barrier, and a finished source is not run again
        // after a restore (Flink's FLIP-147 checkpoints record it as finished), so its rows are not emitted twice.
        new("values-finished-before-the-savepoint-is-not-replayed",
            [new("source_t", "a INT", [I(10)], [I(20)])],
            [new("sink_t", "a INT", ["+I[1]", "+I[2]", "+I[10]"], ["+I[20]"])],
            "INSERT INTO sink_t SELECT a FROM (VALUES (1), (2)) AS v(a) UNION ALL SELECT a FROM source_t", []),
        // The same for a VALUES with ARRAY rows, which runs as an Expand of projections chained to the one-row VALUES.
        new("values-with-expressions-finished-before-the-savepoint-is-not-replayed",
            [new("source_t", "a INT", [I(10)], [I(20)])],
            [new("sink_t", "a INT, b ARRAY<INT>", ["+I[1, [1]]", "+I[2, [2, 3]]", "+I[10, [10]]"], ["+I[20, [20]]"])],
            "INSERT INTO sink_t SELECT a, b FROM (VALUES (1, ARRAY[1]), (2, ARRAY[2, 3])) AS v(a, b) UNION ALL SELECT a, ARRAY[a] FROM source_t", []),
    ];
}
