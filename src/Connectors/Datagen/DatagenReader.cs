using System.Buffers.Binary;
using Apache.Arrow;
using Array = System.Array;
using StreamSql.Connectors.Common;
using StreamSql.Execution;
using StreamSql.Execution.Connectors;

namespace StreamSql.Connectors.Datagen;

/// <summary>One subtask of a datagen source: its share of the rows, paced to its share of <c>rows-per-second</c>.</summary>
internal sealed class DatagenReader : ISourceReader
{
    private SourceReaderContext _context = null!;
    private DatagenFieldGenerator[] _generators = Array.Empty<DatagenFieldGenerator>();
    private double[] _nullRates = Array.Empty<double>();
    private ColumnBuilder[] _columns = Array.Empty<ColumnBuilder>();
    private EmitPacer _pacer = null!;
    private readonly Random _random = new();
    private long _limit = long.MaxValue;
    private long _emitted;

    public ValueTask OpenAsync(SourceReaderContext context, CancellationToken cancellationToken)
    {
        _context = context;
        var table = context.Table;
        var options = new TableOptions(table);
        var specs = DatagenFieldSpec.ParseAll(table);
        var zone = SessionTimeZone.Resolve(context.Configuration);
        var physical = table.PhysicalSchema;

        // Every sequence bounds the source, projected or not.
        foreach (var field in physical.Fields)
        {
            var g = DatagenFieldGenerator.Create(specs[field.Name], context.SubtaskIndex, context.Parallelism, context.Clock.NowMicros, zone);
            if (g.RowLimit is { } l) _limit = Math.Min(_limit, l);
        }
        if (options.Get(DatagenOptions.NumberOfRows) is { } rows)
        {
            long share = rows / context.Parallelism + (context.SubtaskIndex < rows % context.Parallelism ? 1 : 0);
            _limit = Math.Min(_limit, share);
        }

        int n = context.ProjectedColumns.Count;
        _generators = new DatagenFieldGenerator[n];
        _nullRates = new double[n];
        _columns = new ColumnBuilder[context.OutputSchema.FieldsList.Count];
        for (int i = 0; i < n; i++)
        {
            var spec = specs[physical[context.ProjectedColumns[i]].Name];
            _generators[i] = DatagenFieldGenerator.Create(spec, context.SubtaskIndex, context.Parallelism, context.Clock.NowMicros, zone);
            _nullRates[i] = spec.Type.Nullable ? spec.NullRate : 0;
        }
        for (int i = 0; i < _columns.Length; i++) _columns[i] = new ColumnBuilder(context.OutputSchema.GetFieldByIndex(i).DataType);

        double rate = options.Get(DatagenOptions.RowsPerSecond);
        _pacer = new EmitPacer(context.Clock, rate / context.Parallelism);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<RecordBatch?> ReadBatchAsync(CancellationToken cancellationToken)
    {
        if (_emitted >= _limit) return null;
        int wanted = (int)Math.Min(_context.MaxBatchRows, _limit - _emitted);
        int count = await _pacer.AcquireAsync(wanted, cancellationToken).ConfigureAwait(false);
        for (int c = 0; c < _generators.Length; c++)
        {
            var generator = _generators[c];
            var column = _columns[c];
            double nullRate = _nullRates[c];
            long index = _emitted;
            for (int r = 0; r < count; r++, index++)
            {
                if (nullRate > 0 && _random.NextDouble() < nullRate) column.AppendNull();
                else generator.Append(column, _random, index);
            }
        }
        // Metadata columns (none are declared) would follow the physical ones: fill them with nulls.
        for (int c = _generators.Length; c < _columns.Length; c++)
            for (int r = 0; r < count; r++) _columns[c].AppendNull();
        _emitted += count;
        var arrays = new IArrowArray[_columns.Length];
        for (int c = 0; c < arrays.Length; c++) arrays[c] = _columns[c].Build();
        return new RecordBatch(_context.OutputSchema, arrays, count);
    }

    public byte[] SnapshotPosition()
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, _emitted);
        return bytes;
    }

    public void RestorePositions(IReadOnlyList<byte[]> positions)
    {
        if (positions.Count != _context.Parallelism)
            throw new NotSupportedException($"this source cannot yet continue at parallelism {_context.Parallelism} from a checkpoint taken at parallelism {positions.Count}");
        RestorePosition(positions[_context.SubtaskIndex]);
    }

    private void RestorePosition(byte[] position) => _emitted = BinaryPrimitives.ReadInt64LittleEndian(position);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
