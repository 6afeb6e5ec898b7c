using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Tests.Changelog;

/// <summary>
/// A test sink that takes upserts by the table's primary key, as jdbc and upsert-kafka do, and applies them as written to
/// one table per <c>'sink'</c> option: <c>+I</c>/<c>+U</c> put the row under its key, <c>-U</c>/<c>-D</c> delete the key.
/// The table's first column is its key; columns are BIGINT or STRING.
/// </summary>
internal sealed class UpsertTestSinkConnector : ITableConnector
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, object?[]>> _tables = new();

    public string Identifier => "test-upsert";
    public IReadOnlyList<ConfigOption> RequiredOptions { get; } = [Options.String("sink", "", "the table the rows go to")];
    public IReadOnlyList<ConfigOption> OptionalOptions => [];
    public IReadOnlyList<string> OptionPrefixes => [];
    public bool SupportsSource => false;
    public bool SupportsSink => true;
    public IReadOnlyDictionary<string, SqlType> ReadableMetadata => new Dictionary<string, SqlType>();
    public bool IsBounded(CatalogTable table) => true;
    public ChangelogMode SinkChangelogMode(CatalogTable table) => ChangelogMode.Upsert;
    public void Validate(CatalogTable table) { }
    public ISourceReader CreateReader() => throw new NotSupportedException();
    public ISinkWriter CreateWriter() => new Writer(this);

    /// <summary>The rows of sink table <paramref name="sink"/>, by key.</summary>
    public List<object?[]> Rows(string sink)
    {
        lock (_lock) return _tables.TryGetValue(sink, out var t) ? t.Values.ToList() : [];
    }

    private sealed class Writer(UpsertTestSinkConnector owner) : ISinkWriter
    {
        private string _sink = "";

        public ValueTask OpenAsync(SinkWriterContext context, CancellationToken cancellationToken)
        {
            _sink = context.Table.Options["sink"];
            return default;
        }

        public ValueTask WriteAsync(Batch batch, CancellationToken cancellationToken)
        {
            var data = batch.Data;
            lock (owner._lock)
            {
                if (!owner._tables.TryGetValue(_sink, out var table)) owner._tables[_sink] = table = new();
                for (int r = 0; r < batch.Length; r++)
                {
                    var row = new object?[data.ColumnCount];
                    for (int c = 0; c < row.Length; c++) row[c] = Value(data.Column(c), r);
                    string key = row[0]?.ToString() ?? "<null>";
                    if (batch.KindAt(r) is RowKind.Insert or RowKind.UpdateAfter) table[key] = row;
                    else table.Remove(key);
                }
            }
            return default;
        }

        private static object? Value(IArrowArray column, int row) => column switch
        {
            _ when column.IsNull(row) => null,
            Int64Array longs => longs.GetValue(row),
            StringArray strings => strings.GetString(row),
            _ => throw new ArgumentException($"unexpected column type {column.Data.DataType.Name}"),
        };

        public ValueTask<byte[]?> PrepareCommitAsync(long checkpointId, CancellationToken cancellationToken) => new((byte[]?)null);
        public ValueTask CommitAsync(long checkpointId, IReadOnlyList<byte[]> handles, CancellationToken cancellationToken) => default;
        public ValueTask DisposeAsync() => default;
    }
}
