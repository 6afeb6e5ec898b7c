namespace StreamSql.Soak.Pipelines;

/// <summary>
/// The window table functions beyond TUMBLE over the datagen sequence <c>1..n</c> (event time <c>id × 10 ms</c>, so a 1 s
/// window holds the ids <c>100w .. 100w + 99</c>): SESSION and CUMULATE aggregations, window Top-N, window deduplication
/// and a window join, each result computed here from the sequence's definition.
/// </summary>
public static class WindowSequenceQueries
{
    /// <summary>A score distinct for every id below 100 003 (a prime) and out of id order: rankings without ties.</summary>
    private const string ScoreSql = "id * 7919 % 100003";

    private static long Score(long id) => id * 7919 % 100003;

    /// <summary>SESSION windows of 100 ms per key <c>id % 3</c> over the ids whose <c>id % 50</c> is below 40: a key's rows are
    /// 30 ms apart within a block of 50 ids and at least 110 ms apart across the 10 missing ones, so each (block, key) is
    /// one session.</summary>
    public static StatefulSequenceQuery Session { get; } = new("session", "k INT, cnt BIGINT, total BIGINT, first_id BIGINT, last_id BIGINT",
        "WITH s AS (SELECT id, ts, CAST(id % 3 AS INT) AS k FROM {a} WHERE MOD(id, 50) < 40) "
        + "SELECT k, COUNT(*), SUM(id), MIN(id), MAX(id) FROM TABLE(SESSION(TABLE s PARTITION BY k, DESCRIPTOR(ts), INTERVAL '0.1' SECOND)) "
        + "GROUP BY k, window_start, window_end",
        TwoSources: false, ExpectedSessions);

    /// <summary>CUMULATE windows of 1 s in steps of 250 ms: each second's window fires four times, growing (and the last
    /// second's windows past the end of the input repeat its rows, as Flink fires every step of a non-empty window).</summary>
    public static StatefulSequenceQuery Cumulate { get; } = new("cumulate", "cnt BIGINT, total BIGINT, first_id BIGINT, last_id BIGINT",
        "SELECT COUNT(*), SUM(id), MIN(id), MAX(id) FROM TABLE(CUMULATE(TABLE {a}, DESCRIPTOR(ts), INTERVAL '0.25' SECOND, INTERVAL '1' SECOND)) "
        + "GROUP BY window_start, window_end",
        TwoSources: false, ExpectedCumulate);

    /// <summary>A window Top-3 by score in 1 s TUMBLE windows.</summary>
    public static StatefulSequenceQuery TopN { get; } = new("wtop3", "id BIGINT, score BIGINT, rn BIGINT",
        "SELECT id, score, rn FROM (SELECT id, score, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY score DESC) AS rn "
        + $"FROM (SELECT window_start, window_end, id, {ScoreSql} AS score FROM TABLE(TUMBLE(TABLE {{a}}, DESCRIPTOR(ts), INTERVAL '1' SECOND)))) WHERE rn <= 3",
        TwoSources: false, ExpectedTopN);

    /// <summary>A window deduplication keeping the last row (by event time) of each key <c>id % 7</c> in 1 s TUMBLE windows.</summary>
    public static StatefulSequenceQuery Dedup { get; } = new("wdedup", "id BIGINT",
        "SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, k ORDER BY ts DESC) AS rn "
        + "FROM (SELECT window_start, window_end, id, ts, id % 7 AS k FROM TABLE(TUMBLE(TABLE {a}, DESCRIPTOR(ts), INTERVAL '1' SECOND)))) WHERE rn = 1",
        TwoSources: false, ExpectedDedup);

    /// <summary>A window join of the two sources' 1 s TUMBLE windows: each id with the id 3 before it in the same window.</summary>
    public static StatefulSequenceQuery Join { get; } = new("wjoin", "a BIGINT, b BIGINT",
        "SELECT l.id, r.id FROM (SELECT * FROM TABLE(TUMBLE(TABLE {a}, DESCRIPTOR(ts), INTERVAL '1' SECOND))) l "
        + "JOIN (SELECT * FROM TABLE(TUMBLE(TABLE {b}, DESCRIPTOR(ts), INTERVAL '1' SECOND))) r "
        + "ON l.window_start = r.window_start AND l.window_end = r.window_end AND l.id = r.id + 3",
        TwoSources: true, n => StatefulSequenceQuery.Pairs(4, n, id => id % 100 >= 3 ? id - 3 : -1));

    private static IEnumerable<string> ExpectedSessions(int n)
    {
        for (long block = 0; 50 * block <= n; block++)
        {
            for (long k = 0; k < 3; k++)
            {
                var ids = Ids(50 * block, Math.Min(n, 50 * block + 39)).Where(id => id % 3 == k).ToList();
                if (ids.Count > 0) yield return SoakCsv.Line(k, ids.Count, ids.Sum(), ids.Min(), ids.Max());
            }
        }
    }

    private static IEnumerable<string> ExpectedCumulate(int n)
    {
        for (long w = 0; 100 * w <= n; w++)
        {
            for (long step = 1; step <= 4; step++)
            {
                var ids = Ids(100 * w, Math.Min(n, 100 * w + 25 * step - 1)).ToList();
                if (ids.Count > 0) yield return SoakCsv.Line(ids.Count, ids.Sum(), ids.Min(), ids.Max());
            }
        }
    }

    private static IEnumerable<string> ExpectedTopN(int n)
    {
        for (long w = 0; 100 * w <= n; w++)
        {
            int rank = 1;
            foreach (var id in Ids(100 * w, Math.Min(n, 100 * w + 99)).OrderByDescending(Score).Take(3))
                yield return SoakCsv.Line(id, Score(id), rank++);
        }
    }

    private static IEnumerable<string> ExpectedDedup(int n)
    {
        for (long w = 0; 100 * w <= n; w++)
            foreach (var last in Ids(100 * w, Math.Min(n, 100 * w + 99)).GroupBy(id => id % 7).Select(g => g.Max()))
                yield return SoakCsv.Line(last);
    }

    /// <summary>The ids of the sequence from <paramref name="first"/> to <paramref name="last"/> (the sequence starts at 1).</summary>
    private static IEnumerable<long> Ids(long first, long last)
    {
        for (long id = Math.Max(1, first); id <= last; id++) yield return id;
    }
}
