using System.Collections.Concurrent;
using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Tests.Changelog;

/// <summary>
/// A bounded test source that emits row kinds (<see cref="IChangelogSourceReader"/>): a table with
/// <c>'connector' = 'test-changelog'</c> reads the rows registered under its <c>'source'</c> option, in order, on subtask 0,
/// in batches of <c>execution.batch.max-rows</c>; <c>'changelog-mode'</c> is <c>all</c> (the default) or <c>upsert</c>.
/// Values are longs (integer and timestamp columns: microseconds), strings, or null.
/// </summary>
internal sealed class ChangelogTestConnector : ITableConnector
{
    public ConcurrentDictionary<string, IReadOnlyList<(RowKind Kind, object?[] Values)>> Sources { get; } = new();

    public string Identifier => "test-changelog";
    public IReadOnlyList<ConfigOption> RequiredOptions { get; } = [Options.String("source", "", "the registered rows to read")];
    public IReadOnlyList<ConfigOption> OptionalOptions { get; } = [Options.String("changelog-mode", "all", "all or upsert")];
    public IReadOnlyList<string> OptionPrefixes => [];
    public bool SupportsSource => true;
    public bool SupportsSink => false;
    public IReadOnlyDictionary<string, SqlType> ReadableMetadata => new Dictionary<string, SqlType>();
    public bool IsBounded(CatalogTable table) => true;
    public ChangelogMode SinkChangelogMode(CatalogTable table) => ChangelogMode.All;

    public ChangelogMode SourceChangelogMode(CatalogTable table) =>
        table.Options.GetValueOrDefault("changelog-mode") == "upsert" ? ChangelogMode.Upsert : ChangelogMode.All;

    public void Validate(CatalogTable table) { }

    public ISourceReader CreateReader() => new Reader(this);
    public ISinkWriter CreateWriter() => throw new NotSupportedException();

    private sealed class Reader(ChangelogTestConnector owner) : IChangelogSourceReader
    {
        private IReadOnlyList<(RowKind Kind, object?[] Values)> _rows = [];
        private SourceReaderContext _context = null!;
        private int _next;

        public ValueTask OpenAsync(SourceReaderContext context, CancellationToken cancellationToken)
        {
            _context = context;
            _rows = context.SubtaskIndex == 0 ? owner.Sources[context.Table.Options["source"]] : [];
            return default;
        }

        public ValueTask<Batch?> ReadChangesAsync(CancellationToken cancellationToken)
        {
            if (_next >= _rows.Count) return new((Batch?)null);
            int count = Math.Min(_context.MaxBatchRows, _rows.Count - _next);
            var schema = _context.OutputSchema;
            var columns = new IArrowArray[schema.FieldsList.Count];
            for (int c = 0; c < columns.Length; c++)
            {
                var builder = ColumnBuilder.Create(schema.GetFieldByIndex(c).DataType, count);
                int source = _context.ProjectedColumns[c];
                for (int r = 0; r < count; r++)
                {
                    switch (_rows[_next + r].Values[source])
                    {
                        case null: builder.AppendNull(); break;
                        case long l: builder.AppendInt64(l); break;
                        case string s: builder.AppendString(s); break;
                        default: throw new ArgumentException("values are longs, strings or null");
                    }
                }
                columns[c] = builder.Build();
            }
            var kinds = new RowKind[count];
            for (int r = 0; r < count; r++) kinds[r] = _rows[_next + r].Kind;
            _next += count;
            return new(new Batch(new RecordBatch(schema, columns, count), kinds));
        }

        public byte[] SnapshotPosition() => BitConverter.GetBytes(_next);
        public void RestorePositions(IReadOnlyList<byte[]> positions) => _next = BitConverter.ToInt32(positions[0]);
        public ValueTask DisposeAsync() => default;
    }
}
