using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Benchmarks;

/// <summary>
/// A source that replays batches generated before the measurement, so the engine and the hand-written baseline
/// are timed over exactly the same in-memory data and generation cost is left out of both. <paramref name="loops"/> replays
/// the batches that many times (a longer run from the same memory, e.g. for several checkpoint intervals).
/// </summary>
internal sealed class ReplayConnector(IReadOnlyList<RecordBatch> batches, int loops = 1) : ITableConnector
{
    public string Identifier => "replay";
    public IReadOnlyList<ConfigOption> RequiredOptions { get; } = System.Array.Empty<ConfigOption>();
    public IReadOnlyList<ConfigOption> OptionalOptions { get; } = System.Array.Empty<ConfigOption>();
    public IReadOnlyList<string> OptionPrefixes { get; } = System.Array.Empty<string>();
    public bool SupportsSource => true;
    public bool SupportsSink => false;
    public IReadOnlyDictionary<string, SqlType> ReadableMetadata { get; } = new Dictionary<string, SqlType>();
    public bool IsBounded(CatalogTable table) => true;
    public ChangelogMode SinkChangelogMode(CatalogTable table) => ChangelogMode.InsertOnly;
    public void Validate(CatalogTable table) { }
    public ISourceReader CreateReader() => new Reader(batches, loops);
    public ISinkWriter CreateWriter() => throw new NotSupportedException();

    private sealed class Reader(IReadOnlyList<RecordBatch> batches, int loops) : ISourceReader
    {
        private int _next;
        private int _subtask;
        private int _parallelism = 1;
        private IReadOnlyList<int> _columns = System.Array.Empty<int>();

        public ValueTask OpenAsync(SourceReaderContext context, CancellationToken cancellationToken)
        {
            _subtask = context.SubtaskIndex;
            _parallelism = context.Parallelism;
            _next = _subtask;
            _columns = context.ProjectedColumns;
            return ValueTask.CompletedTask;
        }

        public ValueTask<RecordBatch?> ReadBatchAsync(CancellationToken cancellationToken)
        {
            if (_next >= batches.Count * (long)loops) return ValueTask.FromResult<RecordBatch?>(null);
            var batch = batches[_next % batches.Count];
            _next += _parallelism;
            return ValueTask.FromResult<RecordBatch?>(Project(batch));
        }

        private RecordBatch Project(RecordBatch batch)
        {
            if (_columns.Count == batch.ColumnCount) return batch;
            var schema = new Schema.Builder();
            var arrays = new IArrowArray[_columns.Count];
            for (int i = 0; i < _columns.Count; i++)
            {
                schema.Field(batch.Schema.GetFieldByIndex(_columns[i]));
                arrays[i] = batch.Column(_columns[i]);
            }
            return new RecordBatch(schema.Build(), arrays, batch.Length);
        }

        public byte[] SnapshotPosition() => BitConverter.GetBytes(_next);
        public void RestorePositions(IReadOnlyList<byte[]> positions) => _next = BitConverter.ToInt32(positions[_subtask]);
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
