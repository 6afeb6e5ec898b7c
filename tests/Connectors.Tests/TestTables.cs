using Apache.Arrow;
using Array = System.Array;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Tests;

/// <summary>A clock with a fixed wall time and the real monotonic time (so pacing still works).</summary>
internal sealed class FixedClock(long nowMicros) : IClock
{
    public long NowMicros() => nowMicros;
    public long MonotonicMillis() => Environment.TickCount64;
}

internal static class TestTables
{
    public static readonly long Now = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;

    public static CatalogTable Table(string name, IEnumerable<(string Name, SqlType Type)> columns, params (string Key, string Value)[] options)
    {
        var cols = new List<TableColumn>();
        foreach (var (n, t) in columns) cols.Add(new PhysicalColumn(n, t));
        var opts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in options) opts[k] = v;
        return new CatalogTable(name, cols, null, Array.Empty<string>(), Array.Empty<string>(), opts, null, false);
    }

    public static SourceReaderContext ReaderContext(CatalogTable table, int subtask = 0, int parallelism = 1, int maxBatchRows = 1000, IClock? clock = null)
    {
        var physical = table.PhysicalSchema;
        var projected = new List<int>();
        for (int i = 0; i < physical.Count; i++) projected.Add(i);
        return new SourceReaderContext(table, projected, Array.Empty<string>(), ArrowTypeMapping.ToArrowSchema(physical), subtask, parallelism,
            maxBatchRows, Configuration.Empty.With("table.local-time-zone", "UTC"), clock ?? new FixedClock(Now));
    }

    public static SinkWriterContext WriterContext(CatalogTable table, TextWriter? output = null, int subtask = 0, int parallelism = 1) =>
        new(table, ArrowTypeMapping.ToArrowSchema(table.PhysicalSchema), ChangelogMode.All, "job", subtask, parallelism,
            Configuration.Empty.With("table.local-time-zone", "UTC"), new FixedClock(Now), output ?? TextWriter.Null);

    /// <summary>Reads everything (bounded sources), returning the batches.</summary>
    public static async Task<List<RecordBatch>> ReadAll(ISourceReader reader, SourceReaderContext context, int maxBatches = 100_000,
        IReadOnlyList<byte[]>? restoreFrom = null)
    {
        await reader.OpenAsync(context, CancellationToken.None);
        if (restoreFrom is not null) reader.RestorePositions(restoreFrom);
        var batches = new List<RecordBatch>();
        for (int i = 0; i < maxBatches; i++)
        {
            var batch = await reader.ReadBatchAsync(CancellationToken.None);
            if (batch is null) return batches;
            if (batch.Length > 0) batches.Add(batch);
        }
        throw new InvalidOperationException("source did not end");
    }

    /// <summary>Every row as text (CAST-style, with NULL), for comparisons.</summary>
    public static List<string> Rows(IEnumerable<RecordBatch> batches, RowSchema schema)
    {
        var rows = new List<string>();
        foreach (var b in batches)
            for (int r = 0; r < b.Length; r++)
                rows.Add(ValueFormatter.FormatRow("+I", b, r, schema, TimeZoneInfo.Utc));
        return rows;
    }

    public static List<long> Longs(IEnumerable<RecordBatch> batches, int column)
    {
        var values = new List<long>();
        foreach (var b in batches)
        {
            var array = b.Column(column);
            for (int r = 0; r < b.Length; r++)
                values.Add(array switch
                {
                    Int64Array a => a.GetValue(r)!.Value,
                    Int32Array a => a.GetValue(r)!.Value,
                    _ => throw new NotSupportedException(),
                });
        }
        return values;
    }

    public static Batch AsBatch(RecordBatch data, RowKind[]? kinds = null) => new(data, kinds);
}
