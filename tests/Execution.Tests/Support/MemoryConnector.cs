using System.Collections.Concurrent;
using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Support;

/// <summary>
/// An in-memory connector for runtime tests. Source tables read the batches registered under their 'source' option
/// (batch i goes to subtask i mod parallelism); 'unbounded' = 'true' keeps a reader idling (empty batches) after its data;
/// 'fail-on-read' fails a reader; 'splits' = 'a,b' makes the reader split-based: every row comes from split a, and the
/// subtask reads splits a and b. Sink tables collect committed batches under their 'sink' option;
/// 'fail-on-write' fails a writer.
/// </summary>
public sealed class MemoryConnector : ITableConnector
{
    private int _readersOpened, _readersDisposed, _writersOpened, _writersDisposed;

    public ConcurrentDictionary<string, IReadOnlyList<RecordBatch>> Sources { get; } = new();
    public ConcurrentDictionary<string, ConcurrentQueue<(int Subtask, Batch Batch)>> Committed { get; } = new();
    /// <summary>Rows written so far (committed or not), for tests that watch progress.</summary>
    public int RowsWritten => Volatile.Read(ref _rowsWritten);
    private int _rowsWritten;

    public int ReadersOpened => Volatile.Read(ref _readersOpened);
    public int ReadersDisposed => Volatile.Read(ref _readersDisposed);
    public int WritersOpened => Volatile.Read(ref _writersOpened);
    public int WritersDisposed => Volatile.Read(ref _writersDisposed);

    public string Identifier => "memory";
    public IReadOnlyList<ConfigOption> RequiredOptions => [];
    public IReadOnlyList<ConfigOption> OptionalOptions => [];
    public IReadOnlyList<string> OptionPrefixes => [];
    public bool SupportsSource => true;
    public bool SupportsSink => true;
    public IReadOnlyDictionary<string, SqlType> ReadableMetadata => new Dictionary<string, SqlType>();
    public bool IsBounded(CatalogTable table) => !table.Options.ContainsKey("unbounded");
    public ChangelogMode SinkChangelogMode(CatalogTable table) => ChangelogMode.All;
    public void Validate(CatalogTable table) { }

    public ISourceReader CreateReader() => new Reader(this);
    public ISinkWriter CreateWriter() => new Writer(this);

    public IReadOnlyList<(int Subtask, Batch Batch)> CommittedTo(string sink) =>
        Committed.TryGetValue(sink, out var q) ? q.ToArray() : [];

    private sealed class Reader(MemoryConnector owner) : ISplitSourceReader
    {
        private SourceSplitSet? _splits;
        private SourceSplits? _lastSplits;

        private IReadOnlyList<RecordBatch> _batches = [];
        private int _next;
        private bool _unbounded;
        private string? _failure;
        private bool _disposed;

        public ValueTask OpenAsync(SourceReaderContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._readersOpened);
            var options = context.Table.Options;
            _batches = owner.Sources[options["source"]];
            _next = context.SubtaskIndex;
            _stride = context.Parallelism;
            _unbounded = options.TryGetValue("unbounded", out var u) && u == "true";
            _failure = options.GetValueOrDefault("fail-on-read");
            if (options.TryGetValue("splits", out var splits)) _splits = new SourceSplitSet(splits.Split(','));
            return default;
        }

        private int _stride = 1;

        public async ValueTask<RecordBatch?> ReadBatchAsync(CancellationToken cancellationToken)
        {
            if (_failure is not null) throw new IOException(_failure);
            if (_next < _batches.Count)
            {
                var batch = _batches[_next];
                _next += _stride;
                if (_splits is not null && batch.Length > 0) _lastSplits = new SourceSplits(_splits, [_splits.Ids[0]], [batch.Length], 1);
                return batch;
            }
            if (!_unbounded) return null;
            // Idle like a real unbounded reader: come back now and then (empty batch) so barriers can be injected.
            await Task.Delay(20, cancellationToken);
            return _batches.Count > 0 ? _batches[0].Slice(0, 0) : null;
        }

        public SourceSplits? TakeSplits()
        {
            var splits = _lastSplits;
            _lastSplits = null;
            return splits;
        }

        public byte[] SnapshotPosition() => BitConverter.GetBytes(_next);
        public void RestorePositions(IReadOnlyList<byte[]> positions) => _next = BitConverter.ToInt32(positions[_next]);

        public ValueTask DisposeAsync()
        {
            if (!_disposed) Interlocked.Increment(ref owner._readersDisposed);
            _disposed = true;
            return default;
        }
    }

    private sealed class Writer(MemoryConnector owner) : ISinkWriter
    {
        private readonly List<Batch> _staged = new();
        private string _sink = "";
        private int _subtask;
        private string? _failure;
        private string? _commitFailure;
        private bool _disposed;

        public ValueTask OpenAsync(SinkWriterContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._writersOpened);
            _sink = context.Table.Options["sink"];
            _subtask = context.SubtaskIndex;
            _failure = context.Table.Options.GetValueOrDefault("fail-on-write");
            _commitFailure = context.Table.Options.GetValueOrDefault("fail-on-commit");
            return default;
        }

        public ValueTask WriteAsync(Batch batch, CancellationToken cancellationToken)
        {
            if (_failure is not null) throw new IOException(_failure);
            _staged.Add(batch);
            Interlocked.Add(ref owner._rowsWritten, batch.Length);
            return default;
        }

        public ValueTask<byte[]?> PrepareCommitAsync(long checkpointId, CancellationToken cancellationToken) =>
            new(_staged.Count == 0 ? null : BitConverter.GetBytes(_staged.Count));

        public ValueTask CommitAsync(long checkpointId, IReadOnlyList<byte[]> handles, CancellationToken cancellationToken)
        {
            if (_commitFailure is not null && handles.Count > 0) throw new IOException(_commitFailure);
            var queue = owner.Committed.GetOrAdd(_sink, _ => new ConcurrentQueue<(int, Batch)>());
            foreach (var b in _staged) queue.Enqueue((_subtask, b));
            _staged.Clear();
            return default;
        }

        public ValueTask DisposeAsync()
        {
            if (!_disposed) Interlocked.Increment(ref owner._writersDisposed);
            _disposed = true;
            return default;
        }
    }
}
