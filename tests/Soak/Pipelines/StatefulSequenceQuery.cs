using System.Globalization;

namespace StreamSql.Soak.Pipelines;

/// <summary>
/// A stateful query over the datagen sequence <c>1..n</c> whose rows carry the event time <c>id × 10 ms</c>, with an
/// insert-only result the harness computes itself: what the sink must hold once, whatever the kills.
/// </summary>
/// <param name="Name">Short name (table names and the scenario list).</param>
/// <param name="SinkColumns">The sink table's columns.</param>
/// <param name="Select">The SELECT over <c>{a}</c> (and <c>{b}</c>, a second source of the same sequence).</param>
/// <param name="TwoSources">Whether the query reads <c>{b}</c> too.</param>
/// <param name="Expected">The result over <c>1..n</c>, one CSV line per row.</param>
public sealed record StatefulSequenceQuery(string Name, string SinkColumns, string Select, bool TwoSources, Func<int, IEnumerable<string>> Expected)
{
    /// <summary>Computed columns of the sources, after <c>ts</c> (e.g. <c>, pt AS PROCTIME()</c>), or empty.</summary>
    public string SourceExtras { get; init; } = "";

    /// <summary>A column of <c>{b}</c> equal to its id and its primary key (a versioned table with the rowtime <c>ts</c>), or
    /// null.</summary>
    public string? SecondSourceKey { get; init; }

    /// <summary>A filesystem table <c>{dim}</c> the query looks rows up in, or null.</summary>
    public LookupTable? Lookup { get; init; }

    /// <summary>A 1 s tumbling event-time window: count, sum and first id of each window.</summary>
    public static StatefulSequenceQuery TumbleWindow { get; } = new("window", "cnt BIGINT, total BIGINT, first_id BIGINT",
        "SELECT COUNT(*), SUM(id), MIN(id) FROM TABLE(TUMBLE(TABLE {a}, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY window_start, window_end",
        TwoSources: false, ExpectedWindows);

    /// <summary>An event-time interval join of the two sources: each id with the id 3 before it (30 ms earlier).</summary>
    public static StatefulSequenceQuery IntervalJoin { get; } = new("interval", "a BIGINT, b BIGINT",
        "SELECT a.id, b.id FROM {a} a, {b} b WHERE a.id = b.id + 3 AND a.ts BETWEEN b.ts AND b.ts + INTERVAL '1' SECOND",
        TwoSources: true, n => Pairs(4, n, id => id - 3));

    /// <summary>A regular join with all its rows in state: each even id with its half.</summary>
    public static StatefulSequenceQuery RegularJoin { get; } = new("join", "a BIGINT, b BIGINT",
        "SELECT a.id, b.id FROM {a} a JOIN {b} b ON a.id = b.id * 2",
        TwoSources: true, n => Pairs(1, n, id => id % 2 == 0 ? id / 2 : -1));

    /// <summary>A rowtime OVER aggregation: the sum of each id and the two before it in its partition (id mod 10).</summary>
    public static StatefulSequenceQuery OverRows { get; } = new("over", "id BIGINT, s BIGINT",
        "SELECT id, SUM(id) OVER (PARTITION BY id % 10 ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM {a}",
        TwoSources: false, ExpectedOver);

    private static IEnumerable<string> ExpectedWindows(int n)
    {
        for (int w = 0; 100 * w <= n; w++)
        {
            long first = Math.Max(1, 100 * w), last = Math.Min(n, 100 * w + 99), total = 0;
            for (long id = first; id <= last; id++) total += id;
            yield return string.Create(CultureInfo.InvariantCulture, $"{last - first + 1},{total},{first}");
        }
    }

    internal static IEnumerable<string> Pairs(int from, int n, Func<int, int> partner)
    {
        for (int id = from; id <= n; id++)
            if (partner(id) is var other and >= 1)
                yield return SoakCsv.Line(id, other);
    }

    private static IEnumerable<string> ExpectedOver(int n)
    {
        for (long id = 1; id <= n; id++)
        {
            long sum = id + (id > 10 ? id - 10 : 0) + (id > 20 ? id - 20 : 0);
            yield return string.Create(CultureInfo.InvariantCulture, $"{id},{sum}");
        }
    }
}
