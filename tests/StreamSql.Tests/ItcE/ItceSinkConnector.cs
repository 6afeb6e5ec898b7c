using System.Collections.Concurrent;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Tests.ItcE;

/// <summary>
/// Flink's <c>values</c> sink (<c>TestValuesTableFactory</c>) for the ITCases: <c>'sink-insert-only'</c> (default
/// <c>true</c>) takes inserts only; otherwise a table with a primary key takes upserts (<c>+I</c>, <c>+U</c>, <c>-D</c>)
/// and one without takes every change, unless <c>'sink-changelog-mode-enforced'</c> lists kinds with <c>UB</c>. It keeps,
/// per table, every change as Flink prints it (<c>+I(a,b)</c>) and the rows the changes leave: by the primary key
/// (<c>+I</c>/<c>+U</c> put, <c>-U</c>/<c>-D</c> delete) or, without one, as a multiset.
/// </summary>
internal sealed class ItceSinkConnector : ITableConnector
{
    private readonly ConcurrentDictionary<string, SinkTable> _tables = new();

    public string Identifier => "itce-values";
    public IReadOnlyList<ConfigOption> RequiredOptions => [];

    public IReadOnlyList<ConfigOption> OptionalOptions { get; } =
    [
        Options.String("sink-insert-only", "true", "true: inserts only"),
        Options.String("sink-changelog-mode-enforced", "", "the row kinds the sink takes, e.g. I,UA,D"),
        Options.String("sink.parallelism", "", "the sink's parallelism"),
    ];

    public IReadOnlyList<string> OptionPrefixes => [];
    public bool SupportsSource => false;
    public bool SupportsSink => true;
    public IReadOnlyDictionary<string, SqlType> ReadableMetadata => new Dictionary<string, SqlType>();
    public bool IsBounded(CatalogTable table) => true;

    public ChangelogMode SinkChangelogMode(CatalogTable table)
    {
        if (table.Options.GetValueOrDefault("sink-insert-only", "true") == "true") return ChangelogMode.InsertOnly;
        var enforced = table.Options.GetValueOrDefault("sink-changelog-mode-enforced", "");
        if (enforced.Length > 0)
            return enforced.Contains("UB") ? ChangelogMode.All : enforced.Contains("UA") ? ChangelogMode.Upsert : enforced.Contains('D') ? ChangelogMode.All : ChangelogMode.InsertOnly;
        return table.PrimaryKey.Count > 0 ? ChangelogMode.Upsert : ChangelogMode.All;
    }

    public void Validate(CatalogTable table) { }
    public ISourceReader CreateReader() => throw new NotSupportedException();
    public ISinkWriter CreateWriter() => new Writer(this);

    /// <summary>The changes <paramref name="table"/> received, <c>+I(a,b)</c>.</summary>
    public IReadOnlyList<string> Raw(string table) => _tables.TryGetValue(table, out var t) ? t.RawRows() : [];

    /// <summary>The rows the changes of <paramref name="table"/> leave, fields joined by commas.</summary>
    public IReadOnlyList<string> Rows(string table) => _tables.TryGetValue(table, out var t) ? t.Materialized() : [];

    private sealed class SinkTable(int[] keys)
    {
        private readonly List<string> _raw = [];
        private readonly Dictionary<string, string> _byKey = [];
        private readonly List<string> _rows = [];

        public void Apply(RowKind kind, string[] fields)
        {
            string row = string.Join(",", fields);
            lock (_raw)
            {
                _raw.Add(kind.ShortString() + "(" + row + ")");
                bool add = kind is RowKind.Insert or RowKind.UpdateAfter;
                if (keys.Length > 0)
                {
                    string key = string.Join("\u0001", keys.Select(k => fields[k]));
                    if (add) _byKey[key] = row;
                    else if (!_byKey.Remove(key)) throw new InvalidOperationException($"Tried to delete a value that wasn't inserted first: {row}");
                }
                else if (add) _rows.Add(row);
                else if (!_rows.Remove(row)) throw new InvalidOperationException($"Tried to retract a value that wasn't inserted first: {row}");
            }
        }

        public IReadOnlyList<string> RawRows()
        {
            lock (_raw) return [.. _raw];
        }

        public IReadOnlyList<string> Materialized()
        {
            lock (_raw) return keys.Length > 0 ? [.. _byKey.Values] : [.. _rows];
        }
    }

    private sealed class Writer(ItceSinkConnector owner) : ISinkWriter
    {
        private SinkTable _table = null!;
        private RowSchema _schema = null!;

        public ValueTask OpenAsync(SinkWriterContext context, CancellationToken cancellationToken)
        {
            _schema = context.Table.PhysicalSchema;
            var keys = context.Table.PrimaryKey.Select(_schema.IndexOf).ToArray();
            string name = context.Table.Name[(context.Table.Name.LastIndexOf('.') + 1)..];
            _table = owner._tables.GetOrAdd(name, _ => new SinkTable(keys));
            return default;
        }

        public ValueTask WriteAsync(Batch batch, CancellationToken cancellationToken)
        {
            for (int row = 0; row < batch.Length; row++)
            {
                var fields = new string[batch.ColumnCount];
                for (int c = 0; c < fields.Length; c++)
                    fields[c] = ValueFormatter.Format(batch.Column(c), row, _schema[c].Type, TimeZoneInfo.Utc, ValueFormatStyle.JavaObject);
                _table.Apply(batch.KindAt(row), fields);
            }
            return default;
        }

        public ValueTask<byte[]?> PrepareCommitAsync(long checkpointId, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);
        public ValueTask CommitAsync(long checkpointId, IReadOnlyList<byte[]> handles, CancellationToken cancellationToken) => default;
        public ValueTask DisposeAsync() => default;
    }
}
