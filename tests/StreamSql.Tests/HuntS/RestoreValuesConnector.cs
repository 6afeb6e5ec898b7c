using System.Collections.Concurrent;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Tests.HuntS;

/// <summary>
/// The source of Flink's restore-test programs (its <c>values</c> connector): a table with <c>'connector' =
/// 'hunt-values'</c> emits the rows registered under its <c>'data-id'</c>, in order, on subtask 0, with their row kinds
/// (<c>'changelog-mode'</c>: <c>I</c> insert-only, the default; <c>I,UB,UA,D</c> a full changelog; <c>I,UA,D</c>
/// upserts by the primary key). With <c>'bounded'</c> = <c>false</c> it stays open (idle) after its rows, so the job can
/// be stopped with a savepoint; a restored reader starts at the first row of its (new) data, as Flink's restore test
/// registers the rows after the savepoint under a fresh id. <c>'row-pause-ms'</c> pauses before each batch after the first:
/// the branches of a plan that splits the source then meet again (a join of two views) see its rows in source order.
/// Values: integers (int/long), double, bool, string, decimal (any scale), <see cref="DateTime"/> for timestamps, null.
/// </summary>
internal sealed class RestoreValuesConnector : ITableConnector
{
    public ConcurrentDictionary<string, IReadOnlyList<(RowKind Kind, object?[] Values)>> Data { get; } = new();

    public string Identifier => "hunt-values";
    public IReadOnlyList<ConfigOption> RequiredOptions { get; } = [Options.String("data-id", "", "the registered rows to read")];

    public IReadOnlyList<ConfigOption> OptionalOptions { get; } =
    [
        Options.String("changelog-mode", "I", "the row kinds: I, I,UB,UA,D, I,UA,D ..."),
        Options.String("bounded", "true", "false: stay open after the rows"),
        Options.String("row-pause-ms", "0", "a pause before each batch after the first, so every operator has taken a batch's changes before the next comes"),
    ];

    public IReadOnlyList<string> OptionPrefixes => [];
    public bool SupportsSource => true;
    public bool SupportsSink => false;
    public IReadOnlyDictionary<string, SqlType> ReadableMetadata => new Dictionary<string, SqlType>();
    public bool IsBounded(CatalogTable table) => table.Options.GetValueOrDefault("bounded", "true") == "true";
    public ChangelogMode SinkChangelogMode(CatalogTable table) => ChangelogMode.All;

    // Flink's values source: a mode with UPDATE_AFTER but no UPDATE_BEFORE upserts; one with UPDATE_BEFORE, or deletes
    // without updates (I,D), is a changelog of full rows.
    public ChangelogMode SourceChangelogMode(CatalogTable table)
    {
        var kinds = table.Options.GetValueOrDefault("changelog-mode", "I").Split(',', StringSplitOptions.TrimEntries);
        return kinds.Contains("UB") ? ChangelogMode.All
            : kinds.Contains("UA") ? ChangelogMode.Upsert
            : kinds.Contains("D") ? ChangelogMode.All
            : ChangelogMode.InsertOnly;
    }

    public void Validate(CatalogTable table) { }
    public ISourceReader CreateReader() => new Reader(this);
    public ISinkWriter CreateWriter() => throw new NotSupportedException();

    private sealed class Reader(RestoreValuesConnector owner) : IChangelogSourceReader
    {
        private IReadOnlyList<(RowKind Kind, object?[] Values)> _rows = [];
        private SourceReaderContext _context = null!;
        private bool _bounded;
        private int _pauseMs;
        private int _next;

        public ValueTask OpenAsync(SourceReaderContext context, CancellationToken cancellationToken)
        {
            _context = context;
            _bounded = context.Table.Options.GetValueOrDefault("bounded", "true") == "true";
            _pauseMs = int.Parse(context.Table.Options.GetValueOrDefault("row-pause-ms", "0"), System.Globalization.CultureInfo.InvariantCulture);
            _rows = context.SubtaskIndex == 0 ? owner.Data[context.Table.Options["data-id"]] : [];
            return default;
        }

        public async ValueTask<Batch?> ReadChangesAsync(CancellationToken cancellationToken)
        {
            if (_next >= _rows.Count)
            {
                if (_bounded) return null;
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
                return new Batch(new RecordBatch(_context.OutputSchema, EmptyColumns(), 0), null);
            }
            if (_pauseMs > 0 && _next > 0) await Task.Delay(_pauseMs, cancellationToken).ConfigureAwait(false);
            int count = Math.Min(_context.MaxBatchRows, _rows.Count - _next);
            var schema = _context.OutputSchema;
            var columns = new IArrowArray[schema.FieldsList.Count];
            for (int c = 0; c < columns.Length; c++)
            {
                var type = schema.GetFieldByIndex(c).DataType;
                var builder = ColumnBuilder.Create(type, count);
                int source = _context.ProjectedColumns[c];
                for (int r = 0; r < count; r++) Append(builder, type, _rows[_next + r].Values[source]);
                columns[c] = builder.Build();
            }
            var kinds = new RowKind[count];
            for (int r = 0; r < count; r++) kinds[r] = _rows[_next + r].Kind;
            _next += count;
            return new Batch(new RecordBatch(schema, columns, count), kinds);
        }

        private IArrowArray[] EmptyColumns()
        {
            var columns = new IArrowArray[_context.OutputSchema.FieldsList.Count];
            for (int c = 0; c < columns.Length; c++) columns[c] = ColumnBuilder.Create(_context.OutputSchema.GetFieldByIndex(c).DataType).Build();
            return columns;
        }

        private static void Append(ColumnBuilder builder, IArrowType type, object? value)
        {
            switch (value)
            {
                case null: builder.AppendNull(); break;
                case int i: builder.AppendInt64(i); break;
                case long l: builder.AppendInt64(l); break;
                case double d: builder.AppendDouble(d); break;
                case float f: builder.AppendDouble(f); break;
                case bool b: builder.AppendBoolean(b); break;
                case string s: builder.AppendString(s); break;
                case decimal m:
                    int scale = ((Decimal128Type)type).Scale;
                    builder.AppendUnscaled((Int128)decimal.Round(m * (decimal)Math.Pow(10, scale)));
                    break;
                case DateTime t:
                    long micros = (t.Ticks - DateTime.UnixEpoch.Ticks) / 10;
                    builder.AppendInt64(((TimestampType)type).Unit == TimeUnit.Nanosecond ? micros * 1000 : micros);
                    break;
                default: throw new ArgumentException($"unsupported test value {value} ({value.GetType().Name})");
            }
        }

        public byte[] SnapshotPosition() => BitConverter.GetBytes(_next);

        // The rows after a restore are new data (Flink's restore test registers them under a fresh id): start at the first.
        public void RestorePositions(IReadOnlyList<byte[]> positions) => _next = 0;

        public ValueTask DisposeAsync() => default;
    }
}
