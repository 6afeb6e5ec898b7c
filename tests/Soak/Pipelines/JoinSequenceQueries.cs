namespace StreamSql.Soak.Pipelines;

/// <summary>
/// Joins against tables over time and pattern matching over the datagen sequence <c>1..n</c> (event time <c>id × 10 ms</c>):
/// an event-time temporal join against a versioned view, a lookup join against a filesystem table, and MATCH_RECOGNIZE;
/// each result computed here from the sequence's definition.
/// </summary>
public static class JoinSequenceQueries
{
    /// <summary>An event-time temporal LEFT JOIN of <c>{a}</c> against <c>{b}</c> as a versioned table (primary key
    /// <c>k</c> = its id, rowtime <c>ts</c>): an odd id joins the key 3 before it, whose version is already current at the
    /// id's time; an even id the key 3 after it, whose version only comes later, so it is padded with NULL.</summary>
    public static StatefulSequenceQuery Temporal { get; } = new("temporal", "a BIGINT, b BIGINT",
        "SELECT o.id, v.id FROM {a} AS o LEFT JOIN {b} FOR SYSTEM_TIME AS OF o.ts AS v ON v.k = o.id + 3 - 6 * (o.id % 2)",
        TwoSources: true, n => Enumerable.Range(1, n).Select(id => id % 2 == 0 ? SoakCsv.Line(id) + "," : id > 3 ? SoakCsv.Line(id, id - 3) : SoakCsv.Line(id) + ","))
    {
        SecondSourceKey = "k",
    };

    /// <summary>An event-time temporal join of <c>{a}</c> against a versioned view of <c>{b}</c>: the last row per key
    /// <c>id % 7</c> by event time (an updating deduplication). Each id joins key <c>(id + 3) % 7</c>, whose version at the
    /// id's time is the id 4 before it. Deterministic only at parallelism 1: at more, the source's subtasks deal the ids
    /// out in turn and the deduplication drops a key's row that arrives after a later one (as Flink's does), so which
    /// versions exist depends on the subtasks' pace.</summary>
    public static StatefulSequenceQuery TemporalView { get; } = new("temporalview", "a BIGINT, b BIGINT",
        "WITH v AS (SELECT k, id, ts FROM (SELECT k, id, ts, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts DESC) AS rn "
        + "FROM (SELECT CAST(id % 7 AS INT) AS k, id, ts FROM {b})) WHERE rn = 1) "
        + "SELECT o.id, v.id FROM {a} AS o JOIN v FOR SYSTEM_TIME AS OF o.ts ON CAST((o.id + 3) % 7 AS INT) = v.k",
        TwoSources: true, n => StatefulSequenceQuery.Pairs(5, n, id => id - 4));

    private const int LookupKeys = 8;

    /// <summary>A processing-time lookup join against a filesystem CSV table of the keys 0..7 (of <c>id % 10</c>): ids of
    /// keys 8 and 9 find nothing and are dropped.</summary>
    public static StatefulSequenceQuery Lookup { get; } = new("lookup", "id BIGINT, sq BIGINT",
        "SELECT o.id, d.sq FROM (SELECT id, CAST(id % 10 AS INT) AS k, pt FROM {a}) AS o "
        + "JOIN {dim} FOR SYSTEM_TIME AS OF o.pt AS d ON o.k = d.k",
        TwoSources: false, n => Enumerable.Range(1, n).Where(id => id % 10 < LookupKeys).Select(id => SoakCsv.Line(id, id % 10 * (id % 10))))
    {
        SourceExtras = ", pt AS PROCTIME()",
        Lookup = new LookupTable("k INT, sq BIGINT", Enumerable.Range(0, LookupKeys).Select(k => SoakCsv.Line(k, k * k)).ToList()),
    };

    /// <summary>MATCH_RECOGNIZE per key <c>id % 4</c>: in every run of 40 ids, a key's row with <c>id % 40 &lt; 4</c>, then
    /// its rows in 4..11 (two), then its row in 12..15 make one match.</summary>
    public static StatefulSequenceQuery Match { get; } = new("match", "k INT, a_id BIGINT, b_id BIGINT, c_id BIGINT",
        "SELECT k, a_id, b_id, c_id FROM (SELECT id, ts, CAST(id % 4 AS INT) AS k FROM {a}) MATCH_RECOGNIZE ("
        + "PARTITION BY k ORDER BY ts MEASURES A.id AS a_id, LAST(B.id) AS b_id, C.id AS c_id "
        + "ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW PATTERN (A B+ C) "
        + "DEFINE A AS MOD(A.id, 40) < 4, B AS MOD(B.id, 40) BETWEEN 4 AND 11, C AS MOD(C.id, 40) BETWEEN 12 AND 15)",
        TwoSources: false, ExpectedMatches);

    private static IEnumerable<string> ExpectedMatches(int n)
    {
        for (long start = 0; start <= n; start += 40)
            for (long k = 0; k < 4; k++)
                if (start + k >= 1 && start + k + 12 <= n)
                    yield return SoakCsv.Line(k, start + k, start + k + 8, start + k + 12);
    }
}
