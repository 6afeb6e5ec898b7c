using Apache.Arrow;
using StreamSql.Connectors.Kafka;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Kafka.Tests;

internal sealed class SystemClock : IClock
{
    public long NowMicros() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
    public long MonotonicMillis() => Environment.TickCount64;
}

/// <summary>Kafka source readers driven directly (as the runtime does), to take and restore positions at will.</summary>
internal static class SourceReaders
{
    public static CatalogTable Table(string bootstrap, string topic, params (string Key, string Value)[] options)
    {
        var opts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["connector"] = "kafka", ["topic"] = topic, ["properties.bootstrap.servers"] = bootstrap, ["format"] = "json",
        };
        foreach (var (k, v) in options) opts[k] = v;
        var table = new CatalogTable("events", new List<TableColumn> { new PhysicalColumn("id", SqlType.Int) }, null,
            System.Array.Empty<string>(), System.Array.Empty<string>(), opts, null, false);
        new KafkaConnector().Validate(table);
        return table;
    }

    public static async Task<ISourceReader> Open(CatalogTable table, int subtask, int parallelism, IReadOnlyList<byte[]>? restore = null)
    {
        var reader = new KafkaConnector().CreateReader();
        var physical = table.PhysicalSchema;
        var context = new SourceReaderContext(table, Enumerable.Range(0, physical.Count).ToList(), System.Array.Empty<string>(),
            ArrowTypeMapping.ToArrowSchema(physical), subtask, parallelism, 7, Configuration.Empty, new SystemClock());
        await reader.OpenAsync(context, CancellationToken.None);
        if (restore is not null) reader.RestorePositions(restore);
        return reader;
    }

    /// <summary>Reads until <paramref name="rows"/> rows came (or the end); returns the ids.</summary>
    public static async Task<List<int>> Read(ISourceReader reader, int rows, TimeSpan? patience = null)
    {
        var ids = new List<int>();
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(30));
        while (ids.Count < rows && DateTime.UtcNow < deadline)
        {
            var batch = await reader.ReadBatchAsync(CancellationToken.None);
            if (batch is null) break;
            var column = (Int32Array)batch.Column(0);
            for (int i = 0; i < batch.Length; i++) ids.Add(column.GetValue(i)!.Value);
        }
        return ids;
    }
}
