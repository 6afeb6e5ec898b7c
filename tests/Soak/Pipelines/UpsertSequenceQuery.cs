
namespace StreamSql.Soak.Pipelines;

/// <summary>
/// An updating query over the datagen sequence <c>1..n</c> (keys <c>id % 97</c>) whose final table the harness computes
/// itself: what an upsert sink must hold at the end, one CSV line per row, whatever the kills.
/// </summary>
/// <param name="Name">Short name (table names and the scenario list).</param>
/// <param name="SinkColumns">The sink table's columns and its primary key.</param>
/// <param name="Select">The SELECT over <c>{a}</c>, the source table.</param>
/// <param name="SourceExtras">Computed columns and a watermark of the source, after <c>id BIGINT</c> (or empty).</param>
/// <param name="Expected">The final table over <c>1..n</c>, one CSV line per row.</param>
public sealed record UpsertSequenceQuery(string Name, string SinkColumns, string Select, string SourceExtras, Func<int, IEnumerable<string>> Expected)
{
    /// <summary>The position of a value column that grows with every update of its key (a count), or null: the key's
    /// committed records must show it strictly increasing, so that an update committed twice (a replayed epoch) shows even
    /// when a later update overwrites it.</summary>
    public int? IncreasingColumn { get; init; }

    private const int Keys = 97;

    /// <summary>A score distinct for every id below 100 003 (a prime) and out of id order: rankings without ties.</summary>
    private const string ScoreSql = "id * 7919 % 100003";

    private static long Score(long id) => id * 7919 % 100003;

    /// <summary>A GROUP BY whose every row updates its key's row: count, sum and maximum per key.</summary>
    public static UpsertSequenceQuery GroupBy { get; } = new("groupby", "k INT, n BIGINT, total BIGINT, top BIGINT, PRIMARY KEY (k) NOT ENFORCED",
        "SELECT CAST(id % 97 AS INT), COUNT(*), SUM(id), MAX(id) FROM {a} GROUP BY CAST(id % 97 AS INT)", "",
        n => ByKey(n).Select(g => SoakCsv.Line(g.Key, g.Count(), g.Sum(), g.Max())))
    {
        IncreasingColumn = 1,
    };

    /// <summary>A Top-3 per key by score, the rank number in the upsert key.</summary>
    public static UpsertSequenceQuery TopN { get; } = new("top3", "k INT, rn BIGINT, id BIGINT, score BIGINT, PRIMARY KEY (k, rn) NOT ENFORCED",
        "SELECT k, rn, id, score FROM (SELECT k, id, score, ROW_NUMBER() OVER (PARTITION BY k ORDER BY score DESC) AS rn "
        + $"FROM (SELECT CAST(id % 97 AS INT) AS k, id, {ScoreSql} AS score FROM {{a}})) WHERE rn <= 3", "",
        n => ByKey(n).SelectMany(g => g.OrderByDescending(Score).Take(3).Select((id, r) => SoakCsv.Line(g.Key, r + 1, id, Score(id)))));

    /// <summary>A deduplication keeping each key's row of the latest rowtime; the rowtimes (the score in seconds) come out of
    /// order, so rows replace and fail to replace the kept one. The watermark lags by more than the rowtimes' span: no row
    /// is late.</summary>
    public static UpsertSequenceQuery Dedup { get; } = new("dedup", "k INT, id BIGINT, PRIMARY KEY (k) NOT ENFORCED",
        "SELECT k, id FROM (SELECT CAST(id % 97 AS INT) AS k, id, ROW_NUMBER() OVER (PARTITION BY CAST(id % 97 AS INT) ORDER BY ts DESC) AS rn FROM {a}) WHERE rn = 1",
        $", ts AS TO_TIMESTAMP_LTZ({ScoreSql} * 1000, 3), WATERMARK FOR ts AS ts - INTERVAL '30' HOUR",
        n => ByKey(n).Select(g => SoakCsv.Line(g.Key, g.MaxBy(Score))));

    /// <summary>A mini-batch GROUP BY with a COUNT(DISTINCT): each key's ids cycle through the 31 residues of <c>id % 31</c>,
    /// so the distinct count grows to 31 and then repeats values; the scenario's settings enable mini-batches and the
    /// two-phase (local/global) plan.</summary>
    public static UpsertSequenceQuery DistinctCount { get; } = new("distinct", "k INT, n BIGINT, d BIGINT, top BIGINT, PRIMARY KEY (k) NOT ENFORCED",
        "SELECT CAST(id % 97 AS INT), COUNT(*), COUNT(DISTINCT id % 31), MAX(id) FROM {a} GROUP BY CAST(id % 97 AS INT)", "",
        n => ByKey(n).Select(g => SoakCsv.Line(g.Key, g.Count(), g.Select(id => id % 31).Distinct().Count(), g.Max())))
    {
        IncreasingColumn = 1,
    };

    private static IEnumerable<IGrouping<long, long>> ByKey(int n)
    {
        if (n >= 100003) throw new ArgumentOutOfRangeException(nameof(n), n, "the scores repeat from id 100 003 on");
        return Enumerable.Range(1, n).Select(i => (long)i).GroupBy(id => id % Keys).OrderBy(g => g.Key);
    }

}
