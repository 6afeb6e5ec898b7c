using System.Globalization;
using System.Text;

namespace StreamSql.Tests.ItcA;

/// <summary>Runs an <see cref="ItCase"/> through the engine: the tables as CSV files, the query read to its end and its
/// changelog materialized, each row printed as Flink's test sinks print it, compared sorted with Flink's expectation.</summary>
internal static class ItCaseRunner
{
    /// <summary>The parameterized variants of Flink's aggregate ITCases that change only batching or plan shape.</summary>
    public static readonly IReadOnlyDictionary<string, (string Key, string Value)[]> Variants = new Dictionary<string, (string, string)[]>
    {
        ["default"] = [],
        ["minibatch-two-phase"] =
        [
            ("table.exec.mini-batch.enabled", "true"), ("table.exec.mini-batch.allow-latency", "1 s"),
            ("table.exec.mini-batch.size", "3"), ("table.optimizer.agg-phase-strategy", "TWO_PHASE"),
        ],
        ["split-distinct"] =
        [
            ("table.optimizer.distinct-agg.split.enabled", "true"), ("table.exec.mini-batch.enabled", "true"),
            ("table.exec.mini-batch.allow-latency", "1 s"), ("table.exec.mini-batch.size", "3"),
        ],
    };

    public static async Task<List<string>> RunAsync(ItCase test, params (string Key, string Value)[] settings)
    {
        var dir = StateFixtures.TempDirectory();
        try
        {
            await using var env = Sessions.Create(null, [("table.local-time-zone", "UTC"), .. test.Settings, .. settings]);
            foreach (var table in test.Tables)
            {
                var path = Path.Combine(dir, table.Name);
                Directory.CreateDirectory(path);
                File.WriteAllLines(Path.Combine(path, "part-0.csv"), table.Rows);
                var watermark = table.Watermark is null ? "" : $", WATERMARK FOR {table.Watermark}";
                env.ExecuteSql($"CREATE TABLE {table.Name} ({table.Columns}{watermark}) WITH ('connector' = 'filesystem', " +
                    $"'path' = '{path}', 'format' = 'csv', 'csv.null-literal' = 'null')");
            }
            await using var result = await env.QueryAsync(test.Query);
            var rows = await result.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var printed = rows.Rows.Select(r => string.Join(",", r.Values.Select(FlinkString))).ToList();
            printed.Sort(StringComparer.Ordinal);
            return printed;
        }
        finally
        {
            StateFixtures.Delete(dir);
        }
    }

    /// <summary>A value as Java's <c>toString</c> prints it (what Flink's test sinks show).</summary>
    public static string FlinkString(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => JavaDouble(d),
        float f => JavaDouble(f),
        DateTime dt => JavaLocalDateTime(dt),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.Second == 0 && t.Millisecond == 0 ? t.ToString("HH:mm", CultureInfo.InvariantCulture) : t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        object?[] items => "[" + string.Join(", ", items.Select(FlinkString)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string JavaDouble(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsInfinity(d)) return d > 0 ? "Infinity" : "-Infinity";
        var s = d.ToString("R", CultureInfo.InvariantCulture);
        if (s.Contains('E')) return s;
        return s.Contains('.') ? s : s + ".0";
    }

    /// <summary>Java's <c>LocalDateTime.toString</c>: seconds only when not zero, the fraction in groups of three digits.</summary>
    private static string JavaLocalDateTime(DateTime dt)
    {
        var sb = new StringBuilder(dt.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        long ticks = dt.Ticks % TimeSpan.TicksPerSecond;
        if (dt.Second == 0 && ticks == 0) return sb.ToString();
        sb.Append(':').Append(dt.Second.ToString("00", CultureInfo.InvariantCulture));
        if (ticks == 0) return sb.ToString();
        var nanos = (ticks * 100).ToString("000000000", CultureInfo.InvariantCulture);
        sb.Append('.').Append(nanos.EndsWith("000000", StringComparison.Ordinal) ? nanos[..3] : nanos.EndsWith("000", StringComparison.Ordinal) ? nanos[..6] : nanos);
        return sb.ToString();
    }
}
