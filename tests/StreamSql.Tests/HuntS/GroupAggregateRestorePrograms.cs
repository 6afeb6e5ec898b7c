using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.HuntS;

/// <summary>Flink's GroupAggregateTestPrograms (the programs without Java UDFs).</summary>
internal static class GroupAggregateRestorePrograms
{
    private static readonly RestoreSource SourceOne = new("source_t", "a INT, b BIGINT, c VARCHAR",
        [I(1, 1L, "Hi"), I(2, 2L, "Hello"), I(2, 2L, "Hello World")],
        [I(1, 1L, "Hi Again!"), I(2, 2L, "Hello Again!"), I(2, 2L, "Hello World Again!")]);

    private static readonly RestoreSource SourceTwo = new("source_t", "a INT, b BIGINT, c INT, d VARCHAR, e BIGINT",
        [
            I(2, 3L, 2, "Hello World Like", 1L), I(3, 4L, 3, "Hello World Its nice", 2L), I(2, 2L, 1, "Hello World", 2L),
            I(1, 1L, 0, "Hello", 1L), I(5, 11L, 10, "GHI", 1L), I(3, 5L, 4, "ABC", 2L), I(4, 10L, 9, "FGH", 2L),
            I(4, 7L, 6, "CDE", 2L), I(5, 14L, 13, "JKL", 2L), I(4, 9L, 8, "EFG", 1L), I(5, 15L, 14, "KLM", 2L),
            I(5, 12L, 11, "HIJ", 3L), I(4, 8L, 7, "DEF", 1L), I(5, 13L, 12, "IJK", 3L), I(3, 6L, 5, "BCD", 3L),
        ],
        [
            I(1, 1L, 0, "Hello", 1L), I(3, 5L, 4, "ABC", 2L), I(4, 10L, 9, "FGH", 2L), I(4, 7L, 6, "CDE", 2L),
            I(7, 7L, 7, "MNO", 7L), I(3, 6L, 5, "BCD", 3L), I(7, 7L, 7, "XYZ", 7L),
        ]);

    private const string SimpleSink = "b BIGINT, cnt BIGINT, avg_a DOUBLE, min_c VARCHAR, PRIMARY KEY (b) NOT ENFORCED";

    private const string SimpleSql =
        "INSERT INTO sink_t SELECT b, COUNT(*) AS cnt, AVG(a) FILTER (WHERE a > 1) AS avg_a, MIN(c) AS min_c FROM source_t GROUP BY b";

    // Flink sets 10 s: the latency decides when the quiet first phase's mini-batch comes out, and 1 s keeps the test short.
    private static readonly (string, string)[] MiniBatch =
    [
        ("table.exec.mini-batch.enabled", "true"), ("table.exec.mini-batch.allow-latency", "1 s"), ("table.exec.mini-batch.size", "5"),
    ];

    private const string DistinctSink =
        "e BIGINT, cnt_a1 BIGINT, cnt_a2 BIGINT, sum_a BIGINT, sum_b BIGINT, avg_b DOUBLE, cnt_d BIGINT, PRIMARY KEY (e) NOT ENFORCED";

    private const string DistinctSql =
        "INSERT INTO sink_t SELECT e, COUNT(DISTINCT a) FILTER (WHERE b > 10) AS cnt_a1, COUNT(DISTINCT a) AS cnt_a2, " +
        "SUM(DISTINCT a) AS sum_a, SUM(DISTINCT b) AS sum_b, AVG(b) AS avg_b, COUNT(DISTINCT d) AS concat_d FROM source_t GROUP BY e";

    public static readonly RestoreProgram[] All =
    [
        new("group-aggregate-simple", [SourceOne],
            [new("sink_t", SimpleSink, ["+I[1, 1, null, Hi]", "+I[2, 1, 2.0, Hello]", "+U[2, 2, 2.0, Hello]"],
                ["+U[1, 2, null, Hi]", "+U[2, 3, 2.0, Hello]", "+U[2, 4, 2.0, Hello]"])],
            SimpleSql, []),
        // Mini-batch: how many rows one batch holds decides the changelog (Flink's 'size' 5 counts rows of a trigger,
        // our batches are the source's); the tables each phase leaves must be Flink's.
        new("group-aggregate-simple-mini-batch", [SourceOne],
            [new("sink_t", SimpleSink, ["+I[1, 1, null, Hi]", "+I[2, 2, 2.0, Hello]"], ["+U[1, 2, null, Hi]", "+U[2, 4, 2.0, Hello]"])],
            SimpleSql, MiniBatch, Comparison.Materialized),
        new("group-aggregate-distinct", [SourceTwo],
            [new("sink_t", DistinctSink,
                [
                    "+I[1, 0, 1, 2, 3, 3.0, 1]", "+I[2, 0, 1, 3, 4, 4.0, 1]", "+U[2, 0, 2, 5, 6, 3.0, 2]", "+U[1, 0, 2, 3, 4, 2.0, 2]",
                    "+U[1, 1, 3, 8, 15, 5.0, 3]", "+U[2, 0, 2, 5, 11, 3.0, 3]", "+U[2, 0, 3, 9, 21, 5.0, 4]", "+U[2, 0, 3, 9, 28, 5.0, 5]",
                    "+U[2, 1, 4, 14, 42, 7.0, 6]", "+U[1, 1, 4, 12, 24, 6.0, 4]", "+U[2, 1, 4, 14, 57, 8.0, 7]", "+I[3, 1, 1, 5, 12, 12.0, 1]",
                    "+U[1, 1, 4, 12, 32, 6.0, 5]", "+U[3, 1, 1, 5, 25, 12.0, 2]", "+U[3, 1, 2, 8, 31, 10.0, 3]",
                ],
                [
                    "+U[1, 1, 4, 12, 32, 5.0, 5]", "+U[2, 1, 4, 14, 57, 7.0, 7]", "+U[2, 1, 4, 14, 57, 8.0, 7]", "+U[2, 1, 4, 14, 57, 7.0, 7]",
                    "+I[7, 0, 1, 7, 7, 7.0, 1]", "+U[3, 1, 2, 8, 31, 9.0, 3]", "+U[7, 0, 1, 7, 7, 7.0, 2]",
                ])],
            DistinctSql, []),
        new("group-aggregate-distinct-mini-batch", [SourceTwo],
            [new("sink_t", DistinctSink,
                ["+I[3, 1, 2, 8, 31, 10.0, 3]", "+I[2, 1, 4, 14, 42, 7.0, 6]", "+I[1, 1, 4, 12, 24, 6.0, 4]", "+U[2, 1, 4, 14, 57, 8.0, 7]", "+U[1, 1, 4, 12, 32, 6.0, 5]"],
                ["+U[3, 1, 2, 8, 31, 9.0, 3]", "+U[2, 1, 4, 14, 57, 7.0, 7]", "+I[7, 0, 1, 7, 7, 7.0, 2]", "+U[1, 1, 4, 12, 32, 5.0, 5]"])],
            DistinctSql, MiniBatch, Comparison.Materialized),
        // The STATE_TTL hint's 1 s has passed when the job is restored, so every key starts again.
        new("agg-with-state-ttl-hint", [SourceOne],
            [new("sink_t", SimpleSink, ["+I[1, 1, null, Hi]", "+I[2, 1, 2.0, Hello]", "+U[2, 2, 2.0, Hello]"],
                ["+I[1, 1, null, Hi Again!]", "+I[2, 1, 2.0, Hello Again!]", "+U[2, 2, 2.0, Hello Again!]"])],
            "INSERT INTO sink_t SELECT /*+ STATE_TTL('source_t' = '1s') */ b, COUNT(*) AS cnt, AVG(a) FILTER (WHERE a > 1) AS avg_a, " +
            "MIN(c) AS min_c FROM source_t GROUP BY b", [], PauseBeforeRestore: TimeSpan.FromSeconds(1.2)),
    ];
}
