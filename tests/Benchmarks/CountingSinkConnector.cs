using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Benchmarks;

/// <summary>A blackhole that counts what reaches it, so the engine's result can be checked against the baseline's.</summary>
internal sealed class CountingSinkConnector : ITableConnector
{
    private long _rows;
    private long _firstWrite;

    public long Rows => Interlocked.Read(ref _rows);

    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> of the first non-empty batch since the last reset, or 0.</summary>
    public long FirstWriteTimestamp => Interlocked.Read(ref _firstWrite);

    public void Reset()
    {
        Interlocked.Exchange(ref _rows, 0);
        Interlocked.Exchange(ref _firstWrite, 0);
    }

    public string Identifier => "counting-blackhole";
    public IReadOnlyList<ConfigOption> RequiredOptions { get; } = System.Array.Empty<ConfigOption>();
    public IReadOnlyList<ConfigOption> OptionalOptions { get; } = System.Array.Empty<ConfigOption>();
    public IReadOnlyList<string> OptionPrefixes { get; } = System.Array.Empty<string>();
    public bool SupportsSource => false;
    public bool SupportsSink => true;
    public IReadOnlyDictionary<string, SqlType> ReadableMetadata { get; } = new Dictionary<string, SqlType>();
    public bool IsBounded(CatalogTable table) => true;
    public ChangelogMode SinkChangelogMode(CatalogTable table) => ChangelogMode.All;
    public void Validate(CatalogTable table) { }
    public ISourceReader CreateReader() => throw new NotSupportedException();
    public ISinkWriter CreateWriter() => new Writer(this);

    private sealed class Writer(CountingSinkConnector owner) : ISinkWriter
    {
        public ValueTask OpenAsync(SinkWriterContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask WriteAsync(Batch batch, CancellationToken cancellationToken)
        {
            if (batch.Length > 0 && Interlocked.Read(ref owner._firstWrite) == 0)
                Interlocked.CompareExchange(ref owner._firstWrite, System.Diagnostics.Stopwatch.GetTimestamp(), 0);
            Interlocked.Add(ref owner._rows, batch.Length);
            return ValueTask.CompletedTask;
        }

        public ValueTask<byte[]?> PrepareCommitAsync(long checkpointId, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);
        public ValueTask CommitAsync(long checkpointId, IReadOnlyList<byte[]> handles, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
