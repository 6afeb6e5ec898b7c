using System.Text;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Tests.HuntS;

/// <summary>
/// The sink of Flink's restore-test programs (its <c>values</c> sink with <c>'sink-insert-only' = 'false'</c>): a table
/// with <c>'connector' = 'hunt-sink'</c> takes upserts (<c>+I</c>, <c>+U</c>, <c>-D</c>, no <c>-U</c>) when it has a
/// primary key and every change otherwise (or every change with <c>'sink-changelog-mode-enforced' = 'I,UB,UA,D'</c>, as
/// Flink's), and writes each row as the print sink does, behind its table name (<c>sink_t&gt; +U[1, 2]</c>), to the
/// session's output.
/// </summary>
internal sealed class RestoreSinkConnector : ITableConnector
{
    public string Identifier => "hunt-sink";
    public IReadOnlyList<ConfigOption> RequiredOptions => [];
    public IReadOnlyList<ConfigOption> OptionalOptions { get; } =
        [Options.String("sink-changelog-mode-enforced", "", "I,UB,UA,D: take every change, also with a primary key")];
    public IReadOnlyList<string> OptionPrefixes => [];
    public bool SupportsSource => false;
    public bool SupportsSink => true;
    public IReadOnlyDictionary<string, SqlType> ReadableMetadata => new Dictionary<string, SqlType>();
    public bool IsBounded(CatalogTable table) => true;
    public ChangelogMode SinkChangelogMode(CatalogTable table) =>
        table.PrimaryKey.Count > 0 && !table.Options.GetValueOrDefault("sink-changelog-mode-enforced", "").Contains("UB")
            ? ChangelogMode.Upsert : ChangelogMode.All;
    public ChangelogMode SourceChangelogMode(CatalogTable table) => ChangelogMode.InsertOnly;
    public void Validate(CatalogTable table) { }
    public ISourceReader CreateReader() => throw new NotSupportedException();
    public ISinkWriter CreateWriter() => new Writer();

    private sealed class Writer : ISinkWriter
    {
        private readonly StringBuilder _text = new();
        private TextWriter _out = TextWriter.Null;
        private CatalogTable _table = null!;

        public ValueTask OpenAsync(SinkWriterContext context, CancellationToken cancellationToken)
        {
            _out = context.StandardOutput;
            _table = context.Table;
            return default;
        }

        public async ValueTask WriteAsync(Batch batch, CancellationToken cancellationToken)
        {
            _text.Clear();
            var schema = _table.PhysicalSchema;
            for (int row = 0; row < batch.Length; row++)
            {
                _text.Append(_table.Name[(_table.Name.LastIndexOf('.') + 1)..]).Append("> ").Append(batch.KindAt(row).ShortString()).Append('[');
                for (int c = 0; c < batch.ColumnCount; c++)
                {
                    if (c > 0) _text.Append(", ");
                    ValueFormatter.Append(_text, batch.Column(c), row, schema[c].Type, TimeZoneInfo.Utc, ValueFormatStyle.JavaObject);
                }
                _text.Append("]\n");
            }
            await _out.WriteAsync(_text, cancellationToken);
            await _out.FlushAsync(cancellationToken);
        }

        public ValueTask<byte[]?> PrepareCommitAsync(long checkpointId, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);
        public ValueTask CommitAsync(long checkpointId, IReadOnlyList<byte[]> handles, CancellationToken cancellationToken) => default;
        public ValueTask DisposeAsync() => default;
    }
}
