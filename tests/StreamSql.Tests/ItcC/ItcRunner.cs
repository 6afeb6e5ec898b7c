using System.Globalization;
using System.Text.Json;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Types;

namespace StreamSql.Tests.ItcC;

/// <summary>
/// Runs an <see cref="ItcCase"/>: each table is a json file read in order by one source (parallelism 1, as Flink's
/// <c>failingDataSource</c>), the query's changelog is collected until the bounded input ends, and the rows are
/// compared as Flink's test compares them.
/// </summary>
internal static class ItcRunner
{
    /// <param name="batchRows">1: every row its own batch (Flink without mini-batch); larger: Flink's mini-batch.</param>
    public static async Task<IReadOnlyList<string>> RunAsync(ItcCase @case, string directory, int batchRows)
    {
        await using var env = Sessions.Create(settings:
        [
            ("parallelism.default", "1"),
            ("execution.batch.max-rows", batchRows.ToString(CultureInfo.InvariantCulture)),
            ("table.local-time-zone", "UTC"),
            // A watermark after every batch, as Flink's values source emits one after every row.
            ("pipeline.auto-watermark-interval", "0"),
        ]);
        foreach (var table in @case.Tables)
        {
            var path = Path.Combine(directory, table.Name);
            Directory.CreateDirectory(path);
            File.WriteAllLines(Path.Combine(path, "rows.json"), table.Rows.Select(row => JsonSerializer.Serialize(
                table.Columns.Select((c, i) => (c, v: row[i])).ToDictionary(p => p.c, p => p.v))));
            env.ExecuteSql($"CREATE TABLE {table.Name} ({table.Schema}) WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'json')");
        }
        await using var result = env.Query(@case.Sql);
        var changes = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var rows = @case.Result == ItcResult.Raw
            ? changes.Select(c => c.Kind.ShortString() + "(" + Flink(c) + ")").ToList()
            : Retract(changes);
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>The rows a changelog leaves: an update-before or delete takes back an equal row.</summary>
    private static List<string> Retract(IReadOnlyList<ChangelogRow> changes)
    {
        var rows = new List<string>();
        foreach (var change in changes)
        {
            var row = Flink(change);
            if (change.Kind is RowKind.Insert or RowKind.UpdateAfter) rows.Add(row);
            else if (!rows.Remove(row)) throw new InvalidOperationException($"{change} retracts a row the result does not have");
        }
        return rows;
    }

    /// <summary>A row as Flink's test sinks print it: fields joined by commas, as Java's <c>toString</c>.</summary>
    private static string Flink(ChangelogRow row) => string.Join(",", row.Values.Select(Flink));

    private static string Flink(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => JavaNumberFormat.Double(d),
        float f => JavaNumberFormat.Float(f),
        // java.time.LocalDateTime.toString: seconds and fraction only when not zero, the fraction in groups of three.
        DateTime dt => dt.ToString(dt.Ticks % TimeSpan.TicksPerMinute == 0 ? "yyyy-MM-dd'T'HH:mm"
            : dt.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss"
            : dt.Ticks % TimeSpan.TicksPerMillisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff" : "yyyy-MM-dd'T'HH:mm:ss.ffffff",
            CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
