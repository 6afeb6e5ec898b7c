namespace StreamSql.Bench.Reports;

/// <summary>Published per-core Nexmark throughput of other engines, as reference points (events per second per core).</summary>
public static class PublishedResults
{
    /// <summary>Flink's Nexmark results (V1), events/s per core.</summary>
    public static readonly IReadOnlyDictionary<string, double> Flink = new Dictionary<string, double>
    {
        ["q0"] = 155_000, ["q1"] = 158_000, ["q2"] = 175_000, ["q3"] = 152_000, ["q4"] = 34_000, ["q5"] = 22_000,
        ["q7"] = 12_000, ["q8"] = 146_000, ["q9"] = 14_000, ["q11"] = 40_000, ["q16"] = 19_000, ["q20"] = 19_000,
    };

    /// <summary>Feldera on 16 cores, events/s per core.</summary>
    public static readonly IReadOnlyDictionary<string, double> Feldera = new Dictionary<string, double>
    {
        ["q0"] = 436_000, ["q9"] = 57_000,
    };
}
