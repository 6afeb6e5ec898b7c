using System.Collections.Concurrent;
using Apache.Arrow;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators.Lookup;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;
using Field = StreamSql.Sql.Planner.Types.Field;

namespace StreamSql.Execution.Tests.Support;

/// <summary>
/// A lookup connector for runtime tests, for a table <see cref="Dim"/> (id BIGINT, name STRING) where every id has the row
/// (id, 'n' + id). Each request waits: by default until the test releases it (<see cref="Release"/>: by one of its keys),
/// or, with <see cref="Latency"/>, that long. It counts the requests in flight and the most seen at once. A request with
/// the key <see cref="FailingKey"/> fails at once, as a lookup whose retries ran out.
/// </summary>
public sealed class SlowLookupConnector : ITableConnector, ILookupConnector
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _waiting = new();
    private readonly ConcurrentQueue<long[]> _requested = new();
    private int _inFlight, _maxInFlight;

    /// <summary>(id BIGINT, name STRING)</summary>
    public static readonly RowSchema Dim = new([new Field("id", SqlType.BigInt), new Field("name", SqlType.String)]);

    public TimeSpan? Latency { get; init; }
    public long? FailingKey { get; init; }

    public int InFlight => Volatile.Read(ref _inFlight);
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>The keys of every request started, in order.</summary>
    public IReadOnlyList<long[]> Requested => _requested.ToArray();

    /// <summary>Lets the waiting request that asked for <paramref name="key"/> answer.</summary>
    public void Release(long key)
    {
        Assert.True(_waiting.TryRemove(key, out var waiting), $"no request waits for key {key}");
        waiting.TrySetResult();
    }

    /// <summary>Completes when <paramref name="count"/> requests have started in all.</summary>
    public Task WaitForRequestsAsync(int count) => TestGraphs.WaitUntilAsync(() => _requested.Count >= count, 10);

    public string Identifier => "slow-lookup";
    public IReadOnlyList<ConfigOption> RequiredOptions => [];
    public IReadOnlyList<ConfigOption> OptionalOptions => [];
    public IReadOnlyList<string> OptionPrefixes => [];
    public bool SupportsSource => false;
    public bool SupportsSink => false;
    public IReadOnlyDictionary<string, SqlType> ReadableMetadata => new Dictionary<string, SqlType>();
    public bool IsBounded(CatalogTable table) => true;
    public ChangelogMode SinkChangelogMode(CatalogTable table) => ChangelogMode.InsertOnly;
    public void Validate(CatalogTable table) { }
    public ISourceReader CreateReader() => throw new NotSupportedException();
    public ISinkWriter CreateWriter() => throw new NotSupportedException();
    public ILookupReader CreateLookupReader(LookupReaderContext context) => new Reader(this);

    private async ValueTask<RecordBatch> LookupAsync(RecordBatch keys, CancellationToken cancellationToken)
    {
        var ids = (Int64Array)keys.Column(0);
        var requested = new long[keys.Length];
        for (int i = 0; i < requested.Length; i++) requested[i] = ids.GetValue(i)!.Value;
        int now = Interlocked.Increment(ref _inFlight);
        for (int max = MaxInFlight; now > max && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max; max = MaxInFlight) { }
        try
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Latency is null)
                foreach (long key in requested) _waiting[key] = release;
            _requested.Enqueue(requested);
            if (FailingKey is { } failing && requested.Contains(failing))
                throw new LookupFailedException($"Looking up key {failing} in table 'dim' failed after 0 retries ('lookup.max-retries')");
            if (Latency is { } latency) await Task.Delay(latency, cancellationToken);
            else await release.Task.WaitAsync(cancellationToken);
            var id = new Int64Array.Builder();
            var name = new StringArray.Builder();
            foreach (long k in requested)
            {
                id.Append(k);
                name.Append("n" + k);
            }
            return new RecordBatch(ArrowTypeMapping.ToArrowSchema(Dim), [id.Build(), name.Build()], requested.Length);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private sealed class Reader(SlowLookupConnector owner) : ILookupReader
    {
        public ValueTask OpenAsync(CancellationToken cancellationToken) => default;
        public ValueTask<RecordBatch> LookupAsync(RecordBatch keys, CancellationToken cancellationToken) => owner.LookupAsync(keys, cancellationToken);
        public ValueTask DisposeAsync() => default;
    }
}
