using Apache.Arrow;
using Array = System.Array;
using StreamSql.Connectors.Nexmark;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Bench.Sources;

/// <summary>
/// Takes the place of <c>'connector' = 'nexmark'</c> for <c>--source memory</c>: serves the events generated before the run
/// (<see cref="NexmarkEvents"/>) instead of generating them, with the nexmark connector's options and validation, so the
/// same DDL runs in both modes. Subtask s of p replays batches s, s+p, …; only the projected columns are handed on (no copy).
/// </summary>
internal sealed class MemoryNexmarkConnector(NexmarkEvents events, SourceProgress progress) : ITableConnector
{
    private readonly NexmarkConnector _generator = new();

    public string Identifier => "nexmark";
    public IReadOnlyList<ConfigOption> RequiredOptions => _generator.RequiredOptions;
    public IReadOnlyList<ConfigOption> OptionalOptions => _generator.OptionalOptions;
    public IReadOnlyList<string> OptionPrefixes => _generator.OptionPrefixes;
    public bool SupportsSource => true;
    public bool SupportsSink => false;
    public IReadOnlyDictionary<string, SqlType> ReadableMetadata => _generator.ReadableMetadata;
    public bool IsBounded(CatalogTable table) => true;
    public ChangelogMode SinkChangelogMode(CatalogTable table) => _generator.SinkChangelogMode(table);
    public void Validate(CatalogTable table) => _generator.Validate(table);
    public ISourceReader CreateReader() => new Reader(events, progress);
    public ISinkWriter CreateWriter() => throw new NotSupportedException("the in-memory nexmark source cannot be written to");

    private sealed class Reader(NexmarkEvents events, SourceProgress progress) : ISourceReader
    {
        private IReadOnlyList<RecordBatch> _batches = Array.Empty<RecordBatch>();
        private IReadOnlyList<int> _columns = Array.Empty<int>();
        private Schema _schema = null!;
        private int _next;
        private int _stride = 1;
        private int _subtask;
        private bool _identity;

        public ValueTask OpenAsync(SourceReaderContext context, CancellationToken cancellationToken)
        {
            var table = context.Table.Options.TryGetValue("table", out var t) ? t.ToLowerInvariant() : "event";
            if (!events.Has(table))
                throw new InvalidOperationException($"the in-memory Nexmark events hold no '{table}' table (it was not generated for this run)");
            _batches = events.Batches(table);
            _columns = context.ProjectedColumns;
            _schema = context.OutputSchema;
            _subtask = context.SubtaskIndex;
            _stride = context.Parallelism;
            _next = _subtask;
            _identity = context.MetadataColumns.Count == 0 && _columns.Count == context.Table.PhysicalSchema.Count && IsIdentity(_columns);
            return ValueTask.CompletedTask;
        }

        private static bool IsIdentity(IReadOnlyList<int> columns)
        {
            for (int i = 0; i < columns.Count; i++)
                if (columns[i] != i) return false;
            return true;
        }

        public ValueTask<RecordBatch?> ReadBatchAsync(CancellationToken cancellationToken)
        {
            progress.Reading();
            if (_next >= _batches.Count) return ValueTask.FromResult<RecordBatch?>(null);
            var batch = _batches[_next];
            _next += _stride;
            progress.Add(batch.Length);
            if (_identity) return ValueTask.FromResult<RecordBatch?>(batch);
            var arrays = new IArrowArray[_columns.Count];
            for (int i = 0; i < arrays.Length; i++) arrays[i] = batch.Column(_columns[i]);
            return ValueTask.FromResult<RecordBatch?>(new RecordBatch(_schema, arrays, batch.Length));
        }

        public byte[] SnapshotPosition() => BitConverter.GetBytes(_next);

        public void RestorePositions(IReadOnlyList<byte[]> positions)
        {
            if (positions.Count != _stride)
                throw new NotSupportedException("the in-memory Nexmark source restores only at the parallelism it ran with");
            _next = BitConverter.ToInt32(positions[_subtask]);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
