using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.HuntS;

/// <summary>Flink's ExpandTestPrograms, IncrementalGroupAggregateTestPrograms, ChangelogNormalizeTestPrograms and
/// ChangelogNormalizeSemanticTestPrograms.</summary>
internal static class ChangelogRestorePrograms
{
    private static readonly RestoreSource IncrementalSource = new("source_t", "a INT, b BIGINT, c VARCHAR",
        [I(1, 1L, "hi"), I(2, 2L, "hello"), I(3, 2L, "hello world")], [I(3, 2L, "foo"), I(4, 4L, "bar"), I(5, 2L, "foo bar")]);

    private static readonly (string, string)[] IncrementalConfig =
    [
        ("table.exec.mini-batch.enabled", "true"), ("table.exec.mini-batch.allow-latency", "10 s"), ("table.exec.mini-batch.size", "1"),
        ("table.optimizer.distinct-agg.split.enabled", "true"),
    ];

    private const string NormalizeSchema = "a VARCHAR, b INT NOT NULL, c VARCHAR, PRIMARY KEY(a) NOT ENFORCED";
    private const string NormalizeSink = "a VARCHAR, b INT, c VARCHAR";

    private static readonly (Execution.Batches.RowKind, object?[])[] NormalizeBefore =
    [
        I("one", 1, "a"), I("two", 2, "b"), UB("one", 1, "a"), UA("one", 1, "aa"), I("three", 3, "c"), D("two", 2, "b"),
        UB("three", 3, "c"), UA("three", 3, "cc"),
    ];

    private static readonly (Execution.Batches.RowKind, object?[])[] NormalizeAfter =
        [I("four", 4, "d"), I("five", 5, "e"), UB("four", 4, "d"), UA("four", 4, "dd"), I("six", 6, "f"), D("six", 6, "f")];

    private static readonly string[] NormalizeBeforeOutput =
        ["+I[one, 1, a]", "+I[two, 2, b]", "-U[one, 1, a]", "+U[one, 1, aa]", "+I[three, 3, c]", "-D[two, 2, b]", "-U[three, 3, c]", "+U[three, 3, cc]"];

    private static readonly string[] NormalizeAfterOutput =
        ["+I[four, 4, d]", "+I[five, 5, e]", "-U[four, 4, d]", "+U[four, 4, dd]", "+I[six, 6, f]", "-D[six, 6, f]"];

    private const string SemanticSchema = "a STRING, b INT, c STRING, PRIMARY KEY(a) NOT ENFORCED";
    private const string RetractSink = ", 'sink-changelog-mode-enforced' = 'I,UB,UA,D'";

    private static readonly (Execution.Batches.RowKind, object?[])[] SemanticRows =
    [
        I("one", 1, "a"), UA("one", 2, "bb"), UA("three", 3, "ccc"), UA("three", 3, "ccc"), I("one", 4, "aaaa"), UA("one", 4, "aaaa"),
        D("three", 3, "cc"),
    ];

    private static readonly (Execution.Batches.RowKind, object?[])[] SemanticKeyFilterRows =
    [
        I("one", 1, "a"), UA("one", 2, "bb"), UA("three", 3, "ccc"), UA("three", 3, "ccc"), I("one", 4, "aaaa"), UA("one", 4, "aaaa"),
        I("two", 1, "d"), UA("two", 1, "d"), D("three", 3, "ccc"), D("two", 1, "d"),
    ];

    private static RestoreProgram Semantic(string id, string mode, (Execution.Batches.RowKind, object?[])[] rows, string sinkOptions,
        string[] expected, string where, bool cdcDuplicates, Comparison comparison = Comparison.Changelog) =>
        new(id, [new("source_t", SemanticSchema, rows, [], mode)],
            [new("sink_t", SemanticSchema, expected, [], Options: sinkOptions)],
            "INSERT INTO sink_t SELECT a, b, c FROM source_t" + where,
            cdcDuplicates ? [("table.exec.source.cdc-events-duplicate", "true")] : [], comparison, Restore: false);

    public static readonly RestoreProgram[] All =
    [
        // Flink's distinct split rewrites COUNT(DISTINCT) beside FIRST_VALUE with an Expand, whose two rows per input row
        // reach the FINAL aggregation one by one (+I[1, 1, null] before +U[1, 1, Hi]); this engine does not split an
        // aggregation with FIRST_VALUE (docs/sql.md), so its changelog has no such intermediate rows. The tables match.
        new("expand",
            [new("MyTable", "a int, b bigint, c varchar", [I(1, 1L, "Hi"), I(2, 2L, "Hello"), I(2, 3L, "Hello world")], [I(5, 6L, "Hello there")])],
            [new("MySink", "b bigint, a bigint, c varchar, primary key (b) not enforced",
                ["+I[1, 1, null]", "+U[1, 1, Hi]", "+I[2, 1, null]", "+U[2, 1, Hello]", "+U[2, 2, Hello]"],
                ["+I[5, 1, null]", "+U[5, 1, Hello there]"])],
            "insert into MySink select a, count(distinct b) as b, first_value(c) c from MyTable group by a",
            [("table.optimizer.agg-phase-strategy", "ONE_PHASE"), ("table.optimizer.distinct-agg.split.enabled", "true"),
                ("table.optimizer.incremental-agg-enabled", "false")],
            Comparison.Materialized),
        new("incremental-group-aggregate-simple", [IncrementalSource],
            [new("sink_t", "b BIGINT, a BIGINT", ["+I[1, 1]", "+I[2, 1]", "-U[2, 1]", "+U[2, 2]"], ["-U[2, 2]", "+U[2, 3]", "+I[4, 1]"])],
            "INSERT INTO sink_t\n     SELECT\n         b,\n         COUNT(DISTINCT a) AS a\n     FROM source_t\n     GROUP BY b", IncrementalConfig),
        new("incremental-group-aggregate-complex", [IncrementalSource],
            [new("sink_t", "b BIGINT, sum_b BIGINT, cnt_distinct_b BIGINT, cnt_1 BIGINT",
                ["+I[1, 1, 1, 1]", "-U[1, 1, 1, 1]", "+U[1, 3, 2, 2]", "-U[1, 3, 2, 2]", "+U[1, 5, 2, 3]"],
                ["-U[1, 5, 2, 3]", "+U[1, 3, 2, 2]", "+I[2, 2, 1, 1]", "-U[1, 3, 2, 2]", "+U[1, 7, 3, 3]", "-U[1, 7, 3, 3]", "+U[1, 9, 3, 4]"])],
            "INSERT INTO sink_t SELECT\n         b,\n         SUM(b1) AS sum_b,\n         COUNT(DISTINCT b1) AS cnt_distinct_b,\n         COUNT(1) AS cnt_1\n" +
            "     FROM\n         (\n             SELECT\n                     a,\n                     COUNT(b) AS b,\n                     MAX(b) AS b1\n" +
            "             FROM source_t GROUP BY a\n         )\n     GROUP BY b", IncrementalConfig),
        new("changelog-normalize-source",
            [new("source_t", NormalizeSchema, NormalizeBefore, NormalizeAfter, "I,UA,UB,D")],
            [new("sink_t", NormalizeSink, NormalizeBeforeOutput, NormalizeAfterOutput)],
            "INSERT INTO sink_t SELECT a, b, c FROM source_t", [("table.exec.source.cdc-events-duplicate", "true")]),
        new("changelog-normalize-source-mini-batch",
            [new("source_t", NormalizeSchema, NormalizeBefore, NormalizeAfter, "I,UA,UB,D")],
            [new("sink_t", NormalizeSink, NormalizeBeforeOutput, NormalizeAfterOutput)],
            "INSERT INTO sink_t SELECT a, b, c FROM source_t",
            [("table.exec.source.cdc-events-duplicate", "true"), ("table.exec.mini-batch.enabled", "true"),
                ("table.exec.mini-batch.allow-latency", "10 s"), ("table.exec.mini-batch.size", "2")]),
        new("changelog-normalize-upsert",
            [new("source_t", NormalizeSchema,
                [UA("one", 1, "a"), UA("two", 2, "b"), UA("one", 1, "aa"), UA("three", 3, "c"), D("two", 2, "b"), UA("three", 3, "cc")],
                [UA("four", 4, "d"), UA("five", 5, "e"), UA("six", 6, "f"), UA("five", 5, "ee"), D("six", 6, "f"), UA("four", 4, "dd")],
                "I,UA,D")],
            [new("sink_t", NormalizeSink, NormalizeBeforeOutput,
                ["+I[four, 4, d]", "+I[five, 5, e]", "+I[six, 6, f]", "-U[five, 5, e]", "+U[five, 5, ee]", "-D[six, 6, f]", "-U[four, 4, d]", "+U[four, 4, dd]"])],
            "INSERT INTO sink_t SELECT a, b, c FROM source_t", [("table.exec.source.cdc-events-duplicate", "true")]),
        // Flink 2.x pushes the filter into the ChangelogNormalize, which then emits -D when an update leaves the
        // filter; 1.20 (and this engine) filters the -U/+U pair after it, so the row leaves as -U. The tables match.
        Semantic("upsert-with-filter", "UA,D",
            [I("one", 1, "a"), UA("one", 2, "bb"), UA("three", 3, "ccc"), UA("three", 3, "ccc"), I("one", 4, "aaaa"), UA("one", 4, "aaaa"), D("three", 5, "ccc")],
            RetractSink, ["+I[one, 1, a]", "-U[one, 1, a]", "+U[one, 2, bb]", "-D[one, 2, bb]"], " WHERE b < 3", false, Comparison.Materialized),
        Semantic("upsert-key-filter", "UA,D", SemanticKeyFilterRows, RetractSink,
            ["+I[one, 1, a]", "-U[one, 1, a]", "+U[one, 2, bb]", "-U[one, 2, bb]", "+U[one, 4, aaaa]", "+I[two, 1, d]", "-D[two, 1, d]"],
            " WHERE a <> 'three'", false),
        Semantic("upsert-with-retract-sink", "UA,D",
            [I("one", 1, "a"), UA("one", 2, "bb"), I("three", 3, "ccc"), UA("three", 3, "ccc"), I("one", 4, "aaaa"), UA("one", 4, "aaaa"), D("three", 3, "cc")],
            RetractSink, ["+I[one, 1, a]", "-U[one, 1, a]", "+U[one, 2, bb]", "-U[one, 2, bb]", "+U[one, 4, aaaa]", "+I[three, 3, ccc]", "-D[three, 3, ccc]"],
            "", false),
        // With the filter in the ChangelogNormalize (Flink 2.1, FLINK-37390) the upsert sink gets +U only; with a Calc
        // above it (Flink 1.20, this engine) the filter could drop a +U whose -U passed, so the sink is sent both
        // (FLINK-9528's rule) and writes the -U as a delete of its key. The tables match.
        Semantic("changelog-normalize-filter", "I,UB,UA,D", SemanticRows, "",
            ["+I[one, 1, a]", "+U[one, 2, bb]", "+I[three, 3, ccc]", "+U[one, 4, aaaa]", "-D[three, 3, ccc]"], " WHERE b < 10", true,
            Comparison.Materialized),
        Semantic("changelog-normalize-key-filter", "I,UB,UA,D",
            [I("one", 1, "a"), UA("one", 2, "bb"), UA("three", 3, "ccc"), UA("three", 3, "ccc"), I("one", 4, "aaaa"), UA("one", 4, "aaaa"),
                I("two", 1, "d"), UA("two", 1, "d"), D("three", 3, "cc"), D("two", 1, "d")], "",
            ["+I[one, 1, a]", "+U[one, 2, bb]", "+U[one, 4, aaaa]", "+I[two, 1, d]", "-D[two, 1, d]"], " WHERE a <> 'three'", true,
            Comparison.Materialized),
        Semantic("changelog-normalize", "I,UB,UA,D", SemanticRows, "",
            ["+I[one, 1, a]", "+U[one, 2, bb]", "+I[three, 3, ccc]", "+U[one, 4, aaaa]", "-D[three, 3, ccc]"], "", true),
    ];
}
