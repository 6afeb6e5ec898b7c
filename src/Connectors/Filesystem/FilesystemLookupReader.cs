using System.Diagnostics;
using Apache.Arrow;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Operators.Lookup;
using StreamSql.Execution.State;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// A filesystem table as the build side of a lookup join (Flink's <c>FileSystemLookupFunction</c>): every subtask reads
/// the table's files whole into memory, indexed by the join key, and reads them again once the copy is older than
/// <c>lookup.join.cache.ttl</c> (files added or changed in the meantime are seen then, not before).
/// </summary>
internal sealed class FilesystemLookupReader(LookupReaderContext context) : ILookupReader
{
    private const int LoadBatchRows = 8192;

    private readonly TimeSpan _ttl = new TableOptions(context.Table).Get(FilesystemOptions.LookupJoinCacheTtl);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile LoadedTable? _loaded;

    public async ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        if (ChangelogFormats.ChangelogFormatOptions.IsChangelogFormat(new TableOptions(context.Table).Get(FilesystemOptions.Format)))
            throw new NotSupportedException(
                $"Table '{context.Table.Name}' is read in a change-data format, which a lookup join cannot look rows up in; use csv, json, parquet or avro.");
        _loaded = await LoadAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<RecordBatch> LookupAsync(RecordBatch keys, CancellationToken cancellationToken)
    {
        var table = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        var serializer = new KeySerializer(Enumerable.Range(0, keys.ColumnCount).ToArray());
        var serialized = new SerializedKeys();
        serializer.SerializeBatch(keys, serialized);
        var rows = new List<int>();
        for (int k = 0; k < keys.Length; k++)
            if (table.RowsOf.TryGetValue(serialized[k], out var found)) rows.AddRange(found);
        var indices = rows.ToArray();
        return ArrayGather.Take(table.Rows, indices, indices.Length);
    }

    public ValueTask DisposeAsync()
    {
        _loading.Dispose();
        return ValueTask.CompletedTask;
    }

    private async ValueTask<LoadedTable> CurrentAsync(CancellationToken cancellationToken)
    {
        var loaded = _loaded ?? throw new InvalidOperationException("the lookup reader was not opened");
        if (loaded.Age < _ttl) return loaded;
        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            loaded = _loaded!;
            if (loaded.Age >= _ttl) _loaded = loaded = await LoadAsync(cancellationToken).ConfigureAwait(false);
            return loaded;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The table's rows now, as one batch, and the rows of each key (keys with a NULL column are left out: they
    /// equal nothing).</summary>
    private async Task<LoadedTable> LoadAsync(CancellationToken cancellationToken)
    {
        var table = context.Table;
        // Read once, as a bounded scan, even where the table is a continuously monitored source.
        var options = new Dictionary<string, string>(table.Options, StringComparer.Ordinal);
        options.Remove(FilesystemOptions.MonitorInterval.Key);
        var snapshot = table with { Options = options };
        var schema = ArrowTypeMapping.ToArrowSchema(table.PhysicalSchema);
        var readerContext = new SourceReaderContext(snapshot, Enumerable.Range(0, table.PhysicalSchema.Count).ToArray(), System.Array.Empty<string>(),
            schema, 0, 1, LoadBatchRows, Configuration.Empty, SystemClock.Instance);
        var batches = new List<RecordBatch>();
        await using (var reader = new FilesystemReader())
        {
            await reader.OpenAsync(readerContext, cancellationToken).ConfigureAwait(false);
            while (await reader.ReadChangesAsync(cancellationToken).ConfigureAwait(false) is { } batch)
                if (batch.Length > 0) batches.Add(batch.Data);
        }
        var rows = Concatenate(schema, batches);

        // A key with a NULL column is encoded with a NULL marker, which no key looked up (never NULL) has: such rows match nothing.
        var rowsByKey = new Dictionary<byte[], int[]>(ByteKeyComparer.Instance);
        var serialized = new SerializedKeys();
        new KeySerializer(context.KeyColumns).SerializeBatch(rows, serialized);
        var byKey = new Dictionary<byte[], List<int>>(ByteKeyComparer.Instance);
        var bySpan = byKey.GetAlternateLookup<ReadOnlySpan<byte>>();
        for (int row = 0; row < rows.Length; row++)
        {
            var key = serialized[row];
            if (!bySpan.TryGetValue(key, out var list)) byKey[key.ToArray()] = list = new List<int>(1);
            list.Add(row);
        }
        foreach (var (key, list) in byKey) rowsByKey[key] = list.ToArray();
        return new LoadedTable(rows, rowsByKey, Stopwatch.StartNew());
    }

    private static RecordBatch Concatenate(Schema schema, List<RecordBatch> batches)
    {
        int total = 0;
        foreach (var batch in batches) total += batch.Length;
        var columns = new IArrowArray[schema.FieldsList.Count];
        var segments = new GatherSegment[batches.Count];
        var identity = new int[LoadBatchRows];
        for (int i = 0; i < identity.Length; i++) identity[i] = i;
        for (int c = 0; c < columns.Length; c++)
        {
            for (int b = 0; b < batches.Count; b++)
            {
                if (batches[b].Length > identity.Length) throw new InvalidOperationException($"a batch of {batches[b].Length} rows, more than the {LoadBatchRows} asked for");
                segments[b] = new GatherSegment(batches[b].Column(c).Data, identity, 0, batches[b].Length);
            }
            columns[c] = ArrowArrayFactory.BuildArray(ArrayGather.Gather(schema.FieldsList[c].DataType, segments, total));
        }
        return new RecordBatch(schema, columns, total);
    }

    private sealed class LoadedTable(RecordBatch rows, Dictionary<byte[], int[]> rowsByKey, Stopwatch loaded)
    {
        public RecordBatch Rows { get; } = rows;
        public Dictionary<byte[], int[]>.AlternateLookup<ReadOnlySpan<byte>> RowsOf { get; } = rowsByKey.GetAlternateLookup<ReadOnlySpan<byte>>();
        public TimeSpan Age => loaded.Elapsed;
    }
}
